package model

// EnrolmentState is where a participant stands in a programme.
type EnrolmentState string

// The states of an enrolment.
const (
	EnrolmentNominated EnrolmentState = "nominated"
	EnrolmentConfirmed EnrolmentState = "confirmed"
	EnrolmentTrained   EnrolmentState = "trained"
	EnrolmentActive    EnrolmentState = "active"
	EnrolmentFinished  EnrolmentState = "finished"
	EnrolmentWithdrawn EnrolmentState = "withdrawn"
)

// EnrolmentStates lists the states in their natural order.
var EnrolmentStates = []EnrolmentState{EnrolmentNominated, EnrolmentConfirmed, EnrolmentTrained,
	EnrolmentActive, EnrolmentFinished, EnrolmentWithdrawn}

// Training is recommended, not forced: a confirmed participant may become
// active untrained (the dashboard then flags it).
var enrolmentMachine = machine[EnrolmentState]{
	EnrolmentNominated: {EnrolmentConfirmed, EnrolmentWithdrawn},
	EnrolmentConfirmed: {EnrolmentTrained, EnrolmentActive, EnrolmentWithdrawn},
	EnrolmentTrained:   {EnrolmentActive, EnrolmentWithdrawn},
	EnrolmentActive:    {EnrolmentFinished, EnrolmentWithdrawn},
	EnrolmentFinished:  {EnrolmentActive},
	EnrolmentWithdrawn: {EnrolmentNominated},
}

// MaxCapacity is the most mentees one mentor may take on in a programme.
const MaxCapacity = 5

// Enrolment is a person's participation in a programme in one role.
type Enrolment struct {
	Meta
	ProgrammeID ID             `json:"programme"`
	PersonID    ID             `json:"person"`
	Role        Role           `json:"role"`
	Topics      []string       `json:"topics,omitempty"` // offered by a mentor, wanted by a mentee
	Interests   []string       `json:"interests,omitempty"`
	Capacity    int            `json:"capacity,omitempty"` // mentees a mentor takes on; default 1
	Motivation  string         `json:"motivation,omitempty"`
	TrainedOn   Date           `json:"trainedOn,omitzero"`
	State       EnrolmentState `json:"state"`
}

// NewEnrolment returns a nomination of the person into the programme.
func NewEnrolment(programme, person ID, role Role) *Enrolment {
	return &Enrolment{ProgrammeID: programme, PersonID: person, Role: role, Capacity: 1,
		State: EnrolmentNominated}
}

// Normalize cleans the lists and texts.
func (e *Enrolment) Normalize() {
	e.Topics = CleanList(e.Topics)
	e.Interests = CleanList(e.Interests)
	if e.Role == Mentee {
		e.Capacity = 0
	} else if e.Capacity == 0 {
		e.Capacity = 1
	}
}

// Validate checks the enrolment.
func (e *Enrolment) Validate() error {
	var ps problems
	if e.ProgrammeID == 0 {
		ps.add("programme", "required")
	}
	if e.PersonID == 0 {
		ps.add("person", "required")
	}
	if e.Role != Mentor && e.Role != Mentee {
		ps.add("role", "choice")
	}
	if e.Role == Mentor && (e.Capacity < 1 || e.Capacity > MaxCapacity) {
		ps.add("capacity", "capacity")
	}
	if !enrolmentMachine.valid(e.State) {
		ps.add("state", "choice")
	}
	return ps.err("enrolment")
}

// SetState moves the enrolment to another state.
func (e *Enrolment) SetState(to EnrolmentState) error {
	if err := enrolmentMachine.check("enrolment", e.State, to); err != nil {
		return err
	}
	e.State = to
	return nil
}

// NextStates lists the states the enrolment may move to now.
func (e *Enrolment) NextStates() []EnrolmentState { return enrolmentMachine.next(e.State) }

// MarkTrained records training on the given day and moves a confirmed
// participant to trained.
func (e *Enrolment) MarkTrained(on Date) {
	e.TrainedOn = on
	if e.State == EnrolmentConfirmed {
		e.State = EnrolmentTrained
	}
}
