package store

import (
	"path/filepath"
	"slices"
	"testing"

	"tandem/model"
)

// TestImportPersons writes creates, updates and formers in one call, with
// one audit entry for all of them.
func TestImportPersons(t *testing.T) {
	s, _ := openTest(t)
	ids := fill(t, s, 3)
	before, err := s.Audit()
	must(t, err)

	upd, err := s.Person(ids[0])
	must(t, err)
	upd.Department = "Einkauf und Logistik"
	creates := []model.Person{*newPerson(10), *newPerson(11)}
	creates[0].ID = 99 // ignored: creates get the next ids
	must(t, s.ImportPersons(creates, []model.Person{upd}, []model.ID{ids[1]}, "Import aus liste.xlsx: 2 neu"))

	all, err := s.Persons()
	must(t, err)
	if len(all) != 5 {
		t.Fatalf("%d persons, want 5", len(all))
	}
	if creates[0].ID != 99 {
		t.Fatal("the creates slice was changed")
	}
	for _, no := range []string{"00010", "00011"} {
		p, err := s.PersonByEmployeeNo(no)
		must(t, err)
		if p.ID <= ids[2] || p.Created.IsZero() {
			t.Fatalf("created %+v", p.Meta)
		}
	}
	got, err := s.Person(ids[0])
	must(t, err)
	if got.Department != "Einkauf und Logistik" || !got.Updated.After(got.Created) {
		t.Fatalf("updated %+v", got)
	}
	former, err := s.Person(ids[1])
	must(t, err)
	if today := model.DateOf(former.Updated); former.ExitDate != today || !former.Former(today) {
		t.Fatalf("former exit %v, updated %v", former.ExitDate, former.Updated)
	}

	after, err := s.Audit()
	must(t, err)
	if len(after) != len(before)+1 {
		t.Fatalf("%d new audit entries, want 1", len(after)-len(before))
	}
	if e := after[0]; e.Action != "import" || e.Entity != "person" || e.Summary != "Import aus liste.xlsx: 2 neu" {
		t.Fatalf("audit entry %+v", e)
	}
	// A later save is audited as before.
	got.JobTitle = "Leitung"
	must(t, s.SavePerson(&got))
	if log, _ := s.Audit(); log[0].Action != "update" {
		t.Fatalf("audit after import %+v", log[0])
	}
}

// TestImportPersonsAllOrNothing: any failure leaves the file as it was.
func TestImportPersonsAllOrNothing(t *testing.T) {
	s, _ := openTest(t)
	ids := fill(t, s, 2)
	p0, err := s.Person(ids[0])
	must(t, err)
	taken := *newPerson(20)
	taken.Email = "PERSON1@example.de" // person 1's address, in other case
	renamed := p0
	renamed.LastName = "Neu"
	invalid := *newPerson(21)
	invalid.Email = "kein-at-zeichen.de"

	tests := []struct {
		name     string
		creates  []model.Person
		updates  []model.Person
		formers  []model.ID
		kind     model.Kind
		problems []model.Problem
	}{
		{"e-mail taken in the middle", []model.Person{*newPerson(5), taken, *newPerson(6)}, []model.Person{renamed}, nil,
			model.Conflict, []model.Problem{{Field: "email", Code: "taken", Arg: newPerson(1).FullName()}}},
		{"employee number taken by an update", nil, []model.Person{renamed, func() model.Person {
			p := p0
			p.ID = ids[1]
			p.Email = "other@example.de"
			return p
		}()}, nil, model.Conflict, []model.Problem{{Field: "employeeNo", Code: "taken", Arg: renamed.FullName()}}},
		{"two creates with one e-mail", []model.Person{*newPerson(7), *newPerson(7)}, nil, nil, model.Conflict, nil},
		{"invalid", []model.Person{*newPerson(8), invalid}, nil, nil, model.Invalid,
			[]model.Problem{{Field: "email", Code: "email"}}},
		{"update of a missing person", nil, []model.Person{renamed, {Meta: model.Meta{ID: 999}, FirstName: "A", LastName: "B"}},
			nil, model.NotFound, nil},
		{"update without id", nil, []model.Person{*newPerson(9)}, nil, model.NotFound, nil},
		{"former missing", []model.Person{*newPerson(10)}, nil, []model.ID{ids[1], 777}, model.NotFound, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, err := s.Audit()
			must(t, err)
			err = s.ImportPersons(tc.creates, tc.updates, tc.formers, "Import")
			e := wantKind(t, err, tc.kind)
			if e.Op != "store.ImportPersons" {
				t.Errorf("op %q", e.Op)
			}
			for _, p := range tc.problems {
				if !slices.Contains(e.Problems, p) {
					t.Errorf("problems %+v, want %+v", e.Problems, p)
				}
			}
			all, err := s.Persons()
			must(t, err)
			if len(all) != 2 || all[0].LastName == "Neu" || all[1].LastName == "Neu" || all[0].Former(model.DateOf(s.opt.Now())) {
				t.Fatalf("persons after a failed import: %+v", all)
			}
			if after, _ := s.Audit(); len(after) != len(before) {
				t.Fatal("audit entry of a failed import")
			}
			must(t, s.Check())
		})
	}
}

// BenchmarkImportPersons10000 imports 10 000 new persons into a new file.
// Target (with parsing the list): ≤ 0.25 s.
func BenchmarkImportPersons10000(b *testing.B) {
	ps := make([]model.Person, 10000)
	for i := range ps {
		ps[i] = *newPerson(i)
	}
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "tandem.db"), Options{User: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.ImportPersons(ps, nil, nil, "Import"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// TestImportPersonsSeq takes the persons one by one, stores the same JSON
// as a single save and leaves the caller's persons as they were.
func TestImportPersonsSeq(t *testing.T) {
	s, _ := openTest(t)
	creates := []model.Person{*newPerson(20), *newPerson(21)}
	creates[1].Department = "  Forschung <&> Entwicklung "
	want := creates[1]
	must(t, s.ImportPersonsSeq(slices.Values([]*model.Person{&creates[0], &creates[1]}), nil, nil, "Import"))
	if creates[1].ID != 0 || creates[1].Department != want.Department {
		t.Fatalf("the caller's person was changed: %+v", creates[1])
	}
	p, err := s.PersonByEmployeeNo("00021")
	must(t, err)
	if p.Department != "Forschung <&> Entwicklung" || p.ID == 0 {
		t.Fatalf("stored %+v", p)
	}
	all, err := s.Persons()
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d persons, want 2", len(all))
	}
	// A save after the import writes as usual, and the import's values
	// (cut from shared blocks) are read back intact.
	p.JobTitle = "Leitung"
	must(t, s.SavePerson(&p))
	q, err := s.PersonByEmployeeNo("00020")
	must(t, err)
	if q.FirstName != creates[0].FirstName {
		t.Fatalf("read back %+v", q)
	}
}
