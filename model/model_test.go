package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"
)

func problemCodes(err error) []string {
	var codes []string
	for _, p := range ProblemsOf(err) {
		codes = append(codes, p.Field+":"+p.Code)
	}
	return codes
}

func TestPersonValidate(t *testing.T) {
	valid := func() Person {
		return Person{FirstName: "Jürgen", LastName: "Groß", Email: "juergen.gross@example.de", Level: 2,
			EmployeeNo: "00107", ManagerNo: "00101", BirthYear: 1970}
	}
	tests := []struct {
		name   string
		change func(p *Person)
		want   []string
	}{
		{"valid", func(p *Person) {}, nil},
		{"no names", func(p *Person) { p.FirstName, p.LastName = "", "" }, []string{"firstName:required", "lastName:required"}},
		{"bad e-mail", func(p *Person) { p.Email = "kein-at-zeichen.de" }, []string{"email:email"}},
		{"e-mail without dot", func(p *Person) { p.Email = "a@localhost" }, []string{"email:email"}},
		{"e-mail with name", func(p *Person) { p.Email = "Anna <a@b.de>" }, []string{"email:email"}},
		{"no e-mail is fine", func(p *Person) { p.Email = "" }, nil},
		{"level 6", func(p *Person) { p.Level = 6 }, []string{"level:level"}},
		{"unknown level", func(p *Person) { p.Level = 0 }, nil},
		{"born 1800", func(p *Person) { p.BirthYear = 1800 }, []string{"birthYear:birth_year"}},
		{"born this year", func(p *Person) { p.BirthYear = time.Now().Year() }, []string{"birthYear:birth_year"}},
		{"own manager", func(p *Person) { p.ManagerNo = p.EmployeeNo }, []string{"managerNo:own_manager"}},
		{"exit before hire", func(p *Person) { p.HireDate, p.ExitDate = NewDate(2020, 5, 1), NewDate(2019, 1, 1) }, []string{"exitDate:exit_before_hire"}},
		{"salutation", func(p *Person) { p.Salutation = "dr" }, []string{"salutation:choice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.change(&p)
			err := p.Validate()
			if got := problemCodes(err); !slices.Equal(got, tt.want) {
				t.Fatalf("problems = %v, want %v", got, tt.want)
			}
			if tt.want != nil && !Is(err, Invalid) {
				t.Fatalf("kind = %v, want invalid", KindOf(err))
			}
		})
	}
}

func TestPersonNormalizeAndFormer(t *testing.T) {
	p := Person{FirstName: "  Anna\u00a0 Maria ", LastName: " Schulz  ", Email: " Anna.Schulz@Example.de "}
	p.Normalize()
	if p.FirstName != "Anna Maria" || p.LastName != "Schulz" || p.Email != "Anna.Schulz@Example.de" {
		t.Fatalf("normalised = %q %q %q", p.FirstName, p.LastName, p.Email)
	}
	if p.EmailKey() != "anna.schulz@example.de" {
		t.Fatalf("EmailKey = %q", p.EmailKey())
	}
	today := NewDate(2026, 11, 27)
	for _, tt := range []struct {
		exit Date
		want bool
	}{{Date{}, false}, {today, true}, {today.AddDays(-1), true}, {today.AddDays(1), false}} {
		p.ExitDate = tt.exit
		if got := p.Former(today); got != tt.want {
			t.Errorf("Former with exit %v = %v, want %v", tt.exit, got, tt.want)
		}
	}
}

func TestTargetGroupFits(t *testing.T) {
	junior := &Person{Level: 5, Department: "IT", Location: "Leipzig", BirthYear: 2001}
	tests := []struct {
		name string
		g    TargetGroup
		want bool
	}{
		{"anyone", TargetGroup{}, true},
		{"level", TargetGroup{Levels: []int{4, 5}}, true},
		{"wrong level", TargetGroup{Levels: []int{1, 2, 3}}, false},
		{"department ignoring case", TargetGroup{Departments: []string{"it"}}, true},
		{"location", TargetGroup{Locations: []string{"Hamburg"}}, false},
		{"born from", TargetGroup{BornFrom: 1995}, true},
		{"born to", TargetGroup{BornTo: 1995}, false},
	}
	for _, tt := range tests {
		if got := tt.g.Fits(junior); got != tt.want {
			t.Errorf("%s: Fits = %v, want %v", tt.name, got, tt.want)
		}
	}
	if (TargetGroup{BornFrom: 1990}).Fits(&Person{}) {
		t.Error("a person without birth year fits a birth-year group")
	}
}

func TestProgrammeValidateAndStates(t *testing.T) {
	p := NewProgramme("Reverse Mentoring 2026", "de")
	if err := p.Validate(); err != nil {
		t.Fatalf("new programme invalid: %v", err)
	}
	if !slices.Contains(p.Topics, "Diversität") || !p.AgreementRequired || p.CadenceWeeks != 4 {
		t.Fatalf("defaults missing: %+v", p)
	}
	p.Start, p.End = NewDate(2026, 6, 1), NewDate(2026, 5, 1)
	p.CadenceWeeks, p.SessionMinutes, p.Topics = 0, 5, nil
	want := []string{"end:end_before_start", "cadenceWeeks:cadence", "sessionMinutes:session_minutes", "topics:topics_required"}
	if got := problemCodes(p.Validate()); !slices.Equal(got, want) {
		t.Fatalf("problems = %v, want %v", got, want)
	}

	steps := []struct {
		to ProgrammeState
		ok bool
	}{
		{ProgrammeRunning, false}, {ProgrammeMatching, true}, {ProgrammeRunning, true},
		{ProgrammePlanning, false}, {ProgrammeClosed, true}, {ProgrammeRunning, true}, {"bogus", false},
	}
	for _, s := range steps {
		from := p.State
		err := p.SetState(s.to)
		if (err == nil) != s.ok {
			t.Fatalf("%s→%s: err = %v, want ok=%v", from, s.to, err, s.ok)
		}
		if err != nil && (!Is(err, Transition) || p.State != from) {
			t.Fatalf("refused move changed state or wrong kind: %v", err)
		}
	}
}

func TestEnrolmentStates(t *testing.T) {
	e := NewEnrolment(1, 2, Mentor)
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := e.SetState(EnrolmentActive); !Is(err, Transition) {
		t.Fatalf("nominated→active allowed: %v", err)
	}
	if err := e.SetState(EnrolmentConfirmed); err != nil {
		t.Fatal(err)
	}
	e.MarkTrained(NewDate(2026, 3, 1))
	if e.State != EnrolmentTrained || e.TrainedOn.IsZero() {
		t.Fatalf("MarkTrained: %+v", e)
	}
	e.Capacity = 9
	if got := problemCodes(e.Validate()); !slices.Equal(got, []string{"capacity:capacity"}) {
		t.Fatalf("problems = %v", got)
	}
}

func TestTandemAgreementGate(t *testing.T) {
	day := NewDate(2026, 4, 1)
	tests := []struct {
		name              string
		required, signed  bool
		wantState         TandemState
		wantProblem       string
		startFromProposed bool
	}{
		{"signed", true, true, TandemActive, "", false},
		{"unsigned but not required", false, false, TandemActive, "", false},
		{"unsigned and required", true, false, TandemConfirmed, "state:agreement_unsigned", false},
		{"not confirmed yet", true, true, TandemProposed, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tn := Tandem{ProgrammeID: 1, MentorID: 2, MenteeID: 3, State: TandemProposed}
			if !tt.startFromProposed {
				if err := tn.Confirm(); err != nil {
					t.Fatal(err)
				}
			}
			err := tn.Activate(day, tt.required, tt.signed)
			if tn.State != tt.wantState {
				t.Fatalf("state = %s, want %s (err %v)", tn.State, tt.wantState, err)
			}
			if tt.wantState == TandemActive {
				if err != nil || tn.Start != day {
					t.Fatalf("err %v, start %v", err, tn.Start)
				}
				return
			}
			if !Is(err, Transition) {
				t.Fatalf("err = %v, want transition", err)
			}
			if got := problemCodes(err); tt.wantProblem != "" && !slices.Equal(got, []string{tt.wantProblem}) {
				t.Fatalf("problems = %v", got)
			}
		})
	}
}

func TestTandemGoalsAndEnd(t *testing.T) {
	tn := Tandem{ProgrammeID: 1, MentorID: 2, MenteeID: 3, State: TandemActive}
	for i := 0; i < 4; i++ {
		tn.Goals = append(tn.Goals, Goal{Direction: MenteeLearns, Text: "Ziel"})
	}
	tn.Goals = append(tn.Goals, Goal{Direction: MentorLearns, Text: "  ", SuccessSign: ""})
	tn.Normalize()
	if len(tn.Goals) != 4 || tn.Goals[0].Status != GoalOpen {
		t.Fatalf("normalised goals = %+v", tn.Goals)
	}
	if got := problemCodes(tn.Validate()); !slices.Equal(got, []string{"goals:too_many_goals"}) {
		t.Fatalf("problems = %v", got)
	}
	if err := tn.EndEarly(NewDate(2026, 5, 1), " "); !Is(err, Invalid) {
		t.Fatalf("end without reason: %v", err)
	}
	if err := tn.EndEarly(NewDate(2026, 5, 1), "Wechsel"); err != nil || tn.State != TandemEndedEarly {
		t.Fatalf("end early: %v %s", err, tn.State)
	}
	if err := tn.Finish(NewDate(2026, 6, 1)); !Is(err, Transition) {
		t.Fatalf("finish after early end: %v", err)
	}
}

func TestMeetingStates(t *testing.T) {
	m := Meeting{TandemID: 1, At: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), Minutes: 60, State: MeetingPlanned}
	if err := m.Cancel(ByMentee); err != nil || m.CancelledBy != ByMentee {
		t.Fatal(err)
	}
	if err := m.Hold(); !Is(err, Transition) {
		t.Fatalf("cancelled→held: %v", err)
	}
	if err := m.Reopen(); err != nil || m.CancelledBy != "" {
		t.Fatal(err)
	}
	if err := m.MoveTo(7); err != nil || m.MovedTo != 7 {
		t.Fatal(err)
	}
	if err := m.Reopen(); !Is(err, Transition) {
		t.Fatalf("moved→planned: %v", err)
	}
	m.MenteeRating = 6
	if got := problemCodes(m.Validate()); !slices.Equal(got, []string{"menteeRating:rating"}) {
		t.Fatalf("problems = %v", got)
	}
}

func TestAgreementSignatures(t *testing.T) {
	a := Agreement{Kind: ConfidentialityTandem, ProgrammeID: 1, TandemID: 2, State: AgreementDraft}
	if err := a.SetState(AgreementSigned); !Is(err, Transition) {
		t.Fatalf("signed without signatures: %v", err)
	}
	if err := a.SetState(AgreementPrinted); err != nil {
		t.Fatal(err)
	}
	if err := a.Sign(PartyMentor, NewDate(2026, 3, 1)); err != nil || a.State != AgreementPrinted {
		t.Fatalf("one signature: %v %s", err, a.State)
	}
	if err := a.Sign(PartyPerson, NewDate(2026, 3, 1)); !Is(err, Invalid) {
		t.Fatalf("wrong party: %v", err)
	}
	if err := a.Sign(PartyMentee, NewDate(2026, 3, 2)); err != nil || a.State != AgreementSigned {
		t.Fatalf("both signatures: %v %s", err, a.State)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := a.SetState(AgreementRevoked); err != nil {
		t.Fatal(err)
	}
	if err := a.Sign(PartyMentor, NewDate(2026, 3, 3)); !Is(err, Transition) {
		t.Fatalf("sign revoked: %v", err)
	}
	p := Agreement{Kind: ConfidentialityPerson, ProgrammeID: 1, State: AgreementDraft}
	if got := problemCodes(p.Validate()); !slices.Equal(got, []string{"person:required"}) {
		t.Fatalf("problems = %v", got)
	}
}

func TestCheckInAndTraining(t *testing.T) {
	c := CheckIn{PersonID: 1, ProgrammeID: 1, Moment: HalfTime, Satisfaction: 0, SelfAssessment: map[string]int{"KI": 6}}
	if got := problemCodes(c.Validate()); !slices.Equal(got, []string{"satisfaction:rating", "selfAssessment:rating"}) {
		t.Fatalf("problems = %v", got)
	}
	tr := TrainingEvent{ProgrammeID: 1}
	if got := problemCodes(tr.Validate()); !slices.Equal(got, []string{"on:required", "title:required"}) {
		t.Fatalf("problems = %v", got)
	}
}

func TestSettingsValidate(t *testing.T) {
	s := Settings{Logo: []byte("GIF89a........")}
	if got := problemCodes(s.Validate()); !slices.Equal(got, []string{"logo:logo_type"}) {
		t.Fatalf("problems = %v", got)
	}
}

func TestDate(t *testing.T) {
	d, err := ParseDate("2026-02-28")
	if err != nil || d.AddDays(1) != NewDate(2026, 3, 1) || d.DaysUntil(NewDate(2026, 3, 7)) != 7 {
		t.Fatalf("date arithmetic: %v %v", d, err)
	}
	if _, err := ParseDate("28.02.2026"); err == nil {
		t.Fatal("ParseDate accepted a German date")
	}
	b, _ := json.Marshal(d)
	var back Date
	if err := json.Unmarshal(b, &back); err != nil || back != d || string(b) != `"2026-02-28"` {
		t.Fatalf("round trip: %s → %v %v", b, back, err)
	}
	var zero Date
	if b, _ := json.Marshal(zero); string(b) != `""` {
		t.Fatalf("zero date JSON = %s", b)
	}
	for _, d := range []Date{NewDate(1, 1, 1), NewDate(999, 12, 31), NewDate(2026, 10, 5)} {
		if want := fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day); d.String() != want {
			t.Errorf("String() = %q, want %q", d.String(), want)
		}
	}
}

func TestErrorKinds(t *testing.T) {
	inner := E("store.Open", Locked)
	inner.Arg = "/tmp/x.db"
	outer := E("app.open", inner)
	if KindOf(outer) != Locked || outer.Arg != "/tmp/x.db" {
		t.Fatalf("wrapped kind lost: %v", outer)
	}
	if KindOf(nil) != Other || Is(nil, Other) {
		t.Fatal("nil error has a kind")
	}
}
