package model

// The codes matching speaks in, for the texts that explain them (every code
// needs a sentence in each language).
var (
	// ScoreFactorCodes are the ScoreFactor.Code values Score produces.
	ScoreFactorCodes = []string{"topics_match", "topics_none", "interests_shared", "interests_none",
		"gap_reverse", "gap_none", "gap_unknown", "location_same", "location_different", "location_unknown",
		"language_shared", "language_none", "language_unknown"}
	// ViolationCodes are the hard constraints Violations reports.
	ViolationCodes = []string{"same_person", "same_department", "reporting_line", "level_not_below",
		"capacity", "excluded", "earlier_pair"}
	// UnmatchedCodes are the Unmatched.Code values Match produces.
	UnmatchedCodes = []string{"no_candidate", "no_mentee_outside_line", "no_mentor_outside_line",
		"no_topic_overlap", "no_score", "capacity_full", "candidates_taken"}
)

// MatchInputFor gathers a programme's matching problem from its records.
// The candidates are the programme's enrolments that are neither withdrawn
// nor finished and whose person is on the staff and has not left by today.
// People holds all people by employee number (reporting lines run through
// anybody, participant or not). Kept are the programme's tandems that are
// proposed, confirmed or active: a proposed tandem is a suggestion HR has
// already taken over, so matching again does not pair its members a second
// time; finished and ended tandems free their members. Earlier are the pairs
// of the other programmes' tandems in any state but proposed (a pair that
// never went beyond a suggestion did not take place).
func MatchInputFor(p *Programme, enrolments []Enrolment, people []Person, tandems []Tandem, earlier []Tandem,
	today Date) *MatchInput {
	in := &MatchInput{Rules: p.Rules, People: make(map[string]Person, len(people))}
	byID := make(map[ID]*Person, len(people))
	for i := range people {
		q := &people[i]
		byID[q.ID] = q
		if q.EmployeeNo != "" {
			in.People[q.EmployeeNo] = *q
		}
	}
	for _, e := range enrolments {
		if e.ProgrammeID != p.ID || e.State == EnrolmentWithdrawn || e.State == EnrolmentFinished {
			continue
		}
		person, ok := byID[e.PersonID]
		if !ok || person.Former(today) {
			continue
		}
		c := Candidate{Enrolment: e, Person: *person}
		switch e.Role {
		case Mentor:
			in.Mentors = append(in.Mentors, c)
		case Mentee:
			in.Mentees = append(in.Mentees, c)
		}
	}
	for _, t := range tandems {
		if t.ProgrammeID != p.ID {
			continue
		}
		switch t.State {
		case TandemProposed, TandemConfirmed, TandemActive:
			in.Kept = append(in.Kept, Pair{Mentor: t.MentorID, Mentee: t.MenteeID})
		}
	}
	for _, t := range earlier {
		if t.ProgrammeID == p.ID || t.State == TandemProposed {
			continue
		}
		in.Earlier = append(in.Earlier, Pair{Mentor: t.MentorID, Mentee: t.MenteeID})
	}
	return in
}

// NewTandems turns matching suggestions into proposed tandems of the
// programme, each with its score and explanation.
func NewTandems(programme ID, r MatchResult) []Tandem {
	out := make([]Tandem, 0, len(r.Suggestions))
	for _, s := range r.Suggestions {
		out = append(out, Tandem{ProgrammeID: programme, MentorID: s.Pair.Mentor, MenteeID: s.Pair.Mentee,
			Score: s.Score, Explanation: s.Factors, State: TandemProposed})
	}
	return out
}
