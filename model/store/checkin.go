package store

import (
	"tandem/model"
)

var checkIns = &kind[model.CheckIn, *model.CheckIn]{
	entity: "checkin", op: "CheckIn", label: "Check-in", bucket: bucketCheckIns,
	index: func(c *model.CheckIn) []entry { return []entry{child(ixCheckInProg, c.ProgrammeID, c.ID)} },
	refs: func(c *model.CheckIn) []ref {
		return []ref{{"programme", bucketProgrammes, c.ProgrammeID}, {"person", bucketPersons, c.PersonID},
			{"tandem", bucketTandems, c.TandemID}}
	},
}

// SaveCheckIn creates or updates a check-in; programme, person and (when
// set) tandem must exist.
func (tx *Tx) SaveCheckIn(c *model.CheckIn) error { return checkIns.put(tx, c) }

// CheckIns returns the check-ins of a programme, by id.
func (tx *Tx) CheckIns(programme model.ID) ([]model.CheckIn, error) {
	return checkIns.under(tx, ixCheckInProg, programme)
}

// DeleteCheckIn deletes a check-in.
func (tx *Tx) DeleteCheckIn(id model.ID) error { return checkIns.del(tx, id) }

var trainings = &kind[model.TrainingEvent, *model.TrainingEvent]{
	entity: "training", op: "Training", label: "Schulung", bucket: bucketTrainings,
	index: func(t *model.TrainingEvent) []entry { return []entry{child(ixTrainingProg, t.ProgrammeID, t.ID)} },
	refs: func(t *model.TrainingEvent) []ref {
		refs := []ref{{"programme", bucketProgrammes, t.ProgrammeID}}
		for _, p := range t.Attendees {
			refs = append(refs, ref{"attendees", bucketPersons, p})
		}
		return refs
	},
}

// SaveTraining creates or updates a training event; the programme and every
// attendee must exist.
func (tx *Tx) SaveTraining(t *model.TrainingEvent) error { return trainings.put(tx, t) }

// Trainings returns the training events of a programme, by id.
func (tx *Tx) Trainings(programme model.ID) ([]model.TrainingEvent, error) {
	return trainings.under(tx, ixTrainingProg, programme)
}

// DeleteTraining deletes a training event.
func (tx *Tx) DeleteTraining(id model.ID) error { return trainings.del(tx, id) }
