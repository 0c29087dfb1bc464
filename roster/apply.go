package roster

import (
	"fmt"
	"iter"

	"tandem/model"
	"tandem/model/store"
)

// Store is what Apply needs (implemented by *store.Store).
type Store interface {
	Backup(reason string) (store.Backup, error)
	ImportPersons(creates, updates []model.Person, formers []model.ID, summary string) error
}

// seqStore is a Store that also takes the persons one by one
// (*store.Store does): Apply then needs no copy of the plan's persons.
type seqStore interface {
	ImportPersonsSeq(creates, updates iter.Seq[*model.Person], formers []model.ID, summary string) error
}

// Apply writes a plan: first an "import" backup (when it fails, nothing is
// written and its error returned), then in one transaction the new and the
// changed people, and the people of markFormer (usually chosen from
// p.Missing) marked as former employees — all or nothing. The store dates
// those exits by its own clock, so today (the day the plan was made for)
// is not needed; it stays in the signature for the callers of the contract.
//
// Apply takes the plan over once the backup is made: it lets go of the
// person of each entry of p.New and p.Changed as it is written (Person
// nil), so that a large import does not hold every person until its commit
// (DESIGN §8 bounds the peak heap). What the callers report afterwards
// stays: the lists' lengths, each entry's Row, Changes and Former, and
// p.Rejected, p.Unchanged and p.Missing. To try again after an error, make
// a new plan.
func Apply(s Store, p *Plan, markFormer []model.ID, today model.Date) error {
	if _, err := s.Backup("import"); err != nil {
		return err
	}
	summary := applySummary(p, len(markFormer))
	if ss, ok := s.(seqStore); ok {
		return ss.ImportPersonsSeq(entrySeq(p.New), entrySeq(p.Changed), markFormer, summary)
	}
	creates, updates := entryPersons(p.New), entryPersons(p.Changed)
	return s.ImportPersons(creates, updates, markFormer, summary)
}

// Summary describes an applied plan for the audit log: "Import aus
// liste.xlsx: 12 neu, 3 geändert, 1 als ausgeschieden markiert".
func applySummary(p *Plan, formers int) string {
	return fmt.Sprintf("Import aus %s: %d neu, %d geändert, %d als ausgeschieden markiert",
		p.Source.File, len(p.New), len(p.Changed), formers)
}

// entryPersons returns copies of the persons of the entries, and lets go
// of the entries' persons.
func entryPersons(es []Entry) []model.Person {
	out := make([]model.Person, len(es))
	for i := range es {
		out[i] = *es[i].Person
		es[i].Person = nil
	}
	return out
}

// entrySeq yields the persons of the entries, without copying them, and
// lets go of each once the store has taken it.
func entrySeq(es []Entry) iter.Seq[*model.Person] {
	return func(yield func(*model.Person) bool) {
		for i := range es {
			p := es[i].Person
			es[i].Person = nil
			if !yield(p) {
				return
			}
		}
	}
}
