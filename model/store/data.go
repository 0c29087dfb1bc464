package store

import (
	"slices"

	"tandem/model"
)

// ProgrammeData reads everything about a programme in one transaction.
func (tx *Tx) ProgrammeData(id model.ID) (model.ProgrammeData, error) {
	const op = "store.ProgrammeData"
	d := model.ProgrammeData{Persons: map[model.ID]model.Person{}, Meetings: map[model.ID][]model.Meeting{}}
	var err error
	if d.Programme, err = tx.Programme(id); err != nil {
		return d, err
	}
	if d.Enrolments, err = tx.Enrolments(id); err != nil {
		return d, withOp(op, err)
	}
	if d.Tandems, err = tx.Tandems(id); err != nil {
		return d, withOp(op, err)
	}
	if d.Agreements, err = tx.Agreements(id); err != nil {
		return d, withOp(op, err)
	}
	if d.CheckIns, err = tx.CheckIns(id); err != nil {
		return d, withOp(op, err)
	}
	if d.Trainings, err = tx.Trainings(id); err != nil {
		return d, withOp(op, err)
	}
	people := make([]model.ID, 0, len(d.Enrolments)+2*len(d.Tandems))
	for _, e := range d.Enrolments {
		people = append(people, e.PersonID)
	}
	for _, t := range d.Tandems {
		people = append(people, t.MentorID, t.MenteeID)
		if d.Meetings[t.ID], err = tx.Meetings(t.ID); err != nil {
			return d, withOp(op, err)
		}
	}
	for _, p := range people {
		if _, ok := d.Persons[p]; ok {
			continue
		}
		if d.Persons[p], err = tx.Person(p); err != nil {
			return d, withOp(op, err)
		}
	}
	return d, nil
}

// PersonData reads everything stored about a person in one transaction.
func (tx *Tx) PersonData(id model.ID) (model.PersonData, error) {
	const op = "store.PersonData"
	d := model.PersonData{Programmes: map[model.ID]model.Programme{}, Partners: map[model.ID]model.Person{},
		Meetings: map[model.ID][]model.Meeting{}}
	var err error
	if d.Person, err = tx.Person(id); err != nil {
		return d, err
	}
	if no := d.Person.ManagerNo; no != "" {
		if m, err := tx.PersonByEmployeeNo(no); err == nil {
			d.Manager = &m
		}
	}
	if d.Enrolments, err = tx.EnrolmentsOfPerson(id); err != nil {
		return d, withOp(op, err)
	}
	if d.Tandems, err = tx.TandemsOfPerson(id); err != nil {
		return d, withOp(op, err)
	}
	programmes := []model.ID{}
	for _, e := range d.Enrolments {
		programmes = append(programmes, e.ProgrammeID)
	}
	tandems := map[model.ID]bool{}
	for _, t := range d.Tandems {
		programmes = append(programmes, t.ProgrammeID)
		tandems[t.ID] = true
		partner := t.MentorID
		if partner == id {
			partner = t.MenteeID
		}
		if d.Partners[partner], err = tx.Person(partner); err != nil {
			return d, withOp(op, err)
		}
		if d.Meetings[t.ID], err = tx.Meetings(t.ID); err != nil {
			return d, withOp(op, err)
		}
	}
	slices.Sort(programmes)
	for _, p := range slices.Compact(programmes) {
		if d.Programmes[p], err = tx.Programme(p); err != nil {
			return d, withOp(op, err)
		}
		if err = addPersonRecords(tx, &d, p, tandems); err != nil {
			return d, withOp(op, err)
		}
	}
	log, err := tx.Audit()
	for _, e := range log {
		if e.Entity == persons.entity && e.EntityID == id {
			d.Audit = append(d.Audit, e)
		}
	}
	return d, withOp(op, err)
}

// addPersonRecords adds the person's agreements, check-ins and training
// events of one programme to d; tandems are the person's tandems.
func addPersonRecords(tx *Tx, d *model.PersonData, programme model.ID, tandems map[model.ID]bool) error {
	id := d.Person.ID
	as, err := tx.Agreements(programme)
	if err != nil {
		return err
	}
	for _, a := range as {
		if tandems[a.TandemID] || a.PersonID == id {
			d.Agreements = append(d.Agreements, a)
		}
	}
	cs, err := tx.CheckIns(programme)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.PersonID == id {
			d.CheckIns = append(d.CheckIns, c)
		}
	}
	ts, err := tx.Trainings(programme)
	if err != nil {
		return err
	}
	for _, t := range ts {
		if slices.Contains(t.Attendees, id) {
			d.Trainings = append(d.Trainings, t)
		}
	}
	return nil
}
