package roster

import (
	"slices"
	"strings"
	"testing"
)

// TestMatchHeader: German and English headers as staff lists write them.
func TestMatchHeader(t *testing.T) {
	tests := map[Field][]string{
		EmployeeNo: {"Personalnr.", "Pers.-Nr.", "PERSONALNUMMER", "Mitarbeiternummer", "Employee ID", "EEID",
			"Employee No", "employee_no", " Pers. Nr. "},
		FirstName:  {"Vorname", "First Name", "firstname", "VORNAME "},
		LastName:   {"Nachname", "Familienname", "Last Name", "Surname", "last_name"},
		FullName:   {"Name", "Full Name", "Mitarbeiter(in)", "Mitarbeiter/in", "Mitarbeiter:in", "Nachname, Vorname"},
		Salutation: {"Anrede", "Salutation"},
		Email:      {"E-Mail", "Mail-Adresse", "Email", "E-Mail-Adresse", "e-mail (dienstlich)", "EMAIL ADDRESS"},
		Department: {"Abteilung", "Org.-Einheit", "Bereich", "Department"},
		JobTitle:   {"Position", "Funktion", "Stelle", "Job Title", "Title", "Tätigkeit", "Taetigkeit"},
		Level:      {"Führungsebene", "Fuehrungsebene", "Ebene", "Level", "Hierarchiestufe"},
		Manager: {"Vorgesetzte(r)", "Vorgesetzte/r", "Vorgesetzter", "Führungskraft", "Manager", "Manager ID",
			"Vorgesetzte/r (Personalnr.)"},
		Location:  {"Standort", "Ort", "Location", "City", "Office"},
		BirthYear: {"Geburtsjahr", "Jahrgang", "Year of Birth", "Birth Year", "Geburtsdatum"},
		Age:       {"Alter", "Age", "Alter (Jahre)"},
		HireDate:  {"Eintritt", "Eintrittsdatum", "Hire Date", "Start Date", "Eintritt [TT.MM.JJJJ]"},
		ExitDate:  {"Austritt", "Austrittsdatum", "Exit Date", "Termination Date"},
		Ignore:    {"", "Bemerkung", "Mitarbeiterliste Muster Maschinenbau GmbH", "Stand: 01.10.2026", "Titel"},
	}
	for want, headers := range tests {
		for _, h := range headers {
			if got := MatchHeader(h); got != want {
				t.Errorf("MatchHeader(%q) = %q, want %q", h, got, want)
			}
		}
	}
}

// TestHeaderNamesDistinct: no spelling stands for two fields.
func TestHeaderNamesDistinct(t *testing.T) {
	seen := map[string]Field{}
	for _, h := range headerNames {
		if !slices.Contains(Fields, h.field) {
			t.Errorf("%q is not in Fields", h.field)
		}
		for _, n := range h.names {
			k := normalizeHeader(n)
			if f, ok := seen[k]; ok && f != h.field {
				t.Errorf("%q means %q and %q", n, f, h.field)
			}
			seen[k] = h.field
		}
	}
}

// TestColumnsOf: a field is mapped once; a full-name column gives way to
// first and last name columns.
func TestColumnsOf(t *testing.T) {
	row := func(hs ...string) []cell {
		cs := make([]cell, len(hs))
		for i, h := range hs {
			cs[i] = cell{text: h}
		}
		return cs
	}
	tests := []struct {
		cells []cell
		want  []Field
		n     int
	}{
		{row("Name", "Vorname", "Nachname", "E-Mail", "E-Mail"), []Field{Ignore, FirstName, LastName, Email, Ignore}, 3},
		{row("Name", "E-Mail", "", " Abteilung "), []Field{FullName, Email, Department}, 3},
		{row("Name", "Vorname", "Geburtsjahr"), []Field{LastName, FirstName, BirthYear}, 3},
		{row("Titel", "Bemerkung"), []Field{Ignore, Ignore}, 0},
	}
	for _, tt := range tests {
		cols, n := columnsOf(tt.cells)
		var got []Field
		for _, c := range cols {
			got = append(got, c.Field)
		}
		if !slices.Equal(got, tt.want) || n != tt.n {
			t.Errorf("%v: %v (%d), want %v (%d)", tt.cells, got, n, tt.want, tt.n)
		}
	}
}

// TestLayoutKey: the same headers give the same key, whatever the case.
func TestLayoutKey(t *testing.T) {
	a := Layout{Columns: []Column{{Header: "Nachname"}, {Header: "E-Mail"}}}
	b := Layout{Sheet: "Tabelle2", HeaderRow: 3, Columns: []Column{{Header: "NACHNAME", Field: FullName}, {Header: "e-mail"}}}
	c := Layout{Columns: []Column{{Header: "Nachname E-Mail"}}}
	if a.Key() != b.Key() || a.Key() == c.Key() {
		t.Errorf("keys %q %q %q", a.Key(), b.Key(), c.Key())
	}
}

// FuzzMatchHeader: any text gives a field without panicking, the same one
// each time and with spaces around it.
func FuzzMatchHeader(f *testing.F) {
	for _, h := range headerNames {
		for _, n := range h.names {
			f.Add(n)
		}
	}
	f.Add("Vorgesetzte/r (Personalnr.")
	f.Add("((]]\xff\xfe)")
	f.Fuzz(func(t *testing.T, header string) {
		got := MatchHeader(header)
		if got != MatchHeader(header) || got != MatchHeader("  "+header+"\t") {
			t.Fatalf("MatchHeader(%q) is not stable", header)
		}
		if got != Ignore && !slices.Contains(Fields, got) {
			t.Fatalf("MatchHeader(%q) = %q, not a field", header, got)
		}
		if strings.TrimSpace(header) == "" && got != Ignore {
			t.Fatalf("blank header mapped to %q", got)
		}
	})
}
