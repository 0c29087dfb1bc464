package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// record is what every stored entity is: a pointer to a model type with its
// bookkeeping and its own validation.
type record[T any] interface {
	*T
	Head() *model.Meta
	Validate() error
}

// ref names a record another record refers to; a zero id is not checked
// (Validate reports required ones).
type ref struct {
	field  string
	bucket []byte
	id     model.ID
}

// kind describes how one entity is stored: its bucket, its index entries,
// the records it refers to, and the rules the store adds to Validate. The
// generic methods do the rest the same way for every entity.
type kind[T any, P record[T]] struct {
	entity string // in errors and audit entries: "person"
	op     string // in operation names: "Person" → "store.SavePerson"
	label  string // in audit summaries: "Person" → "Person #12"
	bucket []byte

	index func(v P) []entry            // the index entries the record has
	refs  func(v P) []ref              // the records it refers to; may be nil
	state func(v P) string             // its state for the audit summary; may be nil
	rules func(tx *Tx, v, old P) error // further rules before a save (old nil on create); may be nil
	// onDelete refuses a delete (record in use) or removes dependent records; may be nil.
	onDelete func(tx *Tx, op string, v P) error
	// verify returns what is wrong with a stored record beyond its indexes; may be nil.
	verify func(tx *Tx, v P) string
}

// collection is what Check, Counts and migrations need of every kind.
type collection interface {
	bucketName() []byte
	inspect(tx *Tx, k, v []byte) ([]entry, string)
}

// collections lists every entity bucket.
var collections = []collection{persons, programmes, enrolments, tandems, meetings, agreements, checkIns, trainings}

func (k *kind[T, P]) bucketName() []byte { return k.bucket }

// summary describes the record for the audit log, without personal data.
func (k *kind[T, P]) summary(v P) string {
	s := fmt.Sprintf("%s #%d", k.label, v.Head().ID)
	if k.state != nil {
		s += ", Status " + k.state(v)
	}
	return s
}

// load reads the record id; NotFound when there is none.
func (k *kind[T, P]) load(tx *Tx, op string, id model.ID) (P, error) {
	v, err := fetch[T](tx, k.bucket, id)
	if err != nil {
		return nil, withOp(op, err)
	}
	if v == nil {
		return nil, notFound(op, k.entity, id)
	}
	return v, nil
}

// get returns a copy of the record id.
func (k *kind[T, P]) get(tx *Tx, id model.ID) (T, error) {
	v, err := k.load(tx, "store."+k.op, id)
	if err != nil {
		var zero T
		return zero, err
	}
	return *v, nil
}

// by returns the record that holds value in a unique index.
func (k *kind[T, P]) by(tx *Tx, ix *index, value string) (T, error) {
	op := "store." + k.op + "By"
	var zero T
	owner, err := tx.get(ix.bucket, tx.storedKey(entry{ix, []byte(value)}))
	if err != nil {
		return zero, withOp(op, err)
	}
	if id := idOf(owner); id != 0 {
		return k.get(tx, id)
	}
	e := model.E(op, model.NotFound)
	e.Entity, e.Arg = k.entity, value
	return zero, e
}

// all returns every record, by id.
func (k *kind[T, P]) all(tx *Tx) ([]T, error) {
	out, err := decodeAll[T](tx, k.bucket)
	return out, withOp("store.List"+k.op, err)
}

// under returns the records of a parent in a child index, by id.
func (k *kind[T, P]) under(tx *Tx, ix *index, parent model.ID) ([]T, error) {
	ids := tx.childIDs(ix, parent)
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		v, err := k.get(tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// put normalises, validates and stores the record: a new one (ID 0) gets the
// next id, an existing one must exist and keeps its creation time.
func (k *kind[T, P]) put(tx *Tx, v P) error {
	op := "store.Save" + k.op
	if n, ok := any(v).(interface{ Normalize() }); ok {
		n.Normalize()
	}
	if err := v.Validate(); err != nil {
		return withOp(op, err)
	}
	var old P
	if id := v.Head().ID; id != 0 {
		var err error
		if old, err = k.load(tx, op, id); err != nil {
			return err
		}
	}
	if k.rules != nil {
		if err := k.rules(tx, v, old); err != nil {
			return withOp(op, err)
		}
	}
	if k.refs != nil {
		if err := tx.refsExist(op, k.entity, k.refs(v)); err != nil {
			return err
		}
	}
	return k.write(tx, op, v, old)
}

// write stamps and stores the record with its index entries and an audit
// entry (none in a quiet transaction).
func (k *kind[T, P]) write(tx *Tx, op string, v, old P) error {
	h := v.Head()
	action := "update"
	if old == nil {
		id, err := tx.nextID(k.bucket)
		if err != nil {
			return withOp(op, err)
		}
		h.ID, h.Created, action = id, tx.now, "create"
	} else {
		h.Created = old.Head().Created
	}
	h.Updated = tx.now
	es := k.index(v)
	if ps, err := tx.conflicts(h.ID, es); err != nil || len(ps) > 0 {
		if err != nil {
			return withOp(op, err)
		}
		return failure(op, model.Conflict, k.entity, ps...)
	}
	var was []entry
	if old != nil {
		was = k.index(old)
	}
	var data []byte
	var err error
	if tx.pack != nil {
		data, err = tx.pack.marshal(v, tx.seal == nil)
	} else {
		data, err = json.Marshal(v)
	}
	if err == nil {
		err = deleteEntries(tx, was, es)
	}
	if err == nil {
		err = putEntries(tx, h.ID, es, was)
	}
	if err == nil {
		err = tx.put(k.bucket, key(h.ID), data)
	}
	if err == nil && !tx.quiet {
		err = tx.audit(action, k.entity, h.ID, k.summary(v))
	}
	return withOp(op, err)
}

// del removes the record id after its onDelete hook, with an audit entry.
func (k *kind[T, P]) del(tx *Tx, id model.ID) error {
	op := "store.Delete" + k.op
	v, err := k.load(tx, op, id)
	if err == nil {
		err = k.drop(tx, op, v)
	}
	if err == nil {
		err = tx.audit("delete", k.entity, id, k.summary(v))
	}
	return withOp(op, err)
}

// drop removes a loaded record and its index entries, after its onDelete hook.
func (k *kind[T, P]) drop(tx *Tx, op string, v P) error {
	if k.onDelete != nil {
		if err := k.onDelete(tx, op, v); err != nil {
			return err
		}
	}
	if err := deleteEntries(tx, k.index(v), nil); err != nil {
		return err
	}
	b, err := writable(tx.tx, k.bucket)
	if err != nil {
		return err
	}
	return b.Delete(key(v.Head().ID))
}

// dropAll removes the records with the given ids, as part of a cascade.
func (k *kind[T, P]) dropAll(tx *Tx, op string, ids []model.ID) error {
	for _, id := range ids {
		v, err := k.load(tx, op, id)
		if err != nil {
			return err
		}
		if err := k.drop(tx, op, v); err != nil {
			return err
		}
	}
	return nil
}

// dependants are the records of one kind listed under a parent in a child index.
type dependants struct {
	kind interface {
		dropAll(tx *Tx, op string, ids []model.ID) error
	}
	ix *index
}

// dropChildren removes the parent's dependants of each kind, in order.
func dropChildren(tx *Tx, op string, parent model.ID, ds []dependants) error {
	for _, d := range ds {
		if err := d.kind.dropAll(tx, op, tx.childIDs(d.ix, parent)); err != nil {
			return err
		}
	}
	return nil
}

// inspect decodes a stored record and returns the index entries it must
// have and what is wrong with it ("" when nothing).
func (k *kind[T, P]) inspect(tx *Tx, key, raw []byte) ([]entry, string) {
	var v P = new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, fmt.Sprintf("%s/%d: %v", k.bucket, idOf(key), err)
	}
	if len(key) != 8 || v.Head().ID != idOf(key) {
		return nil, fmt.Sprintf("%s/%x: record carries id %d", k.bucket, key, v.Head().ID)
	}
	if k.verify != nil {
		if p := k.verify(tx, v); p != "" {
			return k.index(v), fmt.Sprintf("%s/%d: %s", k.bucket, v.Head().ID, p)
		}
	}
	return k.index(v), ""
}

// refsExist checks that every record referred to exists: Invalid with
// Problem{field, "missing"} for each one that does not.
func (tx *Tx) refsExist(op, entity string, refs []ref) error {
	var ps []model.Problem
	for _, r := range refs {
		p := model.Problem{Field: r.field, Code: "missing"}
		if r.id != 0 && !tx.has(r.bucket, key(r.id)) && !slices.Contains(ps, p) {
			ps = append(ps, p)
		}
	}
	if len(ps) > 0 {
		return failure(op, model.Invalid, entity, ps...)
	}
	return nil
}

// count returns the number of keys in a bucket (0 when it is missing).
func count(btx *bbolt.Tx, name []byte) int {
	if b := btx.Bucket(name); b != nil {
		return b.Stats().KeyN
	}
	return 0
}
