package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// addParticipants is the dialog that enrols several current employees at
// once in one role; former employees are not offered.
type addParticipants struct {
	s         *participantsScreen
	programme model.Programme
	staff     []model.Person // current employees only
	texts     []string       // staff[i].SearchText()
	shown     []int
	enrolled  map[model.ID]bool
	ticked    map[model.ID]bool

	search     *widget.Entry
	department *widget.Select
	level      *widget.Select
	role       *widget.RadioGroup
	list       *widget.List
	groups     *widget.Label
	count      *widget.Label
	dlg        *dialog.CustomDialog
}

// roleChoices are the roles offered when adding, in order.
var roleChoices = []model.Role{model.Mentee, model.Mentor}

func newAddParticipants(s *participantsScreen, p model.Programme) *addParticipants {
	d := &addParticipants{s: s, programme: p, enrolled: map[model.ID]bool{}, ticked: map[model.ID]bool{}}
	today := s.today()
	for i := range s.persons {
		if !s.persons[i].Former(today) {
			d.staff = append(d.staff, s.persons[i])
			d.texts = append(d.texts, s.persons[i].SearchText())
		}
	}
	for _, e := range s.enrolments {
		d.enrolled[e.PersonID] = true
	}
	d.buildUI()
	return d
}

func (d *addParticipants) buildUI() {
	d.search = widget.NewEntry()
	d.search.SetPlaceHolder(lang.L("persons.search"))
	d.search.OnChanged = func(string) { d.applyFilter() }
	depts := model.Distinct(d.staff, func(p *model.Person) string { return p.Department })
	d.department = widget.NewSelect(append([]string{lang.L("persons.filter.allDepartments")}, depts...), nil)
	d.department.SetSelectedIndex(0)
	d.department.OnChanged = func(string) { d.applyFilter() }
	d.level = widget.NewSelect(levelChoices(lang.L("persons.filter.allLevels")), nil)
	d.level.SetSelectedIndex(0)
	d.level.OnChanged = func(string) { d.applyFilter() }
	roles := make([]string, len(roleChoices))
	for i, r := range roleChoices {
		roles[i] = roleName(r)
	}
	d.role = widget.NewRadioGroup(roles, nil)
	d.role.Horizontal = true
	d.role.Required = true
	d.role.SetSelected(roles[0])
	propose := widget.NewButton(lang.L("participants.add.propose"), d.onPropose)
	d.list = widget.NewList(func() int { return len(d.shown) }, d.newRow, d.updateRow)
	d.groups = widget.NewLabel(d.groupCounts())
	d.groups.Wrapping = fyne.TextWrapWord
	d.groups.Importance = widget.LowImportance
	d.count = widget.NewLabel("")

	top := container.NewVBox(
		d.search,
		container.NewGridWithColumns(2, d.department, d.level),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("field.role")), propose, d.role),
		d.groups)
	content := container.NewBorder(top, d.count, nil, nil, d.list)
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("participants.add.title", map[string]any{"Programme": d.programme.Name}), content, d.s.win)
	add := widget.NewButton(lang.L("participants.add.confirm"), d.onConfirm)
	add.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("button.cancel"), d.dlg.Hide), add})
	d.dlg.Resize(fyne.NewSize(720, 640))
	d.applyFilter()
}

func (d *addParticipants) show() { d.dlg.Show() }

// selectedRole is the role chosen for the people to add.
func (d *addParticipants) selectedRole() model.Role {
	for i, r := range roleChoices {
		if d.role.Selected == roleName(r) {
			return roleChoices[i]
		}
	}
	return model.Mentee
}

func (d *addParticipants) applyFilter() {
	f := model.PersonFilter{Query: d.search.Text, Today: d.s.today()}
	if d.department.SelectedIndex() > 0 {
		f.Department = d.department.Selected
	}
	f.Level = max(d.level.SelectedIndex(), 0)
	d.shown = f.Apply(d.staff, d.texts)
	d.list.Refresh()
	d.showCount()
}

func (d *addParticipants) showCount() {
	d.count.SetText(lang.L("participants.add.count", map[string]any{"Ticked": len(d.ticked), "Shown": len(d.shown)}))
}

func (d *addParticipants) newRow() fyne.CanvasObject {
	check := widget.NewCheck("Mustermann, Maximilian", nil)
	detail := secondaryLabel("Abteilung · Ebene")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewGridWithColumns(2, check, detail)
}

func (d *addParticipants) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	p := &d.staff[d.shown[row]]
	cells := o.(*fyne.Container).Objects
	check := cells[0].(*widget.Check)
	check.OnChanged = nil
	check.SetText(p.SortName())
	check.SetChecked(d.ticked[p.ID])
	id := p.ID
	check.OnChanged = func(on bool) { d.onToggle(id, on) }
	detail := p.Department
	if p.Level != 0 {
		detail += " · " + levelName(p.Level)
	}
	if d.enrolled[p.ID] {
		check.Disable()
		detail = lang.L("participants.add.already")
	} else {
		check.Enable()
	}
	cells[1].(*widget.Label).SetText(detail)
}

func (d *addParticipants) onToggle(id model.ID, on bool) {
	if on {
		d.ticked[id] = true
	} else {
		delete(d.ticked, id)
	}
	d.showCount()
}

// groupCounts says per role how many current employees fit the target
// group and how many of them take part already.
func (d *addParticipants) groupCounts() string {
	text := ""
	for _, r := range roleChoices {
		fits, already := 0, 0
		group := d.programme.Group(r)
		for i := range d.staff {
			if group.Fits(&d.staff[i]) {
				fits++
				if d.enrolled[d.staff[i].ID] {
					already++
				}
			}
		}
		if text != "" {
			text += "\n"
		}
		text += lang.L("participants.add.group."+string(r), map[string]any{"Fits": fits, "Already": already})
	}
	return text
}

// onPropose ticks everyone who fits the target group of the chosen role and
// does not take part yet.
func (d *addParticipants) onPropose() {
	group := d.programme.Group(d.selectedRole())
	for i := range d.staff {
		if p := &d.staff[i]; !d.enrolled[p.ID] && group.Fits(p) {
			d.ticked[p.ID] = true
		}
	}
	d.list.Refresh()
	d.showCount()
}

// onConfirm nominates the ticked people in the chosen role, all or none.
func (d *addParticipants) onConfirm() {
	if len(d.ticked) == 0 {
		showInfo(d.s.win, lang.L("participants.add.title", map[string]any{"Programme": d.programme.Name}),
			lang.L("participants.add.none"))
		return
	}
	role := d.selectedRole()
	var failed *model.Person
	err := d.s.st.Batch(func(tx *store.Tx) error {
		for i := range d.staff {
			p := &d.staff[i]
			if !d.ticked[p.ID] {
				continue
			}
			if err := tx.SaveEnrolment(model.NewEnrolment(d.programme.ID, p.ID, role)); err != nil {
				failed = p
				return err
			}
		}
		return nil
	})
	if err != nil {
		reason := Message(err)
		if ps := model.ProblemsOf(err); len(ps) > 0 {
			reason = ProblemText(ps[0])
		}
		if failed != nil {
			reason = lang.L("participants.add.failed", map[string]any{"Name": failed.FullName(), "Reason": reason})
		}
		showInfo(d.s.win, lang.L("dialog.error.title"), reason)
		return
	}
	d.dlg.Hide()
	d.s.load()
}
