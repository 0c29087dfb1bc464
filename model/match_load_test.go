package model

import (
	"reflect"
	"slices"
	"testing"
)

func TestMatchInputFor(t *testing.T) {
	today := NewDate(2026, 3, 1)
	p := &Programme{Meta: Meta{ID: 10}, Rules: DefaultMatchingRules()}
	people := []Person{
		{Meta: Meta{ID: 1}, LastName: "Mentorin", EmployeeNo: "E1", ManagerNo: "E9"},
		{Meta: Meta{ID: 2}, LastName: "Ausgeschieden", EmployeeNo: "E2", ExitDate: NewDate(2026, 3, 1)},
		{Meta: Meta{ID: 3}, LastName: "Geht bald", EmployeeNo: "E3", ExitDate: NewDate(2026, 3, 2)},
		{Meta: Meta{ID: 4}, LastName: "Mentee"},
		{Meta: Meta{ID: 5}, LastName: "Zurückgezogen", EmployeeNo: "E5"},
		{Meta: Meta{ID: 6}, LastName: "Fertig", EmployeeNo: "E6"},
		{Meta: Meta{ID: 9}, LastName: "Chefin", EmployeeNo: "E9"},
	}
	enrol := func(id, person ID, role Role, state EnrolmentState) Enrolment {
		return Enrolment{Meta: Meta{ID: id}, ProgrammeID: 10, PersonID: person, Role: role, State: state}
	}
	enrolments := []Enrolment{
		enrol(101, 1, Mentor, EnrolmentNominated),
		enrol(102, 2, Mentor, EnrolmentActive),  // former today
		enrol(103, 3, Mentor, EnrolmentTrained), // leaves tomorrow: still a candidate
		enrol(104, 4, Mentee, EnrolmentConfirmed),
		enrol(105, 5, Mentee, EnrolmentWithdrawn),
		enrol(106, 6, Mentee, EnrolmentFinished),
		enrol(107, 7, Mentee, EnrolmentActive), // no such person
		{Meta: Meta{ID: 108}, ProgrammeID: 11, PersonID: 9, Role: Mentee, State: EnrolmentActive},
	}
	tandem := func(programme, mentor, mentee ID, state TandemState) Tandem {
		return Tandem{ProgrammeID: programme, MentorID: mentor, MenteeID: mentee, State: state}
	}
	tandems := []Tandem{
		tandem(10, 1, 4, TandemProposed),
		tandem(10, 3, 5, TandemConfirmed),
		tandem(10, 3, 6, TandemActive),
		tandem(10, 1, 6, TandemFinished),
		tandem(10, 3, 4, TandemEndedEarly),
		tandem(11, 1, 9, TandemActive), // another programme's: not kept
	}
	earlier := []Tandem{
		tandem(11, 1, 9, TandemActive),
		tandem(11, 3, 9, TandemFinished),
		tandem(11, 1, 5, TandemEndedEarly),
		tandem(11, 3, 4, TandemProposed), // a mere suggestion
		tandem(10, 1, 4, TandemActive),   // this programme's
	}
	in := MatchInputFor(p, enrolments, people, tandems, earlier, today)

	ids := func(cs []Candidate) []ID {
		var out []ID
		for _, c := range cs {
			out = append(out, c.ID())
		}
		return out
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"mentors", ids(in.Mentors), []ID{1, 3}},
		{"mentees", ids(in.Mentees), []ID{4}},
		{"kept", in.Kept, []Pair{{1, 4}, {3, 5}, {3, 6}}},
		{"earlier", in.Earlier, []Pair{{1, 9}, {3, 9}, {1, 5}}},
		{"people", slices.Sorted(func(yield func(string) bool) {
			for k := range in.People {
				if !yield(k) {
					return
				}
			}
		}), []string{"E1", "E2", "E3", "E5", "E6", "E9"}},
		{"rules", in.Rules, p.Rules},
		{"person copied", in.Mentors[0].Person.ManagerNo, "E9"},
		{"enrolment copied", in.Mentees[0].Enrolment.ID, ID(104)},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestNewTandems(t *testing.T) {
	fs := []ScoreFactor{{Factor: "topics", Points: 40, Code: "topics_match", Args: []string{"KI"}}}
	tests := []struct {
		name string
		r    MatchResult
		want []Tandem
	}{
		{"none", MatchResult{}, []Tandem{}},
		{"two", MatchResult{Suggestions: []Suggestion{
			{Pair: Pair{Mentor: 1, Mentee: 2}, Score: 80, Factors: fs},
			{Pair: Pair{Mentor: 3, Mentee: 4}, Score: 0},
		}}, []Tandem{
			{ProgrammeID: 7, MentorID: 1, MenteeID: 2, Score: 80, Explanation: fs, State: TandemProposed},
			{ProgrammeID: 7, MentorID: 3, MenteeID: 4, Score: 0, State: TandemProposed},
		}},
	}
	for _, tt := range tests {
		got := NewTandems(7, tt.r)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
		for _, tn := range got {
			tn.Normalize()
			if err := tn.Validate(); err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		}
	}
}

// TestMatchCodesAreListed keeps the exported code lists in step with what
// Score, Violations and Match produce on a varied instance.
func TestMatchCodesAreListed(t *testing.T) {
	seen := map[string]bool{}
	w := DefaultMatchingRules().Weights
	mentors := []Candidate{
		cand(1, Mentor, Person{Level: 5, BirthYear: 2000, Location: "Köln", Languages: []string{"de"}, Department: "IT"},
			[]string{"KI"}, []string{"Jazz"}),
		cand(2, Mentor, Person{}, nil, nil),
		cand(3, Mentor, Person{Level: 1, BirthYear: 1960, Location: "Bonn", Languages: []string{"en"}}, []string{"X"}, nil),
	}
	mentees := []Candidate{
		cand(4, Mentee, Person{Level: 2, BirthYear: 1970, Location: "Köln", Languages: []string{"de"}, Department: "IT"},
			[]string{"KI"}, []string{"Jazz"}),
		cand(5, Mentee, Person{Level: 1, BirthYear: 1970, Location: "Bonn", Languages: []string{"fr"}}, []string{"Y"}, nil),
	}
	for _, m := range mentors {
		for _, e := range mentees {
			_, fs := Score(m, e, w)
			for _, f := range fs {
				seen[f.Code] = true
			}
		}
	}
	for _, code := range []string{"topics_match", "topics_none", "interests_shared", "interests_none",
		"gap_reverse", "gap_none", "gap_unknown", "location_same", "location_different", "location_unknown",
		"language_shared", "language_none", "language_unknown"} {
		if !seen[code] {
			t.Errorf("instance does not produce %s", code)
		}
	}
	for code := range seen {
		if !slices.Contains(ScoreFactorCodes, code) {
			t.Errorf("ScoreFactorCodes lacks %s", code)
		}
	}
	for _, vc := range violationCodes {
		if !slices.Contains(ViolationCodes, vc.code) {
			t.Errorf("ViolationCodes lacks %s", vc.code)
		}
	}
}
