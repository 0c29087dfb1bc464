package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// fileBytes returns the raw bytes of the file at path.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// leftovers lists the temporary files in the folder of path.
func leftovers(t *testing.T, path string) []string {
	t.Helper()
	tmp, err := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return tmp
}

func TestCompact(t *testing.T) {
	s, _ := openTest(t)
	ids := fill(t, s, 200)
	must(t, s.DeletePerson(ids[17]))
	gone := &model.Person{FirstName: "Zacharias", LastName: "Quellenhaupt", Email: "z.quellenhaupt@example.de"}
	must(t, s.SavePerson(gone))
	must(t, s.DeletePerson(gone.ID))
	if !bytes.Contains(fileBytes(t, s.Path()), []byte("Quellenhaupt")) {
		t.Fatal("the deleted record's bytes are not in the file before compacting: the test would prove nothing")
	}
	before, err := s.Persons()
	must(t, err)
	log, err := s.Audit()
	must(t, err)

	must(t, s.Compact())

	if bytes.Contains(fileBytes(t, s.Path()), []byte("Quellenhaupt")) {
		t.Fatal("the deleted record's bytes survived the compaction")
	}
	after, err := s.Persons()
	must(t, err)
	if !slices.EqualFunc(before, after, func(a, b model.Person) bool { return a.ID == b.ID && a.Email == b.Email }) {
		t.Fatalf("persons differ after compacting: %d, was %d", len(after), len(before))
	}
	if p, err := s.PersonByEmployeeNo(before[5].EmployeeNo); err != nil || p.ID != before[5].ID {
		t.Fatalf("index after compacting: %v, %v", p.ID, err)
	}
	must(t, s.Check())
	// Every sequence continues: a new person gets the id after the deleted one.
	p := newPerson(1000)
	must(t, s.SavePerson(p))
	if p.ID != gone.ID+1 {
		t.Fatalf("new person got id %d, want %d", p.ID, gone.ID+1)
	}
	log2, err := s.Audit()
	must(t, err)
	if len(log2) != len(log)+2 || log2[1].Action != "compact" || log2[1].Entity != "file" || log2[0].Action != "create" {
		t.Fatalf("audit after compacting: %+v", log2[:2])
	}
	if tmp := leftovers(t, s.Path()); len(tmp) > 0 {
		t.Fatalf("temporary files left: %q", tmp)
	}
}

// TestCompactFailure checks that a compaction that fails leaves the file
// as it was and the store usable.
func TestCompactFailure(t *testing.T) {
	s, _ := openTest(t)
	fill(t, s, 20)
	sum := sha256.Sum256(fileBytes(t, s.Path()))
	boom := errors.New("boom")
	compare := compareCompacted
	compareCompacted = func(a, b *bbolt.DB) error { return boom }
	err := s.Compact()
	compareCompacted = compare
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want the comparison's", err)
	}
	if sha256.Sum256(fileBytes(t, s.Path())) != sum {
		t.Fatal("a failed compaction changed the file")
	}
	if tmp := leftovers(t, s.Path()); len(tmp) > 0 {
		t.Fatalf("temporary files left: %q", tmp)
	}
	must(t, s.SavePerson(newPerson(99)))
	must(t, s.Check())
	must(t, s.Close())
	wantKind(t, s.Compact(), model.Other)
}

// TestCompactCopiesRawBuckets compacts a bbolt file with nested buckets,
// sequences, empty and binary values: everything is copied as it is.
func TestCompactCopiesRawBuckets(t *testing.T) {
	dir := t.TempDir()
	src, err := bbolt.Open(filepath.Join(dir, "src.db"), 0o600, nil)
	must(t, err)
	defer src.Close()
	must(t, src.Update(func(tx *bbolt.Tx) error {
		a, err := tx.CreateBucket([]byte("a"))
		if err != nil {
			return err
		}
		if err := a.SetSequence(41); err != nil {
			return err
		}
		for i := range 3000 {
			if err := a.Put([]byte{byte(i >> 8), byte(i)}, bytes.Repeat([]byte{byte(i), 0xff, 0}, i%50)); err != nil {
				return err
			}
		}
		inner, err := a.CreateBucket([]byte("inner"))
		if err != nil {
			return err
		}
		if err := inner.SetSequence(7); err != nil {
			return err
		}
		if err := inner.Put([]byte("k"), []byte{0, 1, 2}); err != nil {
			return err
		}
		deep, err := inner.CreateBucket([]byte("deep"))
		if err != nil {
			return err
		}
		if err := deep.Put([]byte("x"), []byte("sealed\x00bytes")); err != nil {
			return err
		}
		_, err = tx.CreateBucket([]byte("empty"))
		return err
	}))
	must(t, src.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("a")).Delete([]byte{0, 5}) }))
	dst := filepath.Join(dir, "dst.db")
	must(t, compactTo(dst, src))
	db, err := bbolt.Open(dst, 0o600, nil)
	must(t, err)
	defer db.Close()
	must(t, sameContent(src, db))
	must(t, db.Update(func(tx *bbolt.Tx) error {
		a := tx.Bucket([]byte("a"))
		if n, err := a.NextSequence(); err != nil || n != 42 {
			t.Errorf("next sequence of a: %d, %v", n, err)
		}
		if n, err := a.Bucket([]byte("inner")).NextSequence(); err != nil || n != 8 {
			t.Errorf("next sequence of a/inner: %d, %v", n, err)
		}
		if v := a.Bucket([]byte("inner")).Bucket([]byte("deep")).Get([]byte("x")); string(v) != "sealed\x00bytes" {
			t.Errorf("a/inner/deep/x = %q", v)
		}
		return nil
	}))
	// The comparison notices a difference.
	must(t, db.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("a")).Bucket([]byte("inner")).SetSequence(9) }))
	if err := sameContent(src, db); !errors.Is(err, errCompactDiffers) {
		t.Fatalf("a changed sequence: %v", err)
	}
}

// BenchmarkCompact compacts a file of 10 000 persons.
func BenchmarkCompact(b *testing.B) {
	s, _ := openTest(b)
	fill(b, s, 10000)
	for b.Loop() {
		if err := s.Compact(); err != nil {
			b.Fatal(err)
		}
	}
}
