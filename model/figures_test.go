package model

import (
	"math"
	"reflect"
	"testing"
)

func TestComputeFigures(t *testing.T) {
	signedBoth := map[string]Date{PartyMentor: today, PartyMentee: today}
	d := &ProgrammeData{
		Programme: Programme{Meta: Meta{ID: 10}, CadenceWeeks: 4, State: ProgrammeRunning},
		Tandems: []Tandem{
			{Meta: Meta{ID: 1}, ProgrammeID: 10, MentorID: 1, MenteeID: 2, State: TandemActive, Start: day("2026-09-15")},
			{Meta: Meta{ID: 2}, ProgrammeID: 10, MentorID: 3, MenteeID: 4, State: TandemConfirmed},
			{Meta: Meta{ID: 3}, ProgrammeID: 10, MentorID: 5, MenteeID: 6, State: TandemProposed},
			{Meta: Meta{ID: 4}, ProgrammeID: 10, MentorID: 5, MenteeID: 8, State: TandemEndedEarly}, // a rejected proposal
			{Meta: Meta{ID: 5}, ProgrammeID: 10, MentorID: 7, MenteeID: 8, State: TandemEndedEarly, Start: day("2026-09-15")},
			{Meta: Meta{ID: 6}, ProgrammeID: 10, MentorID: 9, MenteeID: 11, State: TandemFinished, Start: day("2026-09-15")},
		},
		Agreements: []Agreement{
			{Kind: ConfidentialityTandem, ProgrammeID: 10, TandemID: 1, SignedOn: signedBoth, State: AgreementSigned},
			{Kind: ConfidentialityTandem, ProgrammeID: 10, TandemID: 2, SignedOn: map[string]Date{PartyMentor: today}, State: AgreementPrinted},
			{Kind: ConfidentialityPerson, ProgrammeID: 10, PersonID: 7, SignedOn: map[string]Date{PartyPerson: today}, State: AgreementSigned},
			{Kind: ConfidentialityPerson, ProgrammeID: 10, PersonID: 8, SignedOn: map[string]Date{PartyPerson: today}, State: AgreementSigned},
		},
		CheckIns: []CheckIn{{Satisfaction: 4}, {Satisfaction: 5}, {Satisfaction: 0}},
	}
	learned := func(m Meeting, mentee, mentor string) Meeting {
		m.MenteeLearned, m.MentorLearned = mentee, mentor
		return m
	}
	d.Meetings = map[ID][]Meeting{
		1: {
			learned(meetingOn(day("2026-10-01"), MeetingHeld), "TikTok verstehen", "Wie ein Budget entsteht"),
			learned(meetingOn(day("2026-10-29"), MeetingHeld), "Prompts", ""),
			meetingOn(day("2026-11-05"), MeetingCancelled),
			meetingOn(day("2026-11-12"), MeetingMoved),
			meetingOn(today, MeetingPlanned), // today: should have happened
			meetingOn(today.AddDays(7), MeetingPlanned),
		},
		5: {
			learned(meetingOn(day("2026-09-20"), MeetingHeld), "a", ""),
			learned(meetingOn(day("2026-10-20"), MeetingHeld), "b", " "),
			learned(meetingOn(day("2026-11-20"), MeetingHeld), "c", ""),
		},
	}
	got := ComputeFigures(d, today)
	want := Figures{
		Tandems: map[TandemState]int{TandemActive: 1, TandemConfirmed: 1, TandemProposed: 1,
			TandemEndedEarly: 2, TandemFinished: 1},
		ActiveTandems: 1,
		MeetingsHeld:  5, MeetingsPlanned: 6, MeetingsCancelled: 1,
		AgreementsSigned: 2, AgreementsNeeded: 4,
		Satisfaction: 4.5, SatisfactionN: 2,
		Balance:  Balance{Held: 5, MenteeLogged: 5, MentorLogged: 1},
		OneSided: 1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("figures\n got %+v\nwant %+v", got, want)
	}

	empty := ComputeFigures(&ProgrammeData{}, today)
	if !reflect.DeepEqual(empty, Figures{Tandems: map[TandemState]int{}}) {
		t.Fatalf("empty programme: %+v", empty)
	}
}

func TestGrowth(t *testing.T) {
	cs := []CheckIn{
		{PersonID: 1, Moment: AfterFirstMeeting, SelfAssessment: map[string]int{"KI": 2, "Social Media": 3}},
		{PersonID: 2, Moment: AfterFirstMeeting, SelfAssessment: map[string]int{" ki ": 4}},
		{PersonID: 1, Moment: AtEnd, SelfAssessment: map[string]int{"KI": 4, "social media": 4}},
		{PersonID: 2, Moment: HalfTime, SelfAssessment: map[string]int{"KI": 3, "Nachhaltigkeit": 6, "Remote Work": 2, "": 3}},
		{PersonID: 2, Moment: AtEnd, SelfAssessment: map[string]int{"KI": 5, "Ältere Themen": 0}},
		{PersonID: 3, Moment: "", SelfAssessment: map[string]int{"KI": 1}},
	}
	got := Growth(cs)
	want := []TopicGrowth{
		{Topic: "KI", StartMoment: AfterFirstMeeting, Start: 3, StartN: 2, EndMoment: AtEnd, End: 4.5, EndN: 2},
		{Topic: "Remote Work", StartMoment: HalfTime, Start: 2, StartN: 1, EndMoment: HalfTime, End: 2, EndN: 1},
		{Topic: "Social Media", StartMoment: AfterFirstMeeting, Start: 3, StartN: 1, EndMoment: AtEnd, End: 4, EndN: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("growth\n got %+v\nwant %+v", got, want)
	}
	for i, change := range []float64{1.5, 0, 1} {
		if math.Abs(got[i].Change()-change) > 1e-9 {
			t.Errorf("%s: change %v, want %v", got[i].Topic, got[i].Change(), change)
		}
	}
	if g := Growth(nil); len(g) != 0 {
		t.Fatalf("no check-ins: %v", g)
	}
}
