package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// participantForm edits one enrolment: state, topics, interests, capacity,
// motivation and the day of training.
type participantForm struct {
	win      fyne.Window
	onSave   func(e *model.Enrolment) error
	onRemove func(e model.Enrolment)
	onRevert func()

	enrolment model.Enrolment // as loaded
	states    []model.EnrolmentState
	dirty     bool
	loading   bool

	heading    *widget.Label
	role       *widget.Label
	state      *widget.Select
	topicsHint *widget.Label
	topics     *checkList
	interests  *widget.Entry
	capacity   *widget.Entry
	motivation *widget.Entry
	trainedOn  *widget.Entry
	fields     fieldSet
	saved      *widget.Label

	editor  fyne.CanvasObject
	content *fyne.Container
}

func newParticipantForm(win fyne.Window, onSave func(*model.Enrolment) error, onRemove func(model.Enrolment), onRevert func()) *participantForm {
	f := &participantForm{win: win, onSave: onSave, onRemove: onRemove, onRevert: onRevert}
	f.buildUI()
	return f
}

func (f *participantForm) buildUI() {
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.role = widget.NewLabel("")
	f.state = widget.NewSelect(nil, func(string) { f.changed() })
	f.topicsHint = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	f.topics = newCheckList(f.changed)
	f.interests = trackedEntry(f.changed)
	f.interests.SetPlaceHolder(lang.L("participants.interests.placeholder"))
	f.capacity = trackedEntry(f.changed)
	f.motivation = widget.NewMultiLineEntry()
	f.motivation.Wrapping = fyne.TextWrapWord
	f.motivation.SetMinRowsVisible(4)
	f.motivation.OnChanged = func(string) { f.changed() }
	f.trainedOn = trackedEntry(f.changed)
	f.trainedOn.SetPlaceHolder(datePlaceholder())

	f.fields.add("role", f.role, false)
	f.fields.add("state", f.state, false)
	f.fields.add("participantTopics", container.NewVBox(f.topicsHint, f.topics.view()), false)
	f.fields.add("interests", f.interests, false)
	f.fields.add("capacity", withUnit(f.capacity, lang.L("unit.mentees")), false)
	f.fields.add("motivation", f.motivation, false)
	f.fields.add("trainedOn", f.trainedOn, false)

	_, _, del, buttons := formButtons(f.onSaveTapped, f.onRevertTapped, f.onRemoveTapped)
	del.SetText(lang.L("participants.remove"))
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	f.editor = container.NewBorder(f.heading,
		container.NewVBox(widget.NewSeparator(), container.NewHBox(f.saved), buttons), nil, nil,
		container.NewVScroll(f.fields.view()))
	f.content = container.NewStack(centredHint(lang.L("participants.hint")), container.NewPadded(f.editor))
	f.clear()
}

func (f *participantForm) view() fyne.CanvasObject { return f.content }

// clear shows the hint instead of a participant.
func (f *participantForm) clear() {
	f.enrolment, f.dirty = model.Enrolment{}, false
	f.editor.Hide()
	f.content.Objects[0].Show()
}

// load shows an enrolment of person in programme p.
func (f *participantForm) load(e model.Enrolment, p *model.Programme, person *model.Person) {
	f.loading = true
	defer func() { f.loading = false }()
	f.enrolment, f.dirty = e, false
	f.content.Objects[0].Hide()
	f.editor.Show()
	f.fields.clear()
	f.saved.SetText("")
	name := lang.L("participants.unknown")
	if person != nil {
		name = person.FullName()
	}
	f.heading.SetText(name)
	f.role.SetText(roleName(e.Role))
	f.states = append([]model.EnrolmentState{e.State}, e.NextStates()...)
	choices := make([]string, len(f.states))
	for i, st := range f.states {
		choices[i] = stateName(st)
	}
	f.state.SetOptions(choices)
	f.state.SetSelectedIndex(0)
	f.topicsHint.SetText(lang.L("participants.topics." + string(e.Role)))
	var catalogue []string
	if p != nil {
		catalogue = append(catalogue, p.Topics...)
	}
	f.topics.set(catalogue, e.Topics)
	f.interests.SetText(strings.Join(e.Interests, ", "))
	f.capacity.SetText(optionalInt(e.Capacity))
	f.fields.setVisible("capacity", e.Role == model.Mentor)
	f.motivation.SetText(e.Motivation)
	f.trainedOn.SetText(formatDate(e.TrainedOn))
	f.editor.Refresh()
}

func (f *participantForm) changed() {
	if !f.loading {
		f.dirty = true
		f.saved.SetText("")
	}
}

// read returns the enrolment as entered and the fields that could not be read.
func (f *participantForm) read() (model.Enrolment, []model.Problem) {
	e := f.enrolment
	var bad []model.Problem
	e.Topics = f.topics.selected()
	e.Interests = strings.Split(f.interests.Text, ",")
	e.Motivation = f.motivation.Text
	if e.Role == model.Mentor {
		var err error
		if e.Capacity, err = strconv.Atoi(strings.TrimSpace(f.capacity.Text)); err != nil {
			bad = append(bad, model.Problem{Field: "capacity", Code: "number"})
		}
	}
	var err error
	if e.TrainedOn, err = parseDate(f.trainedOn.Text); err != nil {
		bad = append(bad, model.Problem{Field: "trainedOn", Code: "date"})
	}
	if i := f.state.SelectedIndex(); i > 0 {
		if err := e.SetState(f.states[i]); err != nil {
			bad = append(bad, model.ProblemsOf(err)...)
		}
	}
	return e, bad
}

func (f *participantForm) onSaveTapped() {
	e, bad := f.read()
	if f.fields.submit(f.win, bad, func() error { return f.onSave(&e) }) {
		f.saved.SetText(lang.L("form.saved"))
	}
}

func (f *participantForm) onRevertTapped() { f.onRevert() }

func (f *participantForm) onRemoveTapped() {
	if f.enrolment.ID != 0 {
		f.onRemove(f.enrolment)
	}
}
