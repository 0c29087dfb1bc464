package app

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// outcomes are the choices of the outcome radio; none chosen means planned.
var outcomes = []model.MeetingState{model.MeetingHeld, model.MeetingCancelled, model.MeetingMoved}

// cancellers are who may cancel a meeting, in the order offered.
var cancellers = []string{model.ByMentor, model.ByMentee, model.ByHR}

// ratings are the choices of a rating, 1–5; none chosen means not given.
var ratings = []string{"1", "2", "3", "4", "5"}

func cancelledByName(by string) string { return lang.L("meeting.by." + by) }

// meetingForm records what became of one meeting: held, cancelled (by
// whom) or moved (to when); its duration, place and topics; and for a held
// meeting what each side learned, in a sentence, and their ratings.
type meetingForm struct {
	s *meetingsScreen

	meeting model.Meeting // as loaded
	tandem  model.Tandem
	dirty   bool
	loading bool

	heading       *widget.Label
	members       *widget.Label // and the state
	outcome       *segmented
	cancelledBy   *segmented
	newDate       *widget.Entry
	newTime       *widget.Entry
	minutes       *widget.Entry
	place         *widget.Entry
	online        *widget.Check
	goals         *widget.Label
	suggested     bool            // there are suggestions to show
	suggestions   *fyne.Container // a button per topic not covered yet
	topics        *fyne.Container // a check per topic
	agenda        *widget.Entry
	menteeLearned *widget.Entry
	mentorLearned *widget.Entry
	menteeRating  *segmented
	mentorRating  *segmented
	fields        fieldSet
	fieldBox      fyne.CanvasObject
	moved         *fyne.Container // instead of the fields for a moved meeting
	movedText     *widget.Label
	saved         *widget.Label
	buttons       fyne.CanvasObject
	del           *widget.Button

	editor  fyne.CanvasObject
	content *fyne.Container
}

func newMeetingForm(s *meetingsScreen) *meetingForm {
	f := &meetingForm{s: s}
	f.buildUI()
	return f
}

func (f *meetingForm) view() fyne.CanvasObject { return f.content }

func (f *meetingForm) buildUI() {
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.Wrapping = fyne.TextWrapWord
	f.members = wrapLabel()
	hint := wrapLabel()
	hint.SetText(lang.L("meetings.privacy"))
	hint.TextStyle.Italic = true
	calendar := widget.NewButtonWithIcon(lang.L("calendar.button"), theme.CalendarIcon(), f.onCalendar)
	mail := widget.NewButtonWithIcon(lang.L("meetings.mail"), theme.MailComposeIcon(), f.onInvitation)

	names := make([]string, len(outcomes))
	for i, st := range outcomes {
		names[i] = meetingStateName(st)
	}
	f.outcome = f.choice(names, f.onOutcome)
	names = make([]string, len(cancellers))
	for i, by := range cancellers {
		names[i] = cancelledByName(by)
	}
	f.cancelledBy = f.choice(names, nil)
	f.newDate = trackedEntry(f.changed)
	f.newDate.SetPlaceHolder(datePlaceholder())
	f.newTime = trackedEntry(f.changed)
	f.newTime.SetPlaceHolder(lang.L("time.placeholder"))
	f.minutes = trackedEntry(f.changed)
	f.place = trackedEntry(f.changed)
	f.place.SetPlaceHolder(lang.L("meeting.place.placeholder"))
	f.online = widget.NewCheck(lang.L("meeting.online"), func(bool) { f.changed() })
	f.goals = wrapLabel()
	f.suggestions = container.New(layout.NewRowWrapLayout())
	f.topics = container.New(layout.NewRowWrapLayout())
	f.agenda = trackedEntry(f.changed)
	f.agenda.SetPlaceHolder(lang.L("meetings.agenda.placeholder"))
	f.menteeLearned = trackedEntry(f.changed)
	f.menteeLearned.SetPlaceHolder(lang.L("meetings.menteeLearned.placeholder"))
	f.mentorLearned = trackedEntry(f.changed)
	f.mentorLearned.SetPlaceHolder(lang.L("meetings.mentorLearned.placeholder"))
	f.menteeRating = f.choice(ratings, nil)
	f.mentorRating = f.choice(ratings, nil)

	f.fields.add("outcome", f.outcome.view(), false)
	f.fields.add("cancelledBy", f.cancelledBy.view(), true)
	f.fields.add("movedTo", container.NewGridWithColumns(2, f.newDate, f.newTime), true)
	f.fields.add("minutes", withUnit(f.minutes, lang.L("unit.minutes")), false)
	f.fields.add("place", container.NewBorder(nil, nil, nil, f.online, f.place), false)
	f.fields.add("suggestions", container.NewVBox(f.goals, f.suggestions), false)
	f.fields.add("meetingTopics", f.topics, false)
	f.fields.add("agenda", f.agenda, false)
	f.fields.add("menteeLearned", f.menteeLearned, false)
	f.fields.add("mentorLearned", f.mentorLearned, false)
	f.fields.add("menteeRating", f.menteeRating.view(), false)
	f.fields.add("mentorRating", f.mentorRating.view(), false)
	f.fieldBox = f.fields.view()

	f.movedText = wrapLabel()
	f.moved = container.NewVBox(f.movedText,
		container.NewHBox(widget.NewButton(lang.L("meetings.moved.open"), f.onOpenReplacement)))

	_, _, del, buttons := formButtons(f.onSaveTapped, f.onRevertTapped, f.onDeleteTapped)
	f.del, f.buttons = del, buttons
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	top := container.NewVBox(f.heading, f.members, container.NewHBox(calendar, mail))
	info := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, hint),
		widget.NewSeparator(), f.moved, f.fieldBox)
	f.editor = container.NewBorder(top,
		container.NewVBox(widget.NewSeparator(), container.NewHBox(f.saved), f.buttons), nil, nil,
		container.NewVScroll(info))
	f.content = container.NewStack(centredHint(lang.L("meetings.hint")), container.NewPadded(f.editor))
	f.clear()
}

// choice is a row of options that may be left empty; every change marks
// the form edited, then runs then (if any).
func (f *meetingForm) choice(options []string, then func()) *segmented {
	return newSegmented(options, func(string) {
		f.changed()
		if then != nil {
			then()
		}
	})
}

// clear shows the hint instead of a meeting.
func (f *meetingForm) clear() {
	f.meeting, f.tandem, f.dirty = model.Meeting{}, model.Tandem{}, false
	f.editor.Hide()
	f.content.Objects[0].Show()
}

// title names the meeting in questions: "27.11.2026 10:00 (Zoë Krause – Hans Müller)".
func (f *meetingForm) title() string {
	return formatTime(f.meeting.At) + " (" + f.s.pairName(&f.tandem) + ")"
}

// load shows meeting m of tandem t.
func (f *meetingForm) load(t model.Tandem, m model.Meeting) {
	f.loading = true
	defer func() { f.loading = false }()
	f.tandem, f.meeting, f.dirty = t, m, false
	f.content.Objects[0].Hide()
	f.editor.Show()
	f.fields.clear()
	f.saved.SetText("")
	mentor, mentee := f.s.person(t.MentorID), f.s.person(t.MenteeID)
	f.heading.SetText(meetingWhen(m.At))
	f.members.SetText(lang.L("meetings.pair", map[string]any{"Mentor": mentor.FullName(), "Mentee": mentee.FullName()}) +
		"\n" + lang.L("meetings.state", map[string]any{"State": f.s.stateText(&m)}))

	f.outcome.SetSelected("")
	if i := slices.Index(outcomes, m.State); i >= 0 {
		f.outcome.SetSelected(f.outcome.Options[i])
	}
	f.cancelledBy.SetSelected("")
	if i := slices.Index(cancellers, m.CancelledBy); i >= 0 {
		f.cancelledBy.SetSelected(f.cancelledBy.Options[i])
	}
	f.newDate.SetText("")
	f.newTime.SetText(m.At.Local().Format("15:04"))
	f.minutes.SetText(optionalInt(m.Minutes))
	f.place.SetText(m.Place)
	f.online.SetChecked(m.Online)
	f.agenda.SetText(m.Agenda)
	f.menteeLearned.SetText(m.MenteeLearned)
	f.mentorLearned.SetText(m.MentorLearned)
	setRating(f.menteeRating, m.MenteeRating)
	setRating(f.mentorRating, m.MentorRating)
	f.showTopics(m.Topics)
	f.showSuggestions()

	if m.State == model.MeetingMoved {
		f.movedText.SetText(lang.L("meetings.moved"))
		f.moved.Show()
		f.fieldBox.Hide()
		f.buttons.Hide()
	} else {
		f.moved.Hide()
		f.fieldBox.Show()
		f.buttons.Show()
	}
	if m.State == model.MeetingPlanned {
		f.del.Show()
	} else {
		f.del.Hide()
	}
	f.onOutcome()
	f.editor.Refresh()
}

func setRating(r *segmented, n int) {
	r.SetSelected("")
	if n >= 1 && n <= len(ratings) {
		r.SetSelected(ratings[n-1])
	}
}

func readRating(r *segmented) int { return slices.Index(ratings, r.Selected) + 1 }

// showTopics offers the programme's topics, and any other topic of the
// meeting, each with a check.
func (f *meetingForm) showTopics(chosen []string) {
	options := slices.Clone(f.s.data.Programme.Topics)
	for _, t := range chosen {
		if !slices.ContainsFunc(options, func(o string) bool { return strings.EqualFold(o, t) }) {
			options = append(options, t)
		}
	}
	f.topics.RemoveAll()
	for _, o := range options {
		c := widget.NewCheck(o, func(bool) { f.changed() })
		c.Checked = slices.ContainsFunc(chosen, func(t string) bool { return strings.EqualFold(o, t) })
		f.topics.Add(c)
	}
	f.topics.Refresh()
}

// topicCheck returns the check of a topic, or nil.
func (f *meetingForm) topicCheck(topic string) *widget.Check {
	for _, o := range f.topics.Objects {
		if c := o.(*widget.Check); strings.EqualFold(c.Text, topic) {
			return c
		}
	}
	return nil
}

// showSuggestions shows what the meeting could be about
// (model.AgendaSuggestions): the tandem's open goals, and a button per topic
// not covered yet that ticks it.
func (f *meetingForm) showSuggestions() {
	d := &f.s.data
	items := model.AgendaSuggestions(&f.tandem, &d.Programme, d.Enrolment(f.tandem.MentorID),
		d.Enrolment(f.tandem.MenteeID), d.Meetings[f.tandem.ID])
	var goals []string
	f.suggestions.RemoveAll()
	for _, it := range items {
		switch it.Kind {
		case model.AgendaGoal:
			goals = append(goals, lang.L("meetings.suggestion.goal", map[string]any{
				"Goal": it.Text, "Who": fieldName(string(it.Direction) + "Goals")}))
		case model.AgendaTopic:
			topic := it.Text
			b := widget.NewButtonWithIcon(topic, theme.ContentAddIcon(), func() { f.onSuggestion(topic) })
			b.Importance = widget.LowImportance
			f.suggestions.Add(b)
		}
	}
	f.goals.SetText(strings.Join(goals, "\n"))
	f.goals.Hidden = len(goals) == 0
	f.suggestions.Hidden = len(f.suggestions.Objects) == 0
	f.suggested = len(items) > 0
}

// onSuggestion ticks a suggested topic, adding it when the catalogue lacks it.
func (f *meetingForm) onSuggestion(topic string) {
	c := f.topicCheck(topic)
	if c == nil {
		c = widget.NewCheck(topic, func(bool) { f.changed() })
		f.topics.Add(c)
	}
	c.SetChecked(true)
	f.changed()
}

// onOutcome shows the fields the outcome chosen asks for.
func (f *meetingForm) onOutcome() {
	to := f.chosenOutcome()
	f.fields.setVisible("cancelledBy", to == model.MeetingCancelled)
	f.fields.setVisible("movedTo", to == model.MeetingMoved)
	f.fields.setVisible("suggestions", f.suggested && (to == model.MeetingPlanned || to == model.MeetingHeld))
	for _, name := range []string{"menteeLearned", "mentorLearned", "menteeRating", "mentorRating"} {
		f.fields.setVisible(name, to == model.MeetingHeld)
	}
	f.editor.Refresh()
}

// chosenOutcome is the state the outcome radio asks for (planned: none).
func (f *meetingForm) chosenOutcome() model.MeetingState {
	if i := slices.Index(f.outcome.Options, f.outcome.Selected); i >= 0 {
		return outcomes[i]
	}
	return model.MeetingPlanned
}

func (f *meetingForm) changed() {
	if !f.loading {
		f.dirty = true
		f.saved.SetText("")
	}
}

// read returns the meeting as entered (its state unchanged), who cancelled
// it, the new time of a moved meeting, and the fields that cannot be read.
func (f *meetingForm) read() (m model.Meeting, by string, at time.Time, bad []model.Problem) {
	m = f.meeting
	to := f.chosenOutcome()
	var err error
	if m.Minutes, err = strconv.Atoi(strings.TrimSpace(f.minutes.Text)); err != nil {
		bad = append(bad, model.Problem{Field: "minutes", Code: "number"})
	}
	m.Place, m.Online = f.place.Text, f.online.Checked
	m.Topics = nil
	for _, o := range f.topics.Objects {
		if c := o.(*widget.Check); c.Checked {
			m.Topics = append(m.Topics, c.Text)
		}
	}
	m.Agenda = model.Clean(f.agenda.Text)
	m.MenteeLearned, m.MentorLearned = model.Clean(f.menteeLearned.Text), model.Clean(f.mentorLearned.Text)
	m.MenteeRating, m.MentorRating = readRating(f.menteeRating), readRating(f.mentorRating)
	if i := slices.Index(f.cancelledBy.Options, f.cancelledBy.Selected); i >= 0 {
		by = cancellers[i]
	} else if to == model.MeetingCancelled {
		bad = append(bad, model.Problem{Field: "cancelledBy", Code: "required"})
	}
	if to == model.MeetingMoved {
		var ps []model.Problem
		at, ps = readMoment(f.newDate.Text, f.newTime.Text, "movedTo", "movedTo")
		bad = append(bad, ps...)
	}
	return m, by, at, bad
}

// submit saves the meeting as entered and reports whether it worked.
func (f *meetingForm) submit() bool {
	m, by, at, bad := f.read()
	if f.fields.submit(f.s.win, bad, func() error { return f.s.record(m, f.chosenOutcome(), by, at) }) {
		f.saved.SetText(lang.L("form.saved"))
		return true
	}
	return false
}

func (f *meetingForm) onSaveTapped() { f.submit() }

func (f *meetingForm) onRevertTapped() {
	f.dirty = false
	f.load(f.tandem, f.meeting)
}

func (f *meetingForm) onDeleteTapped() {
	if f.meeting.ID != 0 && f.meeting.State == model.MeetingPlanned {
		f.s.remove(f.meeting, f.title())
	}
}

// stored returns the meeting as stored, saving the form first when it has
// changes; ok is false when that failed.
func (f *meetingForm) stored() (t model.Tandem, m model.Meeting, ok bool) {
	if f.dirty && !f.submit() {
		return t, m, false
	}
	tp, mp := f.s.meeting(f.s.selected)
	if mp == nil {
		return t, m, false
	}
	return *tp, *mp, true
}

// onCalendar saves the meeting as a calendar file.
func (f *meetingForm) onCalendar() {
	t, m, ok := f.stored()
	if !ok {
		return
	}
	mentor, mentee := f.s.person(t.MentorID), f.s.person(t.MenteeID)
	name := pairFileName(mentor, mentee) + " " + model.DateOf(m.At.Local()).String()
	saveCalendar(f.s.win, calendarFileName(name), meetingEvents(&f.s.data.Programme, mentor, mentee, []model.Meeting{m}, 0))
}

// onInvitation prepares an e-mail about the meeting to both.
func (f *meetingForm) onInvitation() {
	t, m, ok := f.stored()
	if !ok {
		return
	}
	inv := newInvitation(&f.s.data.Programme, f.s.person(t.MentorID), f.s.person(t.MenteeID), &m)
	openInvitation(f.s.win, inv, f.s.openURL)
}

// onOpenReplacement shows the meeting a moved one was moved to.
func (f *meetingForm) onOpenReplacement() {
	t, m := f.s.meeting(f.meeting.MovedTo)
	if m == nil {
		return
	}
	f.s.selected = m.ID
	f.load(*t, *m)
	f.s.reselect()
}

// segmented is a row of buttons of which at most one is chosen, shown
// highlighted — quicker to read and to tap than radio buttons, and only as
// wide as its words. Tapping the chosen one again clears the choice.
type segmented struct {
	Options   []string
	Selected  string
	OnChanged func(string)
	buttons   []*widget.Button
	box       *fyne.Container
}

func newSegmented(options []string, changed func(string)) *segmented {
	s := &segmented{Options: options, OnChanged: changed, box: container.NewHBox()}
	for _, o := range options {
		b := widget.NewButton(o, func() {
			if s.Selected == o {
				s.SetSelected("")
			} else {
				s.SetSelected(o)
			}
		})
		s.buttons = append(s.buttons, b)
		s.box.Add(b)
	}
	return s
}

func (s *segmented) view() fyne.CanvasObject { return s.box }

// SetSelected chooses an option ("" none) and reports a change.
func (s *segmented) SetSelected(option string) {
	if !slices.Contains(s.Options, option) {
		option = ""
	}
	changed := option != s.Selected
	s.Selected = option
	for i, b := range s.buttons {
		b.Importance = widget.MediumImportance
		if s.Options[i] == option {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	if changed && s.OnChanged != nil {
		s.OnChanged(option)
	}
}
