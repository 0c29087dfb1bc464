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
func Apply(s Store, p *Plan, markFormer []model.ID, today model.Date) error {
	if _, err := s.Backup("import"); err != nil {
		return err
	}
	summary := applySummary(p, len(markFormer))
	if ss, ok := s.(seqStore); ok {
		return ss.ImportPersonsSeq(entrySeq(p.New), entrySeq(p.Changed), markFormer, summary)
	}
	return s.ImportPersons(entryPersons(p.New), entryPersons(p.Changed), markFormer, summary)
}

// Summary describes an applied plan for the audit log: "Import aus
// liste.xlsx: 12 neu, 3 geändert, 1 als ausgeschieden markiert".
func applySummary(p *Plan, formers int) string {
	return fmt.Sprintf("Import aus %s: %d neu, %d geändert, %d als ausgeschieden markiert",
		p.Source.File, len(p.New), len(p.Changed), formers)
}

// entryPersons returns the persons of the entries.
func entryPersons(es []Entry) []model.Person {
	out := make([]model.Person, len(es))
	for i := range es {
		out[i] = es[i].Person
	}
	return out
}

// entrySeq yields the persons of the entries, without copying them.
func entrySeq(es []Entry) iter.Seq[*model.Person] {
	return func(yield func(*model.Person) bool) {
		for i := range es {
			if !yield(&es[i].Person) {
				return
			}
		}
	}
}
