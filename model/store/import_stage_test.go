package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"tandem/model"
)

// An import writes its index entries at its end, in key order; until then
// it must see them as a save of each person one after the other would.

// TestImportPersonsValuesMoveWithinImport: an address one update gives up
// can be taken by a later update of the same import, an address taken by a
// create of the import conflicts, and a person updated twice keeps only its
// last values in the indexes.
func TestImportPersonsValuesMoveWithinImport(t *testing.T) {
	s, _ := openTest(t)
	ids := fill(t, s, 2)
	a, err := s.Person(ids[0])
	must(t, err)
	b, err := s.Person(ids[1])
	must(t, err)
	created := *newPerson(7)

	// b takes the address a gives up; a is then renumbered twice.
	a1, b1 := a, b
	a1.Email, b1.Email = "neu@example.de", a.Email
	a2 := a1
	a2.EmployeeNo = "A-1"
	a3 := a2
	a3.EmployeeNo = "A-2"
	must(t, s.ImportPersons([]model.Person{created}, []model.Person{a1, b1, a2, a3}, nil, "Import"))

	for _, c := range []struct {
		by   func() (model.Person, error)
		want model.ID
	}{
		{func() (model.Person, error) { return s.PersonByEmail(a.Email) }, b.ID},
		{func() (model.Person, error) { return s.PersonByEmail("NEU@example.de") }, a.ID},
		{func() (model.Person, error) { return s.PersonByEmployeeNo("A-2") }, a.ID},
		{func() (model.Person, error) { return s.PersonByEmployeeNo(created.EmployeeNo) }, ids[1] + 1},
	} {
		p, err := c.by()
		must(t, err)
		if p.ID != c.want {
			t.Fatalf("found person %d, want %d", p.ID, c.want)
		}
	}
	for _, gone := range []func() (model.Person, error){
		func() (model.Person, error) { return s.PersonByEmail(b.Email) },
		func() (model.Person, error) { return s.PersonByEmployeeNo("A-1") },
		func() (model.Person, error) { return s.PersonByEmployeeNo(a.EmployeeNo) },
	} {
		_, err := gone()
		wantKind(t, err, model.NotFound)
	}
	must(t, s.Check())

	// An update that takes the address of a person the same import creates.
	b2, err := s.Person(ids[1])
	must(t, err)
	other := *newPerson(8)
	b2.Email = other.Email
	err = s.ImportPersons([]model.Person{other}, []model.Person{b2}, nil, "Import")
	wantProblem(t, err, model.Conflict, model.Problem{Field: "email", Code: "taken", Arg: other.FullName()})
	if e := wantKind(t, err, model.Conflict); e.Arg != b2.FullName() {
		t.Fatalf("error names %q, want %q", e.Arg, b2.FullName())
	}
	_, err = s.PersonByEmployeeNo(other.EmployeeNo)
	wantKind(t, err, model.NotFound)
	must(t, s.Check())
}

// TestImportPersonsProtectedUnordered imports persons in an order unlike
// that of their index keys (in a protected file the keys are hashes) and
// finds every one of them by number and address afterwards.
func TestImportPersonsProtectedUnordered(t *testing.T) {
	defer func(d time.Duration) { KDFTarget = d }(KDFTarget)
	KDFTarget = time.Millisecond
	for _, protected := range []bool{false, true} {
		t.Run(fmt.Sprint("protected=", protected), func(t *testing.T) {
			s, _ := openTest(t)
			if protected {
				_, err := s.SetPassword("Geheimnis 2026")
				must(t, err)
			}
			ps := unordered(500)
			must(t, s.ImportPersons(ps, nil, nil, "Import"))
			for _, p := range ps {
				byNo, err := s.PersonByEmployeeNo(p.EmployeeNo)
				must(t, err)
				byEmail, err := s.PersonByEmail(p.Email)
				must(t, err)
				if byNo.ID == 0 || byNo.ID != byEmail.ID || byNo.Email != p.Email {
					t.Fatalf("%s: by number %d, by address %d (%s)", p.EmployeeNo, byNo.ID, byEmail.ID, byNo.Email)
				}
			}
			must(t, s.Check())
		})
	}
}

// unordered returns n new persons in an order unrelated to that of their
// employee numbers and addresses, as in a list sorted by name.
func unordered(n int) []model.Person {
	ps := make([]model.Person, n)
	for i := range ps {
		ps[i] = *newPerson(i * 7919 % n) // 7919 is prime: every number once
	}
	return ps
}

// BenchmarkImportPersonsUnordered100000 imports 100 000 persons listed in an
// order unrelated to their index keys into a new file, as real lists are:
// bbolt splits a node only at the commit, so index entries written in the
// list's order would each move every larger key of one node (over a minute).
func BenchmarkImportPersonsUnordered100000(b *testing.B) {
	ps := unordered(100000)
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
