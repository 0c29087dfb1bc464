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

// personStore is what the staff screen needs from the database.
type personStore interface {
	Persons() ([]model.Person, error)
	SavePerson(p *model.Person) error
	DeletePerson(id model.ID) error
	eraseStore
}

// personsScreen lists all staff with search and filters, and edits one
// person at a time in a detail form.
type personsScreen struct {
	st    personStore
	win   fyne.Window
	today func() model.Date
	// onImport starts the import wizard, onExport the Excel export; nil hides the buttons.
	onImport, onExport func()

	all   []model.Person
	texts []string // all[i].SearchText()
	shown []int    // indexes into all that pass the filter
	// selected is the person in the form; 0 for a new one.
	selected model.ID

	search     *widget.Entry
	department *widget.Select
	level      *widget.Select
	former     *widget.Check
	list       *widget.List
	count      *widget.Label
	form       *personForm
	content    fyne.CanvasObject
}

func newPersonsScreen(st personStore, win fyne.Window, today func() model.Date, onImport, onExport func()) *personsScreen {
	s := &personsScreen{st: st, win: win, today: today, onImport: onImport, onExport: onExport}
	s.buildUI()
	return s
}

func (s *personsScreen) id() string              { return "persons" }
func (s *personsScreen) icon() fyne.Resource     { return theme.AccountIcon() }
func (s *personsScreen) view() fyne.CanvasObject { return s.content }

func (s *personsScreen) buildUI() {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("persons.search"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.applyFilter() }

	s.department = widget.NewSelect(nil, func(string) { s.applyFilter() })
	s.level = widget.NewSelect(levelChoices(lang.L("persons.filter.allLevels")), func(string) { s.applyFilter() })
	s.level.SetSelectedIndex(0)
	s.former = widget.NewCheck(lang.L("persons.filter.former"), func(bool) { s.applyFilter() })

	s.list = widget.NewList(s.listLength, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance

	newButton := widget.NewButtonWithIcon(lang.L("persons.new"), theme.ContentAddIcon(), s.onNew)
	excel := container.NewHBox()
	if s.onImport != nil {
		excel.Add(widget.NewButtonWithIcon(lang.L("persons.import"), theme.DownloadIcon(), s.onImport))
	}
	if s.onExport != nil {
		excel.Add(widget.NewButtonWithIcon(lang.L("persons.export"), theme.UploadIcon(), s.onExport))
	}
	filters := container.NewVBox(
		container.NewBorder(nil, nil, nil, newButton, s.search),
		container.NewGridWithColumns(2, s.department, s.level),
		container.NewBorder(nil, nil, nil, excel, s.former),
	)
	left := container.NewBorder(filters, s.count, nil, nil, s.list)

	s.form = newPersonForm(s.win, s.onSave, s.onDelete, s.onRevert, s.onErase)
	split := container.NewHSplit(left, s.form.view())
	split.Offset = 0.4
	s.content = split
}

// show loads the staff list from the file.
func (s *personsScreen) show() {
	all, err := s.st.Persons()
	if err != nil {
		showError(s.win, err)
		return
	}
	s.all = all
	s.texts = make([]string, len(all))
	for i := range all {
		s.texts[i] = all[i].SearchText()
	}
	depts := model.Distinct(all, func(p *model.Person) string { return p.Department })
	s.department.SetOptions(append([]string{lang.L("persons.filter.allDepartments")}, depts...))
	if s.department.SelectedIndex() < 0 {
		s.department.SetSelectedIndex(0)
	}
	s.form.setChoices(depts, model.Distinct(all, func(p *model.Person) string { return p.Location }), all)
	s.applyFilter()
	if s.selected == 0 && !s.form.editingNew {
		s.form.clear()
	}
}

// filter is the current choice of the search field and filters.
func (s *personsScreen) filter() model.PersonFilter {
	f := model.PersonFilter{Query: s.search.Text, IncludeFormer: s.former.Checked, Today: s.today()}
	if i := s.department.SelectedIndex(); i > 0 {
		f.Department = s.department.Selected
	}
	if i := s.level.SelectedIndex(); i > 0 {
		f.Level = i
	}
	return f
}

func (s *personsScreen) applyFilter() {
	if s.list == nil || s.all == nil {
		return
	}
	s.shown = s.filter().Apply(s.all, s.texts)
	s.count.SetText(lang.L("persons.count", map[string]any{"Shown": len(s.shown), "All": len(s.all)}))
	s.list.UnselectAll()
	s.list.Refresh()
	for row, i := range s.shown {
		if s.all[i].ID == s.selected {
			s.list.Select(row)
			s.list.ScrollTo(row)
			break
		}
	}
}

func (s *personsScreen) listLength() int { return len(s.shown) }

func (s *personsScreen) newRow() fyne.CanvasObject {
	return recordRow("Mustermann, Maximilian", "Abteilung · Position", false)
}

func (s *personsScreen) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	p := &s.all[s.shown[row]]
	name := p.SortName()
	if !p.Erased.IsZero() {
		name += " (" + lang.L("persons.erased") + ")"
	} else if p.Former(s.today()) {
		name += " (" + lang.L("persons.former") + ")"
	}
	detail := p.Department
	if p.JobTitle != "" {
		if detail != "" {
			detail += " · "
		}
		detail += p.JobTitle
	}
	setRecordRow(o, name, detail)
}

func (s *personsScreen) onSelected(row widget.ListItemID) {
	p := s.all[s.shown[row]]
	if p.ID == s.selected {
		return
	}
	s.leaveForm(func() {
		s.selected = p.ID
		s.form.load(p, s.today())
	}, func() { s.reselect() })
}

// leaveForm runs next when the form may be left (see askToLeave).
func (s *personsScreen) leaveForm(next, stay func()) {
	askToLeave(s.win, func() bool { return s.form.dirty }, s.form.title(), next, stay)
}

// reselect selects the person in the form in the list again.
func (s *personsScreen) reselect() {
	selectRecord(s.list, len(s.shown), func(row int) model.ID { return s.all[s.shown[row]].ID }, s.selected)
}

// onNew starts a new person in the form (Ctrl/Cmd+N).
func (s *personsScreen) onNew() {
	s.leaveForm(func() {
		s.selected = 0
		s.list.UnselectAll()
		s.form.startNew()
	}, func() {})
}

// onFind puts the cursor into the search field (Ctrl/Cmd+F).
func (s *personsScreen) onFind() { s.win.Canvas().Focus(s.search) }

func (s *personsScreen) onSave(p *model.Person) error {
	if err := s.st.SavePerson(p); err != nil {
		return err
	}
	s.selected = p.ID
	s.show()
	return nil
}

func (s *personsScreen) onRevert() {
	for _, p := range s.all {
		if p.ID == s.selected {
			s.form.load(p, s.today())
			return
		}
	}
	s.form.clear()
}

func (s *personsScreen) onDelete(p model.Person) {
	confirm(s.win, lang.L("persons.delete.title"),
		lang.L("persons.delete.message", map[string]any{"Name": p.FullName()}),
		lang.L("button.delete"), func() {
			if err := s.st.DeletePerson(p.ID); err != nil {
				showError(s.win, err)
				return
			}
			s.selected = 0
			s.form.clear()
			s.show()
		})
}

// onErase asks before erasing the person's personal data (GDPR) and then
// shows the anonymous placeholder that is left.
func (s *personsScreen) onErase(p model.Person) {
	confirmErase(s.win, s.st, []model.Person{p}, func() {
		s.form.dirty = false
		s.show()
		s.onRevert()
	})
}

// levelChoices returns the hierarchy levels as choices, led by "all" (or "unknown").
func levelChoices(first string) []string {
	out := []string{first}
	for l := model.LevelTop; l <= model.LevelTrainee; l++ {
		out = append(out, levelName(l))
	}
	return out
}

// levelName is "2 – Bereichsleitung".
func levelName(l int) string {
	if l == 0 {
		return lang.L("level.0")
	}
	return strconv.Itoa(l) + " – " + lang.L("level."+strconv.Itoa(l))
}
