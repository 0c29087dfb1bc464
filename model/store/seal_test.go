package store

import (
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
