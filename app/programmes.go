package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// programmeStore is what the programme screen needs from the database.
type programmeStore interface {
	Programmes() ([]model.Programme, error)
	SaveProgramme(p *model.Programme) error
	DeleteProgramme(id model.ID) error
	Enrolments(programme model.ID) ([]model.Enrolment, error)
	Tandems(programme model.ID) ([]model.Tandem, error)
	Persons() ([]model.Person, error)
}

// programmesScreen lists the programmes and edits one: framework, dates,
// rhythm, session length and topic catalogue.
type programmesScreen struct {
	st    programmeStore
	win   fyne.Window
	today func() model.Date

	all      []model.Programme
	people   []model.Person // the staff, for the target groups
	selected model.ID
	editing  model.Programme // the programme in the form, as loaded
	dirty    bool
	loading  bool

	list      *widget.List
	heading   *widget.Label
	name      *widget.Entry
	state     *widget.Select
	states    []model.ProgrammeState // the choices of state, in order
	framework *widget.Entry
	start     *widget.Entry
	end       *widget.Entry
	cadence   *widget.Entry
	minutes   *widget.Entry
	hrContact *widget.Entry
	agreement *widget.Check
	topics    *topicEditor
	mentees   *targetGroupEditor
	mentors   *targetGroupEditor
	fields    fieldSet
	del       *widget.Button
	saved     *widget.Label
	hint      fyne.CanvasObject
	editor    fyne.CanvasObject
	content   fyne.CanvasObject
}

func newProgrammesScreen(st programmeStore, win fyne.Window, today func() model.Date) *programmesScreen {
	s := &programmesScreen{st: st, win: win, today: today}
	s.buildUI()
	return s
}

func (s *programmesScreen) id() string              { return "programmes" }
func (s *programmesScreen) icon() fyne.Resource     { return theme.DocumentIcon() }
func (s *programmesScreen) view() fyne.CanvasObject { return s.content }

func (s *programmesScreen) buildUI() {
	s.list = widget.NewList(func() int { return len(s.all) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	newButton := widget.NewButtonWithIcon(lang.L("programmes.new"), theme.ContentAddIcon(), s.onNew)
	left := container.NewBorder(container.NewVBox(newButton), nil, nil, nil, s.list)

	entry := func() *widget.Entry { return trackedEntry(s.changed) }
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.name, s.start, s.end, s.cadence, s.minutes, s.hrContact = entry(), entry(), entry(), entry(), entry(), entry()
	s.start.SetPlaceHolder(datePlaceholder())
	s.end.SetPlaceHolder(datePlaceholder())
	s.framework = widget.NewMultiLineEntry()
	s.framework.Wrapping = fyne.TextWrapWord
	s.framework.SetMinRowsVisible(5)
	s.framework.SetPlaceHolder(lang.L("programmes.framework.placeholder"))
	s.framework.OnChanged = func(string) { s.changed() }
	s.state = widget.NewSelect(nil, func(string) { s.changed() })
	s.agreement = widget.NewCheck(lang.L("programmes.agreementRequired"), func(bool) { s.changed() })
	s.topics = newTopicEditor(s.changed)
	s.mentees = newTargetGroupEditor(s.changed)
	s.mentors = newTargetGroupEditor(s.changed)

	s.fields.add("name", s.name, true)
	s.fields.add("state", s.state, false)
	s.fields.add("start", s.start, false)
	s.fields.add("end", s.end, false)
	s.fields.add("cadenceWeeks", withUnit(s.cadence, lang.L("unit.weeks")), true)
	s.fields.add("sessionMinutes", withUnit(s.minutes, lang.L("unit.minutes")), true)
	s.fields.add("hrContact", s.hrContact, false)
	s.fields.add("agreementRequired", s.agreement, false)
	s.fields.add("framework", s.framework, false)
	s.fields.add("topics", s.topics.view(), true)
	s.fields.add("mentees", s.mentees.view(), false)
	s.fields.add("mentors", s.mentors.view(), false)

	var buttons fyne.CanvasObject
	_, _, s.del, buttons = formButtons(s.onSave, s.onRevert, s.onDelete)
	s.saved = widget.NewLabel("")
	s.saved.Importance = widget.SuccessImportance
	s.editor = container.NewPadded(container.NewBorder(s.heading,
		container.NewVBox(widget.NewSeparator(), container.NewHBox(s.saved), buttons), nil, nil,
		container.NewVScroll(s.fields.view())))
	s.hint = centredHint(lang.L("programmes.hint"))
	split := container.NewHSplit(left, container.NewStack(s.hint, s.editor))
	split.Offset = 0.3
	s.content = split
	s.editor.Hide()
}

// withUnit puts a unit label after a number field.
func withUnit(e *widget.Entry, unit string) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, widget.NewLabel(unit), e)
}

func (s *programmesScreen) show() {
	all, err := s.st.Programmes()
	if err != nil {
		showError(s.win, err)
		return
	}
	// The staff, for the target groups, are read once here rather than on
	// every click in the list.
	if s.people, err = s.st.Persons(); err != nil {
		showError(s.win, err)
	}
	s.all = all
	s.list.UnselectAll()
	s.list.Refresh()
	for i := range s.all {
		if s.all[i].ID == s.selected {
			s.list.Select(i)
			return
		}
	}
	if s.selected == 0 && len(s.all) > 0 && !s.editor.Visible() {
		s.list.Select(0)
	}
}

func (s *programmesScreen) newRow() fyne.CanvasObject {
	return recordRow("Reverse Mentoring 2026", "läuft", true)
}

func (s *programmesScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	setRecordRow(o, s.all[i].Name, programmeStateName(s.all[i].State))
}

func (s *programmesScreen) onSelected(i widget.ListItemID) {
	p := s.all[i]
	if p.ID == s.selected && s.editor.Visible() {
		return // also when reselect puts the edited programme back
	}
	s.leave(func() { s.load(p) })
}

// leave runs next when the form may be left (see askToLeave); staying
// selects the edited programme in the list again.
func (s *programmesScreen) leave(next func()) {
	askToLeave(s.win, func() bool { return s.dirty }, s.editing.Name, next, s.reselect)
}

// reselect selects the programme in the form in the list again.
func (s *programmesScreen) reselect() {
	selectRecord(s.list, len(s.all), func(row int) model.ID { return s.all[row].ID }, s.selected)
}

// onNew starts a new programme with Tandem's defaults (Ctrl/Cmd+N).
func (s *programmesScreen) onNew() {
	s.leave(func() {
		s.list.UnselectAll()
		s.load(*model.NewProgramme("", Language()))
		s.heading.SetText(lang.L("programmes.new"))
		s.win.Canvas().Focus(s.name)
	})
}

func (s *programmesScreen) load(p model.Programme) {
	s.loading = true
	defer func() { s.loading = false }()
	s.editing, s.selected, s.dirty = p, p.ID, false
	s.hint.Hide()
	s.editor.Show()
	s.fields.clear()
	s.saved.SetText("")
	s.heading.SetText(p.Name)
	s.name.SetText(p.Name)
	s.states = append([]model.ProgrammeState{p.State}, p.NextStates()...)
	choices := make([]string, len(s.states))
	for i, st := range s.states {
		choices[i] = programmeStateName(st)
	}
	s.state.SetOptions(choices)
	s.state.SetSelectedIndex(0)
	s.start.SetText(formatDate(p.Start))
	s.end.SetText(formatDate(p.End))
	s.cadence.SetText(strconv.Itoa(p.CadenceWeeks))
	s.minutes.SetText(strconv.Itoa(p.SessionMinutes))
	s.hrContact.SetText(p.HRContact)
	s.agreement.SetChecked(p.AgreementRequired)
	s.framework.SetText(p.Framework)
	s.topics.set(p.Topics)
	s.mentees.set(p.Mentees, s.people, s.today())
	s.mentors.set(p.Mentors, s.people, s.today())
	s.del.Show()
	if p.ID == 0 {
		s.del.Hide()
	}
	s.editor.Refresh() // lists of new length need the form laid out again
}

func (s *programmesScreen) changed() {
	if !s.loading {
		s.editor.Refresh() // a topic added or removed changes the form's height
		s.dirty = true
		s.saved.SetText("")
	}
}

// read returns the programme as entered and the fields that could not be read.
func (s *programmesScreen) read() (model.Programme, []model.Problem) {
	p := s.editing
	var bad []model.Problem
	p.Name, p.Framework, p.HRContact = s.name.Text, s.framework.Text, s.hrContact.Text
	p.AgreementRequired = s.agreement.Checked
	p.Topics = s.topics.topics
	var ok bool
	if p.Mentees, ok = s.mentees.read(); !ok {
		bad = append(bad, model.Problem{Field: "mentees", Code: "birth_year"})
	}
	if p.Mentors, ok = s.mentors.read(); !ok {
		bad = append(bad, model.Problem{Field: "mentors", Code: "birth_year"})
	}
	var err error
	if p.Start, err = parseDate(s.start.Text); err != nil {
		bad = append(bad, model.Problem{Field: "start", Code: "date"})
	}
	if p.End, err = parseDate(s.end.Text); err != nil {
		bad = append(bad, model.Problem{Field: "end", Code: "date"})
	}
	if p.CadenceWeeks, err = strconv.Atoi(s.cadence.Text); err != nil {
		bad = append(bad, model.Problem{Field: "cadenceWeeks", Code: "number"})
	}
	if p.SessionMinutes, err = strconv.Atoi(s.minutes.Text); err != nil {
		bad = append(bad, model.Problem{Field: "sessionMinutes", Code: "number"})
	}
	if i := s.state.SelectedIndex(); i > 0 {
		if err := p.SetState(s.states[i]); err != nil {
			bad = append(bad, model.ProblemsOf(err)...)
		}
	}
	return p, bad
}

func (s *programmesScreen) onSave() {
	p, bad := s.read()
	if !s.fields.submit(s.win, bad, func() error { return s.st.SaveProgramme(&p) }) {
		return
	}
	s.dirty = false
	s.selected = p.ID
	s.show()
	s.load(p)
	s.saved.SetText(lang.L("form.saved"))
}

func (s *programmesScreen) onRevert() {
	s.dirty = false
	s.load(s.editing)
}

func (s *programmesScreen) onDelete() {
	p := s.editing
	enrolments, err := s.st.Enrolments(p.ID)
	if err != nil {
		showError(s.win, err)
		return
	}
	tandems, err := s.st.Tandems(p.ID)
	if err != nil {
		showError(s.win, err)
		return
	}
	confirm(s.win, lang.L("programmes.delete.title"),
		lang.L("programmes.delete.message", map[string]any{"Name": p.Name,
			"Participants": len(enrolments), "Tandems": len(tandems)}),
		lang.L("button.delete"), func() {
			if err := s.st.DeleteProgramme(p.ID); err != nil {
				showError(s.win, err)
				return
			}
			s.selected, s.dirty = 0, false
			s.editor.Hide()
			s.hint.Show()
			s.show()
		})
}
