package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// participantStore is what the participants screen needs from the database.
type participantStore interface {
	Programmes() ([]model.Programme, error)
	Persons() ([]model.Person, error)
	Enrolments(programme model.ID) ([]model.Enrolment, error)
	SaveEnrolment(e *model.Enrolment) error
	DeleteEnrolment(id model.ID) error
	Trainings(programme model.ID) ([]model.TrainingEvent, error)
	Batch(fn func(tx *store.Tx) error) error
}

// participantsScreen shows who takes part in one programme, edits one
// enrolment at a time, adds people and records training events.
type participantsScreen struct {
	st    participantStore
	win   fyne.Window
	today func() model.Date

	programmeScope
	enrolments []model.Enrolment
	shown      []int // indexes into enrolments that pass the role filter
	trainings  []model.TrainingEvent
	selected   model.ID // the enrolment in the form
	adding     *addParticipants
	recording  *trainingDialog

	roleFilter *widget.Select
	list       *widget.List
	count      *widget.Label
	add        *widget.Button
	training   *widget.Button
	events     *widget.List
	form       *participantForm
	content    fyne.CanvasObject
}

func newParticipantsScreen(st participantStore, win fyne.Window, today func() model.Date) *participantsScreen {
	s := &participantsScreen{st: st, win: win, today: today}
	s.buildUI()
	return s
}

func (s *participantsScreen) id() string              { return "participants" }
func (s *participantsScreen) icon() fyne.Resource     { return theme.ListIcon() }
func (s *participantsScreen) view() fyne.CanvasObject { return s.content }

// roleFilters are the choices of the role filter: all, mentors, mentees.
var roleFilters = []model.Role{"", model.Mentor, model.Mentee}

func (s *participantsScreen) buildUI() {
	s.makeChoice(s.onProgrammeChosen)
	s.roleFilter = widget.NewSelect([]string{lang.L("participants.filter.allRoles"),
		lang.L("participants.filter.mentors"), lang.L("participants.filter.mentees")}, func(string) { s.applyFilter() })
	s.roleFilter.SetSelectedIndex(0)
	s.list = widget.NewList(func() int { return len(s.shown) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.add = widget.NewButtonWithIcon(lang.L("participants.add"), theme.ContentAddIcon(), s.onAdd)

	s.events = widget.NewList(func() int { return len(s.trainings) }, s.newEventRow, s.updateEventRow)
	s.training = widget.NewButtonWithIcon(lang.L("participants.training.record"), theme.ContentAddIcon(), s.onRecordTraining)
	trainingHeading := widget.NewLabelWithStyle(lang.L("participants.training.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	trainings := container.NewBorder(container.NewBorder(nil, nil, nil, s.training, trainingHeading), nil, nil, nil, s.events)

	participants := container.NewBorder(
		container.NewBorder(nil, nil, nil, s.add, s.roleFilter), s.count, nil, nil, s.list)
	left := container.NewVSplit(participants, trainings)
	left.Offset = 0.7

	s.form = newParticipantForm(s.win, s.onSave, s.onRemove, s.onRevert)
	split := container.NewHSplit(left, s.form.view())
	split.Offset = 0.4
	s.content = s.frame(split)
}

// show loads the programmes and staff, and the chosen programme's participants.
func (s *participantsScreen) show() { s.reload(s.st, s.win, s.load) }

// load reads the participants and training events of the chosen programme.
func (s *participantsScreen) load() {
	s.enrolments, s.trainings = nil, nil
	if p := s.current(); p != nil {
		var err error
		if s.enrolments, err = s.st.Enrolments(p.ID); err != nil {
			showError(s.win, err)
		}
		if s.trainings, err = s.st.Trainings(p.ID); err != nil {
			showError(s.win, err)
		}
	}
	if s.current() == nil {
		s.add.Disable()
		s.training.Disable()
	} else {
		s.add.Enable()
		s.training.Enable()
	}
	s.events.Refresh()
	s.applyFilter()
	if e := s.enrolment(s.selected); e != nil {
		if !s.form.dirty { // coming back to the screen keeps unsaved edits
			s.form.load(*e, s.current(), s.people[e.PersonID])
		}
	} else {
		s.selected = 0
		s.form.clear()
	}
}

func (s *participantsScreen) onProgrammeChosen(name string) {
	if p, ok := s.picked(name); ok {
		s.leaveForm(func() {
			s.programme, s.selected = p.ID, 0
			s.load()
		}, s.restoreChoice)
	}
}

// enrolment returns the loaded enrolment with the given id, or nil.
func (s *participantsScreen) enrolment(id model.ID) *model.Enrolment {
	for i := range s.enrolments {
		if id != 0 && s.enrolments[i].ID == id {
			return &s.enrolments[i]
		}
	}
	return nil
}

func (s *participantsScreen) applyFilter() {
	if s.list == nil {
		return // still building
	}
	role := roleFilters[max(s.roleFilter.SelectedIndex(), 0)]
	s.shown = s.shown[:0]
	mentors, mentees := 0, 0
	for i, e := range s.enrolments {
		if e.Role == model.Mentor {
			mentors++
		} else {
			mentees++
		}
		if role == "" || e.Role == role {
			s.shown = append(s.shown, i)
		}
	}
	s.count.SetText(lang.L("participants.count", map[string]any{"Shown": len(s.shown),
		"All": len(s.enrolments), "Mentors": mentors, "Mentees": mentees}))
	s.list.UnselectAll()
	s.list.Refresh()
	s.reselect()
}

// reselect selects the participant in the form in the list again.
func (s *participantsScreen) reselect() {
	selectRecord(s.list, len(s.shown), func(row int) model.ID { return s.enrolments[s.shown[row]].ID }, s.selected)
}

func (s *participantsScreen) newRow() fyne.CanvasObject {
	return recordRow("Mustermann, Maximilian", "Mentor/in · bestätigt · geschult", false)
}

func (s *participantsScreen) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	e := &s.enrolments[s.shown[row]]
	setRecordRow(o, s.personName(e.PersonID), enrolmentSummary(e))
}

// enrolmentSummary is "Mentee · bestätigt · geschult".
func enrolmentSummary(e *model.Enrolment) string {
	text := roleName(e.Role) + " · " + stateName(e.State)
	if !e.TrainedOn.IsZero() {
		text += " · " + lang.L("participants.trained")
	}
	return text
}

func roleName(r model.Role) string             { return lang.L("role." + string(r)) }
func stateName(st model.EnrolmentState) string { return lang.L("enrolment.state." + string(st)) }
func (s *participantsScreen) newEventRow() fyne.CanvasObject {
	return widget.NewLabel("01.01.2026 · Schulung · 12")
}

func (s *participantsScreen) updateEventRow(i widget.ListItemID, o fyne.CanvasObject) {
	t := &s.trainings[i]
	o.(*widget.Label).SetText(lang.L("participants.training.row", map[string]any{
		"Date": formatDate(t.On), "Title": t.Title, "Count": len(t.Attendees)}))
}

func (s *participantsScreen) onSelected(row widget.ListItemID) {
	e := s.enrolments[s.shown[row]]
	if e.ID == s.selected {
		return
	}
	s.leaveForm(func() {
		s.selected = e.ID
		s.form.load(e, s.current(), s.people[e.PersonID])
	}, s.reselect)
}

// leaveForm runs next when the form may be left (see askToLeave).
func (s *participantsScreen) leaveForm(next, stay func()) {
	askToLeave(s.win, func() bool { return s.form.dirty }, s.fullName(s.form.enrolment.PersonID), next, stay)
}

func (s *participantsScreen) onSave(e *model.Enrolment) error {
	if err := s.st.SaveEnrolment(e); err != nil {
		return err
	}
	s.selected, s.form.dirty = e.ID, false
	s.load()
	return nil
}

func (s *participantsScreen) onRevert() {
	if e := s.enrolment(s.selected); e != nil {
		s.form.load(*e, s.current(), s.people[e.PersonID])
	}
}

func (s *participantsScreen) onRemove(e model.Enrolment) {
	confirm(s.win, lang.L("participants.remove.title"),
		lang.L("participants.remove.message", map[string]any{"Name": s.fullName(e.PersonID), "Programme": s.current().Name}),
		lang.L("participants.remove"), func() {
			if err := s.st.DeleteEnrolment(e.ID); err != nil {
				showError(s.win, err)
				return
			}
			s.selected = 0
			s.form.dirty = false
			s.load()
		})
}

func (s *participantsScreen) onAdd() {
	if p := s.current(); p != nil {
		s.leaveForm(func() {
			s.form.dirty = false
			s.adding = newAddParticipants(s, *p)
			s.adding.show()
		}, func() {})
	}
}

func (s *participantsScreen) onRecordTraining() {
	if p := s.current(); p != nil {
		s.leaveForm(func() {
			s.form.dirty = false
			s.recording = newTrainingDialog(s, *p)
			s.recording.show()
		}, func() {})
	}
}
