package store

import (
	"slices"

	"tandem/model"
)

var tandems = &kind[model.Tandem, *model.Tandem]{
	entity: "tandem", op: "Tandem", label: "Tandem", bucket: bucketTandems,
	index: func(t *model.Tandem) []entry {
		return []entry{child(ixTandemProg, t.ProgrammeID, t.ID),
			child(ixTandemPerson, t.MentorID, t.ID), child(ixTandemPerson, t.MenteeID, t.ID)}
	},
	refs: func(t *model.Tandem) []ref {
		return []ref{{"programme", bucketProgrammes, t.ProgrammeID},
			{"mentor", bucketPersons, t.MentorID}, {"mentee", bucketPersons, t.MenteeID}}
	},
	state:    func(t *model.Tandem) string { return string(t.State) },
	onDelete: deleteTandemRecords,
}

// deleteTandemRecords removes a tandem's meetings and agreements (with scans).
func deleteTandemRecords(tx *Tx, op string, t *model.Tandem) error {
	var ids []model.ID
	for _, id := range tx.childIDs(ixAgreementProg, t.ProgrammeID) {
		a, err := agreements.load(tx, op, id)
		if err != nil {
			return err
		}
		if a.TandemID == t.ID {
			ids = append(ids, id)
		}
	}
	if err := agreements.dropAll(tx, op, ids); err != nil {
		return err
	}
	return dropChildren(tx, op, t.ID, []dependants{{meetings, ixMeetingTandem}})
}

// SaveTandem creates or updates a tandem; programme, mentor and mentee must exist.
func (tx *Tx) SaveTandem(t *model.Tandem) error { return tandems.put(tx, t) }

// Tandem returns the tandem id.
func (tx *Tx) Tandem(id model.ID) (model.Tandem, error) { return tandems.get(tx, id) }

// Tandems returns the tandems of a programme, by id.
func (tx *Tx) Tandems(programme model.ID) ([]model.Tandem, error) {
	return tandems.under(tx, ixTandemProg, programme)
}

// TandemsOfPerson returns the tandems in which the person is mentor or mentee, by id.
func (tx *Tx) TandemsOfPerson(person model.ID) ([]model.Tandem, error) {
	return tandems.under(tx, ixTandemPerson, person)
}

// DeleteTandem deletes a tandem with its meetings and agreements.
func (tx *Tx) DeleteTandem(id model.ID) error { return tandems.del(tx, id) }

var meetings = &kind[model.Meeting, *model.Meeting]{
	entity: "meeting", op: "Meeting", label: "Treffen", bucket: bucketMeetings,
	index: func(m *model.Meeting) []entry { return []entry{child(ixMeetingTandem, m.TandemID, m.ID)} },
	refs:  func(m *model.Meeting) []ref { return []ref{{"tandem", bucketTandems, m.TandemID}} },
	state: func(m *model.Meeting) string { return string(m.State) },
}

// SaveMeeting creates or updates a meeting; its tandem must exist.
func (tx *Tx) SaveMeeting(m *model.Meeting) error { return meetings.put(tx, m) }

// Meeting returns the meeting id.
func (tx *Tx) Meeting(id model.ID) (model.Meeting, error) { return meetings.get(tx, id) }

// Meetings returns the meetings of a tandem by time, then id.
func (tx *Tx) Meetings(tandem model.ID) ([]model.Meeting, error) {
	ms, err := meetings.under(tx, ixMeetingTandem, tandem)
	slices.SortStableFunc(ms, func(a, b model.Meeting) int { return a.At.Compare(b.At) })
	return ms, err
}

// DeleteMeeting deletes a meeting.
func (tx *Tx) DeleteMeeting(id model.ID) error { return meetings.del(tx, id) }
