package store

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"tandem/model"
)

// maxProblems is how many problems Check lists; the error counts them all.
const maxProblems = 50

// Check verifies the open file: bbolt's page check, every record decodes
// and carries its key's id, every index entry belongs to a record with that
// value and every record has its index entries. It returns nil or Damaged
// with Problems (Code "page", "record" or "index"; Arg the detail).
func (s *Store) Check() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return fileError("store.Check", s.path, model.Other, berrors.ErrDatabaseNotOpen)
	}
	// A write transaction (rolled back) keeps writers out while bbolt
	// reads the free list; a read-only file has no writers.
	btx, err := s.db.Begin(!s.opt.ReadOnly)
	if err != nil {
		return fileError("store.Check", s.path, ioKind(err), err)
	}
	defer btx.Rollback()
	return check("store.Check", s.path, btx, s.seal)
}

// CheckFile opens the file read-only (waiting at most 1 s for the lock),
// checks it as Check does and closes it; of a password-protected file only
// the pages and buckets, as its records need the password. Errors: Damaged, NotATandemFile,
// Locked, NewerFile, NotFound.
func CheckFile(path string) error {
	const op = "store.CheckFile"
	db, _, err := openChecked(op, path, time.Second)
	if err != nil {
		return err
	}
	defer db.Close()
	btx, err := db.Begin(false)
	if err != nil {
		return fileError(op, path, ioKind(err), err)
	}
	defer btx.Rollback()
	return check(op, path, btx, nil)
}

// Inspect returns the numbers of records in the file, opened read-only.
func Inspect(path string) (c Counts, err error) {
	const op = "store.Inspect"
	db, _, err := openChecked(op, path, time.Second)
	if err != nil {
		return Counts{}, err
	}
	defer db.Close()
	defer guard(op, path, model.Damaged, &err, debug.SetPanicOnFault(true))
	err = db.View(func(btx *bbolt.Tx) (err error) {
		c, err = (&Tx{tx: btx}).Counts()
		return err
	})
	return c, err
}

// checker collects the problems of one check.
type checker struct {
	problems []model.Problem
	total    int
}

func (c *checker) add(code, format string, args ...any) {
	c.total++
	if len(c.problems) < maxProblems {
		c.problems = append(c.problems, model.Problem{Field: "file", Code: code, Arg: fmt.Sprintf(format, args...)})
	}
}

// check verifies the file seen by btx. The records of a protected file are
// checked only with its sealer; without, its pages and buckets are.
func check(op, path string, btx *bbolt.Tx, seal *sealer) (err error) {
	defer guard(op, path, model.Damaged, &err, debug.SetPanicOnFault(true))
	var c checker
	if p := truncated(path, btx); p != "" {
		c.add("page", "%s", p)
	} else {
		c.headers(path, btx)
		readAll(btx.Cursor())
		if seal != nil || !protected(btx) {
			c.records(&Tx{tx: btx, seal: seal}, current(btx))
		}
		// bbolt's check runs in a goroutine of its own, out of guard's
		// reach, and panics on a damaged page header: it only gets a file
		// whose pages were all read here first.
		if c.total == 0 {
			for err := range btx.Check() {
				c.add("page", "%v", err)
			}
		}
	}
	return c.err(op, path)
}

// err is nil when the check found nothing, else Damaged with the problems.
func (c *checker) err(op, path string) error {
	if c.total == 0 {
		return nil
	}
	e := model.E(op, model.Damaged, c.problems, fmt.Errorf("%d problems", c.total))
	e.Arg = path
	return e
}

// current reports whether the file has this program's layout. An older
// file (a backup, say) gets its buckets and indexes when it is migrated, so
// only its records are checked.
func current(btx *bbolt.Tx) bool {
	meta := btx.Bucket(bucketMeta)
	return meta != nil && schemaOf(meta) == SchemaVersion
}

// records checks every record and, in a file of the current layout, every
// bucket and index entry.
func (c *checker) records(tx *Tx, layout bool) {
	want := map[*index]map[string]model.ID{}
	for _, ix := range indexes {
		want[ix] = map[string]model.ID{}
	}
	for _, col := range collections {
		if layout && tx.tx.Bucket(col.bucketName()) == nil {
			c.add("record", "bucket %s missing", col.bucketName())
		}
		_ = tx.rawScan(col.bucketName(), nil, func(k, raw []byte) error {
			v, err := tx.open(col.bucketName(), k, raw)
			if err != nil {
				c.add("record", "%s/%x: %v", col.bucketName(), k, errUnsealed)
				return nil
			}
			es, problem := col.inspect(tx, k, v)
			if problem != "" {
				c.add("record", "%s", problem)
			}
			for _, e := range es {
				if e.ix == nil {
					continue
				}
				ek := string(tx.storedKey(e))
				if other, dup := want[e.ix][ek]; dup {
					c.add("index", "%s/%x: records %d and %d share it", e.ix.bucket, ek, other, idOf(k))
				}
				want[e.ix][ek] = idOf(k)
			}
			return nil
		})
	}
	_ = tx.rawScan(bucketScans, nil, func(k, _ []byte) error {
		if !tx.has(bucketAgreements, k) {
			c.add("record", "scans/%d: no agreement", idOf(k))
		}
		return nil
	})
	if _, err := tx.Settings(); err != nil {
		c.add("record", "settings: %v", err)
	}
	if _, err := tx.Audit(); err != nil {
		c.add("record", "audit: %v", err)
	}
	if !layout {
		return
	}
	for _, ix := range indexes {
		c.index(tx, ix, want[ix])
	}
}

// index checks one index bucket against the entries the records want.
func (c *checker) index(tx *Tx, ix *index, want map[string]model.ID) {
	if tx.tx.Bucket(ix.bucket) == nil {
		c.add("index", "bucket %s missing", ix.bucket)
		return
	}
	_ = tx.rawScan(ix.bucket, nil, func(k, raw []byte) error {
		v, err := tx.open(ix.bucket, k, raw)
		if err != nil {
			c.add("index", "%s/%x: %v", ix.bucket, k, errUnsealed)
			return nil
		}
		owner, ok := want[string(k)]
		switch {
		case !ok:
			c.add("index", "%s/%x: no record has this entry", ix.bucket, k)
		case ix.field != "" && idOf(v) != owner:
			c.add("index", "%s/%x: points to %d, the record is %d", ix.bucket, k, idOf(v), owner)
		}
		delete(want, string(k))
		return nil
	})
	for k, id := range want {
		c.add("index", "%s/%x: entry of record %d missing", ix.bucket, k, id)
	}
}

// The page layout of bbolt v1.4 (internal/common/page.go and meta.go): a
// 16-byte header (id uint64, flags uint16, count uint16, overflow uint32),
// on meta pages followed by the meta fields.
const (
	pageHeaderSize   = 16
	metaPageFlag     = 0x04
	freelistPageFlag = 0x10
	metaFreelist     = pageHeaderSize + 32 // offset of the free list's page id
	metaTxid         = pageHeaderSize + 48 // offset of the transaction id
	noFreelist       = ^uint64(0)
)

// headers checks the headers of the pages bbolt's check reads outside the
// bucket trees: both meta pages and the free list's first page.
func (c *checker) headers(path string, btx *bbolt.Tx) {
	f, err := os.Open(path)
	if err != nil {
		c.add("page", "%v", err)
		return
	}
	defer f.Close()
	size := int64(btx.DB().Info().PageSize)
	page := func(id uint64, flags uint16) []byte {
		buf := make([]byte, metaTxid+8)
		_, err := f.ReadAt(buf, int64(id)*size)
		if err != nil || binary.NativeEndian.Uint64(buf) != id || binary.NativeEndian.Uint16(buf[8:]) != flags {
			c.add("page", "page %d: damaged header", id)
			return nil
		}
		return buf
	}
	txid := uint64(btx.ID())
	if btx.Writable() {
		txid-- // a write transaction counts one ahead of its meta page
	}
	freelist := noFreelist
	for id := range uint64(2) {
		if m := page(id, metaPageFlag); m != nil && binary.NativeEndian.Uint64(m[metaTxid:]) == txid {
			freelist = binary.NativeEndian.Uint64(m[metaFreelist:])
		}
	}
	if freelist != noFreelist {
		page(freelist, freelistPageFlag)
	}
}

// readAll reads every key and value of every bucket below the cursor, so
// that a damaged page faults or panics here, where guard recovers.
func readAll(c *bbolt.Cursor) (sum byte) {
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			if b := c.Bucket().Bucket(k); b != nil {
				sum += readAll(b.Cursor())
			}
		}
		for _, x := range [][]byte{k, v} {
			if len(x) > 0 {
				sum += x[0] + x[len(x)-1]
			}
		}
	}
	return sum
}
