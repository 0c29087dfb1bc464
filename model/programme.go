package model

import (
	"slices"
	"strings"
)

// ProgrammeState is the phase a programme is in.
type ProgrammeState string

// The phases of a programme: planned, pairs being formed, running, closed.
const (
	ProgrammePlanning ProgrammeState = "planning"
	ProgrammeMatching ProgrammeState = "matching"
	ProgrammeRunning  ProgrammeState = "running"
	ProgrammeClosed   ProgrammeState = "closed"
)

var programmeMachine = machine[ProgrammeState]{
	ProgrammePlanning: {ProgrammeMatching},
	ProgrammeMatching: {ProgrammePlanning, ProgrammeRunning},
	ProgrammeRunning:  {ProgrammeMatching, ProgrammeClosed},
	ProgrammeClosed:   {ProgrammeRunning},
}

// ProgrammeStates lists the phases in their natural order.
var ProgrammeStates = []ProgrammeState{ProgrammePlanning, ProgrammeMatching, ProgrammeRunning, ProgrammeClosed}

// Defaults of a new programme.
const (
	DefaultCadenceWeeks   = 4
	DefaultSessionMinutes = 60
)

// DefaultTopics is the topic catalogue a new programme starts with, by language.
var DefaultTopics = map[string][]string{
	"de": {"KI", "Social Media", "Digitale Tools", "Agiles Arbeiten", "Remote Work", "Diversität", "Nachhaltigkeit"},
	"en": {"AI", "Social media", "Digital tools", "Agile working", "Remote work", "Diversity", "Sustainability"},
}

// Role is the part a person plays in a programme.
type Role string

// Reverse mentoring's two roles: the junior mentor teaches, the executive mentee learns.
const (
	Mentor Role = "mentor"
	Mentee Role = "mentee"
)

// TargetGroup describes whom a programme addresses for one role. An empty
// list means "any".
type TargetGroup struct {
	Levels      []int    `json:"levels,omitempty"`
	Departments []string `json:"departments,omitempty"`
	Locations   []string `json:"locations,omitempty"`
	BornFrom    int      `json:"bornFrom,omitempty"` // birth year from, inclusive; 0 open
	BornTo      int      `json:"bornTo,omitempty"`   // birth year to, inclusive; 0 open
}

// Fits reports whether the person belongs to the target group.
func (g TargetGroup) Fits(p *Person) bool {
	if len(g.Levels) > 0 && !slices.Contains(g.Levels, p.Level) {
		return false
	}
	if len(g.Departments) > 0 && !containsFold(g.Departments, p.Department) {
		return false
	}
	if len(g.Locations) > 0 && !containsFold(g.Locations, p.Location) {
		return false
	}
	if g.BornFrom != 0 && (p.BirthYear == 0 || p.BirthYear < g.BornFrom) {
		return false
	}
	if g.BornTo != 0 && (p.BirthYear == 0 || p.BirthYear > g.BornTo) {
		return false
	}
	return true
}

// Weights say how much each matching factor counts, 0 (ignored) to 10.
type Weights struct {
	Topics    int `json:"topics"`
	Interests int `json:"interests"`
	Gap       int `json:"gap"` // generation and hierarchy gap in the reverse direction
	Location  int `json:"location"`
	Language  int `json:"language"`
}

// Constraints are the hard matching rules, each switchable per programme.
type Constraints struct {
	OtherDepartment      bool `json:"otherDepartment"`      // not the same department
	OutsideReportingLine bool `json:"outsideReportingLine"` // not in one reporting line
	MentorLevelBelow     bool `json:"mentorLevelBelow"`     // mentor's level below the mentee's
	Capacity             bool `json:"capacity"`             // at most the mentor's capacity
	HRExclusions         bool `json:"hrExclusions"`         // not a pair HR excluded
	NoRepeatPairs        bool `json:"noRepeatPairs"`        // not a pair from an earlier programme
}

// MatchMode chooses what matching optimises first.
type MatchMode string

// Quality maximises the total score; Participation the number of tandems first.
const (
	MatchQuality       MatchMode = "quality"
	MatchParticipation MatchMode = "participation"
)

// Pair names a mentor and a mentee by person.
type Pair struct {
	Mentor ID `json:"mentor"`
	Mentee ID `json:"mentee"`
}

// MatchingRules are a programme's settings for forming tandems.
type MatchingRules struct {
	Weights     Weights     `json:"weights"`
	Constraints Constraints `json:"constraints"`
	Mode        MatchMode   `json:"mode"`
	Excluded    []Pair      `json:"excluded,omitempty"` // pairs HR rejected
}

// DefaultMatchingRules returns the rules a new programme starts with: topic
// fit counts most, every constraint is on, quality first.
func DefaultMatchingRules() MatchingRules {
	return MatchingRules{
		Weights:     Weights{Topics: 10, Interests: 4, Gap: 3, Location: 2, Language: 2},
		Constraints: Constraints{true, true, true, true, true, true},
		Mode:        MatchQuality,
	}
}

// Programme is one reverse-mentoring programme: its framework, target
// groups, dates, rhythm, topics and matching rules.
type Programme struct {
	Meta
	Name              string         `json:"name"`
	Framework         string         `json:"framework,omitempty"` // expectations and goals, in HR's words
	Mentors           TargetGroup    `json:"mentors"`
	Mentees           TargetGroup    `json:"mentees"`
	Start             Date           `json:"start,omitzero"`
	End               Date           `json:"end,omitzero"`
	CadenceWeeks      int            `json:"cadenceWeeks"`
	SessionMinutes    int            `json:"sessionMinutes"`
	Topics            []string       `json:"topics"`
	Rules             MatchingRules  `json:"rules"`
	AgreementRequired bool           `json:"agreementRequired"` // signed confidentiality before a tandem starts
	HRContact         string         `json:"hrContact,omitempty"`
	State             ProgrammeState `json:"state"`
}

// NewProgramme returns a programme in planning with Tandem's defaults and the
// default topic catalogue in the given language ("de" or "en").
func NewProgramme(name, language string) *Programme {
	topics, ok := DefaultTopics[language]
	if !ok {
		topics = DefaultTopics["de"]
	}
	return &Programme{
		Name:              name,
		CadenceWeeks:      DefaultCadenceWeeks,
		SessionMinutes:    DefaultSessionMinutes,
		Topics:            append([]string(nil), topics...),
		Rules:             DefaultMatchingRules(),
		AgreementRequired: true,
		State:             ProgrammePlanning,
	}
}

// NameKey is the programme name as the unique index compares it.
func (p *Programme) NameKey() string { return strings.ToLower(p.Name) }

// Normalize cleans the text fields and lists.
func (p *Programme) Normalize() {
	p.Name = Clean(p.Name)
	p.HRContact = Clean(p.HRContact)
	p.Framework = strings.TrimSpace(p.Framework)
	p.Topics = CleanList(p.Topics)
	for _, g := range []*TargetGroup{&p.Mentors, &p.Mentees} {
		g.Departments = CleanList(g.Departments)
		g.Locations = CleanList(g.Locations)
	}
}

// Validate checks the programme and names every field that breaks a rule.
func (p *Programme) Validate() error {
	var ps problems
	if p.Name == "" {
		ps.add("name", "required")
	} else if len([]rune(p.Name)) > 100 {
		ps.add("name", "too_long", "100")
	}
	if !p.Start.IsZero() && !p.End.IsZero() && !p.End.After(p.Start) {
		ps.add("end", "end_before_start")
	}
	if p.CadenceWeeks < 1 || p.CadenceWeeks > 26 {
		ps.add("cadenceWeeks", "cadence")
	}
	if p.SessionMinutes < 15 || p.SessionMinutes > 480 {
		ps.add("sessionMinutes", "session_minutes")
	}
	if len(p.Topics) == 0 {
		ps.add("topics", "topics_required")
	}
	w := p.Rules.Weights
	for _, v := range []int{w.Topics, w.Interests, w.Gap, w.Location, w.Language} {
		if v < 0 || v > 10 {
			ps.add("weights", "weight")
			break
		}
	}
	switch p.Rules.Mode {
	case MatchQuality, MatchParticipation:
	default:
		ps.add("mode", "choice")
	}
	for _, g := range []TargetGroup{p.Mentors, p.Mentees} {
		if g.BornFrom != 0 && g.BornTo != 0 && g.BornTo < g.BornFrom {
			ps.add("targetGroups", "birth_range")
			break
		}
	}
	if !programmeMachine.valid(p.State) {
		ps.add("state", "choice")
	}
	return ps.err("programme")
}

// SetState moves the programme to another phase, refusing moves that skip
// or undo more than one step.
func (p *Programme) SetState(to ProgrammeState) error {
	if err := programmeMachine.check("programme", p.State, to); err != nil {
		return err
	}
	p.State = to
	return nil
}

// NextStates lists the phases the programme may move to now.
func (p *Programme) NextStates() []ProgrammeState { return programmeMachine.next(p.State) }

// Group returns the target group for a role.
func (p *Programme) Group(r Role) TargetGroup {
	if r == Mentor {
		return p.Mentors
	}
	return p.Mentees
}
