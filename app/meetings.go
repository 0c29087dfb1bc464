package app

import (
	"cmp"
	"net/url"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// meetingStore is what the meetings screen needs from the database.
type meetingStore interface {
	Programmes() ([]model.Programme, error)
	Persons() ([]model.Person, error)
	ProgrammeData(id model.ID) (model.ProgrammeData, error)
	SaveMeeting(m *model.Meeting) error
	DeleteMeeting(id model.ID) error
	Batch(fn func(tx *store.Tx) error) error
}

// meetingsScreen lists the meetings of one programme — by default those
// that need HR: planned meetings whose time has passed without an outcome,
// tandems due for a meeting by their rhythm, and the meetings ahead — and
// records what became of a meeting in the form beside the list.
type meetingsScreen struct {
	st      meetingStore
	win     fyne.Window
	now     func() time.Time
	openURL func(*url.URL) error // opens the e-mail in the mail program

	programmeScope
	data     model.ProgrammeData
	rows     []meetingRow
	selected model.ID // the meeting in the form

	filter    *widget.Select
	list      *widget.List
	count     *widget.Label
	exportAll *widget.Button
	form      *meetingForm
	content   fyne.CanvasObject
}

// meetingRow is a row of the list: a meeting, or a tandem due for one.
type meetingRow struct {
	tandem  *model.Tandem
	meeting *model.Meeting // nil: the tandem is due for a meeting
	due     model.Date     // the day the tandem's meeting was due
	first   bool           // due for its first meeting
}

// The choices of the list's filter.
const (
	filterUpcoming = iota // needs doing, then ahead
	filterAll             // every meeting, newest first
)

func newMeetingsScreen(st meetingStore, win fyne.Window, now func() time.Time) *meetingsScreen {
	s := &meetingsScreen{st: st, win: win, now: now,
		openURL: func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }}
	s.buildUI()
	return s
}

func (s *meetingsScreen) id() string              { return "meetings" }
func (s *meetingsScreen) icon() fyne.Resource     { return theme.CalendarIcon() }
func (s *meetingsScreen) view() fyne.CanvasObject { return s.content }

func (s *meetingsScreen) today() model.Date { return model.DateOf(s.now()) }

func (s *meetingsScreen) buildUI() {
	s.makeChoice(s.onProgrammeChosen)
	s.filter = widget.NewSelect([]string{lang.L("meetings.filter.upcoming"), lang.L("meetings.filter.all")},
		func(string) { s.applyFilter() })
	s.filter.SetSelectedIndex(filterUpcoming)
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.count.Wrapping = fyne.TextWrapWord
	s.exportAll = widget.NewButtonWithIcon(lang.L("meetings.calendar.all"), theme.CalendarIcon(), s.onExportAll)
	left := container.NewBorder(s.filter, container.NewVBox(s.count, s.exportAll), nil, nil, s.list)

	s.form = newMeetingForm(s)
	split := container.NewHSplit(left, s.form.view())
	split.Offset = 0.36
	s.content = s.frame(split)
}

// show loads the programmes and the chosen programme's meetings.
func (s *meetingsScreen) show() { s.reload(s.st, s.win, s.load) }

// load reads everything about the chosen programme and shows it anew.
func (s *meetingsScreen) load() {
	s.data = model.ProgrammeData{}
	if p := s.current(); p != nil {
		d, err := s.st.ProgrammeData(p.ID)
		if err != nil {
			showError(s.win, err)
		} else {
			s.data = d
		}
	}
	s.applyFilter()
	if t, m := s.meeting(s.selected); m != nil {
		if !s.form.dirty {
			s.form.load(*t, *m)
		}
	} else {
		s.selected = 0
		s.form.clear()
	}
}

func (s *meetingsScreen) onProgrammeChosen(name string) {
	if p, ok := s.picked(name); ok {
		s.leaveForm(func() {
			s.programme, s.selected = p.ID, 0
			s.form.dirty = false
			s.load()
		}, s.restoreChoice)
	}
}

// meeting returns the loaded meeting with the given id and its tandem, or nils.
func (s *meetingsScreen) meeting(id model.ID) (*model.Tandem, *model.Meeting) {
	for i := range s.data.Tandems {
		t := &s.data.Tandems[i]
		ms := s.data.Meetings[t.ID]
		for j := range ms {
			if id != 0 && ms[j].ID == id {
				return t, &ms[j]
			}
		}
	}
	return nil, nil
}

// person returns a member of the programme by id (the zero Person if unknown).
func (s *meetingsScreen) person(id model.ID) model.Person { return s.data.Persons[id] }

// pairName is "Mentor/in – Mentee".
func (s *meetingsScreen) pairName(t *model.Tandem) string {
	mentor, mentee := s.person(t.MentorID), s.person(t.MenteeID)
	return mentor.FullName() + " – " + mentee.FullName()
}

func (s *meetingsScreen) applyFilter() {
	if s.list == nil {
		return // still building
	}
	if s.filter.SelectedIndex() == filterAll {
		s.rows = s.allRows()
		s.count.SetText(lang.L("meetings.count.all", map[string]any{"Count": len(s.rows)}))
	} else {
		var late, due int
		s.rows, late, due = s.upcomingRows()
		s.count.SetText(lang.L("meetings.count.upcoming", map[string]any{
			"Late": late, "Due": due, "Ahead": len(s.rows) - late - due}))
	}
	s.exportAll.Disable()
	for _, ms := range s.data.Meetings {
		if slices.ContainsFunc(ms, func(m model.Meeting) bool { return m.State != model.MeetingMoved }) {
			s.exportAll.Enable()
			break
		}
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.reselect()
}

// upcomingRows are what needs doing, most urgent first: planned meetings
// whose time has passed (the outcome is missing), then the tandems without
// a planned meeting that are due by their rhythm or for their first
// meeting, then the meetings ahead. It also returns how many of the first
// two kinds there are.
func (s *meetingsScreen) upcomingRows() (rows []meetingRow, late, due int) {
	now, today := s.now(), s.today()
	var past, dueRows, ahead []meetingRow
	for i := range s.data.Tandems {
		t := &s.data.Tandems[i]
		ms := s.data.Meetings[t.ID]
		planned := false
		for j := range ms {
			if m := &ms[j]; m.State == model.MeetingPlanned {
				planned = true
				if m.At.Before(now) {
					past = append(past, meetingRow{tandem: t, meeting: m})
				} else {
					ahead = append(ahead, meetingRow{tandem: t, meeting: m})
				}
			}
		}
		if planned {
			continue
		}
		if day, overdue := t.Overdue(&s.data.Programme, ms, today); overdue {
			dueRows = append(dueRows, meetingRow{tandem: t, due: day})
		} else if day, late := t.FirstMeetingLate(ms, today); late {
			dueRows = append(dueRows, meetingRow{tandem: t, due: day, first: true})
		}
	}
	byTime := func(a, b meetingRow) int {
		return cmp.Or(a.meeting.At.Compare(b.meeting.At), cmp.Compare(a.meeting.ID, b.meeting.ID))
	}
	slices.SortFunc(past, byTime)
	slices.SortFunc(ahead, byTime)
	slices.SortFunc(dueRows, func(a, b meetingRow) int {
		return cmp.Or(a.due.Compare(b.due), cmp.Compare(a.tandem.ID, b.tandem.ID))
	})
	return slices.Concat(past, dueRows, ahead), len(past), len(dueRows)
}

// allRows are all meetings of the programme, newest first.
func (s *meetingsScreen) allRows() []meetingRow {
	var rows []meetingRow
	for i := range s.data.Tandems {
		t := &s.data.Tandems[i]
		ms := s.data.Meetings[t.ID]
		for j := range ms {
			rows = append(rows, meetingRow{tandem: t, meeting: &ms[j]})
		}
	}
	slices.SortFunc(rows, func(a, b meetingRow) int {
		return cmp.Or(b.meeting.At.Compare(a.meeting.At), cmp.Compare(b.meeting.ID, a.meeting.ID))
	})
	return rows
}

// reselect selects the meeting in the form in the list again.
func (s *meetingsScreen) reselect() {
	if s.selected == 0 { // the rows of due tandems have no meeting id either
		s.list.UnselectAll()
		return
	}
	selectRecord(s.list, len(s.rows), func(row int) model.ID {
		if m := s.rows[row].meeting; m != nil {
			return m.ID
		}
		return 0
	}, s.selected)
}

func (s *meetingsScreen) newRow() fyne.CanvasObject {
	return recordRow("27.11.2026 13:30 · Maximilian Mustermann – Erika Musterfrau",
		"überfällig: bitte Ergebnis eintragen", true)
}

func (s *meetingsScreen) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	r := &s.rows[row]
	if r.meeting == nil {
		key := "meetings.row.due"
		if r.first {
			key = "meetings.row.dueFirst"
		}
		setRecordRow(o, s.pairName(r.tandem), lang.L(key, map[string]any{"Date": formatDate(r.due)}))
		return
	}
	setRecordRow(o, formatTime(r.meeting.At)+" · "+s.pairName(r.tandem), s.stateText(r.meeting))
}

// stateText says what became of a meeting: "überfällig: bitte Ergebnis
// eintragen", "abgesagt von: Mentee", "verschoben auf 10.12.2026" …
func (s *meetingsScreen) stateText(m *model.Meeting) string {
	switch m.State {
	case model.MeetingPlanned:
		if m.At.Before(s.now()) {
			return lang.L("meetings.state.late")
		}
	case model.MeetingCancelled:
		if m.CancelledBy != "" {
			return lang.L("meetings.state.cancelledBy", map[string]any{"By": cancelledByName(m.CancelledBy)})
		}
	case model.MeetingMoved:
		if _, to := s.meeting(m.MovedTo); to != nil {
			return lang.L("meetings.state.movedTo", map[string]any{"Date": formatTime(to.At)})
		}
	}
	return meetingStateName(m.State)
}

func meetingStateName(st model.MeetingState) string { return lang.L("meeting.state." + string(st)) }

func (s *meetingsScreen) onSelected(row widget.ListItemID) {
	r := s.rows[row]
	if r.meeting == nil {
		s.list.Unselect(row)
		s.reselect()
		s.planSeries(r.tandem)
		return
	}
	if r.meeting.ID == s.selected {
		return
	}
	t, m := *r.tandem, *r.meeting
	s.leaveForm(func() {
		s.selected = m.ID
		s.form.dirty = false
		s.form.load(t, m)
	}, s.reselect)
}

// planSeries plans a series of meetings for tandem t and shows the first.
func (s *meetingsScreen) planSeries(t *model.Tandem) {
	planSeries(s.win, s.st, *t, s.data.Programme, s.pairName(t), s.data.Meetings[t.ID], s.today(),
		func(created []model.Meeting) {
			if !s.form.dirty && len(created) > 0 {
				s.selected = created[0].ID
			}
			s.load()
		})
}

// leaveForm runs next when the form may be left (see askToLeave).
func (s *meetingsScreen) leaveForm(next, stay func()) {
	askToLeave(s.win, func() bool { return s.form.dirty }, s.form.title(), next, stay)
}

// onExportAll saves all meetings of the programme as a calendar file.
func (s *meetingsScreen) onExportAll() {
	saveCalendar(s.win, calendarFileName(s.data.Programme.Name), CalendarEvents(&s.data, 0, 0))
}

// record stores meeting m as entered with the outcome to: by is who
// cancelled it, at the new time of a moved meeting, which gets a planned
// replacement. What was learned and the ratings are kept for a held
// meeting only. It shows the meeting — or its replacement — afterwards.
func (s *meetingsScreen) record(m model.Meeting, to model.MeetingState, by string, at time.Time) error {
	if m.State != to && m.State != model.MeetingPlanned {
		if err := m.Reopen(); err != nil {
			return err
		}
	}
	if to != model.MeetingHeld {
		m.MenteeLearned, m.MentorLearned, m.MenteeRating, m.MentorRating = "", "", 0, 0
	}
	var err error
	switch to {
	case model.MeetingHeld:
		if m.State != to {
			err = m.Hold()
		}
	case model.MeetingCancelled:
		if m.State != to {
			err = m.Cancel(by)
		}
		m.CancelledBy = by
	case model.MeetingMoved:
		return s.move(m, at)
	}
	if err == nil {
		err = s.st.SaveMeeting(&m)
	}
	if err != nil {
		return err
	}
	s.shown(m.ID)
	return nil
}

// move stores a planned replacement of meeting m at the given time and m
// as moved to it, together.
func (s *meetingsScreen) move(m model.Meeting, at time.Time) error {
	repl := model.Meeting{TandemID: m.TandemID, At: at, Minutes: m.Minutes, Place: m.Place, Online: m.Online,
		Topics: m.Topics, Agenda: m.Agenda, State: model.MeetingPlanned}
	err := s.st.Batch(func(tx *store.Tx) error {
		if err := tx.SaveMeeting(&repl); err != nil {
			return err
		}
		if err := m.MoveTo(repl.ID); err != nil {
			return err
		}
		return tx.SaveMeeting(&m)
	})
	if err != nil {
		return err
	}
	s.shown(repl.ID)
	return nil
}

// shown shows the list anew with the meeting id in the form.
func (s *meetingsScreen) shown(id model.ID) {
	s.selected, s.form.dirty = id, false
	s.load()
}

// remove deletes a planned meeting after asking.
func (s *meetingsScreen) remove(m model.Meeting, title string) {
	confirm(s.win, lang.L("meetings.delete.title"),
		lang.L("meetings.delete.message", map[string]any{"Meeting": title}),
		lang.L("button.delete"), func() {
			if err := s.st.DeleteMeeting(m.ID); err != nil {
				showError(s.win, err)
				return
			}
			s.selected, s.form.dirty = 0, false
			s.load()
		})
}
