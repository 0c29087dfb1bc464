package store

import "tandem/model"

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
	return s.update(func(tx *Tx) error { return tx.importPersons(creates, updates, formers, summary) })
}

// importPersons is ImportPersons inside the transaction tx.
func (tx *Tx) importPersons(creates, updates []model.Person, formers []model.ID, summary string) error {
	const op = "store.ImportPersons"
	tx.quiet = true
	defer func() { tx.quiet = false }()
	for _, p := range creates {
		p.ID = 0
		if err := importOne(tx, op, &p); err != nil {
			return err
		}
	}
	for _, p := range updates {
		if p.ID == 0 {
			return notFound(op, persons.entity, 0)
		}
		if err := importOne(tx, op, &p); err != nil {
			return err
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
