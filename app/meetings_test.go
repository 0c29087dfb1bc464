package app

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// testNow is noon of the screen tests' day.
func testNow() time.Time {
	return time.Date(testToday.Year, testToday.Month, testToday.Day, 12, 0, 0, 0, time.Local)
}

// meetingsFixture is the meetings screen on the demo data with the running
// programme chosen.
type meetingsFixture struct {
	st        *store.Store
	w         fyne.Window
	s         *meetingsScreen
	programme model.Programme
	opened    []*url.URL // what the screen opened in other programs
}

func newMeetingsFixture(t *testing.T) *meetingsFixture {
	t.Helper()
	st, programme := demoStore(t)
	f := &meetingsFixture{st: st, programme: programme, w: testWindow(t, 1400, 900)}
	f.s = newMeetingsScreen(st, f.w, testNow)
	f.s.openURL = func(u *url.URL) error {
		f.opened = append(f.opened, u)
		return nil
	}
	f.w.SetContent(f.s.view())
	f.s.show()
	f.s.choose.SetSelected(f.programme.Name)
	return f
}

// openRow selects the first row of the list that passes keep and returns it.
func (f *meetingsFixture) openRow(t *testing.T, keep func(r meetingRow) bool) meetingRow {
	t.Helper()
	for i, r := range f.s.rows {
		if keep(r) {
			f.s.list.Select(i)
			return r
		}
	}
	t.Fatal("no such row in the list")
	return meetingRow{}
}

// openPlanned selects the first planned meeting in the list.
func (f *meetingsFixture) openPlanned(t *testing.T) model.Meeting {
	t.Helper()
	r := f.openRow(t, func(r meetingRow) bool { return r.meeting != nil && r.meeting.State == model.MeetingPlanned })
	return *r.meeting
}

// stored returns the meeting as saved.
func (f *meetingsFixture) stored(t *testing.T, id model.ID) model.Meeting {
	t.Helper()
	m, err := f.st.Meeting(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// check ticks the form's check for topic.
func (f *meetingsFixture) check(t *testing.T, topic string) {
	t.Helper()
	c := f.s.form.topicCheck(topic)
	if c == nil {
		t.Fatalf("no check for topic %q", topic)
	}
	test.Tap(c)
}

func TestMeetingsUpcomingPutsWhatNeedsDoingFirst(t *testing.T) {
	f := newMeetingsFixture(t)
	if len(f.s.rows) == 0 {
		t.Fatal("nothing is upcoming in the demo programme")
	}
	now := testNow()
	stage := func(r meetingRow) int {
		switch {
		case r.meeting == nil:
			return 1
		case r.meeting.At.Before(now):
			return 0
		}
		return 2
	}
	due := 0
	for i, r := range f.s.rows {
		if r.meeting != nil && r.meeting.State != model.MeetingPlanned {
			t.Errorf("row %d: a %s meeting among the upcoming ones", i, r.meeting.State)
		}
		if i > 0 && stage(f.s.rows[i-1]) > stage(r) {
			t.Errorf("row %d comes after a less urgent one", i)
		}
		if r.meeting == nil {
			due++
		}
	}
	// The demo's overdue tandem met twice, then never again.
	if due == 0 {
		t.Fatal("no tandem is shown as due")
	}
	if !hasTextContaining(t, f.w, "Treffen fällig seit ") {
		t.Error("the due tandem's row does not say since when")
	}
	f.s.filter.SetSelectedIndex(filterAll)
	all := 0
	for _, ms := range f.s.data.Meetings {
		all += len(ms)
	}
	if len(f.s.rows) != all {
		t.Fatalf("all meetings: %d rows, want %d", len(f.s.rows), all)
	}
	for i := 1; i < len(f.s.rows); i++ {
		if f.s.rows[i].meeting.At.After(f.s.rows[i-1].meeting.At) {
			t.Fatalf("row %d is newer than the row above", i)
		}
	}
}

func TestMeetingsLatePlannedMeetingAsksForTheOutcome(t *testing.T) {
	f := newMeetingsFixture(t)
	tandem := f.s.data.Tandems[0]
	m := model.Meeting{TandemID: tandem.ID, At: testNow().Add(-26 * time.Hour), Minutes: 60, State: model.MeetingPlanned}
	if err := f.st.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	f.s.show()
	if f.s.rows[0].meeting == nil || f.s.rows[0].meeting.ID != m.ID {
		t.Fatal("the meeting without an outcome is not first")
	}
	if !hasText(t, f.w, "überfällig: bitte Ergebnis eintragen") {
		t.Error("the row does not ask for the outcome")
	}
}

func TestMeetingsRecordHeld(t *testing.T) {
	f := newMeetingsFixture(t)
	m := f.openPlanned(t)
	if !hasTextContaining(t, f.w, "nie ein Protokoll des Gesprächs") {
		t.Error("the form does not say that no minutes are kept")
	}
	if f.s.form.fields.find("menteeLearned").label.Visible() {
		t.Error("the learning fields show before the meeting is held")
	}
	tapButton(t, f.w, "stattgefunden")
	if !f.s.form.menteeLearned.Visible() {
		t.Fatal("the learning fields do not show for a held meeting")
	}
	topics := f.programme.Topics[:2]
	for _, c := range f.s.form.topics.Objects { // start from nothing ticked
		if c.(*widget.Check).Checked {
			test.Tap(c.(*widget.Check))
		}
	}
	for _, topic := range topics {
		f.check(t, topic)
	}
	f.s.form.menteeLearned.SetText("Wie man einen Prompt für Zusammenfassungen schreibt.")
	f.s.form.mentorLearned.SetText("Wie Budgetentscheidungen vorbereitet werden.")
	test.Tap(f.s.form.menteeRating.buttons[4])
	f.s.form.minutes.SetText("75")
	if !f.s.form.dirty {
		t.Fatal("the form does not know it was edited")
	}
	tapButton(t, f.w, "Speichern")
	got := f.stored(t, m.ID)
	if got.State != model.MeetingHeld || !slices.Equal(got.Topics, topics) || got.Minutes != 75 ||
		got.MenteeLearned != "Wie man einen Prompt für Zusammenfassungen schreibt." ||
		got.MentorLearned != "Wie Budgetentscheidungen vorbereitet werden." || got.MenteeRating != 5 || got.MentorRating != 0 {
		t.Fatalf("stored %+v", got)
	}
	if !hasText(t, f.w, "Gespeichert.") || f.s.form.dirty {
		t.Error("the form does not say it saved")
	}
	if f.s.selected != m.ID || !hasTextContaining(t, f.w, "Status: stattgefunden") {
		t.Error("the form does not show the held meeting")
	}
}

func TestMeetingsCancelNeedsWhoAndForgetsLearning(t *testing.T) {
	f := newMeetingsFixture(t)
	m := f.openPlanned(t)
	tapButton(t, f.w, "abgesagt")
	tapButton(t, f.w, "Speichern")
	if f.s.form.fields.message("cancelledBy") != "Bitte ausfüllen." {
		t.Fatal("no message asks who cancelled")
	}
	if f.stored(t, m.ID).State != model.MeetingPlanned {
		t.Fatal("the meeting was cancelled without saying by whom")
	}
	tapButton(t, f.w, "Mentee")
	tapButton(t, f.w, "Speichern")
	got := f.stored(t, m.ID)
	if got.State != model.MeetingCancelled || got.CancelledBy != model.ByMentee {
		t.Fatalf("stored %s by %q, want cancelled by the mentee", got.State, got.CancelledBy)
	}
	if !hasTextContaining(t, f.w, "Status: abgesagt von: Mentee") {
		t.Error("the form does not say who cancelled")
	}
	// A cancelled meeting leaves the upcoming list.
	for _, r := range f.s.rows {
		if r.meeting != nil && r.meeting.ID == m.ID {
			t.Error("the cancelled meeting is still listed as upcoming")
		}
	}
}

func TestMeetingsCorrectAHeldMeeting(t *testing.T) {
	f := newMeetingsFixture(t)
	f.s.filter.SetSelectedIndex(filterAll)
	r := f.openRow(t, func(r meetingRow) bool {
		return r.meeting != nil && r.meeting.State == model.MeetingHeld && r.meeting.MenteeLearned != ""
	})
	if f.s.form.menteeLearned.Text != r.meeting.MenteeLearned {
		t.Fatal("the form does not show what the mentee learned")
	}
	tapButton(t, f.w, "abgesagt") // held by mistake: it was cancelled
	tapButton(t, f.w, "Personalabteilung")
	tapButton(t, f.w, "Speichern")
	got := f.stored(t, r.meeting.ID)
	if got.State != model.MeetingCancelled || got.CancelledBy != model.ByHR || got.MenteeLearned != "" || got.MenteeRating != 0 {
		t.Fatalf("stored %+v, want cancelled by HR without learning", got)
	}
	tapButton(t, f.w, "abgesagt") // tapping the outcome again clears it: planned
	tapButton(t, f.w, "Speichern")
	if got := f.stored(t, r.meeting.ID); got.State != model.MeetingPlanned || got.CancelledBy != "" {
		t.Fatalf("stored %s by %q, want planned again", got.State, got.CancelledBy)
	}
}

func TestMeetingsMoveCreatesTheReplacement(t *testing.T) {
	f := newMeetingsFixture(t)
	m := f.openPlanned(t)
	tapButton(t, f.w, "verschoben")
	f.s.form.newDate.SetText("")
	tapButton(t, f.w, "Speichern")
	if f.s.form.fields.message("movedTo") == "" {
		t.Fatal("no message asks for the new date")
	}
	f.s.form.newDate.SetText("15.1.27")
	f.s.form.newTime.SetText("14.30")
	tapButton(t, f.w, "Speichern")
	old := f.stored(t, m.ID)
	if old.State != model.MeetingMoved || old.MovedTo == 0 {
		t.Fatalf("old meeting %s → %d, want moved", old.State, old.MovedTo)
	}
	repl := f.stored(t, old.MovedTo)
	want := time.Date(2027, 1, 15, 14, 30, 0, 0, time.Local)
	if repl.State != model.MeetingPlanned || !repl.At.Equal(want) || repl.TandemID != m.TandemID ||
		repl.Minutes != m.Minutes || repl.Place != m.Place || !slices.Equal(repl.Topics, m.Topics) {
		t.Fatalf("replacement %+v, want planned at %v like the old one", repl, want)
	}
	if f.s.selected != repl.ID || !hasTextContaining(t, f.w, "15.01.2027, 14:30 Uhr") {
		t.Error("the form does not show the replacement")
	}
	f.s.filter.SetSelectedIndex(filterAll)
	f.openRow(t, func(r meetingRow) bool { return r.meeting != nil && r.meeting.ID == m.ID })
	if !hasText(t, f.w, "verschoben auf 15.01.2027 14:30") {
		t.Error("the moved meeting does not say where it went")
	}
	tapButton(t, f.w, "Zum neuen Termin")
	if f.s.selected != repl.ID {
		t.Error("the moved meeting does not lead to its replacement")
	}
}

func TestMeetingsSuggestionTicksTheTopic(t *testing.T) {
	f := newMeetingsFixture(t)
	f.openPlanned(t)
	if len(f.s.form.suggestions.Objects) == 0 {
		t.Skip("no topic left to suggest for this tandem")
	}
	b := f.s.form.suggestions.Objects[0].(*widget.Button)
	test.Tap(b)
	if c := f.s.form.topicCheck(b.Text); c == nil || !c.Checked {
		t.Fatalf("tapping the suggestion %q does not tick the topic", b.Text)
	}
	if !f.s.form.dirty {
		t.Error("the form does not know it was edited")
	}
}

func TestMeetingsDeletePlannedAsks(t *testing.T) {
	f := newMeetingsFixture(t)
	m := f.openPlanned(t)
	tapButton(t, f.w, "Löschen")
	tapButton(t, f.w, "Löschen") // the confirmation's button is on top
	if _, err := f.st.Meeting(m.ID); model.KindOf(err) != model.NotFound {
		t.Fatalf("the meeting is still there: %v", err)
	}
	if f.s.selected != 0 {
		t.Error("the form still shows the deleted meeting")
	}
}

func TestMeetingsUnsavedChangesAsk(t *testing.T) {
	f := newMeetingsFixture(t)
	m := f.openPlanned(t)
	f.s.form.place.SetText("Raum 4.12")
	f.openRow(t, func(r meetingRow) bool { return r.meeting != nil && r.meeting.ID != m.ID })
	tapButton(t, f.w, "Abbrechen") // the question's button to stay
	if f.s.selected != m.ID || f.s.form.place.Text != "Raum 4.12" {
		t.Fatal("the edits were left although the user chose to stay")
	}
	f.openRow(t, func(r meetingRow) bool { return r.meeting != nil && r.meeting.ID != m.ID })
	tapButton(t, f.w, "Änderungen verwerfen")
	if f.s.selected == m.ID || f.stored(t, m.ID).Place == "Raum 4.12" {
		t.Error("discarding the edits did not open the other meeting")
	}
}

func TestMeetingsSeriesForADueTandem(t *testing.T) {
	f := newMeetingsFixture(t)
	r := f.openRow(t, func(r meetingRow) bool { return r.meeting == nil })
	if !hasText(t, f.w, "Treffenserie planen") {
		t.Fatal("selecting a due tandem does not open the series planner")
	}
	if f.s.list.Length() > 0 && f.s.selected != 0 {
		t.Error("the due row stays selected")
	}
	var dates []*widget.Entry
	var clock *widget.Entry
	walk(t, everything(f.w)[0], func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			switch e.PlaceHolder {
			case "TT.MM.JJJJ":
				dates = append(dates, e)
			case "HH:MM":
				clock = e
			}
		}
	})
	if len(dates) != 2 || clock == nil {
		t.Fatal("the dialog lacks the date and time fields")
	}
	first, until := dates[0], dates[1]
	first.SetText("7.12.2026")
	clock.SetText("9:00")
	until.SetText("1.3.2027")
	// every 4 weeks from 7 Dec: 7 Dec, 4 Jan, 1 Feb, 1 Mar
	if !hasText(t, f.w, "Es werden 4 Treffen angelegt, vom 07.12.2026 bis zum 01.03.2027.") {
		t.Fatal("the dialog does not say how many meetings it plans")
	}
	tapButton(t, f.w, "Treffen anlegen")
	ms, err := f.st.Meetings(r.tandem.ID)
	if err != nil {
		t.Fatal(err)
	}
	var planned []model.Meeting
	for _, m := range ms {
		if m.State == model.MeetingPlanned {
			planned = append(planned, m)
		}
	}
	if len(planned) != 4 {
		t.Fatalf("%d planned meetings stored, want 4", len(planned))
	}
	for i, m := range planned {
		want := time.Date(2026, 12, 7+28*i, 9, 0, 0, 0, time.Local)
		if !m.At.Equal(want) || m.Minutes != f.programme.SessionMinutes {
			t.Errorf("meeting %d at %v for %d min, want %v", i, m.At, m.Minutes, want)
		}
	}
	if !hasTextContaining(t, f.w, "4 Treffen für") {
		t.Error("no message reports the meetings created")
	}
	for _, row := range f.s.rows {
		if row.meeting == nil && row.tandem.ID == r.tandem.ID {
			t.Error("the tandem is still listed as due")
		}
	}
	if f.s.selected != planned[0].ID {
		t.Error("the form does not show the first new meeting")
	}
}

func TestMeetingsInvitationOpensTheMailProgram(t *testing.T) {
	f := newMeetingsFixture(t)
	m := f.openPlanned(t)
	tapButton(t, f.w, "E-Mail vorbereiten")
	if len(f.opened) != 1 {
		t.Fatalf("opened %d URLs, want the mail", len(f.opened))
	}
	u := f.opened[0]
	tandem, _ := f.s.meeting(m.ID)
	mentor, mentee := f.s.person(tandem.MentorID), f.s.person(tandem.MenteeID)
	if u.Scheme != "mailto" || u.Opaque != mentor.Email+","+mentee.Email {
		t.Errorf("mail to %q", u.String())
	}
	if !strings.Contains(u.RawQuery, "subject=Tandem-Treffen%20am%20") || strings.Contains(u.RawQuery, "+") {
		t.Errorf("query %q", u.RawQuery)
	}
}

func TestMeetingsCalendarButtonsNeedMeetings(t *testing.T) {
	f := newMeetingsFixture(t)
	if findButton(t, f.w, "Alle Termine als Kalenderdatei …").Disabled() {
		t.Error("the programme's calendar file cannot be saved")
	}
	f.openPlanned(t)
	findButton(t, f.w, "Kalenderdatei …")
}

func TestTandemFormPlansASeries(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemConfirmed)
	before, _ := f.st.Meetings(tandem.ID)
	tapButton(t, f.w, "Treffenserie planen …")
	if !hasTextContaining(t, f.w, "Treffen angelegt, vom") && !hasTextContaining(t, f.w, "Es wird ein Treffen angelegt") {
		t.Fatal("the dialog does not say what it plans")
	}
	tapButton(t, f.w, "Treffen anlegen")
	after, _ := f.st.Meetings(tandem.ID)
	if len(after) <= len(before) {
		t.Fatalf("%d meetings before, %d after planning", len(before), len(after))
	}
	if !hasTextContaining(t, f.w, "geplant") {
		t.Error("the tandem form does not count the new meetings")
	}
	f.open(t, model.TandemProposed)
	if findButton(t, f.w, "Kalenderdatei …") == nil {
		t.Error("no calendar button")
	}
	for _, root := range everything(f.w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == "Treffenserie planen …" && b.Visible() {
				t.Error("a series can be planned for a proposed tandem")
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		h, m int
		ok   bool
	}{
		{"14:30", 14, 30, true}, {"9.05", 9, 5, true}, {" 8 ", 8, 0, true}, {"10:00 Uhr", 10, 0, true},
		{"24:00", 0, 0, false}, {"9:5", 0, 0, false}, {"", 0, 0, false}, {"abc", 0, 0, false}, {"12:60", 0, 0, false},
	}
	for _, tc := range tests {
		h, m, ok := parseClock(tc.in)
		if ok != tc.ok || ok && (h != tc.h || m != tc.m) {
			t.Errorf("parseClock(%q) = %d, %d, %v", tc.in, h, m, ok)
		}
	}
}

func TestSeriesStart(t *testing.T) {
	p := model.Programme{CadenceWeeks: 4}
	tandem := model.Tandem{State: model.TandemActive}
	last := time.Date(2026, 11, 3, 15, 30, 0, 0, time.Local) // a Tuesday
	ms := []model.Meeting{{At: last, State: model.MeetingHeld, Place: "Raum 4.12"},
		{At: last.AddDate(0, 0, 7), State: model.MeetingCancelled}}
	first, clock, place, _ := seriesStart(&tandem, &p, ms, testToday)
	if first != model.NewDate(2026, 12, 1) || clock != "15:30" || place != "Raum 4.12" {
		t.Errorf("after a held meeting: %v %s %s", first, clock, place)
	}
	first, clock, _, _ = seriesStart(&tandem, &p, nil, testToday) // a Friday
	if first != model.NewDate(2026, 12, 4) || clock != "10:00" {
		t.Errorf("without meetings: %v %s, want a week from today at 10:00", first, clock)
	}
	first, _, _, _ = seriesStart(&tandem, &p, nil, model.NewDate(2026, 11, 28)) // a Saturday
	if first != model.NewDate(2026, 12, 7) {
		t.Errorf("a weekend day: %v, want the Monday after", first)
	}
}
