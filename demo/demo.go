// Package demo creates Tandem's example company, Lindenberg Logistik GmbH:
// about a hundred staff in Hamburg, Leipzig and München with a proper
// management chain, a running reverse-mentoring programme with tandems in
// every state, their meetings, agreements and check-ins, and a closed pilot
// programme, so that a new user can try every screen before importing real
// data. It backs the welcome page's "Beispieldaten laden" and
// `tandem demo --db FILE`.
//
// The data come from a fixed seed and are dated relative to the day passed
// to Load: the same day always gives the same data.
package demo

import (
	"math/rand/v2"
	"time"
	_ "time/tzdata" // meeting times are in Europe/Berlin, also on machines without a zone database

	"tandem/model"
	"tandem/model/store"
)

// seed makes the example data the same on every run.
const seed1, seed2 = 0x4c696e64656e, 2026

// Load fills an empty store with the example company as of today, in one
// transaction: either everything is written or nothing. It refuses a store
// that already holds persons or programmes with a Conflict error for the
// entity "file" (problem code "not_empty"), so that it never mixes the
// example with real data.
func Load(s *store.Store, today model.Date) error {
	const op = "demo.Load"
	empty, err := s.Empty()
	if err != nil {
		return model.E(op, err)
	}
	if !empty {
		return notEmpty(op)
	}
	rng := rand.New(rand.NewPCG(seed1, seed2))
	staff, err := newRoster(today, rng)
	if err != nil {
		return model.E(op, err)
	}
	img, err := logo()
	if err != nil {
		return model.E(op, err)
	}
	err = s.Batch(func(tx *store.Tx) error {
		// Checked again inside the transaction, in case something was saved meanwhile.
		if empty, err := tx.Empty(); err != nil || !empty {
			return orNotEmpty(op, err)
		}
		b := &builder{tx: tx, today: today, rng: rng, staff: staff, zone: berlin()}
		b.build(img)
		return b.err
	})
	if err != nil {
		return model.E(op, err)
	}
	return nil
}

// notEmpty is Load's refusal of a store that already holds data.
func notEmpty(op string) error {
	e := model.E(op, model.Conflict, model.Problem{Field: "file", Code: "not_empty"})
	e.Entity = "file"
	return e
}

// orNotEmpty returns err, or the refusal when there is none.
func orNotEmpty(op string, err error) error {
	if err != nil {
		return err
	}
	return notEmpty(op)
}

// berlin returns the company's time zone; a fixed UTC+1 stands in should
// the zone database be missing after all.
func berlin() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.FixedZone("CET", 3600)
}

// builder writes the example inside one transaction. The first error
// sticks: every later step is skipped and the transaction rolls back.
type builder struct {
	tx    *store.Tx
	today model.Date
	rng   *rand.Rand
	staff *roster
	zone  *time.Location
	err   error
}

// check records the first error.
func (b *builder) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// save runs a store write unless an earlier step failed.
func (b *builder) save(write func() error) {
	if b.err == nil {
		b.check(write())
	}
}

// build writes settings, staff and both programmes. People who left after
// taking part get their exit date last, as it happened: the store refuses
// to enrol former employees.
func (b *builder) build(logo []byte) {
	st := model.Settings{CompanyName: company, Address: address, Logo: logo}
	b.save(func() error { return b.tx.SaveSettings(&st) })
	for _, p := range b.staff.all {
		b.save(func() error { return b.tx.SavePerson(p) })
	}
	run := running(b.today)
	b.cohort(pilot(b.today))
	b.cohort(run)
	for key, exit := range sorted(leavers(b.today, run)) {
		p := b.staff.byKey[key]
		p.ExitDate = exit
		b.save(func() error { return b.tx.SavePerson(p) })
	}
}

// person returns the holder of a keyed post.
func (b *builder) person(key string) *model.Person {
	p := b.staff.byKey[key]
	if p == nil {
		b.check(model.E("demo", model.NotFound, model.Problem{Field: "person", Code: "missing", Arg: key}))
		return &model.Person{}
	}
	return p
}

// between returns a number from lo to hi inclusive.
func (b *builder) between(lo, hi int) int { return lo + b.rng.IntN(hi-lo+1) }
