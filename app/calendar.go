package app

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"tandem/model"
	"tandem/reports/ical"
)

// CalendarEvents returns the calendar entries of a programme's meetings for
// a calendar file, in time order: of one tandem when tandem is not 0, of one
// meeting when meeting is not 0. The window and `tandem calendar` share it.
func CalendarEvents(d *model.ProgrammeData, tandem, meeting model.ID) []ical.Event {
	var out []ical.Event
	for i := range d.Tandems {
		t := &d.Tandems[i]
		if tandem != 0 && t.ID != tandem {
			continue
		}
		out = append(out, meetingEvents(&d.Programme, d.Persons[t.MentorID], d.Persons[t.MenteeID],
			d.Meetings[t.ID], meeting)...)
	}
	slices.SortStableFunc(out, func(a, b ical.Event) int {
		return cmp.Or(a.Start.Compare(b.Start), strings.Compare(a.UID, b.UID))
	})
	return out
}

// meetingEvents returns the calendar entries of a tandem's meetings ms (of
// the meeting only, when only is not 0). A moved meeting has none: its
// replacement carries on.
func meetingEvents(p *model.Programme, mentor, mentee model.Person, ms []model.Meeting, only model.ID) []ical.Event {
	var out []ical.Event
	for i := range ms {
		m := &ms[i]
		if m.State == model.MeetingMoved || only != 0 && m.ID != only {
			continue
		}
		out = append(out, meetingEvent(p, mentor, mentee, m))
	}
	return out
}

// meetingEvent is the calendar entry of one meeting. Its UID is built from
// the meeting's id and creation time, so it stays the same across exports
// and differs between files (a restored backup reuses ids, never both); its
// sequence grows with every change. What was learned stays out: the
// calendar is shared more widely than the file.
func meetingEvent(p *model.Programme, mentor, mentee model.Person, m *model.Meeting) ical.Event {
	pair := map[string]any{"Mentor": mentor.FullName(), "Mentee": mentee.FullName()}
	summary := lang.L("calendar.summary", pair)
	if m.State == model.MeetingCancelled {
		summary = lang.L("calendar.summary.cancelled", pair)
	}
	stamp := m.Updated
	for _, t := range []time.Time{m.Created, m.At} {
		if stamp.IsZero() {
			stamp = t
		}
	}
	return ical.Event{
		UID:            fmt.Sprintf("meeting-%d-%d@tandem", m.ID, m.Created.UnixNano()),
		Sequence:       ical.SequenceFor(m.Updated),
		Stamp:          stamp.UTC(),
		Start:          m.At,
		Duration:       time.Duration(m.Minutes) * time.Minute,
		Summary:        summary,
		Description:    meetingDescription(p, m),
		Location:       meetingPlace(m),
		Attendees:      []ical.Person{attendee(mentor), attendee(mentee)},
		AttendeesLabel: lang.L("calendar.attendees"),
		Cancelled:      m.State == model.MeetingCancelled,
	}
}

// meetingDescription names the programme, the meeting's topics and agenda,
// who cancelled it, and whom to ask in HR.
func meetingDescription(p *model.Programme, m *model.Meeting) string {
	lines := []string{lang.L("calendar.programme", map[string]any{"Programme": p.Name})}
	if len(m.Topics) > 0 {
		lines = append(lines, lang.L("calendar.topics", map[string]any{"Topics": strings.Join(m.Topics, ", ")}))
	}
	if a := model.Clean(m.Agenda); a != "" {
		lines = append(lines, lang.L("calendar.agenda", map[string]any{"Agenda": a}))
	}
	if m.State == model.MeetingCancelled && m.CancelledBy != "" {
		lines = append(lines, lang.L("calendar.cancelledBy", map[string]any{"By": cancelledByName(m.CancelledBy)}))
	}
	if p.HRContact != "" {
		lines = append(lines, lang.L("calendar.hr", map[string]any{"Contact": p.HRContact}))
	}
	return strings.Join(lines, "\n")
}

// meetingPlace is where a meeting takes place: the place entered, or
// "online" for an online meeting without one.
func meetingPlace(m *model.Meeting) string {
	if m.Place == "" && m.Online {
		return lang.L("meeting.online")
	}
	return m.Place
}

func attendee(p model.Person) ical.Person { return ical.Person{Name: p.FullName(), Email: p.Email} }

// calendarFileName is "Tandem <what>.ics", safe for any file system.
func calendarFileName(what string) string { return safeFileName("Tandem "+what) + ".ics" }

// pairFileName is "Mentor & Mentee", for file names.
func pairFileName(mentor, mentee model.Person) string {
	return mentor.FullName() + " & " + mentee.FullName()
}

// saveCalendar asks where to save a calendar file with the events; without
// events it says there is nothing to save.
func saveCalendar(win fyne.Window, name string, events []ical.Event) {
	if len(events) == 0 {
		showInfo(win, lang.L("calendar.title"), lang.L("calendar.none"))
		return
	}
	saveFile(win, name, lang.L("calendar.saving"), func(w io.Writer) error { return ical.Write(w, events) })
}
