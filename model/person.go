package model

import (
	"net/mail"
	"strings"
	"time"
)

// Levels of the hierarchy, from top management (1) to trainees (5).
const (
	LevelTop     = 1
	LevelTrainee = 5
)

// Salutations a person may be addressed with in letters and sentences.
const (
	SalutationNone = ""
	SalutationMs   = "ms"
	SalutationMr   = "mr"
)

// Source records where a person's data came from.
type Source struct {
	File     string    `json:"file,omitempty"`
	Imported time.Time `json:"imported,omitzero"`
}

// Person is a member of staff, usually taken from the company's staff list.
// A person whose exit date has passed is a former employee: kept for
// history, but not enrolled any more.
type Person struct {
	Meta
	EmployeeNo string   `json:"employeeNo,omitempty"` // unique when set; text, leading zeros kept
	Salutation string   `json:"salutation,omitempty"`
	FirstName  string   `json:"firstName"`
	LastName   string   `json:"lastName"`
	Email      string   `json:"email,omitempty"` // unique, ignoring case
	Department string   `json:"department,omitempty"`
	JobTitle   string   `json:"jobTitle,omitempty"`
	Level      int      `json:"level,omitempty"`     // 1 top management … 5 trainee; 0 unknown
	ManagerNo  string   `json:"managerNo,omitempty"` // the manager's employee number
	Location   string   `json:"location,omitempty"`
	Languages  []string `json:"languages,omitempty"`
	BirthYear  int      `json:"birthYear,omitempty"` // 0 unknown
	HireDate   Date     `json:"hireDate,omitzero"`
	ExitDate   Date     `json:"exitDate,omitzero"`
	Source     Source   `json:"source,omitzero"`
	// Erased is the day the person's personal data was erased (GDPR): the
	// record is an anonymous placeholder since (see Person.Erase).
	Erased Date `json:"erased,omitzero"`
}

// FullName returns "First Last".
func (p *Person) FullName() string { return strings.TrimSpace(p.FirstName + " " + p.LastName) }

// SortName returns "Last, First", the order of lists.
func (p *Person) SortName() string {
	if p.FirstName == "" {
		return p.LastName
	}
	return p.LastName + ", " + p.FirstName
}

// Former reports whether the person has left the company by today.
func (p *Person) Former(today Date) bool {
	return !p.ExitDate.IsZero() && !p.ExitDate.After(today)
}

// EmailKey is the e-mail address as the unique index compares it.
func (p *Person) EmailKey() string { return strings.ToLower(p.Email) }

// Normalize cleans every text field the way Validate expects it.
func (p *Person) Normalize() {
	for _, f := range []*string{&p.EmployeeNo, &p.FirstName, &p.LastName, &p.Email,
		&p.Department, &p.JobTitle, &p.ManagerNo, &p.Location} {
		*f = Clean(*f)
	}
	p.Email = strings.ReplaceAll(p.Email, " ", "")
	p.Languages = CleanList(p.Languages)
}

// Validate checks the person's fields and returns an Invalid error naming
// every field that breaks a rule. The current year bounds the birth year.
func (p *Person) Validate() error {
	var ps problems
	if p.FirstName == "" && p.Erased.IsZero() {
		ps.add("firstName", "required")
	}
	if p.LastName == "" {
		ps.add("lastName", "required")
	}
	if p.Email != "" && !ValidEmail(p.Email) {
		ps.add("email", "email")
	}
	if p.Level < 0 || p.Level > LevelTrainee {
		ps.add("level", "level")
	}
	if p.BirthYear != 0 && (p.BirthYear < 1900 || p.BirthYear > time.Now().Year()-14) {
		ps.add("birthYear", "birth_year")
	}
	if p.ManagerNo != "" && p.ManagerNo == p.EmployeeNo {
		ps.add("managerNo", "own_manager")
	}
	if !p.HireDate.IsZero() && !p.ExitDate.IsZero() && p.ExitDate.Before(p.HireDate) {
		ps.add("exitDate", "exit_before_hire")
	}
	switch p.Salutation {
	case SalutationNone, SalutationMs, SalutationMr:
	default:
		ps.add("salutation", "choice")
	}
	return ps.err("person")
}

// ValidEmail reports whether s is a plain e-mail address such as
// "anna.schulz@example.de" (no display name, a dot in the domain).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") &&
		!strings.HasPrefix(domain, ".")
}
