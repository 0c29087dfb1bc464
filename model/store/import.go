package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"iter"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"unsafe"

	"tandem/model"
)

// ImportPersons writes a whole staff-list import in one transaction: it
// creates the persons of creates (their IDs are ignored: each gets the next
// id), updates the persons of updates (NotFound when one does not exist),
// and marks the persons formers lists as former employees (exit date today,
// by the store's clock; one who has left already keeps the date).
//
// Every person is normalised, validated and checked against the unique
// indexes exactly as SavePerson does (Invalid, or Conflict with Problems
// naming the field and the other person; the error's Arg names the person
// being written). Instead of one audit entry per person, the import writes
// one entry (action "import", entity "person") with the summary. All or
// nothing: on any error nothing is written. The slices are not changed.
func (s *Store) ImportPersons(creates, updates []model.Person, formers []model.ID, summary string) error {
	return s.ImportPersonsSeq(pointers(creates), pointers(updates), formers, summary)
}

// ImportPersonsSeq is ImportPersons with the creates and the updates handed
// over one by one, so that a large import needs no slice of copies; the
// persons are read, not changed. A nil sequence is empty. Still one
// transaction: all or nothing.
func (s *Store) ImportPersonsSeq(creates, updates iter.Seq[*model.Person], formers []model.ID, summary string) error {
	pack := newPacker()
	defer pack.done()
	return s.update(func(tx *Tx) error { return tx.importPersons(pack, creates, updates, formers, summary) })
}

// importGCPercent is the GC percentage during an import. Until the commit,
// bbolt holds every value of the transaction, then also its own copy of
// them in dirty pages, and a node entry per key: live, not garbage, about
// 120 MiB at the commit of 100 000 new persons (roster.Apply lets the
// plan's persons go as they are written). At Go's default of 100 the heap
// may grow to twice the live heap before a collection; at 50 a 100 000-row
// import peaked at 136–146 MiB, at 25 at 132–137 MiB, in the same time
// (2.4–2.9 s on the 2-core machine, within the 3 s of DESIGN §8): the
// values and pages are not scanned, so collecting more often costs little.
const importGCPercent = 25

// Sizes of an import, in packer blocks (MiB of values): from paceFrom on,
// it is collected at importGCPercent. That is early on purpose: when an
// import starts, the staff list the plan was made from has just become
// garbage (some 65 MiB for 100 000 rows), and the default percentage would
// let the heap grow on top of it; the smallest imports (under some 2 500
// persons) are left alone. From largeImport on, it is collected once more
// at its end (some 0.05 s after 100 000 persons), as its live heap would
// otherwise leave the next collection due at a multiple of that for
// whatever comes next.
const (
	paceFrom    = 2
	largeImport = 16
)

// pace lowers the GC percentage to importGCPercent for the rest of the
// import, unless it is lower already or the collector is off.
func (p *packer) pace() {
	old := debug.SetGCPercent(importGCPercent)
	if old <= importGCPercent { // -1: off
		debug.SetGCPercent(old)
		return
	}
	p.gcPercent, p.paced = old, true
}

// done ends the import the packer served: collects after a large one and
// sets the GC percentage back.
func (p *packer) done() {
	if p.blocks >= largeImport {
		runtime.GC()
	}
	if p.paced {
		debug.SetGCPercent(p.gcPercent)
	}
}

// pointers yields a pointer to each element of ps.
func pointers(ps []model.Person) iter.Seq[*model.Person] {
	return func(yield func(*model.Person) bool) {
		for i := range ps {
			if !yield(&ps[i]) {
				return
			}
		}
	}
}

// importPersons is ImportPersons inside the transaction tx.
func (tx *Tx) importPersons(pack *packer, creates, updates iter.Seq[*model.Person], formers []model.ID, summary string) error {
	const op = "store.ImportPersons"
	tx.quiet, tx.pack = true, pack
	defer func() { tx.quiet, tx.pack = false, nil }()
	// bbolt holds every page this transaction writes in memory until the
	// commit: full pages instead of its half-full default halve them. bbolt
	// splits nodes only at the commit, so each bucket's new keys go into one
	// node until then: new ids are appended in ascending order, and the
	// index entries are staged and written in key order at the end
	// (packer.stage) — inserted one by one in the list's order, each would
	// move every larger key of that node (minutes for 100 000 rows).
	for _, name := range [][]byte{persons.bucket, ixPersonEmpNo.bucket, ixPersonEmail.bucket} {
		if b := tx.tx.Bucket(name); b != nil {
			b.FillPercent = 1
		}
	}
	var p model.Person // the copy written, reused: the store keeps nothing of it
	if creates != nil {
		for c := range creates {
			p = *c
			p.ID = 0
			if err := importOne(tx, op, &p); err != nil {
				return err
			}
		}
	}
	if updates != nil {
		for u := range updates {
			if u.ID == 0 {
				return notFound(op, persons.entity, 0)
			}
			p = *u
			if err := importOne(tx, op, &p); err != nil {
				return err
			}
		}
	}
	today := model.DateOf(tx.now)
	for _, id := range formers {
		p, err := persons.load(tx, op, id)
		if err != nil {
			return err
		}
		if p.Former(today) {
			continue
		}
		p.ExitDate = today
		if err := importOne(tx, op, p); err != nil {
			return err
		}
	}
	if err := tx.pack.writeStaged(tx); err != nil {
		return withOp(op, err)
	}
	return withOp(op, tx.audit("import", persons.entity, 0, summary))
}

// importOne saves one person of an import through the generic save path;
// an error names the person in its Arg.
func importOne(tx *Tx, op string, p *model.Person) error {
	err := persons.put(tx, p)
	if err == nil {
		return nil
	}
	err = withOp(op, err)
	if e, ok := err.(*model.Error); ok && e.Arg == "" {
		e.Arg = p.FullName()
	}
	return err
}

// packer encodes the records of one import and holds its index entries
// until they are written in key order. bbolt keeps the value slices it is
// given until the commit, so a value must never be reused within the
// transaction; cutting them from large blocks saves an allocation (and its
// size-class slack) per record.
type packer struct {
	buf    bytes.Buffer
	enc    *json.Encoder
	block  []byte         // the unused rest of the current block
	blocks int            // blocks cut so far
	staged []*stagedIndex // the index entries written so far, by index
	// paced is set when pace lowered the GC percentage from gcPercent.
	paced     bool
	gcPercent int
}

// stagedIndex holds the entries an import puts into one index bucket until
// they are written in key order (see importPersons).
type stagedIndex struct {
	ix      *index
	records map[string]model.ID // stored key → the record it holds
}

// packBlock is the size of the blocks values are cut from.
const packBlock = 1 << 20

func newPacker() *packer {
	p := &packer{}
	p.enc = json.NewEncoder(&p.buf) // escapes HTML as json.Marshal does
	return p
}

// marshal returns the JSON of v as json.Marshal does. When keep is set,
// the bytes stay untouched until the transaction ends; otherwise they are
// valid until the next marshal (a protected file seals them into memory of
// their own).
func (p *packer) marshal(v any, keep bool) ([]byte, error) {
	p.buf.Reset()
	if err := p.enc.Encode(v); err != nil {
		return nil, err
	}
	data := bytes.TrimSuffix(p.buf.Bytes(), []byte("\n"))
	if !keep {
		return data, nil
	}
	return append(p.alloc(len(data)), data...), nil
}

// alloc returns an empty slice with room for n bytes, cut from the current
// block unless n is large.
func (p *packer) alloc(n int) []byte {
	if n > packBlock/8 {
		return make([]byte, 0, n)
	}
	if n > len(p.block) {
		p.block = make([]byte, packBlock)
		if p.blocks++; p.blocks == paceFrom {
			p.pace()
		}
	}
	out := p.block[:0:n]
	p.block = p.block[n:]
	return out
}

// stage notes the index entry of ix under the stored key k for the record
// id, instead of putting it into the bucket now (putEntries during an
// import). Until writeStaged, tx.get finds it there.
func (p *packer) stage(ix *index, k []byte, id model.ID) {
	var st *stagedIndex
	for _, s := range p.staged {
		if s.ix == ix {
			st = s
			break
		}
	}
	if st == nil {
		st = &stagedIndex{ix: ix, records: map[string]model.ID{}}
		p.staged = append(p.staged, st)
	}
	st.records[string(k)] = id
}

// unstage drops the staged entry under k of ix, if there is one (deleteEntries
// during an import, which also deletes it from the bucket).
func (p *packer) unstage(ix *index, k []byte) {
	if p == nil {
		return
	}
	for _, s := range p.staged {
		if s.ix == ix {
			delete(s.records, string(k))
		}
	}
}

// lookup returns the value staged under k in bucket, as tx.get returns it;
// false when nothing is staged there (always for a nil packer).
func (p *packer) lookup(bucket, k []byte) ([]byte, bool) {
	if p == nil {
		return nil, false
	}
	for _, s := range p.staged {
		if bytes.Equal(s.ix.bucket, bucket) {
			if id, ok := s.records[string(k)]; ok {
				return entry{ix: s.ix}.value(id), true
			}
		}
	}
	return nil, false
}

// writeStaged puts the staged index entries into their buckets in key
// order, sealed in a protected file, and forgets them.
func (p *packer) writeStaged(tx *Tx) error {
	type item struct {
		key string
		id  model.ID
	}
	staged := p.staged
	p.staged = nil
	for _, s := range staged {
		b, err := writable(tx.tx, s.ix.bucket)
		if err != nil {
			return err
		}
		items := make([]item, 0, len(s.records))
		for k, id := range s.records {
			items = append(items, item{k, id})
		}
		s.records = nil
		slices.SortFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) })
		for _, it := range items {
			// bbolt copies the key and does not write to it.
			k := unsafe.Slice(unsafe.StringData(it.key), len(it.key))
			if err := b.Put(k, tx.sealed(s.ix.bucket, k, p.entryValue(s.ix, it.id))); err != nil {
				return err
			}
		}
	}
	return nil
}

// entryValue is entry.value cut from the current block: bbolt keeps it
// until the commit.
func (p *packer) entryValue(ix *index, id model.ID) []byte {
	if ix.field == "" {
		return []byte{}
	}
	return binary.BigEndian.AppendUint64(p.alloc(8), uint64(id))
}
