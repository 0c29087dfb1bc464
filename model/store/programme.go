package store

import (
	"strings"

	"tandem/model"
)

var programmes = &kind[model.Programme, *model.Programme]{
	entity: "programme", op: "Programme", label: "Programm", bucket: bucketProgrammes,
	index:    func(p *model.Programme) []entry { return []entry{unique(ixProgrammeName, p.NameKey())} },
	state:    func(p *model.Programme) string { return string(p.State) },
	onDelete: deleteProgrammeRecords,
}

// programmeName names the programme id in a conflict.
func programmeName(tx *Tx, id model.ID) string {
	if p, err := fetch[model.Programme](tx, bucketProgrammes, id); err == nil && p != nil {
		return p.Name
	}
	return ""
}

// deleteProgrammeRecords removes everything that belongs to a programme:
// agreements (with scans), tandems (with meetings), enrolments, check-ins
// and training events.
func deleteProgrammeRecords(tx *Tx, op string, p *model.Programme) error {
	return dropChildren(tx, op, p.ID, []dependants{{agreements, ixAgreementProg}, {tandems, ixTandemProg},
		{enrolments, ixEnrolmentProg}, {checkIns, ixCheckInProg}, {trainings, ixTrainingProg}})
}

// SaveProgramme creates or updates a programme; names are unique, ignoring case.
func (tx *Tx) SaveProgramme(p *model.Programme) error { return programmes.put(tx, p) }

// Programme returns the programme id.
func (tx *Tx) Programme(id model.ID) (model.Programme, error) { return programmes.get(tx, id) }

// ProgrammeByName returns the programme with the name, ignoring case.
func (tx *Tx) ProgrammeByName(name string) (model.Programme, error) {
	return programmes.by(tx, ixProgrammeName, strings.ToLower(model.Clean(name)))
}

// DeleteProgramme deletes a programme with all its enrolments, tandems,
// meetings, agreements, scans, check-ins and training events.
func (tx *Tx) DeleteProgramme(id model.ID) error { return programmes.del(tx, id) }

// programmeOrder ranks the states in the order lists show them.
var programmeOrder = map[model.ProgrammeState]int{model.ProgrammeRunning: 0, model.ProgrammeMatching: 1,
	model.ProgrammePlanning: 2, model.ProgrammeClosed: 3}

// Programmes returns every programme: running first, then matching,
// planning and closed; within a state by name (German collation).
func (tx *Tx) Programmes() ([]model.Programme, error) {
	ps, err := programmes.all(tx)
	sortCollated(ps, func(p *model.Programme) int { return programmeOrder[p.State] },
		func(p *model.Programme) [2]string { return [2]string{p.Name} })
	return ps, err
}
