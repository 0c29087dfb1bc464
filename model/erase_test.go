package model

import (
	"slices"
	"testing"
)

func TestPersonErase(t *testing.T) {
	p := Person{Meta: Meta{ID: 12}, EmployeeNo: "04711", Salutation: SalutationMs, FirstName: "Anna", LastName: "Schulz",
		Email: "anna.schulz@example.de", Department: "IT", JobTitle: "Entwicklerin", Level: 5, ManagerNo: "00001",
		Location: "Hamburg", Languages: []string{"de"}, BirthYear: 1999, HireDate: day("2020-01-01"),
		Source: Source{File: "staff.xlsx"}}
	p.Erase(today)
	if p.FullName() != "Person #12" || p.EmployeeNo != "" || p.Email != "" || p.Department != "" ||
		p.Languages != nil || p.BirthYear != 0 || !p.HireDate.IsZero() || p.Source != (Source{}) || p.Erased != today {
		t.Fatalf("erased person %+v", p)
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("the placeholder does not validate: %v", err)
	}
	if !p.Former(today) {
		t.Fatal("the placeholder is not a former employee")
	}
	if err := (&Person{LastName: "Schulz"}).Validate(); err == nil {
		t.Fatal("a person without a first name validates")
	}
}

func TestScrubTraces(t *testing.T) {
	p := Person{FirstName: "Jörg", LastName: "Weiß", Email: "joerg.weiss@example.de", EmployeeNo: "04711"}
	traces := p.Traces()
	if !slices.Equal(traces, []string{"joerg.weiss@example.de", "Weiß, Jörg", "Jörg Weiß", "04711", "Weiß", "Jörg"}) {
		t.Fatalf("traces %q", traces)
	}
	tests := []struct{ in, want string }{
		{"", ""},
		{"Mit Jörg Weiß über KI gesprochen.", "Mit — über KI gesprochen."},
		{"JÖRG hat gezeigt, wie weiß man das?", "— hat gezeigt, wie — man das?"},
		{"Weißbier mit Jörgen", "Weißbier mit Jörgen"},
		{"Mail an joerg.weiss@example.de (Nr. 04711)", "Mail an — (Nr. —)"},
		{"Nr. 047110", "Nr. 047110"},
		{"Weiß, Jörg: Ziel erreicht", "—: Ziel erreicht"},
	}
	for _, tt := range tests {
		if got := ScrubTraces(tt.in, traces); got != tt.want {
			t.Errorf("ScrubTraces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEraseMember(t *testing.T) {
	traces := (&Person{FirstName: "Anna", LastName: "Schulz"}).Traces()
	tandem := Tandem{Goals: []Goal{
		{Direction: MenteeLearns, Text: "KI verstehen", SuccessSign: "Anna erklärt es", Status: GoalReached},
		{Direction: MentorLearns, Text: "Führung von Anna Schulz lernen", Status: GoalOpen},
	}, EndReason: "Umzug", Explanation: []ScoreFactor{{Factor: "gap", Code: "gap_reverse", Args: []string{"30", "3"}}}}
	tandem.EraseMember(Mentee, traces)
	want := []Goal{{Direction: MenteeLearns, Text: ErasedText, SuccessSign: ErasedText, Status: GoalReached},
		{Direction: MentorLearns, Text: "Führung von — lernen", Status: GoalOpen}}
	if !slices.Equal(tandem.Goals, want) || tandem.EndReason != ErasedText || tandem.Explanation != nil {
		t.Fatalf("tandem %+v", tandem)
	}

	m := Meeting{MenteeLearned: "Prompts", MentorLearned: "Anna kennt das Geschäft", Agenda: "KI", Place: "Büro Schulz",
		State: MeetingHeld}
	before := LearningBalance([]Meeting{m})
	m.EraseMember(Mentee, traces)
	if m.MenteeLearned != ErasedText || m.MentorLearned != "— kennt das Geschäft" || m.Agenda != ErasedText ||
		m.Place != "Büro —" {
		t.Fatalf("meeting %+v", m)
	}
	if after := LearningBalance([]Meeting{m}); after != before {
		t.Fatalf("learning balance %+v, was %+v", after, before)
	}
	empty := Meeting{State: MeetingHeld}
	empty.EraseMember(Mentor, traces)
	if empty.MentorLearned != "" || empty.Agenda != "" {
		t.Fatalf("an empty text became %+v", empty)
	}

	own := CheckIn{PersonID: 7, Satisfaction: 4, Comment: "Sehr gut"}
	own.EraseMember(7, traces)
	other := CheckIn{PersonID: 8, Satisfaction: 5, Comment: "Anna war super"}
	other.EraseMember(7, traces)
	if own.Comment != "" || own.Satisfaction != 4 || other.Comment != "— war super" {
		t.Fatalf("check-ins %+v, %+v", own, other)
	}
	e := Enrolment{Motivation: "Ich will lernen", Interests: []string{"Segeln"}, Topics: []string{"KI"}}
	e.EraseMember()
	if e.Motivation != "" || e.Interests != nil || len(e.Topics) != 1 {
		t.Fatalf("enrolment %+v", e)
	}
}
