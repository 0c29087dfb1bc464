package store

import (
	"tandem/model"
)

var enrolments = &kind[model.Enrolment, *model.Enrolment]{
	entity: "enrolment", op: "Enrolment", label: "Teilnahme", bucket: bucketEnrolments,
	index: func(e *model.Enrolment) []entry {
		return []entry{unique(ixEnrolment, string(pair(e.ProgrammeID, e.PersonID))),
			child(ixEnrolmentProg, e.ProgrammeID, e.ID), child(ixEnrolmentPers, e.PersonID, e.ID)}
	},
	refs: func(e *model.Enrolment) []ref {
		return []ref{{"programme", bucketProgrammes, e.ProgrammeID}, {"person", bucketPersons, e.PersonID}}
	},
	state: func(e *model.Enrolment) string { return string(e.State) },
	rules: refuseFormer,
}

// refuseFormer refuses to enrol a former employee; existing enrolments of
// people who have left since stay as they are.
func refuseFormer(tx *Tx, e, old *model.Enrolment) error {
	if old != nil {
		return nil
	}
	p, err := fetch[model.Person](tx, bucketPersons, e.PersonID)
	if err != nil || p == nil || !p.Former(model.DateOf(tx.now)) {
		return err // a missing person is reported with the other references
	}
	return failure("", model.Invalid, "enrolment", model.Problem{Field: "person", Code: "former"})
}

// SaveEnrolment creates or updates an enrolment. Programme and person must
// exist, a person is enrolled once per programme, and former employees are
// not enrolled any more.
func (tx *Tx) SaveEnrolment(e *model.Enrolment) error { return enrolments.put(tx, e) }

// Enrolment returns the enrolment id.
func (tx *Tx) Enrolment(id model.ID) (model.Enrolment, error) { return enrolments.get(tx, id) }

// Enrolments returns the enrolments of a programme, by id.
func (tx *Tx) Enrolments(programme model.ID) ([]model.Enrolment, error) {
	return enrolments.under(tx, ixEnrolmentProg, programme)
}

// EnrolmentsOfPerson returns the enrolments of a person in all programmes, by id.
func (tx *Tx) EnrolmentsOfPerson(person model.ID) ([]model.Enrolment, error) {
	return enrolments.under(tx, ixEnrolmentPers, person)
}

// DeleteEnrolment deletes an enrolment.
func (tx *Tx) DeleteEnrolment(id model.ID) error { return enrolments.del(tx, id) }
