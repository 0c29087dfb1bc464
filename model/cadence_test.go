package model

import (
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin on every machine
)

// today is the fixed clock of the rule tests: a Monday.
var today = NewDate(2026, 11, 23)

// meetingOn returns a meeting of tandem 1 at 10:00 UTC on the day.
func meetingOn(d Date, s MeetingState, topics ...string) Meeting {
	return Meeting{TandemID: 1, At: time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, time.UTC),
		Minutes: 60, State: s, Topics: topics}
}

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestNextDue(t *testing.T) {
	p := &Programme{CadenceWeeks: 4}
	tests := []struct {
		name    string
		cadence int
		ms      []Meeting
		want    string // "" for not due
	}{
		{"no meetings", 0, nil, ""},
		{"only planned and cancelled", 0, []Meeting{meetingOn(day("2026-10-01"), MeetingPlanned),
			meetingOn(day("2026-10-08"), MeetingCancelled)}, ""},
		{"last held plus programme cadence", 0, []Meeting{meetingOn(day("2026-10-29"), MeetingHeld),
			meetingOn(day("2026-10-01"), MeetingHeld), meetingOn(day("2026-11-05"), MeetingCancelled)}, "2026-11-26"},
		{"tandem cadence wins", 2, []Meeting{meetingOn(day("2026-10-29"), MeetingHeld)}, "2026-11-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tandem := &Tandem{CadenceWeeks: tt.cadence, State: TandemActive}
			due, ok := tandem.NextDue(p, tt.ms)
			if got := due.String(); ok != (tt.want != "") || got != tt.want {
				t.Fatalf("NextDue = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestOverdue(t *testing.T) {
	held := func(d string) Meeting { return meetingOn(day(d), MeetingHeld) }
	planned := func(d string) Meeting { return meetingOn(day(d), MeetingPlanned) }
	cancelled := func(d string) Meeting { return meetingOn(day(d), MeetingCancelled) }
	tests := []struct {
		name    string
		state   TandemState
		tEnd    string
		pEnd    string
		ms      []Meeting
		want    bool
		wantDue string
	}{
		{"due exactly 7 days ago", TandemActive, "", "", []Meeting{held("2026-10-19")}, true, "2026-11-16"},
		{"due 6 days ago", TandemActive, "", "", []Meeting{held("2026-10-20")}, false, "2026-11-17"},
		{"due long ago, confirmed tandem", TandemConfirmed, "", "", []Meeting{held("2026-08-03")}, true, "2026-08-31"},
		{"no held meeting", TandemActive, "", "", []Meeting{planned("2026-09-01")}, false, ""},
		{"planned today", TandemActive, "", "", []Meeting{held("2026-10-01"), planned("2026-11-23")}, false, "2026-10-29"},
		{"planned far ahead", TandemActive, "", "", []Meeting{held("2026-10-01"), planned("2027-02-01")}, false, "2026-10-29"},
		{"planned yesterday, not recorded", TandemActive, "", "",
			[]Meeting{held("2026-10-01"), planned("2026-11-22"), planned("2026-12-20")}, true, "2026-10-29"},
		{"cancelled, next one planned", TandemActive, "", "",
			[]Meeting{held("2026-10-01"), cancelled("2026-10-29"), planned("2026-12-20")}, false, "2026-10-29"},
		{"planned before the last held does not count", TandemActive, "", "",
			[]Meeting{planned("2026-09-01"), held("2026-10-01")}, true, "2026-10-29"},
		{"proposed", TandemProposed, "", "", []Meeting{held("2026-10-01")}, false, ""},
		{"finished", TandemFinished, "", "", []Meeting{held("2026-10-01")}, false, ""},
		{"due after the programme's end", TandemActive, "", "2026-10-28", []Meeting{held("2026-10-01")}, false, "2026-10-29"},
		{"due on the programme's last day", TandemActive, "", "2026-10-29", []Meeting{held("2026-10-01")}, true, "2026-10-29"},
		{"due after the tandem's end", TandemActive, "2026-10-20", "", []Meeting{held("2026-10-01")}, false, "2026-10-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Programme{CadenceWeeks: 4, End: dateOrZero(tt.pEnd)}
			tandem := &Tandem{State: tt.state, End: dateOrZero(tt.tEnd)}
			due, got := tandem.Overdue(p, tt.ms, today)
			if got != tt.want || due.String() != tt.wantDue {
				t.Fatalf("Overdue = %v, %v; want %v, %v", due, got, tt.wantDue, tt.want)
			}
		})
	}
}

func dateOrZero(s string) Date {
	if s == "" {
		return Date{}
	}
	return day(s)
}

func TestFirstMeetingLate(t *testing.T) {
	created := func(d string) time.Time { return day(d).Time().Add(-2 * time.Hour) }
	tests := []struct {
		name    string
		state   TandemState
		start   string
		created time.Time
		ms      []Meeting
		want    bool
		wantDue string
	}{
		{"started exactly 3 weeks ago", TandemActive, "2026-11-02", time.Time{}, nil, true, "2026-11-23"},
		{"started 20 days ago", TandemActive, "2026-11-03", time.Time{}, nil, false, "2026-11-24"},
		{"confirmed, created 3 weeks ago", TandemConfirmed, "", created("2026-11-02"), nil, true, "2026-11-23"},
		{"confirmed, created 20 days ago", TandemConfirmed, "", created("2026-11-03"), nil, false, "2026-11-24"},
		{"start wins over created", TandemActive, "2026-11-10", created("2026-09-01"), nil, false, "2026-12-01"},
		{"no date at all", TandemConfirmed, "", time.Time{}, nil, false, ""},
		{"first meeting held", TandemActive, "2026-09-01", time.Time{},
			[]Meeting{meetingOn(day("2026-09-10"), MeetingHeld)}, false, "2026-09-22"},
		{"first meeting planned next week", TandemActive, "2026-09-01", time.Time{},
			[]Meeting{meetingOn(day("2026-11-30"), MeetingPlanned)}, false, "2026-09-22"},
		{"first meeting planned, not recorded", TandemActive, "2026-09-01", time.Time{},
			[]Meeting{meetingOn(day("2026-09-15"), MeetingPlanned), meetingOn(day("2026-12-15"), MeetingPlanned)}, true, "2026-09-22"},
		{"only cancelled", TandemActive, "2026-09-01", time.Time{},
			[]Meeting{meetingOn(day("2026-09-15"), MeetingCancelled)}, true, "2026-09-22"},
		{"proposed", TandemProposed, "", created("2026-09-01"), nil, false, ""},
		{"ended early", TandemEndedEarly, "2026-09-01", time.Time{}, nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tandem := &Tandem{State: tt.state, Start: dateOrZero(tt.start)}
			tandem.Created = tt.created
			due, got := tandem.FirstMeetingLate(tt.ms, today)
			if got != tt.want || due.String() != tt.wantDue {
				t.Fatalf("FirstMeetingLate = %v, %v; want %v, %v", due, got, tt.wantDue, tt.want)
			}
		})
	}
}

func TestPlanSeries(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	p := &Programme{CadenceWeeks: 4, SessionMinutes: 90}
	tandem := &Tandem{Meta: Meta{ID: 7}, CadenceWeeks: 3}
	first := time.Date(2026, 10, 8, 9, 30, 0, 0, berlin) // summer time; the clocks change on 25 October

	clock := func(ms []Meeting) []string {
		var out []string
		for _, m := range ms {
			if m.TandemID != 7 || m.Minutes != 90 || m.State != MeetingPlanned || m.At.Location() != berlin {
				t.Fatalf("meeting %+v", m)
			}
			out = append(out, m.At.Format("2006-01-02 15:04 MST"))
		}
		return out
	}
	got := clock(PlanSeries(tandem, p, first, 2, NewDate(2026, 11, 19)))
	want := []string{"2026-10-08 09:30 CEST", "2026-10-22 09:30 CEST", "2026-11-05 09:30 CET", "2026-11-19 09:30 CET"}
	if !slices.Equal(got, want) {
		t.Fatalf("every 2 weeks until the 19th (inclusive) = %v, want %v", got, want)
	}
	got = clock(PlanSeries(tandem, p, first, 0, NewDate(2026, 11, 18)))
	want = []string{"2026-10-08 09:30 CEST", "2026-10-29 09:30 CET"}
	if !slices.Equal(got, want) {
		t.Fatalf("the tandem's cadence = %v, want %v", got, want)
	}
	if n := len(PlanSeries(tandem, p, first, 1, Date{})); n != MaxSeries {
		t.Fatalf("without an end: %d meetings, want %d", n, MaxSeries)
	}
	if n := len(PlanSeries(tandem, p, first, 1, NewDate(2030, 1, 1))); n != MaxSeries {
		t.Fatalf("a long programme: %d meetings, want %d", n, MaxSeries)
	}
	if ms := PlanSeries(tandem, p, first, 4, NewDate(2026, 10, 7)); len(ms) != 0 {
		t.Fatalf("first after the end: %v", ms)
	}
	if ms := PlanSeries(tandem, &Programme{}, first, 4, NewDate(2026, 10, 8)); len(ms) != 1 || ms[0].Minutes != DefaultSessionMinutes {
		t.Fatalf("no session length = %+v", ms)
	}
}

func TestAgendaSuggestions(t *testing.T) {
	p := &Programme{Topics: []string{"KI", "Social Media", "Nachhaltigkeit"}}
	tandem := &Tandem{Goals: []Goal{
		{Direction: MenteeLearns, Text: "Prompts schreiben", Status: GoalOpen},
		{Direction: MentorLearns, Text: "Budgetplanung verstehen", Status: GoalInProgress},
		{Direction: MenteeLearns, Text: "LinkedIn-Profil", Status: GoalReached},
		{Direction: MentorLearns, Text: "Netzwerken", Status: GoalDropped},
	}}
	mentor := &Enrolment{Role: Mentor, Topics: []string{"ki", "Remote Work", "Social Media"}}
	mentee := &Enrolment{Role: Mentee, Topics: []string{"KI", "Remote Work", "Diversität"}}
	goals := []string{"goal/mentee/Prompts schreiben", "goal/mentor/Budgetplanung verstehen"}
	tests := []struct {
		name           string
		mentor, mentee *Enrolment
		ms             []Meeting
		want           []string
	}{
		{"shared topics", mentor, mentee, nil, append(goals, "topic/mentee/KI", "topic/mentee/Remote Work")},
		{"covered in a held meeting", mentor, mentee, []Meeting{meetingOn(today, MeetingHeld, "Ki")},
			append(goals, "topic/mentee/Remote Work")},
		{"planned or cancelled does not cover", mentor, mentee,
			[]Meeting{meetingOn(today, MeetingPlanned, "KI"), meetingOn(today, MeetingCancelled, "Remote Work")},
			append(goals, "topic/mentee/KI", "topic/mentee/Remote Work")},
		{"shared all covered: the mentee's wishes", mentor, mentee,
			[]Meeting{meetingOn(today, MeetingHeld, "KI", "remote work")}, append(goals, "topic/mentee/Diversität")},
		{"no enrolments: the catalogue", nil, nil, []Meeting{meetingOn(today, MeetingHeld, "Social Media")},
			append(goals, "topic/mentee/KI", "topic/mentee/Nachhaltigkeit")},
		{"nothing in common: the mentee's wishes", &Enrolment{Topics: []string{"Excel"}}, mentee, nil,
			append(goals, "topic/mentee/KI", "topic/mentee/Remote Work", "topic/mentee/Diversität")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range AgendaSuggestions(tandem, p, tt.mentor, tt.mentee, tt.ms) {
				got = append(got, string(s.Kind)+"/"+string(s.Direction)+"/"+s.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
