package model

// TandemState is where a pair stands.
type TandemState string

// The states of a tandem.
const (
	TandemProposed   TandemState = "proposed"
	TandemConfirmed  TandemState = "confirmed"
	TandemActive     TandemState = "active"
	TandemFinished   TandemState = "finished"
	TandemEndedEarly TandemState = "ended_early"
)

// TandemStates lists the states in their natural order.
var TandemStates = []TandemState{TandemProposed, TandemConfirmed, TandemActive, TandemFinished, TandemEndedEarly}

var tandemMachine = machine[TandemState]{
	TandemProposed:   {TandemConfirmed, TandemEndedEarly},
	TandemConfirmed:  {TandemActive, TandemEndedEarly},
	TandemActive:     {TandemFinished, TandemEndedEarly},
	TandemFinished:   {TandemActive},
	TandemEndedEarly: {},
}

// GoalDirection says who learns: the mentee from the mentor, or the reverse.
type GoalDirection string

// The two directions of learning in a tandem.
const (
	MenteeLearns GoalDirection = "mentee"
	MentorLearns GoalDirection = "mentor"
)

// GoalStatus is how far a goal has come.
type GoalStatus string

// The states of a goal.
const (
	GoalOpen       GoalStatus = "open"
	GoalInProgress GoalStatus = "in_progress"
	GoalReached    GoalStatus = "reached"
	GoalDropped    GoalStatus = "dropped"
)

// GoalStatuses lists the goal states in order.
var GoalStatuses = []GoalStatus{GoalOpen, GoalInProgress, GoalReached, GoalDropped}

// MaxGoalsPerDirection is how many goals each side of a tandem may set.
const MaxGoalsPerDirection = 3

// Goal is one learning goal of a tandem.
type Goal struct {
	Direction   GoalDirection `json:"direction"`
	Text        string        `json:"text"`
	SuccessSign string        `json:"successSign,omitempty"` // how both will know it is reached
	Status      GoalStatus    `json:"status"`
}

// ScoreFactor is one factor of a matching score with its explanation. The
// explanation is a message code with arguments, so it can be shown in any
// language.
type ScoreFactor struct {
	Factor string   `json:"factor"` // topics, interests, gap, location, language
	Points float64  `json:"points"` // contribution to the 0–100 score
	Code   string   `json:"code"`
	Args   []string `json:"args,omitempty"`
}

// Tandem is a pair of a (junior) mentor and an (executive) mentee in a programme.
type Tandem struct {
	Meta
	ProgrammeID  ID            `json:"programme"`
	MentorID     ID            `json:"mentor"` // a person
	MenteeID     ID            `json:"mentee"` // a person
	Score        int           `json:"score"`  // 0–100, as of matching
	Explanation  []ScoreFactor `json:"explanation,omitempty"`
	Goals        []Goal        `json:"goals,omitempty"`
	CadenceWeeks int           `json:"cadenceWeeks,omitempty"` // 0: the programme's cadence
	Start        Date          `json:"start,omitzero"`
	End          Date          `json:"end,omitzero"`
	EndReason    string        `json:"endReason,omitempty"`
	State        TandemState   `json:"state"`
}

// Normalize cleans goal texts and drops empty goals.
func (t *Tandem) Normalize() {
	goals := t.Goals[:0]
	for _, g := range t.Goals {
		g.Text, g.SuccessSign = Clean(g.Text), Clean(g.SuccessSign)
		if g.Text == "" && g.SuccessSign == "" {
			continue
		}
		if g.Status == "" {
			g.Status = GoalOpen
		}
		goals = append(goals, g)
	}
	t.Goals = goals
	t.EndReason = Clean(t.EndReason)
}

// Validate checks the tandem.
func (t *Tandem) Validate() error {
	var ps problems
	if t.ProgrammeID == 0 {
		ps.add("programme", "required")
	}
	if t.MentorID == 0 {
		ps.add("mentor", "required")
	}
	if t.MenteeID == 0 {
		ps.add("mentee", "required")
	}
	if t.MentorID != 0 && t.MentorID == t.MenteeID {
		ps.add("mentee", "same_person")
	}
	if t.Score < 0 || t.Score > 100 {
		ps.add("score", "range")
	}
	if t.CadenceWeeks < 0 || t.CadenceWeeks > 26 {
		ps.add("cadenceWeeks", "cadence")
	}
	count := map[GoalDirection]int{}
	for _, g := range t.Goals {
		count[g.Direction]++
		switch {
		case g.Direction != MenteeLearns && g.Direction != MentorLearns:
			ps.add("goals", "choice")
		case g.Text == "":
			ps.add("goals", "goal_text")
		}
	}
	if count[MenteeLearns] > MaxGoalsPerDirection || count[MentorLearns] > MaxGoalsPerDirection {
		ps.add("goals", "too_many_goals", "3")
	}
	if !t.Start.IsZero() && !t.End.IsZero() && t.End.Before(t.Start) {
		ps.add("end", "end_before_start")
	}
	if !tandemMachine.valid(t.State) {
		ps.add("state", "choice")
	}
	return ps.err("tandem")
}

// Confirm moves a proposed tandem to confirmed.
func (t *Tandem) Confirm() error { return t.move(TandemConfirmed) }

// Activate starts the tandem on the given day. When the programme requires
// it, both partners must have signed the confidentiality agreement; otherwise
// the error's problem code is "agreement_unsigned".
func (t *Tandem) Activate(on Date, agreementRequired, agreementSigned bool) error {
	if err := tandemMachine.check("tandem", t.State, TandemActive); err != nil {
		return err
	}
	if agreementRequired && !agreementSigned {
		return transitionError("tandem", string(t.State), string(TandemActive), "agreement_unsigned")
	}
	t.State = TandemActive
	if t.Start.IsZero() {
		t.Start = on
	}
	return nil
}

// Finish ends the tandem regularly on the given day.
func (t *Tandem) Finish(on Date) error {
	if err := t.move(TandemFinished); err != nil {
		return err
	}
	t.End = on
	return nil
}

// EndEarly ends the tandem before its time; a reason is required.
func (t *Tandem) EndEarly(on Date, reason string) error {
	reason = Clean(reason)
	if reason == "" {
		e := E("transition", Invalid, Problem{Field: "endReason", Code: "required"})
		e.Entity = "tandem"
		return e
	}
	if err := t.move(TandemEndedEarly); err != nil {
		return err
	}
	t.End, t.EndReason = on, reason
	return nil
}

// NextStates lists the states the tandem may move to now.
func (t *Tandem) NextStates() []TandemState { return tandemMachine.next(t.State) }

// Cadence returns the tandem's meeting rhythm in weeks, falling back to the programme's.
func (t *Tandem) Cadence(p *Programme) int {
	if t.CadenceWeeks > 0 {
		return t.CadenceWeeks
	}
	return p.CadenceWeeks
}

// Open reports whether the tandem is still going (not finished or ended).
func (t *Tandem) Open() bool {
	return t.State == TandemProposed || t.State == TandemConfirmed || t.State == TandemActive
}

func (t *Tandem) move(to TandemState) error {
	if err := tandemMachine.check("tandem", t.State, to); err != nil {
		return err
	}
	t.State = to
	return nil
}
