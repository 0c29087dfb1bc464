package app

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"tandem/model"
	"tandem/reports/ical"
)

// calendarData is a programme with one tandem and a meeting in each state.
func calendarData() model.ProgrammeData {
	created := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	changed := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	at := time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)
	meeting := func(id model.ID, days int, st model.MeetingState) model.Meeting {
		return model.Meeting{Meta: model.Meta{ID: id, Created: created, Updated: changed}, TandemID: 7,
			At: at.AddDate(0, 0, days), Minutes: 60, State: st}
	}
	held := meeting(1, -28, model.MeetingHeld)
	held.Topics, held.MenteeLearned, held.MentorLearned = []string{"KI"}, "Geheimes Gelerntes", "Noch geheimer"
	cancelled := meeting(2, -14, model.MeetingCancelled)
	cancelled.CancelledBy = model.ByMentee
	moved := meeting(3, -7, model.MeetingMoved)
	moved.MovedTo = 4
	planned := meeting(4, 0, model.MeetingPlanned)
	planned.Place, planned.Topics, planned.Agenda = "Raum Elbe", []string{"KI", "Social Media"}, "Prompts üben"
	online := meeting(5, 28, model.MeetingPlanned)
	online.Online = true
	return model.ProgrammeData{
		Programme: model.Programme{Meta: model.Meta{ID: 1}, Name: "Reverse Mentoring 2026", HRContact: "Petra Schmidt, Tel. 123"},
		Persons: map[model.ID]model.Person{
			10: {Meta: model.Meta{ID: 10}, FirstName: "Zoë", LastName: "Krause", Email: "zoe.krause@example.de"},
			11: {Meta: model.Meta{ID: 11}, FirstName: "Hans", LastName: "Müller", Email: "hans.mueller@example.de", Salutation: model.SalutationMr},
		},
		Tandems:  []model.Tandem{{Meta: model.Meta{ID: 7}, ProgrammeID: 1, MentorID: 10, MenteeID: 11, State: model.TandemActive}},
		Meetings: map[model.ID][]model.Meeting{7: {held, cancelled, moved, planned, online}},
	}
}

func TestCalendarEvents(t *testing.T) {
	newTestApp(t)
	d := calendarData()
	events := CalendarEvents(&d, 0, 0)
	if len(events) != 4 {
		t.Fatalf("%d events, want 4 (the moved meeting has none)", len(events))
	}
	for i := 1; i < len(events); i++ {
		if events[i].Start.Before(events[i-1].Start) {
			t.Fatal("the events are not in time order")
		}
	}
	e := events[2]
	created := d.Meetings[7][3].Created
	if e.UID != "meeting-4-"+strconv.FormatInt(created.UnixNano(), 10)+"@tandem" {
		t.Errorf("UID %q", e.UID)
	}
	if e.Sequence != ical.SequenceFor(d.Meetings[7][3].Updated) || !e.Stamp.Equal(d.Meetings[7][3].Updated) ||
		e.Stamp.Location() != time.UTC {
		t.Errorf("sequence %d, stamp %v", e.Sequence, e.Stamp)
	}
	if e.Summary != "Tandem: Zoë Krause & Hans Müller" || e.Location != "Raum Elbe" || e.Duration != time.Hour {
		t.Errorf("summary %q, location %q, duration %v", e.Summary, e.Location, e.Duration)
	}
	for _, want := range []string{"Programm: Reverse Mentoring 2026", "Themen: KI, Social Media",
		"Agenda: Prompts üben", "Ansprechperson HR: Petra Schmidt, Tel. 123"} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description %q lacks %q", e.Description, want)
		}
	}
	if len(e.Attendees) != 2 || e.Attendees[0].Email != "zoe.krause@example.de" || e.Attendees[1].Name != "Hans Müller" {
		t.Errorf("attendees %+v", e.Attendees)
	}
	if c := events[1]; !c.Cancelled || !strings.HasPrefix(c.Summary, "Abgesagt") ||
		!strings.Contains(c.Description, "Abgesagt von: Mentee") {
		t.Errorf("cancelled meeting: %+v", c)
	}
	if events[3].Location != "online" {
		t.Errorf("online meeting at %q", events[3].Location)
	}
	for _, e := range events {
		if strings.Contains(e.Description, "geheim") || strings.Contains(e.Description, "Geheim") {
			t.Errorf("what was learned leaks into the calendar: %q", e.Description)
		}
	}
	if n := len(CalendarEvents(&d, 8, 0)); n != 0 {
		t.Errorf("%d events of an unknown tandem", n)
	}
	if one := CalendarEvents(&d, 0, 4); len(one) != 1 || one[0].UID != e.UID {
		t.Errorf("one meeting: %+v", one)
	}
}

func TestCalendarFileReadsBack(t *testing.T) {
	newTestApp(t)
	d := calendarData()
	var b bytes.Buffer
	if err := ical.Write(&b, CalendarEvents(&d, 7, 0)); err != nil {
		t.Fatal(err)
	}
	cal, err := goical.NewDecoder(&b).Decode()
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 4 {
		t.Fatalf("%d events read back, want 4", len(events))
	}
	summary, err := events[2].Props.Text(goical.PropSummary)
	if err != nil || summary != "Tandem: Zoë Krause & Hans Müller" {
		t.Errorf("summary %q, %v", summary, err)
	}
	start, err := events[2].DateTimeStart(time.Local)
	if err != nil || !start.Equal(d.Meetings[7][3].At) {
		t.Errorf("start %v, %v", start, err)
	}
}

func TestCalendarFileName(t *testing.T) {
	mentor := model.Person{FirstName: "Zoë", LastName: "Krause"}
	mentee := model.Person{FirstName: "Hans", LastName: "Müller"}
	if got := calendarFileName(pairFileName(mentor, mentee)); got != "Tandem Zoë Krause & Hans Müller.ics" {
		t.Errorf("file name %q", got)
	}
	if got := calendarFileName("Pilot 1/2"); got != "Tandem Pilot 1-2.ics" {
		t.Errorf("file name %q", got)
	}
}

func TestInvitationURL(t *testing.T) {
	newTestApp(t)
	d := calendarData()
	mentor, mentee := d.Persons[10], d.Persons[11]
	m := d.Meetings[7][3]
	inv := newInvitation(&d.Programme, mentor, mentee, &m)
	if inv.Subject != "Tandem-Treffen am 03.12.2026" {
		t.Errorf("subject %q", inv.Subject)
	}
	for _, want := range []string{"Guten Tag Zoë Krause, guten Tag Herr Müller,",
		"Termin: Donnerstag, 03.12.2026, 10:00 Uhr (60 Minuten)", "Ort: Raum Elbe",
		"Themen: KI und Social Media", "Agenda: Prompts üben", "Viele Grüße\nPetra Schmidt, Tel. 123"} {
		if !strings.Contains(inv.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, inv.Body)
		}
	}
	u := inv.URL().String()
	wantStart := "mailto:zoe.krause@example.de,hans.mueller@example.de?subject=Tandem-Treffen%20am%2003.12.2026&body=Guten%20Tag%20Zo%C3%AB%20Krause%2C%20guten%20Tag"
	if !strings.HasPrefix(u, wantStart) {
		t.Errorf("URL\n%s\nwant it to start with\n%s", u, wantStart)
	}
	if strings.Contains(u, "+") || strings.Contains(u, " ") || !strings.Contains(u, "%0D%0A") {
		t.Errorf("URL not encoded for mail programs: %s", u)
	}

	special := invitation{To: []string{"a+b@x.de"}, Subject: "A & B = 100% ?", Body: "x"}
	if got := special.URL().String(); got != "mailto:a+b@x.de?subject=A%20%26%20B%20%3D%20100%25%20%3F&body=x" {
		t.Errorf("special characters: %s", got)
	}

	general := newInvitation(&d.Programme, mentor, model.Person{FirstName: "Ohne", LastName: "Adresse"}, nil)
	if general.Subject != "Ihr Tandem" || len(general.To) != 1 ||
		!strings.Contains(general.Body, "Ihrem Tandem im Programm „Reverse Mentoring 2026“") {
		t.Errorf("general invitation %+v", general)
	}
	held := d.Meetings[7][0]
	if inv := newInvitation(&d.Programme, mentor, mentee, &held); inv.Subject != "Ihr Tandem" {
		t.Errorf("a held meeting is announced: %q", inv.Subject)
	}
}
