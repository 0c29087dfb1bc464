package roster

import (
	"slices"
	"testing"

	"tandem/model"
)

// TestSplitFullName: "Nachname, Vorname" at the comma, else the last word
// with its particles.
func TestSplitFullName(t *testing.T) {
	tests := []struct{ in, first, last string }{
		{"Anna Schulz", "Anna", "Schulz"},
		{"Schulz, Anna", "Anna", "Schulz"},
		{"Schulz,Anna Maria", "Anna Maria", "Schulz"},
		{"von der Heide, Anna", "Anna", "von der Heide"},
		{"Anna von der Heide", "Anna", "von der Heide"},
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven"},
		{"Maria de la Cruz", "Maria", "de la Cruz"},
		{"Anna Maria Schulz", "Anna Maria", "Schulz"},
		{"Hans-Peter Müller-Lüdenscheidt", "Hans-Peter", "Müller-Lüdenscheidt"},
		{"Lisa De Luca", "Lisa", "De Luca"},
		{"Van Morrison", "Van", "Morrison"},
		{"Schulz", "", "Schulz"},
		{"Schulz,", "", "Schulz"},
	}
	for _, tt := range tests {
		if first, last := splitFullName(tt.in); first != tt.first || last != tt.last {
			t.Errorf("splitFullName(%q) = %q, %q; want %q, %q", tt.in, first, last, tt.first, tt.last)
		}
	}
}

// TestWholeNumber: levels and years as people write them.
func TestWholeNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"2", 2, true}, {"2.0", 2, true}, {"2,0", 2, true}, {"Ebene 2", 2, true}, {"E2", 2, true},
		{"Level 3 (Teamleitung)", 3, true}, {"Jg. 1985", 1985, true},
		{"2.5", 0, false}, {"1-5", 0, false}, {"zwei", 0, false}, {"", 0, false}, {"NaN", 0, false},
		{"Inf", 0, false}, {"12345678901", 0, false},
	}
	for _, tt := range tests {
		if got, ok := wholeNumber(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("wholeNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestSalutation reads the common ways of writing it.
func TestSalutation(t *testing.T) {
	for in, want := range map[string]string{"Frau": model.SalutationMs, "Herr": model.SalutationMr,
		"Hr.": model.SalutationMr, "Ms.": model.SalutationMs, "Mr": model.SalutationMr, "Frau Dr.": model.SalutationMs,
		"w": model.SalutationMs, "m": model.SalutationMr, "divers": "", "": "", "Dr.": ""} {
		if got := salutationOf(in); got != want {
			t.Errorf("salutationOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRecordValues reads each field from text as HR writes it, with the
// problems the reader names.
func TestRecordValues(t *testing.T) {
	text := "Anrede;Name;E-Mail;Ebene;Vorgesetzte(r);Alter;Jahrgang;Eintritt;Austritt;Personalnr.\n" +
		"Frau;Schulz, Anna;mailto:Anna.Schulz@Example.de;Ebene 2;00100;;1985;1.4.2020;;00042\n" +
		"Herr;Jonas von\u00a0Weber;jonas weber@example.de;E3;Anna Schulz;40;;2020-04-01;31.12.25;100\n" +
		";Lena  Brandt ;;sechs;;;85;13.13.2020;;\n" +
		";;kein-at-zeichen.de;;;;07.09.1985;;;\n"
	_, recs, err := readCSV(t, text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{Row: 2, Person: model.Person{Salutation: model.SalutationMs, FirstName: "Anna", LastName: "Schulz",
			Email: "Anna.Schulz@Example.de", Level: 2, ManagerNo: "00100", BirthYear: 1985,
			HireDate: model.NewDate(2020, 4, 1), EmployeeNo: "00042"}, ManagerRef: "00100"},
		{Row: 3, Person: model.Person{Salutation: model.SalutationMr, FirstName: "Jonas", LastName: "von Weber",
			Email: "jonasweber@example.de", Level: 3, BirthYear: 1986, HireDate: model.NewDate(2020, 4, 1),
			ExitDate: model.NewDate(2025, 12, 31), EmployeeNo: "100"}, ManagerRef: "Anna Schulz"},
		{Row: 4, Person: model.Person{FirstName: "Lena", LastName: "Brandt", BirthYear: 1985},
			Problems: []model.Problem{{Field: "level", Code: "level", Arg: "sechs"},
				{Field: "hireDate", Code: "date", Arg: "13.13.2020"}}},
		{Row: 5, Person: model.Person{Email: "kein-at-zeichen.de", BirthYear: 1985},
			Problems: []model.Problem{{Field: "firstName", Code: "required"}, {Field: "lastName", Code: "required"},
				{Field: "email", Code: "email", Arg: "kein-at-zeichen.de"}}},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i, w := range want {
		got := recs[i]
		if got.Row != w.Row || !sameValues(got.Person, w.Person) || got.ManagerRef != w.ManagerRef ||
			!slices.Equal(got.Problems, w.Problems) {
			t.Errorf("record %d:\n got %+v %q %v\nwant %+v %q %v", i, got.Person, got.ManagerRef, got.Problems,
				w.Person, w.ManagerRef, w.Problems)
		}
	}
	if got := recs[1].Values[1]; got != "Jonas von Weber" {
		t.Errorf("value %q, want the cleaned cell", got)
	}
}

// TestNameColumns: one name column, alone or as the last name next to a
// first-name column.
func TestNameColumns(t *testing.T) {
	tests := []struct{ text, first, last string }{
		{"Name;Vorname\nMüller Lüdenscheidt;Hans\n", "Hans", "Müller Lüdenscheidt"},
		{"Mitarbeiter(in);E-Mail\nvon der Heide, Anna;a@b.de\n", "Anna", "von der Heide"},
		{"Full Name,Email\nAnna von der Heide,a@b.de\n", "Anna", "von der Heide"},
	}
	for _, tt := range tests {
		_, recs, err := readCSV(t, tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if p := recs[0].Person; p.FirstName != tt.first || p.LastName != tt.last || recs[0].Problems != nil {
			t.Errorf("%q: %q %q %v, want %q %q", tt.text, p.FirstName, p.LastName, recs[0].Problems, tt.first, tt.last)
		}
	}
}
