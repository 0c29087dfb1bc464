package roster

import (
	"errors"
	"strings"
	"unicode"

	"tandem/model"
)

// errStop ends a scan early without being an error.
var errStop = errors.New("stop")

// headerRows is how far down a sheet the header row is looked for.
const headerRows = 20

// minRecognised is how many different fields a row must name to be taken
// as the header.
const minRecognised = 2

// headerNames lists the headers each field is known by, German and
// English. They are compared normalised (see normalizeHeader), so case,
// spaces, punctuation and umlaut spellings do not matter.
var headerNames = []struct {
	field Field
	names []string
}{
	{EmployeeNo, []string{"Personalnr.", "Pers.-Nr.", "Personalnummer", "Personal-Nr.", "Mitarbeiternummer",
		"Mitarbeiter-Nr.", "MA-Nr.", "Mitarbeiter-ID", "Employee ID", "EEID", "Employee No", "Employee Number",
		"Staff ID", "Staff No", "Personnel No", "Personnel Number"}},
	{FirstName, []string{"Vorname", "Vornamen", "First Name", "Given Name", "Forename"}},
	{LastName, []string{"Nachname", "Familienname", "Zuname", "Last Name", "Surname", "Family Name"}},
	{FullName, []string{"Name", "Full Name", "Mitarbeiter(in)", "Mitarbeiter", "Mitarbeitende", "Employee",
		"Employee Name", "Staff Name", "Nachname, Vorname", "Name, Vorname", "Vorname Nachname",
		"Vor- und Nachname", "Vor- und Zuname"}},
	{Salutation, []string{"Anrede", "Salutation", "Geschlecht", "Gender"}},
	{Email, []string{"E-Mail", "Email", "E-Mail-Adresse", "Mail-Adresse", "Mail", "Email Address",
		"E-Mail Address", "Work Email"}},
	{Department, []string{"Abteilung", "Org.-Einheit", "Organisationseinheit", "OE", "Bereich", "Department",
		"Dept", "Division"}},
	{JobTitle, []string{"Position", "Funktion", "Stelle", "Stellenbezeichnung", "Tätigkeit", "Jobtitel",
		"Job Title", "Title", "Job"}},
	{Level, []string{"Führungsebene", "Ebene", "Level", "Hierarchiestufe", "Hierarchieebene", "Hierarchie",
		"Management Level", "Job Level"}},
	{Manager, []string{"Vorgesetzte(r)", "Vorgesetzte", "Führungskraft", "Manager", "Manager ID",
		"Manager No", "Manager Name", "Line Manager", "Reports To", "Supervisor"}},
	{Location, []string{"Standort", "Ort", "Arbeitsort", "Dienstort", "Niederlassung", "Location", "City",
		"Office", "Site"}},
	{BirthYear, []string{"Geburtsjahr", "Jahrgang", "Year of Birth", "Birth Year", "YOB", "Geburtsdatum",
		"Date of Birth", "Birth Date", "DOB"}},
	{Age, []string{"Alter", "Age"}},
	{HireDate, []string{"Eintritt", "Eintrittsdatum", "Eintritt am", "Einstellungsdatum", "Hire Date",
		"Start Date", "Date of Hire", "Joining Date"}},
	{ExitDate, []string{"Austritt", "Austrittsdatum", "Austritt am", "Vertragsende", "Exit Date",
		"Termination Date", "End Date", "Leaving Date"}},
}

// headerIndex maps each normalised header name to its field.
var headerIndex = func() map[string]Field {
	m := make(map[string]Field)
	for _, h := range headerNames {
		for _, n := range h.names {
			m[normalizeHeader(n)] = h.field
		}
	}
	return m
}()

// MatchHeader returns the field a column header stands for, or Ignore. A
// remark in parentheses is tried without ("Vorgesetzte/r (Personalnr.)").
func MatchHeader(header string) Field {
	if f, ok := headerIndex[normalizeHeader(header)]; ok {
		return f
	}
	if short := withoutRemarks(header); short != header {
		return headerIndex[normalizeHeader(short)]
	}
	return Ignore
}

// umlauts spells umlauts and ß the way they are typed without them.
var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// normalizeHeader lower-cases a header, spells out umlauts and keeps only
// letters and digits: "Pers.-Nr." → "persnr", "Führungsebene" →
// "fuehrungsebene", "Mitarbeiter(in)" → "mitarbeiterin".
func normalizeHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, umlauts.Replace(strings.ToLower(s)))
}

// withoutRemarks drops the parts of a header in parentheses or brackets.
func withoutRemarks(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// columnsOf maps a row's cells as headers. It returns every non-empty
// cell as a column and how many different fields they name. A field is
// taken by its first column only. A full-name column is left out when
// first and last name have columns of their own, and is the last name
// next to a first-name column ("Name | Vorname", as German lists have it).
func columnsOf(cells []cell) ([]Column, int) {
	var cols []Column
	used := map[Field]bool{}
	for i, c := range cells {
		h := model.Clean(c.String())
		if h == "" {
			continue
		}
		f := MatchHeader(h)
		if used[f] {
			f = Ignore
		}
		used[f] = true
		cols = append(cols, Column{Index: i, Header: h, Field: f})
	}
	if used[FirstName] && used[FullName] {
		to := LastName
		if used[LastName] {
			to = Ignore
		}
		for i := range cols {
			if cols[i].Field == FullName {
				cols[i].Field = to
			}
		}
		delete(used, FullName)
		used[to] = true
	}
	delete(used, Ignore)
	return cols, len(used)
}

// detectHeader looks for the header among the first rows of sheet i: the
// row naming the most fields, the first of equals. d carries the layout or
// why there is none (empty sheet, no header); err is a file that cannot be
// read.
func detectHeader(b book, i int, name string) (d detection, recognised int, err error) {
	d.layout.Sheet = name
	content := false
	err = b.rows(i, func(row int, cells []cell) error {
		has := hasValue(cells)
		content = content || has
		switch {
		case row > headerRows && content:
			return errStop // a sheet with content only further down has no header
		case !has:
			return nil
		}
		if cols, n := columnsOf(cells); n > recognised {
			recognised, d.layout.HeaderRow, d.layout.Columns = n, row, cols
		}
		return nil
	})
	switch {
	case err == errStop:
		err = nil
	case err != nil:
		return d, 0, err
	}
	switch {
	case !content:
		d.err = refusal("roster.Detect", "empty_sheet", name, nil)
	case recognised < minRecognised:
		d.err = refusal("roster.Detect", "no_header", name, nil)
	}
	return d, recognised, nil
}

// hasValue reports whether any cell holds something.
func hasValue(cells []cell) bool {
	for _, c := range cells {
		if !c.empty() {
			return true
		}
	}
	return false
}
