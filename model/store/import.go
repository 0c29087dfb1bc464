package store

import (
	"bytes"
	"encoding/json"
	"iter"

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
	return s.update(func(tx *Tx) error { return tx.importPersons(creates, updates, formers, summary) })
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
func (tx *Tx) importPersons(creates, updates iter.Seq[*model.Person], formers []model.ID, summary string) error {
	const op = "store.ImportPersons"
	tx.quiet, tx.pack = true, newPacker()
	defer func() { tx.quiet, tx.pack = false, nil }()
	// bbolt holds every page this transaction writes in memory until the
	// commit: full pages instead of its half-full default halve them. New
	// ids are appended in ascending order, so the persons bucket does not
	// split again; index pages split as the next writes need it.
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

// packer encodes the records of one import. bbolt keeps the value slices it
// is given until the commit, so a value must never be reused within the
// transaction; cutting them from large blocks saves an allocation (and its
// size-class slack) per record.
type packer struct {
	buf   bytes.Buffer
	enc   *json.Encoder
	block []byte // the unused rest of the current block
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
	}
	out := p.block[:0:n]
	p.block = p.block[n:]
	return out
}
