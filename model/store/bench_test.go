package store

import (
	"fmt"
	"path/filepath"
	"testing"
)

// openFilled opens a new store (real clock) holding n persons.
func openFilled(b *testing.B, n int) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "tandem.db"), Options{User: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	fill(b, s, n)
	return s
}

// BenchmarkSavePerson updates one person (one synced transaction) in a
// file of 10 000 persons. Target: ≤ 20 ms.
func BenchmarkSavePerson(b *testing.B) { benchSave(b, openFilled(b, 10000)) }

// benchSave saves the person with employee number 05000 again and again.
func benchSave(b *testing.B, s *Store) {
	p, err := s.PersonByEmployeeNo("05000")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		p.JobTitle = fmt.Sprint("Titel ", i)
		if err := s.SavePerson(&p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPersons10000 lists 10 000 persons in German order.
func BenchmarkPersons10000(b *testing.B) { benchList(b, openFilled(b, 10000)) }

// benchList lists the 10 000 persons of s again and again.
func benchList(b *testing.B, s *Store) {
	for b.Loop() {
		ps, err := s.Persons()
		if err != nil || len(ps) != 10000 {
			b.Fatal(len(ps), err)
		}
	}
}

// BenchmarkFill10000 saves 10 000 new persons in one batch.
func BenchmarkFill10000(b *testing.B) {
	for b.Loop() {
		openFilled(b, 10000)
	}
}

// BenchmarkCheck10000 checks a file of 10 000 persons.
func BenchmarkCheck10000(b *testing.B) {
	s := openFilled(b, 10000)
	for b.Loop() {
		if err := s.Check(); err != nil {
			b.Fatal(err)
		}
	}
}
