package model

// Moment is when in a tandem's life a check-in takes place.
type Moment string

// The three check-in moments.
const (
	AfterFirstMeeting Moment = "after_first"
	HalfTime          Moment = "half_time"
	AtEnd             Moment = "end"
)

// Moments lists the check-in moments in order.
var Moments = []Moment{AfterFirstMeeting, HalfTime, AtEnd}

// CheckIn is a participant's short feedback at one moment: satisfaction and a
// self-assessment per topic, each 1–5.
type CheckIn struct {
	Meta
	PersonID       ID             `json:"person"`
	ProgrammeID    ID             `json:"programme"`
	TandemID       ID             `json:"tandem,omitempty"`
	Moment         Moment         `json:"moment"`
	On             Date           `json:"on,omitzero"`
	Satisfaction   int            `json:"satisfaction"`
	SelfAssessment map[string]int `json:"selfAssessment,omitempty"` // topic → 1–5
	Comment        string         `json:"comment,omitempty"`
}

// Validate checks the check-in.
func (c *CheckIn) Validate() error {
	var ps problems
	if c.PersonID == 0 {
		ps.add("person", "required")
	}
	if c.ProgrammeID == 0 {
		ps.add("programme", "required")
	}
	switch c.Moment {
	case AfterFirstMeeting, HalfTime, AtEnd:
	default:
		ps.add("moment", "choice")
	}
	if c.Satisfaction < 1 || c.Satisfaction > 5 {
		ps.add("satisfaction", "rating")
	}
	for _, v := range c.SelfAssessment {
		if v < 1 || v > 5 {
			ps.add("selfAssessment", "rating")
			break
		}
	}
	return ps.err("checkin")
}

// TrainingEvent is a preparation session for participants of a programme.
type TrainingEvent struct {
	Meta
	ProgrammeID ID     `json:"programme"`
	On          Date   `json:"on"`
	Title       string `json:"title"`
	Attendees   []ID   `json:"attendees,omitempty"` // persons
}

// Validate checks the training event.
func (t *TrainingEvent) Validate() error {
	var ps problems
	if t.ProgrammeID == 0 {
		ps.add("programme", "required")
	}
	if t.On.IsZero() {
		ps.add("on", "required")
	}
	if Clean(t.Title) == "" {
		ps.add("title", "required")
	}
	return ps.err("training")
}
