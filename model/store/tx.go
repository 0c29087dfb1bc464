package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// Tx is one transaction on the store. It has the same record methods as
// Store, and is valid only inside the function given to Batch.
type Tx struct {
	tx  *bbolt.Tx
	s   *Store
	now time.Time // the clock, read once per transaction
	// quiet skips the audit entry per saved record; the caller writes one
	// for the whole transaction (ImportPersons).
	quiet bool
	// pack, when set (ImportPersons), encodes records through one buffer
	// and cuts the values bbolt keeps until the commit from large blocks.
	pack *packer
	// seal seals and opens the values of a protected file; nil for a file
	// without a password.
	seal *sealer
}

// newTx wraps a bbolt transaction of the store.
func (s *Store) newTx(btx *bbolt.Tx) *Tx {
	return &Tx{tx: btx, s: s, now: s.opt.Now().Round(0), seal: s.seal}
}

// has reports whether bucket holds the key k.
func (tx *Tx) has(bucket, k []byte) bool {
	b := tx.tx.Bucket(bucket)
	return b != nil && b.Get(k) != nil
}

// get returns the value under k in bucket, nil when either is missing; in a
// protected file Damaged when the value does not open. The bytes are valid
// only inside the transaction.
func (tx *Tx) get(bucket, k []byte) ([]byte, error) {
	if v, ok := tx.pack.lookup(bucket, k); ok { // an index entry an import staged
		return v, nil
	}
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return nil, nil
	}
	return tx.open(bucket, k, b.Get(k))
}

// open returns the plain value of a stored one.
func (tx *Tx) open(bucket, k, raw []byte) ([]byte, error) {
	if tx.seal == nil || len(raw) == 0 {
		return raw, nil
	}
	return tx.seal.open(bucket, k, raw)
}

// rawScan calls fn for every key in bucket that starts with prefix, in key
// order, with the value as stored (sealed in a protected file; tx.open
// opens it). A missing bucket has no keys.
func (tx *Tx) rawScan(bucket, prefix []byte, fn func(k, raw []byte) error) error {
	b := tx.tx.Bucket(bucket)
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// childIDs lists the ids of a parent's records in a child index, ascending.
func (tx *Tx) childIDs(ix *index, parent model.ID) []model.ID {
	var ids []model.ID
	_ = tx.rawScan(ix.bucket, key(parent), func(k, _ []byte) error {
		ids = append(ids, idOf(k[8:]))
		return nil
	})
	return ids
}

// writable returns the bucket for a write; an error when the file lacks it.
func writable(btx *bbolt.Tx, name []byte) (*bbolt.Bucket, error) {
	if b := btx.Bucket(name); b != nil {
		return b, nil
	}
	e := model.E("store", model.Damaged, fmt.Errorf("%w: %s", errMissingBucket, name))
	e.Arg = string(name)
	return nil, e
}

// put stores v under k in bucket, sealed in a protected file. bbolt keeps
// the value until the commit: v must not change before then.
func (tx *Tx) put(bucket, k, v []byte) error {
	b, err := writable(tx.tx, bucket)
	if err != nil {
		return err
	}
	return b.Put(k, tx.sealed(bucket, k, v))
}

// sealed returns v as it is stored under k in bucket.
func (tx *Tx) sealed(bucket, k, v []byte) []byte {
	if tx.seal == nil || len(v) == 0 {
		return v
	}
	var dst []byte
	if tx.pack != nil {
		dst = tx.pack.alloc(len(v) + tx.seal.overhead())
	}
	return tx.seal.seal(dst, bucket, k, v)
}

// nextID takes the next id of a bucket.
func (tx *Tx) nextID(bucket []byte) (model.ID, error) {
	b, err := writable(tx.tx, bucket)
	if err != nil {
		return 0, err
	}
	n, err := b.NextSequence()
	return model.ID(n), err
}

// decode reads a stored JSON value into v.
func decode(raw []byte, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return model.E("store.decode", model.Damaged, err)
	}
	return nil
}

// fetch loads the record under id from bucket; nil without error when there
// is none.
func fetch[T any](tx *Tx, bucket []byte, id model.ID) (*T, error) {
	raw, err := tx.get(bucket, key(id))
	if raw == nil || err != nil {
		return nil, err
	}
	v := new(T)
	if err := decode(raw, v); err != nil {
		return nil, err
	}
	return v, nil
}

// decodeAll decodes every value of a bucket, in key order. A large bucket
// is opened and decoded by one goroutine per processor, inside the
// transaction.
func decodeAll[T any](tx *Tx, bucket []byte) ([]T, error) {
	var keys, raws [][]byte
	_ = tx.rawScan(bucket, nil, func(k, raw []byte) error {
		keys, raws = append(keys, k), append(raws, raw)
		return nil
	})
	out := make([]T, len(raws))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(raws)/1000))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * len(raws) / workers; i < (w+1)*len(raws)/workers && errs[w] == nil; i++ {
				var v []byte
				if v, errs[w] = tx.open(bucket, keys[i], raws[i]); errs[w] == nil {
					errs[w] = decode(v, &out[i])
				}
			}
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// audit appends an entry to the audit log.
func (tx *Tx) audit(action, entity string, id model.ID, summary string) error {
	seq, err := tx.nextID(bucketAudit)
	if err != nil {
		return err
	}
	data, err := json.Marshal(model.AuditEntry{Time: tx.now, User: tx.s.opt.User, Action: action,
		Entity: entity, EntityID: id, Summary: summary})
	if err != nil {
		return err
	}
	return tx.put(bucketAudit, key(seq), data)
}

// entry is one key a record has in an index.
type entry struct {
	ix  *index
	key []byte
}

// unique returns the entry of value in a unique index; none for "".
func unique(ix *index, value string) entry {
	if value == "" {
		return entry{}
	}
	return entry{ix, []byte(value)}
}

// child returns the entry of a record under its parent in a child index.
func child(ix *index, parent, id model.ID) entry { return entry{ix, pair(parent, id)} }

// value is what the entry stores for the record id.
func (e entry) value(id model.ID) []byte {
	if e.ix.field == "" {
		return []byte{}
	}
	return key(id)
}

// putEntries writes a record's index entries, except those it already has.
func putEntries(tx *Tx, id model.ID, es, has []entry) error {
	return eachEntry(tx, es, has, func(b *bbolt.Bucket, e entry, k []byte) error {
		if tx.pack != nil { // an import writes its entries in key order at its end
			tx.pack.stage(e.ix, k, id)
			return nil
		}
		return b.Put(k, tx.sealed(e.ix.bucket, k, e.value(id)))
	})
}

// deleteEntries removes index entries, except those also in keep.
func deleteEntries(tx *Tx, es, keep []entry) error {
	return eachEntry(tx, es, keep, func(b *bbolt.Bucket, e entry, k []byte) error {
		tx.pack.unstage(e.ix, k)
		return b.Delete(k)
	})
}

// eachEntry calls fn with every entry of es that is not in skip, its bucket
// and its stored key.
func eachEntry(tx *Tx, es, skip []entry, fn func(*bbolt.Bucket, entry, []byte) error) error {
	for _, e := range es {
		if e.ix == nil || hasEntry(skip, e) {
			continue
		}
		b, err := writable(tx.tx, e.ix.bucket)
		if err != nil {
			return err
		}
		if err := fn(b, e, tx.storedKey(e)); err != nil {
			return err
		}
	}
	return nil
}

// storedKey is the key an entry has in its index bucket: in a protected
// file, a keyed hash of a personal value.
func (tx *Tx) storedKey(e entry) []byte {
	if tx.seal == nil || !e.ix.hashed {
		return e.key
	}
	return tx.seal.indexKey(e.key)
}

func hasEntry(es []entry, e entry) bool {
	for _, x := range es {
		if x.ix == e.ix && bytes.Equal(x.key, e.key) {
			return true
		}
	}
	return false
}

// conflicts returns the problems of unique entries that another record
// already holds.
func (tx *Tx) conflicts(id model.ID, es []entry) ([]model.Problem, error) {
	var ps []model.Problem
	for _, e := range es {
		if e.ix == nil || e.ix.field == "" {
			continue
		}
		owner, err := tx.get(e.ix.bucket, tx.storedKey(e))
		if err != nil {
			return nil, err
		}
		if owner == nil || idOf(owner) == id {
			continue
		}
		p := model.Problem{Field: e.ix.field, Code: e.ix.code}
		if e.ix.arg != nil {
			p.Arg = e.ix.arg(tx, idOf(owner))
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// failure builds a store-level rule violation.
func failure(op string, kind model.Kind, entity string, ps ...model.Problem) error {
	e := model.E(op, kind, ps)
	e.Entity = entity
	return e
}

// withOp returns err as a Tandem error of the operation op, keeping its kind,
// entity and problems; nil stays nil.
func withOp(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *model.Error
	if errors.As(err, &e) {
		c := *e
		c.Op = op
		return &c
	}
	return model.E(op, err)
}

// notFound is the error for a missing record.
func notFound(op, entity string, id model.ID) error {
	e := model.E(op, model.NotFound)
	e.Entity = entity
	if id != 0 {
		e.Arg = fmt.Sprint(id)
	}
	return e
}
