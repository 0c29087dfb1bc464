// Package store keeps Tandem's records in one bbolt file.
//
// Every record is stored as the JSON of its model type under an 8-byte
// big-endian id taken from its bucket's NextSequence in the same transaction
// as the write. Index buckets are kept in that transaction too, so a record
// and its index entries are never seen apart. The file's buckets:
//
//	meta
//	├── "app"    → "tandem"               marks the file as Tandem's
//	└── "schema" → uint64 BE              layout version (SchemaVersion)
//	persons      id → model.Person
//	programmes   id → model.Programme
//	enrolments   id → model.Enrolment
//	tandems      id → model.Tandem
//	meetings     id → model.Meeting
//	agreements   id → model.Agreement
//	scans        agreement id → bytes of the signed copy (PDF, JPEG, PNG)
//	checkins     id → model.CheckIn
//	trainings    id → model.TrainingEvent
//	settings     "settings" → model.Settings
//	audit        sequence → model.AuditEntry (append-only)
//
//	unique indexes (value: the owner's id)
//	idx_person_empno         employee number → person id
//	idx_person_email         lower-case e-mail → person id
//	idx_programme_name       lower-case name → programme id
//	idx_enrolment            programme id + person id → enrolment id
//
//	child indexes (key: parent id + child id, 16 bytes; value empty)
//	idx_enrolment_programme  programme → enrolments
//	idx_enrolment_person     person → enrolments
//	idx_tandem_programme     programme → tandems
//	idx_tandem_person        mentor and mentee person → tandems
//	idx_meeting_tandem       tandem → meetings
//	idx_agreement_programme  programme → agreements
//	idx_checkin_programme    programme → check-ins
//	idx_training_programme   programme → training events
//
// If the layout changes, a new schema version must be made, along with a
// migration in the migrations list below.
//
// Bytes read from bbolt are valid only inside their transaction; every
// record is decoded (copied) before the transaction ends.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// SchemaVersion is the layout version this program writes.
const SchemaVersion = 1

// appMarker is the value of meta/"app" in every Tandem file.
const appMarker = "tandem"

// The entity buckets.
var (
	bucketMeta       = []byte("meta")
	bucketPersons    = []byte("persons")
	bucketProgrammes = []byte("programmes")
	bucketEnrolments = []byte("enrolments")
	bucketTandems    = []byte("tandems")
	bucketMeetings   = []byte("meetings")
	bucketAgreements = []byte("agreements")
	bucketScans      = []byte("scans")
	bucketCheckIns   = []byte("checkins")
	bucketTrainings  = []byte("trainings")
	bucketSettings   = []byte("settings")
	bucketAudit      = []byte("audit")
)

// Keys in the meta and settings buckets.
var (
	keyApp      = []byte("app")
	keySchema   = []byte("schema")
	keySettings = []byte("settings")
)

// index is an index bucket. A unique index maps a value to the id of the
// one record that holds it; a child index lists a parent's records under
// keys of parent id + child id.
type index struct {
	bucket []byte
	field  string                              // unique: the Problem field of a conflict; "" for a child index
	code   string                              // unique: the Problem code of a conflict
	arg    func(tx *Tx, owner model.ID) string // unique: the Problem Arg naming the owner; nil for none
	hashed bool                                // unique over a personal value: a keyed hash in a protected file
}

// The index buckets.
var (
	ixPersonEmpNo   = &index{bucket: []byte("idx_person_empno"), field: "employeeNo", code: "taken", arg: personName, hashed: true}
	ixPersonEmail   = &index{bucket: []byte("idx_person_email"), field: "email", code: "taken", arg: personName, hashed: true}
	ixProgrammeName = &index{bucket: []byte("idx_programme_name"), field: "name", code: "taken", arg: programmeName, hashed: true}
	ixEnrolment     = &index{bucket: []byte("idx_enrolment"), field: "person", code: "enrolled"}
	ixEnrolmentProg = &index{bucket: []byte("idx_enrolment_programme")}
	ixEnrolmentPers = &index{bucket: []byte("idx_enrolment_person")}
	ixTandemProg    = &index{bucket: []byte("idx_tandem_programme")}
	ixTandemPerson  = &index{bucket: []byte("idx_tandem_person")}
	ixMeetingTandem = &index{bucket: []byte("idx_meeting_tandem")}
	ixAgreementProg = &index{bucket: []byte("idx_agreement_programme")}
	ixCheckInProg   = &index{bucket: []byte("idx_checkin_programme")}
	ixTrainingProg  = &index{bucket: []byte("idx_training_programme")}
)

// indexes lists every index bucket.
var indexes = []*index{ixPersonEmpNo, ixPersonEmail, ixProgrammeName, ixEnrolment, ixEnrolmentProg,
	ixEnrolmentPers, ixTandemProg, ixTandemPerson, ixMeetingTandem, ixAgreementProg, ixCheckInProg, ixTrainingProg}

// otherBuckets are the buckets that hold no records of a kind.
var otherBuckets = [][]byte{bucketMeta, bucketScans, bucketSettings, bucketAudit}

var errMissingBucket = errors.New("bucket missing")

// allBuckets lists every bucket of the current layout.
func allBuckets() [][]byte {
	names := append([][]byte(nil), otherBuckets...)
	for _, c := range collections {
		names = append(names, c.bucketName())
	}
	for _, ix := range indexes {
		names = append(names, ix.bucket)
	}
	return names
}

// key returns the 8-byte big-endian form of an id.
func key(id model.ID) []byte { return binary.BigEndian.AppendUint64(make([]byte, 0, 16), uint64(id)) }

// idOf reads an id from the first 8 bytes of k; 0 when k is shorter.
func idOf(k []byte) model.ID {
	if len(k) < 8 {
		return 0
	}
	return model.ID(binary.BigEndian.Uint64(k))
}

// pair returns the 16-byte key of two ids, parent first.
func pair(parent, child model.ID) []byte {
	return binary.BigEndian.AppendUint64(key(parent), uint64(child))
}

// migration moves a file from the previous schema version to version.
type migration struct {
	version int
	name    string
	run     func(*Tx) error
}

// migrations are run in order, each in its own transaction, on every file
// whose schema is older. Append; never change a released migration.
var migrations = []migration{
	{1, "create buckets", createLayout},
}

// createLayout creates every bucket, marks the file as Tandem's and builds
// the indexes of records already present (files from before schema 1).
func createLayout(tx *Tx) error {
	btx := tx.tx
	for _, name := range allBuckets() {
		if _, err := btx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	if err := btx.Bucket(bucketMeta).Put(keyApp, []byte(appMarker)); err != nil {
		return err
	}
	return reindex(tx)
}

// reindex writes the index entries of every stored record and moves each
// bucket's sequence past its highest id. The entries are put in key order:
// bbolt splits a node only at the commit, so keys in random order (the
// hashed keys of a protected file) would be inserted into ever larger nodes.
func reindex(tx *Tx) error {
	type item struct {
		key, value []byte
	}
	entries := map[*index][]item{}
	for _, c := range collections {
		b := tx.tx.Bucket(c.bucketName())
		if b == nil {
			continue
		}
		// A record that does not open or decode gets no entries; Check
		// reports it.
		_ = tx.rawScan(c.bucketName(), nil, func(k, raw []byte) error {
			v, err := tx.open(c.bucketName(), k, raw)
			if err != nil {
				return nil
			}
			es, _ := c.inspect(tx, k, v)
			for _, e := range es {
				if e.ix != nil {
					entries[e.ix] = append(entries[e.ix], item{tx.storedKey(e), e.value(idOf(k))})
				}
			}
			return nil
		})
		if last, _ := b.Cursor().Last(); uint64(idOf(last)) > b.Sequence() {
			if err := b.SetSequence(uint64(idOf(last))); err != nil {
				return err
			}
		}
	}
	for ix, items := range entries {
		b, err := writable(tx.tx, ix.bucket)
		if err != nil {
			return err
		}
		slices.SortFunc(items, func(a, b item) int { return bytes.Compare(a.key, b.key) })
		for _, it := range items {
			if err := b.Put(it.key, tx.sealed(ix.bucket, it.key, it.value)); err != nil {
				return err
			}
		}
	}
	return nil
}

// schemaOf reads the schema version stored in the meta bucket; 0 when none.
func schemaOf(meta *bbolt.Bucket) int {
	v := meta.Get(keySchema)
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// setSchema records the schema version in the meta bucket.
func setSchema(btx *bbolt.Tx, version int) error {
	return btx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, uint64(version)))
}
