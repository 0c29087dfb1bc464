package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// personForm edits one person. It reads the inputs into a model.Person and
// shows the problems the model finds next to the fields.
type personForm struct {
	win      fyne.Window
	onSave   func(p *model.Person) error
	onDelete func(p model.Person)
	onRevert func()
	onErase  func(p model.Person)

	person     model.Person // as loaded
	editingNew bool
	dirty      bool
	loading    bool
	managers   map[string]string // employee number → name

	heading     *widget.Label
	status      *widget.Label
	salutation  *widget.Select
	firstName   *widget.Entry
	lastName    *widget.Entry
	employeeNo  *widget.Entry
	email       *widget.Entry
	department  *widget.SelectEntry
	jobTitle    *widget.Entry
	level       *widget.Select
	managerNo   *widget.Entry
	managerName *widget.Label
	location    *widget.SelectEntry
	languages   *widget.Entry
	birthYear   *widget.Entry
	hireDate    *widget.Entry
	exitDate    *widget.Entry
	fields      fieldSet
	inputs      []fyne.Disableable // disabled for an erased person
	save        *widget.Button
	revert      *widget.Button
	del         *widget.Button
	erase       *widget.Button
	saved       *widget.Label

	editor  fyne.CanvasObject
	content *fyne.Container
}

func newPersonForm(win fyne.Window, onSave func(*model.Person) error, onDelete func(model.Person), onRevert func(),
	onErase func(model.Person)) *personForm {
	f := &personForm{win: win, onSave: onSave, onDelete: onDelete, onRevert: onRevert, onErase: onErase}
	f.buildUI()
	return f
}

func (f *personForm) buildUI() {
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.status = widget.NewLabel("")
	f.status.Importance = widget.LowImportance
	f.status.Wrapping = fyne.TextWrapWord

	f.salutation = widget.NewSelect(salutationChoices(), func(string) { f.changed() })
	entry := func() *widget.Entry { return trackedEntry(f.changed) }
	f.firstName, f.lastName, f.employeeNo, f.email = entry(), entry(), entry(), entry()
	f.jobTitle, f.languages, f.birthYear = entry(), entry(), entry()
	f.hireDate, f.exitDate, f.managerNo = entry(), entry(), entry()
	f.hireDate.SetPlaceHolder(datePlaceholder())
	f.exitDate.SetPlaceHolder(datePlaceholder())
	f.languages.SetPlaceHolder(lang.L("persons.languages.placeholder"))
	f.managerNo.OnChanged = func(string) { f.changed(); f.showManager() }
	f.department = widget.NewSelectEntry(nil)
	f.department.OnChanged = func(string) { f.changed() }
	f.location = widget.NewSelectEntry(nil)
	f.location.OnChanged = func(string) { f.changed() }
	f.level = widget.NewSelect(levelChoices(lang.L("level.0")), func(string) { f.changed() })
	f.managerName = widget.NewLabel("")
	f.managerName.Importance = widget.LowImportance

	f.fields.add("salutation", f.salutation, false)
	f.fields.add("firstName", f.firstName, true)
	f.fields.add("lastName", f.lastName, true)
	f.fields.add("employeeNo", f.employeeNo, false)
	f.fields.add("email", f.email, false)
	f.fields.add("department", f.department, false)
	f.fields.add("jobTitle", f.jobTitle, false)
	f.fields.add("level", f.level, false)
	f.fields.add("managerNo", container.NewBorder(nil, nil, nil, f.managerName, f.managerNo), false)
	f.fields.add("location", f.location, false)
	f.fields.add("languages", f.languages, false)
	f.fields.add("birthYear", f.birthYear, false)
	f.fields.add("hireDate", f.hireDate, false)
	f.fields.add("exitDate", f.exitDate, false)
	f.inputs = []fyne.Disableable{f.salutation, f.firstName, f.lastName, f.employeeNo, f.email, f.department,
		f.jobTitle, f.level, f.managerNo, f.location, f.languages, f.birthYear, f.hireDate, f.exitDate}

	var buttons fyne.CanvasObject
	f.save, f.revert, f.del, buttons = formButtons(f.onSaveTapped, f.onRevertTapped, f.onDeleteTapped)
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	required := widget.NewLabel(lang.L("form.required"))
	required.Importance = widget.LowImportance
	f.erase = widget.NewButtonWithIcon(lang.L("persons.erase"), theme.VisibilityOffIcon(), f.onEraseTapped)
	f.erase.Importance = widget.LowImportance

	f.editor = container.NewBorder(
		container.NewVBox(f.heading, f.status),
		container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, required, f.saved),
			container.NewHBox(f.erase), buttons),
		nil, nil,
		container.NewVScroll(f.fields.view()))
	f.content = container.NewStack(centredHint(lang.L("persons.hint")), container.NewPadded(f.editor))
	f.clear()
}

func (f *personForm) view() fyne.CanvasObject { return f.content }

// setChoices offers the known departments and locations, and lets the form
// name a manager from their employee number.
func (f *personForm) setChoices(departments, locations []string, people []model.Person) {
	f.department.SetOptions(departments)
	f.location.SetOptions(locations)
	f.managers = make(map[string]string, len(people))
	for i := range people {
		if no := people[i].EmployeeNo; no != "" {
			f.managers[no] = people[i].FullName()
		}
	}
}

// clear shows the hint instead of a person.
func (f *personForm) clear() {
	f.person, f.editingNew, f.dirty = model.Person{}, false, false
	f.editor.Hide()
	f.content.Objects[0].Show()
}

// startNew shows an empty form for a new person.
func (f *personForm) startNew() {
	f.load(model.Person{}, model.Date{})
	f.editingNew = true
	f.heading.SetText(lang.L("persons.new"))
	f.win.Canvas().Focus(f.firstName)
}

// load shows a person in the form.
func (f *personForm) load(p model.Person, today model.Date) {
	f.loading = true
	defer func() { f.loading = false }()
	f.person, f.editingNew, f.dirty = p, false, false
	f.content.Objects[0].Hide()
	f.editor.Show()
	f.fields.clear()
	f.saved.SetText("")
	f.heading.SetText(p.FullName())
	f.status.SetText(personStatus(&p, today))
	f.status.Hidden = f.status.Text == ""
	f.salutation.SetSelectedIndex(salutationIndex(p.Salutation))
	f.firstName.SetText(p.FirstName)
	f.lastName.SetText(p.LastName)
	f.employeeNo.SetText(p.EmployeeNo)
	f.email.SetText(p.Email)
	f.department.SetText(p.Department)
	f.jobTitle.SetText(p.JobTitle)
	f.level.SetSelectedIndex(p.Level)
	f.managerNo.SetText(p.ManagerNo)
	f.location.SetText(p.Location)
	f.languages.SetText(strings.Join(p.Languages, ", "))
	f.birthYear.SetText(optionalInt(p.BirthYear))
	f.hireDate.SetText(formatDate(p.HireDate))
	f.exitDate.SetText(formatDate(p.ExitDate))
	f.del.Show()
	if p.ID == 0 {
		f.del.Hide()
	}
	f.setErased(!p.Erased.IsZero(), p.ID != 0)
	f.showManager()
}

// title names the person being edited, for questions about unsaved changes.
func (f *personForm) title() string {
	if f.person.ID == 0 {
		return lang.L("persons.new")
	}
	return f.person.FullName()
}

func (f *personForm) changed() {
	if !f.loading {
		f.dirty = true
		f.saved.SetText("")
	}
}

func (f *personForm) showManager() {
	name := f.managers[model.Clean(f.managerNo.Text)]
	if name != "" {
		name = "→ " + name
	}
	f.managerName.SetText(name)
}

// read returns the person as entered, with the problems of fields that
// could not be read at all (a date or a number).
func (f *personForm) read() (model.Person, []model.Problem) {
	p := f.person
	var bad []model.Problem
	p.Salutation = salutationValue(f.salutation.SelectedIndex())
	p.FirstName, p.LastName = f.firstName.Text, f.lastName.Text
	p.EmployeeNo, p.Email = f.employeeNo.Text, f.email.Text
	p.Department, p.JobTitle = f.department.Text, f.jobTitle.Text
	p.Level = max(f.level.SelectedIndex(), 0)
	p.ManagerNo, p.Location = f.managerNo.Text, f.location.Text
	p.Languages = strings.Split(f.languages.Text, ",")
	var err error
	if p.BirthYear, err = parseOptionalInt(f.birthYear.Text); err != nil {
		bad = append(bad, model.Problem{Field: "birthYear", Code: "number"})
	}
	if p.HireDate, err = parseDate(f.hireDate.Text); err != nil {
		bad = append(bad, model.Problem{Field: "hireDate", Code: "date"})
	}
	if p.ExitDate, err = parseDate(f.exitDate.Text); err != nil {
		bad = append(bad, model.Problem{Field: "exitDate", Code: "date"})
	}
	return p, bad
}

func (f *personForm) onSaveTapped() {
	p, bad := f.read()
	if f.fields.submit(f.win, bad, func() error { return f.onSave(&p) }) {
		f.saved.SetText(lang.L("form.saved"))
	}
}

func (f *personForm) onRevertTapped() { f.onRevert() }

// setErased makes the form read-only for the placeholder of an erased
// person (there is nothing to edit), and offers the erasure for a stored
// person who is not erased yet.
func (f *personForm) setErased(erased, stored bool) {
	for _, in := range f.inputs {
		if erased {
			in.Disable()
		} else {
			in.Enable()
		}
	}
	f.save.Hidden, f.revert.Hidden = erased, erased
	f.erase.Hidden = erased || !stored || f.onErase == nil
	f.save.Refresh()
	f.revert.Refresh()
	f.erase.Refresh()
}

func (f *personForm) onEraseTapped() {
	if f.person.ID != 0 && f.person.Erased.IsZero() {
		f.onErase(f.person)
	}
}

func (f *personForm) onDeleteTapped() {
	if f.person.ID != 0 {
		f.onDelete(f.person)
	}
}

// personStatus says whether the person has left and where the data came from.
func personStatus(p *model.Person, today model.Date) string {
	var parts []string
	if !p.Erased.IsZero() {
		return lang.L("persons.status.erased", map[string]any{"Date": formatDate(p.Erased)})
	}
	if p.Former(today) {
		parts = append(parts, lang.L("persons.status.former", map[string]any{"Date": formatDate(p.ExitDate)}))
	} else if !p.ExitDate.IsZero() {
		parts = append(parts, lang.L("persons.status.leaving", map[string]any{"Date": formatDate(p.ExitDate)}))
	}
	if p.Source.File != "" {
		parts = append(parts, lang.L("persons.status.source", map[string]any{
			"File": p.Source.File, "Date": formatDate(model.DateOf(p.Source.Imported))}))
	}
	return strings.Join(parts, " · ")
}

var salutations = []string{model.SalutationNone, model.SalutationMs, model.SalutationMr}

func salutationChoices() []string {
	out := make([]string, len(salutations))
	for i, s := range salutations {
		out[i] = lang.L("salutation." + s)
	}
	return out
}

func salutationIndex(s string) int {
	for i, v := range salutations {
		if v == s {
			return i
		}
	}
	return 0
}

func salutationValue(i int) string {
	if i < 0 || i >= len(salutations) {
		return ""
	}
	return salutations[i]
}
