package roster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/model"
)

var (
	planToday   = model.NewDate(2025, 6, 30)
	planSource  = model.Source{File: "liste.xlsx", Imported: time.Date(2025, 6, 30, 10, 0, 0, 0, time.UTC)}
	planEarlier = model.Source{File: "alt.xlsx", Imported: time.Date(2024, 1, 2, 10, 0, 0, 0, time.UTC)}
	staffAnna   = model.Person{EmployeeNo: "100", FirstName: "Anna", LastName: "Schulz", Email: "anna.schulz@example.de", Department: "IT", Level: 3, BirthYear: 1980}
	staffBen    = model.Person{EmployeeNo: "101", FirstName: "Ben", LastName: "Özdemir", Email: "ben@example.de", Department: "Vertrieb", Level: 4, BirthYear: 1990}
	staffJoerg  = model.Person{EmployeeNo: "102", FirstName: "Jörg", LastName: "Weiß", Department: "Einkauf", Level: 2, BirthYear: 1970}
	staffClara  = model.Person{FirstName: "Clara", LastName: "Klein", Email: "clara@example.de", BirthYear: 1995}
)

// stored gives the persons ids 1, 2, … and an planEarlier planSource, as the
// database has them.
func storedPersons(ps ...model.Person) []model.Person {
	out := slices.Clone(ps)
	for i := range out {
		out[i].ID = model.ID(i + 1)
		out[i].Source = planEarlier
	}
	return out
}

// rows makes records of persons, numbered from row 2; with changes applied.
func recordsOf(ps ...model.Person) []Record {
	out := make([]Record, len(ps))
	for i, p := range ps {
		out[i] = Record{Row: i + 2, Person: p}
	}
	return out
}

// with returns p changed by fn.
func withChange(p model.Person, fn func(p *model.Person)) model.Person {
	fn(&p)
	return p
}

// describe writes a plan as lines a test can compare.
func describePlan(pl *Plan) []string {
	var out []string
	entries := func(kind string, es []Entry) {
		for _, e := range es {
			line := fmt.Sprintf("%s %d %s #%d", kind, e.Row, e.Person.FullName(), e.Person.ID)
			for _, c := range e.Changes {
				line += fmt.Sprintf(" %s:%s→%s", c.Field, c.Old, c.New)
			}
			if e.Former {
				line += " former"
			}
			out = append(out, line)
		}
	}
	entries("new", pl.New)
	entries("changed", pl.Changed)
	entries("unchanged", pl.Unchanged)
	for _, r := range pl.Rejected {
		out = append(out, fmt.Sprintf("rejected %d %s:%s %s %v", r.Row, r.Problem.Field, r.Problem.Code, r.Problem.Arg, r.Rows))
	}
	for _, p := range pl.Missing {
		out = append(out, "missing "+p.FullName())
	}
	return out
}

func TestMakePlan(t *testing.T) {
	tests := []struct {
		name     string
		existing []model.Person
		records  []Record
		want     []string
	}{
		{"new and unchanged", storedPersons(staffAnna), recordsOf(staffAnna, staffBen),
			[]string{"new 3 Ben Özdemir #0", "unchanged 2 Anna Schulz #1"}},
		{"changed by employee number", storedPersons(staffAnna, staffBen),
			recordsOf(withChange(staffAnna, func(p *model.Person) { p.Department, p.Email = "Personal", "Anna.Schulz@example.de" }), staffBen),
			[]string{"changed 2 Anna Schulz #1 email:anna.schulz@example.de→Anna.Schulz@example.de department:IT→Personal",
				"unchanged 3 Ben Özdemir #2"}},
		{"by e-mail ignoring case", storedPersons(staffClara), recordsOf(withChange(staffClara, func(p *model.Person) {
			p.Email, p.EmployeeNo, p.LastName = "CLARA@example.de", "200", "Klein-Berg"
		})), []string{"changed 2 Clara Klein-Berg #1 employeeNo:→200 lastName:Klein→Klein-Berg email:clara@example.de→CLARA@example.de"}},
		{"by name and birth year", storedPersons(staffClara), recordsOf(withChange(staffClara, func(p *model.Person) {
			p.Email, p.FirstName, p.Level = "", "CLÄRA", 5
		})), []string{"changed 2 CLÄRA Klein #1 firstName:Clara→CLÄRA level:→5"}},
		{"names without birth year are not enough", storedPersons(withChange(staffClara, func(p *model.Person) { p.BirthYear = 0 })),
			recordsOf(withChange(staffClara, func(p *model.Person) { p.Email = "" })),
			[]string{"new 2 Clara Klein #0", "missing Clara Klein"}},
		{"birth year known on one side only", storedPersons(staffClara),
			recordsOf(withChange(staffClara, func(p *model.Person) { p.Email, p.BirthYear = "", 0 })),
			[]string{"new 2 Clara Klein #0", "missing Clara Klein"}},
		{"e-mail of someone with another number", storedPersons(staffAnna),
			recordsOf(withChange(staffBen, func(p *model.Person) { p.Email = "ANNA.schulz@example.de" })),
			[]string{"rejected 2 email:email_taken Anna Schulz [2]"}},
		{"number of another person matched by e-mail", storedPersons(staffAnna, staffBen),
			recordsOf(withChange(staffBen, func(p *model.Person) { p.EmployeeNo = "100" })),
			[]string{"rejected 2 email:email_taken Ben Özdemir [2]"}},
		{"duplicate employee numbers in the file", nil,
			recordsOf(staffAnna, staffBen, withChange(staffJoerg, func(p *model.Person) { p.EmployeeNo = "100" })),
			[]string{"new 3 Ben Özdemir #0", "rejected 2 employeeNo:duplicate_employee_no 2, 4 [2 4]",
				"rejected 4 employeeNo:duplicate_employee_no 2, 4 [2 4]"}},
		{"duplicate e-mail in the file", storedPersons(staffAnna),
			recordsOf(staffAnna, withChange(staffBen, func(p *model.Person) { p.Email = "Anna.Schulz@Example.de" })),
			[]string{"rejected 2 email:duplicate_email 2, 3 [2 3]", "rejected 3 email:duplicate_email 2, 3 [2 3]"}},
		{"two rows for one person", storedPersons(staffAnna),
			recordsOf(staffAnna, withChange(staffAnna, func(p *model.Person) { p.EmployeeNo = "" })),
			[]string{"rejected 2 email:duplicate_email 2, 3 [2 3]", "rejected 3 email:duplicate_email 2, 3 [2 3]"}},
		{"two rows matching one person by different keys", storedPersons(staffClara), recordsOf(
			withChange(staffClara, func(p *model.Person) { p.EmployeeNo = "300" }),
			withChange(staffClara, func(p *model.Person) { p.Email = "" })),
			[]string{"rejected 2 person:duplicate_person 2, 3 [2 3]", "rejected 3 person:duplicate_person 2, 3 [2 3]"}},
		{"problems of the reader and of Validate", storedPersons(staffAnna), []Record{
			{Row: 2, Person: staffAnna, Problems: []model.Problem{{Field: "hireDate", Code: "date", Arg: "31.02.2020"}, {Field: "level", Code: "level"}}},
			{Row: 3, Person: withChange(staffBen, func(p *model.Person) { p.HireDate, p.ExitDate = planToday, planToday.AddDays(-1) })},
			{Row: 4, Person: withChange(staffJoerg, func(p *model.Person) { p.Salutation = "dr" })},
		}, []string{"rejected 2 hireDate:date 31.02.2020 [2]", "rejected 3 exitDate:exit_before_hire  [3]",
			"rejected 4 salutation:choice  [4]"}},
		{"former employees", storedPersons(staffAnna, staffBen), recordsOf(
			withChange(staffAnna, func(p *model.Person) { p.ExitDate = planToday }),
			withChange(staffJoerg, func(p *model.Person) { p.ExitDate = planToday.AddDays(-400) }),
			withChange(staffClara, func(p *model.Person) { p.ExitDate = planToday.AddDays(1) })),
			[]string{"new 3 Jörg Weiß #0 former", "new 4 Clara Klein #0",
				"changed 2 Anna Schulz #1 exitDate:→2025-06-30 former", "missing Ben Özdemir"}},
		{"formers are not missing", storedPersons(staffAnna, withChange(staffBen, func(p *model.Person) { p.ExitDate = planToday })), recordsOf(staffAnna),
			[]string{"unchanged 2 Anna Schulz #1"}},
		{"nothing imported, nobody missing", storedPersons(staffAnna, staffBen), []Record{{Row: 2, Problems: []model.Problem{{Field: "lastName", Code: "required"}}}},
			[]string{"rejected 2 lastName:required  [2]"}},
		{"fields the list does not carry are kept", storedPersons(withChange(staffAnna, func(p *model.Person) { p.Location = "Köln" })),
			recordsOf(model.Person{EmployeeNo: "100", FirstName: "Anna", LastName: "Schulz"}),
			[]string{"unchanged 2 Anna Schulz #1"}},
		{"an emptied cell clears a carried field", storedPersons(staffAnna, staffBen),
			recordsOf(withChange(staffAnna, func(p *model.Person) { p.Department, p.Level = "", 0 }), staffBen),
			[]string{"changed 2 Anna Schulz #1 department:IT→ level:3→", "unchanged 3 Ben Özdemir #2"}},
		{"cells are cleaned", storedPersons(staffAnna),
			recordsOf(withChange(staffAnna, func(p *model.Person) { p.LastName, p.Email = "  Schulz\u00a0 ", " anna.schulz@example.de" })),
			[]string{"unchanged 2 Anna Schulz #1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			existing := slices.Clone(tc.existing)
			pl := MakePlan(tc.records, existing, planToday, planSource)
			got := describePlan(pl)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("plan\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if !slices.EqualFunc(existing, tc.existing, func(a, b model.Person) bool { return a.ID == b.ID && a.FullName() == b.FullName() }) {
				t.Fatal("MakePlan changed the existing persons")
			}
			for _, e := range append(slices.Clone(pl.New), pl.Changed...) {
				if e.Person.Source != planSource {
					t.Errorf("row %d: planSource %+v", e.Row, e.Person.Source)
				}
			}
			for _, e := range pl.Unchanged {
				if e.Person.Source != planEarlier {
					t.Errorf("unchanged row %d got planSource %+v", e.Row, e.Person.Source)
				}
			}
			for _, r := range pl.Rejected {
				if r.Rows[0] > r.Row || !slices.Contains(r.Rows, r.Row) || !slices.IsSorted(r.Rows) {
					t.Errorf("rejection rows %v of row %d", r.Rows, r.Row)
				}
			}
		})
	}
}

func TestPlanFormer(t *testing.T) {
	pl := MakePlan(recordsOf(withChange(staffAnna, func(p *model.Person) { p.ExitDate = planToday }), staffBen,
		withChange(staffJoerg, func(p *model.Person) { p.ExitDate = planToday.AddDays(-1) })),
		storedPersons(withChange(staffJoerg, func(p *model.Person) { p.ExitDate = planToday.AddDays(-1) })), planToday, planSource)
	if n := pl.Former(); n != 2 {
		t.Fatalf("Former() = %d, want 2: %v", n, describePlan(pl))
	}
}

func TestMakePlanManagers(t *testing.T) {
	max1 := model.Person{EmployeeNo: "400", FirstName: "Max", LastName: "Muster"}
	max2 := model.Person{EmployeeNo: "401", FirstName: "Max", LastName: "Muster", Email: "max2@example.de"}
	clara := withChange(staffClara, func(p *model.Person) { p.EmployeeNo = "300" })
	existing := storedPersons(staffJoerg, max1, max2)
	tests := []struct {
		ref, no string // the manager cell as written, ManagerNo set by the reader
		want    string
	}{
		{"Weiß, Jörg", "", "102"},
		{"JORG WEISS", "", "102"},
		{"  jörg   weiß ", "", "102"},
		{"Klein, Clara", "", "300"}, // a row of the list
		{"Max Muster", "", ""},      // two peopleIndex of that name
		{"Erika Unbekannt", "", ""},
		{"102", "", "102"},
		{"999", "", "999"}, // a number not known: kept as a number
		{"", "102", "102"},
		{"Weiß, Jörg", "400", "400"}, // the reader's number wins
	}
	for _, tc := range tests {
		t.Run(tc.ref+"/"+tc.no, func(t *testing.T) {
			recs := recordsOf(clara, withChange(staffAnna, func(p *model.Person) { p.ManagerNo = tc.no }))
			recs[1].ManagerRef = tc.ref
			pl := MakePlan(recs, existing, planToday, planSource)
			if len(pl.New) != 2 || len(pl.Rejected) != 0 {
				t.Fatalf("plan %v", describePlan(pl))
			}
			if got := pl.New[1].Person.ManagerNo; got != tc.want {
				t.Fatalf("manager %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMakePlanManagerCarried(t *testing.T) {
	old := withChange(staffAnna, func(p *model.Person) { p.ManagerNo = "102" })
	existing := storedPersons(old, staffJoerg)
	// The list names managerIndex: a name that cannot be resolved clears the manager.
	recs := recordsOf(staffAnna, staffJoerg)
	recs[0].ManagerRef = "Niemand Bekannt"
	recs[1].ManagerRef = "Schulz, Anna"
	if got := describePlan(MakePlan(recs, existing, planToday, planSource)); !slices.Equal(got, []string{
		"changed 2 Anna Schulz #1 managerNo:102→", "changed 3 Jörg Weiß #2 managerNo:→100"}) {
		t.Fatalf("plan %v", got)
	}
	// Without a manager column the managerIndex stay.
	if got := describePlan(MakePlan(recordsOf(staffAnna, staffJoerg), existing, planToday, planSource)); !slices.Equal(got, []string{
		"unchanged 2 Anna Schulz #1", "unchanged 3 Jörg Weiß #2"}) {
		t.Fatalf("plan %v", got)
	}
	// Being one's own manager is dupGroup.
	recs = recordsOf(staffAnna)
	recs[0].ManagerRef = "Anna Schulz"
	if got := describePlan(MakePlan(recs, existing, planToday, planSource)); !slices.Equal(got, []string{
		"rejected 2 managerNo:own_manager  [2]"}) {
		t.Fatalf("plan %v", got)
	}
}

func TestFoldName(t *testing.T) {
	for _, s := range []string{"", "Jörg Weiß", "ÆSOP Øre", "Łukasz Dąbrowski", "İlkay Işık", "e\u0301", "日本", "\xff\xfeA",
		"Zoë ÄÖÜ", "Ǆemal", "ΑΒΓ"} {
		if got, want := foldName(s), model.Fold(s); got != want {
			t.Errorf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x800; r++ {
		s := "A" + string(r) + "b"
		if got, want := foldName(s), model.Fold(s); got != want {
			t.Fatalf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFoldName(f *testing.F) {
	f.Add("Jörg Weiß")
	f.Add("Nachname, Vorname")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldName(s), model.Fold(s); got != want {
			t.Fatalf("foldName(%q) = %q, want %q", s, got, want)
		}
	})
}
