package app

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// seriesStore is what planning a meeting series needs: all its meetings are
// saved in one transaction, or none.
type seriesStore interface {
	Batch(fn func(tx *store.Tx) error) error
}

// seriesDialog plans a tandem's meetings at a regular rhythm from a first
// date until an end (model.PlanSeries) and saves them all.
type seriesDialog struct {
	st        seriesStore
	win       fyne.Window
	tandem    model.Tandem
	programme model.Programme
	pair      string
	done      func(created []model.Meeting)

	first, clock, every, until, place *widget.Entry
	online                            *widget.Check
	fields                            fieldSet
	count                             *widget.Label
	create                            *widget.Button
	d                                 dialog.Dialog
}

// planSeries asks how to plan a series of meetings for tandem t of
// programme p (pair names it; ms are its meetings so far) and saves them;
// done runs with the meetings created.
func planSeries(win fyne.Window, st seriesStore, t model.Tandem, p model.Programme, pair string,
	ms []model.Meeting, today model.Date, done func(created []model.Meeting)) {
	s := &seriesDialog{st: st, win: win, tandem: t, programme: p, pair: pair, done: done}
	s.build(ms, today)
	s.d.Show()
}

func (s *seriesDialog) build(ms []model.Meeting, today model.Date) {
	first, clock, place, online := seriesStart(&s.tandem, &s.programme, ms, today)
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { s.update() }
		return e
	}
	s.first = entry(formatDate(first), datePlaceholder())
	s.clock = entry(clock, lang.L("time.placeholder"))
	s.every = entry(strconv.Itoa(s.tandem.Cadence(&s.programme)), "")
	s.until = entry(formatDate(seriesEnd(&s.tandem, &s.programme)), datePlaceholder())
	s.place = entry(place, lang.L("meeting.place.placeholder"))
	s.online = widget.NewCheck(lang.L("meeting.online"), func(bool) {})
	s.online.SetChecked(online)
	s.fields.add("first", s.first, true)
	s.fields.add("time", s.clock, true)
	s.fields.add("cadenceWeeks", withUnit(s.every, lang.L("unit.weeks")), true)
	s.fields.add("until", s.until, false)
	s.fields.add("place", container.NewBorder(nil, nil, nil, s.online, s.place), false)

	heading := widget.NewLabelWithStyle(s.pair, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(heading)
	if n, from := plannedAhead(ms, today); n > 0 {
		body.Add(wrapped(lang.L("series.planned", map[string]any{"Count": n, "Date": formatDate(from)}), 480))
	}
	s.count = widget.NewLabel("")
	s.count.Wrapping = fyne.TextWrapWord
	s.create = widget.NewButton(lang.L("series.create"), s.onCreate)
	s.create.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("button.cancel"), func() { s.d.Hide() })
	body.Add(s.fields.view())
	body.Add(s.count)
	body.Add(container.NewHBox(layout.NewSpacer(), cancel, s.create))
	s.d = dialog.NewCustomWithoutButtons(lang.L("series.title"), body, s.win)
	s.d.Resize(fyne.NewSize(540, body.MinSize().Height+80))
	s.update()
}

// plan returns the meetings as entered, or the fields that cannot be read.
func (s *seriesDialog) plan() ([]model.Meeting, []model.Problem) {
	first, bad := readMoment(s.first.Text, s.clock.Text, "first", "time")
	every, err := strconv.Atoi(strings.TrimSpace(s.every.Text))
	if err != nil || every < 1 || every > 26 {
		bad = append(bad, model.Problem{Field: "cadenceWeeks", Code: "cadence"})
	}
	until, err := parseDate(s.until.Text)
	if err != nil {
		bad = append(bad, model.Problem{Field: "until", Code: "date"})
	}
	if len(bad) > 0 {
		return nil, bad
	}
	ms := model.PlanSeries(&s.tandem, &s.programme, first, every, until)
	for i := range ms {
		ms[i].Place, ms[i].Online = model.Clean(s.place.Text), s.online.Checked
	}
	return ms, nil
}

// update says how many meetings the entries give.
func (s *seriesDialog) update() {
	if s.count == nil {
		return // still building
	}
	ms, bad := s.plan()
	s.fields.show(bad)
	switch {
	case len(bad) > 0:
		s.count.SetText("")
	case len(ms) == 0:
		s.count.SetText(lang.L("series.count.none"))
	case len(ms) == 1:
		s.count.SetText(lang.L("series.count.one", seriesArgs(ms, s.pair)))
	default:
		s.count.SetText(lang.L("series.count", seriesArgs(ms, s.pair)))
	}
	if len(ms) == 0 {
		s.create.Disable()
	} else {
		s.create.Enable()
	}
}

// onCreate saves the meetings together.
func (s *seriesDialog) onCreate() {
	ms, bad := s.plan()
	if len(bad) > 0 || len(ms) == 0 {
		return
	}
	err := s.st.Batch(func(tx *store.Tx) error {
		for i := range ms {
			if err := tx.SaveMeeting(&ms[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.fields.showError(s.win, err)
		return
	}
	s.d.Hide()
	done := lang.L("series.done", seriesArgs(ms, s.pair))
	if len(ms) == 1 {
		done = lang.L("series.done.one", seriesArgs(ms, s.pair))
	}
	showInfo(s.win, lang.L("series.title"), done)
	s.done(ms)
}

// seriesArgs are the arguments of the sentences about a series: how many
// meetings, the days of the first and the last, and the pair.
func seriesArgs(ms []model.Meeting, pair string) map[string]any {
	return map[string]any{"Count": len(ms), "Pair": pair,
		"First": formatDate(model.DateOf(ms[0].At.Local())), "Last": formatDate(model.DateOf(ms[len(ms)-1].At.Local()))}
}

// seriesStart proposes the first meeting of a new series: a cadence after
// the tandem's latest meeting, at its time and place; without one, at the
// tandem's start; and never earlier than a week from today. A weekend day
// moves to the Monday after.
func seriesStart(t *model.Tandem, p *model.Programme, ms []model.Meeting, today model.Date) (first model.Date, clock, place string, online bool) {
	var last *model.Meeting
	for i := range ms {
		m := &ms[i]
		if (m.State == model.MeetingHeld || m.State == model.MeetingPlanned) && (last == nil || m.At.After(last.At)) {
			last = m
		}
	}
	clock = "10:00"
	switch {
	case last != nil:
		at := last.At.Local()
		first, clock = model.DateOf(at).AddDays(7*max(t.Cadence(p), 1)), at.Format("15:04")
		place, online = last.Place, last.Online
	case !t.Start.IsZero():
		first = t.Start
	}
	if !first.After(today) {
		first = today.AddDays(7)
	}
	switch first.Time().Weekday() {
	case time.Saturday:
		first = first.AddDays(2)
	case time.Sunday:
		first = first.AddDays(1)
	}
	return first, clock, place, online
}

// seriesEnd is where a series ends by default: the end of the programme, or
// the tandem's own end when that comes first.
func seriesEnd(t *model.Tandem, p *model.Programme) model.Date {
	if !t.End.IsZero() && (p.End.IsZero() || t.End.Before(p.End)) {
		return t.End
	}
	return p.End
}

// plannedAhead counts the planned meetings from today on and returns the
// day of the first.
func plannedAhead(ms []model.Meeting, today model.Date) (n int, from model.Date) {
	for _, m := range ms {
		if d := model.DateOf(m.At.Local()); m.State == model.MeetingPlanned && !d.Before(today) {
			if n == 0 || d.Before(from) {
				from = d
			}
			n++
		}
	}
	return n, from
}

// readMoment reads a date and a time of day entered in two fields into a
// local time; the problems name the fields.
func readMoment(date, clock, dateField, clockField string) (time.Time, []model.Problem) {
	var bad []model.Problem
	d, err := parseDate(date)
	switch {
	case err != nil:
		bad = append(bad, model.Problem{Field: dateField, Code: "date"})
	case d.IsZero():
		bad = append(bad, model.Problem{Field: dateField, Code: "required"})
	}
	hour, minute, ok := parseClock(clock)
	if !ok {
		bad = append(bad, model.Problem{Field: clockField, Code: "time"})
	}
	if len(bad) > 0 {
		return time.Time{}, bad
	}
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, time.Local), nil
}

// parseClock reads a time of day as people type it: 14:30, 9.15 or 14.
func parseClock(s string) (hour, minute int, ok bool) {
	h, m, found := strings.Cut(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "Uhr")), ":")
	if !found {
		h, m, found = strings.Cut(h, ".")
	}
	if !found {
		m = "0"
	}
	hour, err1 := strconv.Atoi(strings.TrimSpace(h))
	minute, err2 := strconv.Atoi(strings.TrimSpace(m))
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 || found && len(strings.TrimSpace(m)) != 2 {
		return 0, 0, false
	}
	return hour, minute, true
}

// The tandem form's meeting buttons: a series, the calendar file of the
// tandem's meetings, and an e-mail to both.

// onPlanSeries plans a series of meetings for the tandem shown.
func (f *tandemForm) onPlanSeries() {
	st, ok := f.s.st.(seriesStore)
	if !ok || f.programme == nil {
		return
	}
	planSeries(f.s.win, st, f.tandem, *f.programme, f.s.pairName(&f.tandem), f.meetingList, f.s.today(),
		func([]model.Meeting) {
			ms, err := f.s.st.Meetings(f.tandem.ID)
			showError(f.s.win, err)
			f.showMeetings(ms)
		})
}

// onCalendar saves the tandem's meetings as a calendar file.
func (f *tandemForm) onCalendar() {
	if f.programme == nil {
		return
	}
	mentor, mentee := personValue(f.mentor), personValue(f.mentee)
	saveCalendar(f.s.win, calendarFileName(pairFileName(mentor, mentee)),
		meetingEvents(f.programme, mentor, mentee, f.meetingList, 0))
}

// onInvitation prepares an e-mail to both about their next planned meeting,
// or about the tandem when none is planned.
func (f *tandemForm) onInvitation() {
	if f.programme == nil {
		return
	}
	var next *model.Meeting
	today := f.s.today()
	for i := range f.meetingList {
		m := &f.meetingList[i]
		if m.State == model.MeetingPlanned && !model.DateOf(m.At.Local()).Before(today) && (next == nil || m.At.Before(next.At)) {
			next = m
		}
	}
	inv := newInvitation(f.programme, personValue(f.mentor), personValue(f.mentee), next)
	openInvitation(f.s.win, inv, fyne.CurrentApp().OpenURL)
}

// personValue is the person p points to, or the zero Person.
func personValue(p *model.Person) model.Person {
	if p == nil {
		return model.Person{}
	}
	return *p
}
