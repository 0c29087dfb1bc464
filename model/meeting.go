package model

import "time"

// MeetingState is what became of a planned meeting.
type MeetingState string

// The states of a meeting. A moved meeting points to its replacement.
const (
	MeetingPlanned   MeetingState = "planned"
	MeetingHeld      MeetingState = "held"
	MeetingCancelled MeetingState = "cancelled"
	MeetingMoved     MeetingState = "moved"
)

// MeetingStates lists the states in order.
var MeetingStates = []MeetingState{MeetingPlanned, MeetingHeld, MeetingCancelled, MeetingMoved}

// Held and cancelled may be corrected back to planned; a move is final,
// because the replacement meeting carries on.
var meetingMachine = machine[MeetingState]{
	MeetingPlanned:   {MeetingHeld, MeetingCancelled, MeetingMoved},
	MeetingHeld:      {MeetingPlanned},
	MeetingCancelled: {MeetingPlanned},
	MeetingMoved:     {},
}

// Who cancelled a meeting.
const (
	ByMentor = "mentor"
	ByMentee = "mentee"
	ByHR     = "hr"
)

// Meeting is one meeting of a tandem. HR records that it happened, its
// topics and what each side learned in a sentence — never minutes of what
// was said.
type Meeting struct {
	Meta
	TandemID      ID           `json:"tandem"`
	At            time.Time    `json:"at"`
	Minutes       int          `json:"minutes"`
	Place         string       `json:"place,omitempty"`
	Online        bool         `json:"online,omitempty"`
	Topics        []string     `json:"topics,omitempty"`
	Agenda        string       `json:"agenda,omitempty"`
	MenteeLearned string       `json:"menteeLearned,omitempty"`
	MentorLearned string       `json:"mentorLearned,omitempty"`
	MenteeRating  int          `json:"menteeRating,omitempty"` // 1–5, 0 not given
	MentorRating  int          `json:"mentorRating,omitempty"` // 1–5, 0 not given
	CancelledBy   string       `json:"cancelledBy,omitempty"`
	MovedTo       ID           `json:"movedTo,omitempty"` // the replacement meeting
	State         MeetingState `json:"state"`
}

// Normalize cleans the texts.
func (m *Meeting) Normalize() {
	m.Place = Clean(m.Place)
	m.Topics = CleanList(m.Topics)
}

// Validate checks the meeting.
func (m *Meeting) Validate() error {
	var ps problems
	if m.TandemID == 0 {
		ps.add("tandem", "required")
	}
	if m.At.IsZero() {
		ps.add("at", "required")
	}
	if m.Minutes < 15 || m.Minutes > 480 {
		ps.add("minutes", "session_minutes")
	}
	if m.MenteeRating < 0 || m.MenteeRating > 5 {
		ps.add("menteeRating", "rating")
	}
	if m.MentorRating < 0 || m.MentorRating > 5 {
		ps.add("mentorRating", "rating")
	}
	switch m.CancelledBy {
	case "", ByMentor, ByMentee, ByHR:
	default:
		ps.add("cancelledBy", "choice")
	}
	if !meetingMachine.valid(m.State) {
		ps.add("state", "choice")
	}
	return ps.err("meeting")
}

// Hold records the meeting as held.
func (m *Meeting) Hold() error { return m.move(MeetingHeld) }

// Cancel records the meeting as cancelled by a party (ByMentor, ByMentee, ByHR).
func (m *Meeting) Cancel(by string) error {
	if err := m.move(MeetingCancelled); err != nil {
		return err
	}
	m.CancelledBy = by
	return nil
}

// MoveTo marks the meeting as moved to its replacement.
func (m *Meeting) MoveTo(replacement ID) error {
	if err := m.move(MeetingMoved); err != nil {
		return err
	}
	m.MovedTo = replacement
	return nil
}

// Reopen turns a held or cancelled meeting back into a planned one, to correct a mistake.
func (m *Meeting) Reopen() error {
	if err := m.move(MeetingPlanned); err != nil {
		return err
	}
	m.CancelledBy = ""
	return nil
}

// NextStates lists the states the meeting may move to now.
func (m *Meeting) NextStates() []MeetingState { return meetingMachine.next(m.State) }

func (m *Meeting) move(to MeetingState) error {
	if err := meetingMachine.check("meeting", m.State, to); err != nil {
		return err
	}
	m.State = to
	return nil
}
