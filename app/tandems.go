package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// tandemStore is what the tandems screen needs from the database.
type tandemStore interface {
	Programmes() ([]model.Programme, error)
	Persons() ([]model.Person, error)
	Tandems(programme model.ID) ([]model.Tandem, error)
	SaveTandem(t *model.Tandem) error
	DeleteTandem(id model.ID) error
	Agreements(programme model.ID) ([]model.Agreement, error)
	Meetings(tandem model.ID) ([]model.Meeting, error)
	checkInStore
}

// tandemsScreen lists the tandems of one programme by state and shows one
// tandem with its members, score, goals, agreement and state changes.
type tandemsScreen struct {
	st    tandemStore
	win   fyne.Window
	today func() model.Date
	// openAgreement shows an agreement (0: the programme's) on the board.
	openAgreement func(programme, agreement model.ID)

	programmeScope
	tandems    []model.Tandem
	agreements []model.Agreement
	shown      []int // indexes into tandems that pass the state filter
	selected   model.ID

	stateFilter *widget.Select
	list        *widget.List
	count       *widget.Label
	form        *tandemForm
	content     fyne.CanvasObject
}

func newTandemsScreen(st tandemStore, win fyne.Window, today func() model.Date,
	openAgreement func(programme, agreement model.ID)) *tandemsScreen {
	s := &tandemsScreen{st: st, win: win, today: today, openAgreement: openAgreement}
	s.buildUI()
	return s
}

func (s *tandemsScreen) id() string              { return "tandems" }
func (s *tandemsScreen) icon() fyne.Resource     { return theme.ContentCopyIcon() }
func (s *tandemsScreen) view() fyne.CanvasObject { return s.content }

// stateFilters are the choices of the state filter: all, then each state.
var stateFilters = append([]model.TandemState{""}, model.TandemStates...)

func tandemStateName(st model.TandemState) string { return lang.L("tandem.state." + string(st)) }
func goalStatusName(st model.GoalStatus) string   { return lang.L("goal.status." + string(st)) }
func agreementStateName(st model.AgreementState) string {
	return lang.L("agreement.state." + string(st))
}

func (s *tandemsScreen) buildUI() {
	s.makeChoice(s.onProgrammeChosen)
	filters := make([]string, len(stateFilters))
	filters[0] = lang.L("tandems.filter.all")
	for i, st := range stateFilters[1:] {
		filters[i+1] = tandemStateName(st)
	}
	s.stateFilter = widget.NewSelect(filters, func(string) { s.applyFilter() })
	s.stateFilter.SetSelectedIndex(0)
	s.list = widget.NewList(func() int { return len(s.shown) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	left := container.NewBorder(s.stateFilter, s.count, nil, nil, s.list)

	s.form = newTandemForm(s)
	split := container.NewHSplit(left, s.form.view())
	split.Offset = 0.35
	s.content = s.frame(split)
}

// show loads the programmes and staff, and the chosen programme's tandems.
func (s *tandemsScreen) show() { s.reload(s.st, s.win, s.load) }

// load reads the tandems and agreements of the chosen programme.
func (s *tandemsScreen) load() {
	s.tandems, s.agreements = nil, nil
	if p := s.current(); p != nil {
		var err error
		if s.tandems, err = s.st.Tandems(p.ID); err != nil {
			showError(s.win, err)
		}
		if s.agreements, err = s.st.Agreements(p.ID); err != nil {
			showError(s.win, err)
		}
	}
	order := func(st model.TandemState) int { return slices.Index(model.TandemStates, st) }
	slices.SortStableFunc(s.tandems, func(a, b model.Tandem) int {
		if d := order(a.State) - order(b.State); d != 0 {
			return d
		}
		return strings.Compare(s.personName(a.MentorID), s.personName(b.MentorID))
	})
	s.applyFilter()
	if t := s.tandem(s.selected); t != nil {
		if !s.form.dirty {
			s.loadForm(*t)
		}
	} else {
		s.selected = 0
		s.form.clear()
	}
}

// loadForm shows t in the form with what belongs to it.
func (s *tandemsScreen) loadForm(t model.Tandem) {
	meetings, err := s.st.Meetings(t.ID)
	if err != nil {
		showError(s.win, err)
	}
	s.form.load(t, s.current(), s.people[t.MentorID], s.people[t.MenteeID], s.agreementOf(t.ID), meetings)
}

// agreementOf returns the tandem's confidentiality agreement, or nil.
func (s *tandemsScreen) agreementOf(tandem model.ID) *model.Agreement {
	return model.Confidentiality(tandem, s.agreements)
}

func (s *tandemsScreen) onProgrammeChosen(name string) {
	if p, ok := s.picked(name); ok {
		s.leaveForm(func() {
			s.programme, s.selected = p.ID, 0
			s.form.dirty = false
			s.load()
		}, s.restoreChoice)
	}
}

// tandem returns the loaded tandem with the given id, or nil.
func (s *tandemsScreen) tandem(id model.ID) *model.Tandem {
	for i := range s.tandems {
		if id != 0 && s.tandems[i].ID == id {
			return &s.tandems[i]
		}
	}
	return nil
}

func (s *tandemsScreen) applyFilter() {
	if s.list == nil {
		return // still building
	}
	state := stateFilters[max(s.stateFilter.SelectedIndex(), 0)]
	s.shown = s.shown[:0]
	for i, t := range s.tandems {
		if state == "" || t.State == state {
			s.shown = append(s.shown, i)
		}
	}
	s.count.SetText(lang.L("tandems.count", map[string]any{"Shown": len(s.shown), "All": len(s.tandems)}))
	s.list.UnselectAll()
	s.list.Refresh()
	s.reselect()
}

// reselect selects the tandem in the form in the list again.
func (s *tandemsScreen) reselect() {
	selectRecord(s.list, len(s.shown), func(row int) model.ID { return s.tandems[s.shown[row]].ID }, s.selected)
}

func (s *tandemsScreen) newRow() fyne.CanvasObject {
	return recordRow("Maximilian Mustermann – Erika Musterfrau", "vorgeschlagen · 100 Punkte", true)
}

func (s *tandemsScreen) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	t := &s.tandems[s.shown[row]]
	setRecordRow(o, s.pairName(t), lang.L("tandems.row", map[string]any{
		"State": tandemStateName(t.State), "Score": t.Score}))
}

// pairName is "Mentor/in – Mentee".
func (s *tandemsScreen) pairName(t *model.Tandem) string {
	return s.fullName(t.MentorID) + " – " + s.fullName(t.MenteeID)
}

func (s *tandemsScreen) onSelected(row widget.ListItemID) {
	t := s.tandems[s.shown[row]]
	if t.ID == s.selected {
		return
	}
	s.leaveForm(func() {
		s.selected = t.ID
		s.form.dirty = false
		s.loadForm(t)
	}, s.reselect)
}

// leaveForm runs next when the form may be left (see askToLeave).
func (s *tandemsScreen) leaveForm(next, stay func()) {
	askToLeave(s.win, func() bool { return s.form.dirty }, s.pairName(&s.form.tandem), next, stay)
}

// save stores t and shows the list and form anew.
func (s *tandemsScreen) save(t *model.Tandem) error {
	if err := s.st.SaveTandem(t); err != nil {
		return err
	}
	s.selected, s.form.dirty = t.ID, false
	s.load()
	return nil
}

func (s *tandemsScreen) revert() {
	if t := s.tandem(s.selected); t != nil {
		s.form.dirty = false
		s.loadForm(*t)
	}
}

// remove deletes a proposed tandem after asking.
func (s *tandemsScreen) remove(t model.Tandem) {
	confirm(s.win, lang.L("tandems.delete.title"),
		lang.L("tandems.delete.message", map[string]any{"Pair": s.pairName(&t)}),
		lang.L("button.delete"), func() {
			if err := s.st.DeleteTandem(t.ID); err != nil {
				showError(s.win, err)
				return
			}
			s.selected, s.form.dirty = 0, false
			s.load()
		})
}
