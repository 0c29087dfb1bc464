package store

import (
	"strings"

	"tandem/model"
)

var persons = &kind[model.Person, *model.Person]{
	entity: "person", op: "Person", label: "Person", bucket: bucketPersons,
	index: func(p *model.Person) []entry {
		return []entry{unique(ixPersonEmpNo, p.EmployeeNo), unique(ixPersonEmail, p.EmailKey())}
	},
	onDelete: personInUse,
}

// personName names the person id in a conflict.
func personName(tx *Tx, id model.ID) string {
	if p, err := fetch[model.Person](tx, bucketPersons, id); err == nil && p != nil {
		return p.FullName()
	}
	return ""
}

// personInUse refuses to delete a person who is enrolled in a programme or
// a member of a tandem, or who has a check-in or an own agreement left from
// an enrolment deleted since, naming the programme. (Erasing the person
// removes all of that.)
func personInUse(tx *Tx, op string, p *model.Person) error {
	var programme model.ID
	if ids := tx.childIDs(ixEnrolmentPers, p.ID); len(ids) > 0 {
		e, err := enrolments.load(tx, op, ids[0])
		if err != nil {
			return err
		}
		programme = e.ProgrammeID
	} else if ids := tx.childIDs(ixTandemPerson, p.ID); len(ids) > 0 {
		t, err := tandems.load(tx, op, ids[0])
		if err != nil {
			return err
		}
		programme = t.ProgrammeID
	} else if programme = leftTraces(tx, p.ID); programme == 0 {
		return nil
	}
	return failure(op, model.Conflict, "person",
		model.Problem{Field: "person", Code: "in_use", Arg: programmeName(tx, programme)})
}

// SavePerson creates or updates a person. The employee number (when set)
// and the e-mail address (when set, ignoring case) must be unique.
func (tx *Tx) SavePerson(p *model.Person) error { return persons.put(tx, p) }

// Person returns the person id.
func (tx *Tx) Person(id model.ID) (model.Person, error) { return persons.get(tx, id) }

// PersonByEmployeeNo returns the person with the employee number.
func (tx *Tx) PersonByEmployeeNo(no string) (model.Person, error) {
	return persons.by(tx, ixPersonEmpNo, model.Clean(no))
}

// PersonByEmail returns the person with the e-mail address, ignoring case.
func (tx *Tx) PersonByEmail(email string) (model.Person, error) {
	return persons.by(tx, ixPersonEmail, strings.ToLower(model.Clean(email)))
}

// DeletePerson deletes a person who is in no programme and no tandem.
func (tx *Tx) DeletePerson(id model.ID) error { return persons.del(tx, id) }

// Persons returns everybody, sorted by last name, first name (German
// collation, ignoring case and umlauts), then id.
func (tx *Tx) Persons() ([]model.Person, error) {
	ps, err := persons.all(tx)
	sortCollated(ps, nil, func(p *model.Person) [2]string { return [2]string{p.LastName, p.FirstName} })
	return ps, err
}

// leftTraces returns the programme of a check-in or a personal agreement of
// the person, 0 when there is none.
func leftTraces(tx *Tx, person model.ID) model.ID {
	if cs, err := checkIns.all(tx); err == nil {
		for _, c := range cs {
			if c.PersonID == person {
				return c.ProgrammeID
			}
		}
	}
	if as, err := agreements.all(tx); err == nil {
		for _, a := range as {
			if a.PersonID == person {
				return a.ProgrammeID
			}
		}
	}
	return 0
}
