package model

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold prepares text for searching: lower case, without accents, ß as ss —
// so "muller" and "Müller", "grosz" and "Groß" find each other.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ł' || r == 'Ł':
			b.WriteByte('l')
		case r == 'ı':
			b.WriteByte('i')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// SearchText is what a search for a person looks through: names, e-mail,
// employee number, department, job title and location, folded.
func (p *Person) SearchText() string {
	return Fold(strings.Join([]string{p.FirstName, p.LastName, p.Email, p.EmployeeNo,
		p.Department, p.JobTitle, p.Location}, "\x00"))
}

// PersonFilter selects people for the staff list. Former employees are left
// out unless asked for.
type PersonFilter struct {
	Query         string // words that must all occur, in any order
	Department    string // "" for all
	Level         int    // 0 for all
	IncludeFormer bool
	Today         Date
}

// Apply returns the indexes of the people that pass the filter, in order.
// searchText[i] must be people[i].SearchText(), computed once per list.
func (f PersonFilter) Apply(people []Person, searchText []string) []int {
	words := strings.Fields(Fold(f.Query))
	out := make([]int, 0, len(people))
next:
	for i := range people {
		p := &people[i]
		if !f.IncludeFormer && p.Former(f.Today) ||
			f.Department != "" && p.Department != f.Department ||
			f.Level != 0 && p.Level != f.Level {
			continue
		}
		for _, w := range words {
			if !strings.Contains(searchText[i], w) {
				continue next
			}
		}
		out = append(out, i)
	}
	return out
}

// Distinct returns the distinct non-empty values of one field of people,
// sorted alphabetically — the choices of a department or location filter.
func Distinct(people []Person, field func(*Person) string) []string {
	seen := map[string]bool{}
	var out []string
	for i := range people {
		v := field(&people[i])
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(Fold(a), Fold(b)) })
	return out
}
