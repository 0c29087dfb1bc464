package store

import (
	"encoding/json"
	"testing"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// TestSealedValuesAreBound: a sealed record copied under another id no
// longer opens, and Check says so; the plain index keys are hashed.
func TestSealedValuesAreBound(t *testing.T) {
	KDFTarget = 0
	s, _ := openTest(t)
	ids := fill(t, s, 3)
	if _, err := s.SetPassword("Geheimnis 2026"); err != nil {
		t.Fatal(err)
	}
	must(t, s.Check())
	err := s.db.Update(func(btx *bbolt.Tx) error {
		b := btx.Bucket(bucketPersons)
		v := append([]byte(nil), b.Get(key(ids[0]))...)
		if btx.Bucket(ixPersonEmpNo.bucket).Get([]byte("00000")) != nil {
			t.Error("the employee number is a plain index key")
		}
		return b.Put(key(ids[1]), v)
	})
	must(t, err)
	_, err = s.Person(ids[1])
	wantKind(t, err, model.Damaged)
	wantKind(t, s.Check(), model.Damaged)
	if _, err := s.Person(ids[2]); err != nil {
		t.Fatal(err)
	}
}

// TestCraftedKeyBoxIsDamage: a key box with Argon2id parameters that would
// crash or exhaust the computer makes the file Damaged, not a panic.
func TestCraftedKeyBoxIsDamage(t *testing.T) {
	KDFTarget = 0
	s, _ := openTest(t)
	if _, err := s.SetPassword("Geheimnis 2026"); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	must(t, s.Close())
	for _, change := range []func(b *keyBox){
		func(b *keyBox) { b.KDF.Time = 0 },
		func(b *keyBox) { b.KDF.Threads = 0 },
		func(b *keyBox) { b.KDF.Memory = 1 << 30 },
		func(b *keyBox) { b.Wrapped = b.Wrapped[:20] },
	} {
		db, err := bbolt.Open(path, 0o600, nil)
		must(t, err)
		err = db.Update(func(btx *bbolt.Tx) error {
			meta := btx.Bucket(bucketMeta)
			b, err := decodeBox(meta.Get(keyBoxName))
			if err != nil {
				return err
			}
			change(&b)
			bad, _ := json.Marshal(b)
			if err := meta.Put(keyBoxName, bad); err != nil {
				return err
			}
			return nil
		})
		must(t, err)
		must(t, db.Close())
		_, err = Open(path, Options{Password: "Geheimnis 2026"})
		wantKind(t, err, model.Damaged)
		// Put a good box back for the next case.
		db, err = bbolt.Open(path, 0o600, nil)
		must(t, err)
		must(t, db.Update(func(btx *bbolt.Tx) error {
			box, _, _ := newKeyBox("Geheimnis 2026")
			raw, _ := json.Marshal(box)
			return btx.Bucket(bucketMeta).Put(keyBoxName, raw)
		}))
		must(t, db.Close())
	}
}
