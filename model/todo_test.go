package model

import (
	"cmp"
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
			todos := Todos([]ProgrammeData{d}, tt.backup, DefaultRetentionMonths, today)
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

	got := todoStrings(Todos([]ProgrammeData{a, b, c}, time.Time{}, DefaultRetentionMonths, today))
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

// closedProgramme returns a programme closed on the given day (its end)
// with persons 1 and 2 in a tandem and person 3 enrolled only.
func closedProgramme(id ID, end string) ProgrammeData {
	d := quietProgramme()
	d.Programme.ID, d.Programme.Name, d.Programme.State = id, fmt.Sprint("P", id), ProgrammeClosed
	d.Programme.End = dateOrZero(end)
	d.Programme.Updated = time.Date(2025, 3, 1, 9, 0, 0, 0, local)
	d.Enrolments = append(d.Enrolments, Enrolment{Meta: Meta{ID: 103}, ProgrammeID: id, PersonID: 3, Role: Mentee,
		State: EnrolmentWithdrawn})
	d.Persons = map[ID]Person{1: {Meta: Meta{ID: 1}}, 2: {Meta: Meta{ID: 2}}, 3: {Meta: Meta{ID: 3}}}
	return d
}

func TestRetentionTodos(t *testing.T) {
	erase := func(id ID) func([]ProgrammeData) {
		return func(ps []ProgrammeData) {
			p := ps[0].Persons[id]
			p.Erase(day("2026-01-01"))
			ps[0].Persons[id] = p
		}
	}
	tests := []struct {
		name   string
		ps     []ProgrammeData
		months int
		change func([]ProgrammeData)
		want   []string
	}{
		{"closed more than 24 months ago", []ProgrammeData{closedProgramme(10, "2024-11-22")}, 24, nil,
			[]string{"retention p10 [1 2 3] due=2026-11-23 days=0"}},
		{"closed exactly 24 months ago", []ProgrammeData{closedProgramme(10, "2024-11-23")}, 24, nil, nil},
		{"0 months means the default", []ProgrammeData{closedProgramme(10, "2024-11-22")}, 0, nil,
			[]string{"retention p10 [1 2 3] due=2026-11-23 days=0"}},
		{"a shorter period", []ProgrammeData{closedProgramme(10, "2026-05-01")}, 6, nil,
			[]string{"retention p10 [1 2 3] due=2026-11-02 days=0"}},
		{"without an end: the last change counts", []ProgrammeData{closedProgramme(10, "")}, 24, nil, nil},
		{"without an end, changed long ago", []ProgrammeData{closedProgramme(10, "")}, 12, nil,
			[]string{"retention p10 [1 2 3] due=2026-03-02 days=0"}},
		{"erased persons are left out", []ProgrammeData{closedProgramme(10, "2024-01-31")}, 24, erase(2),
			[]string{"retention p10 [1 3] due=2026-02-01 days=0"}},
		{"nobody left to erase", []ProgrammeData{closedProgramme(10, "2024-01-31")}, 24, func(ps []ProgrammeData) {
			for _, id := range []ID{1, 2, 3} {
				erase(id)(ps)
			}
		}, nil},
		{"persons of a running programme are kept", []ProgrammeData{closedProgramme(10, "2024-01-31"), quietProgramme()}, 24, nil,
			[]string{"retention p10 [3] due=2026-02-01 days=0"}},
		{"persons of a recently closed programme are kept",
			[]ProgrammeData{closedProgramme(10, "2024-01-31"), closedProgramme(20, "2026-01-31")}, 24, func(ps []ProgrammeData) {
				ps[1].Enrolments = ps[1].Enrolments[2:] // person 3 only
				ps[1].Tandems = nil
			}, []string{"retention p10 [1 2] due=2026-02-01 days=0"}},
		{"a running programme that ended long ago is not closed", []ProgrammeData{func() ProgrammeData {
			d := closedProgramme(10, "2020-01-31")
			d.Programme.State = ProgrammeRunning
			d.Tandems[0].State, d.Enrolments[0].TrainedOn = TandemFinished, day("2019-01-01")
			return d
		}()}, 24, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.change != nil {
				tt.change(tt.ps)
			}
			var got []string
			for _, td := range Todos(tt.ps, recentBackup, tt.months, today) {
				if td.Code != TodoRetention {
					continue
				}
				got = append(got, todoStrings([]Todo{td})...)
				if want := cmp.Or(tt.months, DefaultRetentionMonths); td.Months != want || td.Count != len(td.Items) {
					t.Errorf("months %d, count %d; want %d, %d", td.Months, td.Count, want, len(td.Items))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
