package model

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// quietProgramme returns a running programme with nothing to do on today:
// one active tandem with its agreement signed, a meeting held three weeks
// ago and the next one planned, both participants trained.
func quietProgramme() ProgrammeData {
	return ProgrammeData{
		Programme: Programme{Meta: Meta{ID: 10}, Name: "Digital 2026", CadenceWeeks: 4,
			Start: day("2026-09-01"), End: day("2027-06-30"), AgreementRequired: true, State: ProgrammeRunning},
		Enrolments: []Enrolment{
			{Meta: Meta{ID: 101}, ProgrammeID: 10, PersonID: 1, Role: Mentor, Capacity: 2, TrainedOn: day("2026-09-10"), State: EnrolmentActive},
			{Meta: Meta{ID: 102}, ProgrammeID: 10, PersonID: 2, Role: Mentee, TrainedOn: day("2026-09-10"), State: EnrolmentActive},
		},
		Tandems:  []Tandem{{Meta: Meta{ID: 1}, ProgrammeID: 10, MentorID: 1, MenteeID: 2, Start: day("2026-09-15"), State: TandemActive}},
		Meetings: map[ID][]Meeting{1: {meetingOn(day("2026-11-02"), MeetingHeld), meetingOn(day("2026-11-30"), MeetingPlanned)}},
		Agreements: []Agreement{{Meta: Meta{ID: 201}, Kind: ConfidentialityTandem, ProgrammeID: 10, TandemID: 1,
			SignedOn: map[string]Date{PartyMentor: day("2026-09-14"), PartyMentee: day("2026-09-14")}, State: AgreementSigned}},
	}
}

// local is the zone of the backup times: the backup's day is its local day.
var local = time.FixedZone("CET", 3600)

// recentBackup is the last backup in the quiet case: last night.
var recentBackup = time.Date(2026, 11, 22, 23, 30, 0, 0, local)

func todoStrings(todos []Todo) []string {
	out := make([]string, 0, len(todos))
	for _, td := range todos {
		out = append(out, fmt.Sprintf("%s p%d %v due=%s days=%d", td.Code, td.Programme, td.Items, td.Due, td.Days))
	}
	return out
}

func TestTodos(t *testing.T) {
	meetings := func(ms ...Meeting) func(*ProgrammeData) {
		return func(d *ProgrammeData) { d.Meetings[1] = ms }
	}
	newcomer := func(state EnrolmentState, trained string) Enrolment {
		return Enrolment{Meta: Meta{ID: 103}, ProgrammeID: 10, PersonID: 3, Role: Mentee, TrainedOn: dateOrZero(trained), State: state}
	}
	tests := []struct {
		name   string
		change func(d *ProgrammeData)
		backup time.Time
		want   []string
	}{
		{"nothing to do", nil, recentBackup, nil},

		{"overdue: due exactly 7 days ago", meetings(meetingOn(day("2026-10-19"), MeetingHeld)), recentBackup,
			[]string{"overdue_meeting p10 [1] due=2026-11-16 days=0"}},
		{"overdue: due 6 days ago", meetings(meetingOn(day("2026-10-20"), MeetingHeld)), recentBackup, nil},
		{"overdue: the next meeting is planned", meetings(meetingOn(day("2026-10-01"), MeetingHeld),
			meetingOn(day("2026-11-26"), MeetingPlanned)), recentBackup, nil},

		{"no first meeting: started exactly 3 weeks ago", func(d *ProgrammeData) {
			d.Tandems[0].Start, d.Meetings[1] = day("2026-11-02"), nil
		}, recentBackup, []string{"no_first_meeting p10 [1] due=2026-11-23 days=0"}},
		{"no first meeting: started 20 days ago", func(d *ProgrammeData) {
			d.Tandems[0].Start, d.Meetings[1] = day("2026-11-03"), nil
		}, recentBackup, nil},

		{"agreement unsigned", func(d *ProgrammeData) { d.Agreements = nil }, recentBackup,
			[]string{"agreement_unsigned p10 [1] due=2026-09-01 days=0"}},
		{"agreement unsigned, not required", func(d *ProgrammeData) { d.Agreements, d.Programme.AgreementRequired = nil, false },
			recentBackup, []string{"agreement_unsigned p10 [1] due=2026-09-01 days=0"}},
		{"agreement revoked", func(d *ProgrammeData) { d.Agreements[0].State = AgreementRevoked }, recentBackup,
			[]string{"agreement_unsigned p10 [1] due=2026-09-01 days=0"}},
		{"agreement of a proposal does not matter", func(d *ProgrammeData) {
			d.Agreements, d.Tandems[0].State = nil, TandemProposed
		}, recentBackup, nil},
		{"personal agreements signed", func(d *ProgrammeData) {
			d.Agreements = []Agreement{
				{Kind: ConfidentialityPerson, ProgrammeID: 10, PersonID: 1, SignedOn: map[string]Date{PartyPerson: today}, State: AgreementSigned},
				{Kind: ConfidentialityPerson, ProgrammeID: 10, PersonID: 2, SignedOn: map[string]Date{PartyPerson: today}, State: AgreementSigned},
			}
		}, recentBackup, nil},

		{"untrained", func(d *ProgrammeData) { d.Enrolments[1].TrainedOn = Date{} }, recentBackup,
			[]string{"untrained p10 [102] due=2026-09-01 days=0"}},
		{"untrained in planning", func(d *ProgrammeData) {
			d.Enrolments[1].TrainedOn, d.Programme.State = Date{}, ProgrammePlanning
		}, recentBackup, nil},
		{"untrained, only nominated", func(d *ProgrammeData) {
			d.Enrolments = append(d.Enrolments, newcomer(EnrolmentNominated, ""))
		}, recentBackup, nil},

		{"unmatched", func(d *ProgrammeData) { d.Enrolments = append(d.Enrolments, newcomer(EnrolmentTrained, "2026-09-10")) },
			recentBackup, []string{"unmatched p10 [103] due=2026-09-01 days=0"}},
		{"unmatched and untrained", func(d *ProgrammeData) { d.Enrolments = append(d.Enrolments, newcomer(EnrolmentConfirmed, "")) },
			recentBackup, []string{"unmatched p10 [103] due=2026-09-01 days=0", "untrained p10 [103] due=2026-09-01 days=0"}},
		{"matched by a proposal", func(d *ProgrammeData) {
			d.Enrolments = append(d.Enrolments, newcomer(EnrolmentTrained, "2026-09-10"))
			d.Tandems = append(d.Tandems, Tandem{Meta: Meta{ID: 2}, ProgrammeID: 10, MentorID: 1, MenteeID: 3, State: TandemProposed})
		}, recentBackup, nil},
		{"tandem ended early: unmatched again", func(d *ProgrammeData) {
			d.Enrolments = append(d.Enrolments, newcomer(EnrolmentTrained, "2026-09-10"))
			d.Tandems = append(d.Tandems, Tandem{Meta: Meta{ID: 2}, ProgrammeID: 10, MentorID: 1, MenteeID: 3, State: TandemEndedEarly})
		}, recentBackup, []string{"unmatched p10 [103] due=2026-09-01 days=0"}},
		{"unmatched, programme in planning", func(d *ProgrammeData) {
			d.Enrolments = append(d.Enrolments, newcomer(EnrolmentTrained, "2026-09-10"))
			d.Programme.State = ProgrammePlanning
		}, recentBackup, nil},

		{"ending in exactly 30 days", func(d *ProgrammeData) { d.Programme.End = day("2026-12-23") }, recentBackup,
			[]string{"programme_ending p10 [] due=2026-12-23 days=30"}},
		{"ending in 31 days", func(d *ProgrammeData) { d.Programme.End = day("2026-12-24") }, recentBackup, nil},
		{"ending today", func(d *ProgrammeData) { d.Programme.End = today }, recentBackup,
			[]string{"programme_ending p10 [] due=2026-11-23 days=0"}},
		{"ended yesterday", func(d *ProgrammeData) { d.Programme.End = today.AddDays(-1) }, recentBackup, nil},
		{"ending, but still matching", func(d *ProgrammeData) {
			d.Programme.End, d.Programme.State = day("2026-12-01"), ProgrammeMatching
		}, recentBackup, nil},

		{"last backup exactly 7 days ago", nil, time.Date(2026, 11, 16, 23, 59, 0, 0, local),
			[]string{"no_backup p0 [] due=2026-11-16 days=7"}},
		{"last backup 6 days ago", nil, time.Date(2026, 11, 17, 0, 1, 0, 0, local), nil},
		{"never a backup", nil, time.Time{}, []string{"no_backup p0 [] due= days=0"}},

		{"closed programme", func(d *ProgrammeData) {
			d.Programme.State, d.Agreements, d.Meetings[1] = ProgrammeClosed, nil, nil
			d.Enrolments[0].TrainedOn = Date{}
		}, recentBackup, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := quietProgramme()
			if tt.change != nil {
				tt.change(&d)
			}
			todos := Todos([]ProgrammeData{d}, tt.backup, today)
			if got := todoStrings(todos); !slices.Equal(got, tt.want) {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
			for _, td := range todos {
				if td.Count != len(td.Items) || td.Programme != 0 && td.ProgrammeName != "Digital 2026" {
					t.Fatalf("todo %+v", td)
				}
			}
		})
	}
}

// TestTodosOrder checks the order of a busy Monday: by rule, then by the
// most urgent day, then by programme; the backup last.
func TestTodosOrder(t *testing.T) {
	a := quietProgramme()
	a.Programme.Name = "Alpha"
	a.Agreements = nil
	a.Enrolments[0].TrainedOn = Date{}
	a.Meetings[1] = []Meeting{meetingOn(day("2026-10-05"), MeetingHeld)} // due 2 November
	a.Tandems = append(a.Tandems, Tandem{Meta: Meta{ID: 3}, ProgrammeID: 10, MentorID: 1, MenteeID: 4,
		Start: day("2026-08-01"), State: TandemActive})
	a.Meetings[3] = []Meeting{meetingOn(day("2026-10-12"), MeetingHeld)} // due 9 November

	b := quietProgramme()
	b.Programme.ID, b.Programme.Name = 20, "Beta"
	b.Programme.End = day("2026-12-10")
	b.Meetings[1] = []Meeting{meetingOn(day("2026-09-28"), MeetingHeld)} // due 26 October
	b.Agreements = nil
	b.Programme.Start = day("2026-08-01")

	c := quietProgramme()
	c.Programme.ID, c.Programme.Name, c.Programme.State = 30, "Closed", ProgrammeClosed
	c.Agreements = nil

	got := todoStrings(Todos([]ProgrammeData{a, b, c}, time.Time{}, today))
	want := []string{
		"overdue_meeting p20 [1] due=2026-10-26 days=0",
		"overdue_meeting p10 [1 3] due=2026-11-02 days=0",
		"agreement_unsigned p20 [1] due=2026-08-01 days=0",
		"agreement_unsigned p10 [1 3] due=2026-09-01 days=0",
		"programme_ending p20 [] due=2026-12-10 days=17",
		"untrained p10 [101] due=2026-09-01 days=0",
		"no_backup p0 [] due= days=0",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
}
