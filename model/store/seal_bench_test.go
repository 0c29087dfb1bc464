package store

import (
	"testing"
	"time"
)

// openProtected opens a new store holding n persons, protected with a
// password at the real key-derivation cost.
func openProtected(b *testing.B, n int) *Store {
	b.Helper()
	s := openFilled(b, n)
	target := KDFTarget
	KDFTarget = 500 * time.Millisecond
	defer func() { KDFTarget = target }()
	if _, err := s.SetPassword("Geheimnis 2026"); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkUnlock derives the key from the password as opening a
// protected file does (calibrated to about 0.5 s).
func BenchmarkUnlock(b *testing.B) {
	s := openProtected(b, 10)
	for b.Loop() {
		if err := s.CheckPassword("Geheimnis 2026"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPersons10000Protected lists 10 000 sealed persons.
func BenchmarkPersons10000Protected(b *testing.B) { benchList(b, openProtected(b, 10000)) }

// BenchmarkSavePersonProtected saves one person (synced) in a protected
// file of 10 000 persons. Target: ≤ 20 ms.
func BenchmarkSavePersonProtected(b *testing.B) { benchSave(b, openProtected(b, 10000)) }

// BenchmarkSetPassword10000 protects a file of 10 000 persons: backup,
// rewrite of the file (and its backup), key derivation.
func BenchmarkSetPassword10000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := openFilled(b, 10000)
		b.StartTimer()
		if _, err := s.SetPassword("Geheimnis 2026"); err != nil {
			b.Fatal(err)
		}
	}
}
