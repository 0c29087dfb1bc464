package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// field is one labelled input of a detail form with room for its
// validation message right below it.
type field struct {
	name     string // the Problem.Field it answers to
	input    fyne.CanvasObject
	required bool
	label    *widget.Label
	cell     *fyne.Container // input and message
	message  *widget.Label
}

// fieldSet lays out a form's fields and shows validation problems next to
// the fields they concern.
type fieldSet struct {
	fields []*field
}

// add appends a field labelled with the translation of "field."+name; a
// required field gets an asterisk.
func (fs *fieldSet) add(name string, input fyne.CanvasObject, required bool) {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	fs.fields = append(fs.fields, &field{name: name, input: input, required: required, message: msg})
}

// view returns the form: labels on the left, inputs with their messages on
// the right.
func (fs *fieldSet) view() fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 2*len(fs.fields))
	for _, f := range fs.fields {
		label := fieldName(f.name)
		if f.required {
			label += " *"
		}
		f.label = widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{})
		f.cell = container.NewVBox(f.input, f.message)
		objs = append(objs, f.label, f.cell)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// clear hides every message.
func (fs *fieldSet) clear() {
	for _, f := range fs.fields {
		f.message.SetText("")
		f.message.Hide()
	}
}

// show puts each problem next to its field and returns the problems that
// belong to no field of this form.
func (fs *fieldSet) show(problems []model.Problem) (rest []model.Problem) {
	fs.clear()
	for _, p := range problems {
		f := fs.find(p.Field)
		if f == nil {
			rest = append(rest, p)
			continue
		}
		text := ProblemText(p)
		if f.message.Text != "" {
			text = f.message.Text + " " + text
		}
		f.message.SetText(text)
		f.message.Show()
	}
	return rest
}

func (fs *fieldSet) find(name string) *field {
	for _, f := range fs.fields {
		if f.name == name {
			return f
		}
	}
	return nil
}

// setVisible shows or hides a field with its label (after view).
func (fs *fieldSet) setVisible(name string, visible bool) {
	f := fs.find(name)
	if f == nil || f.label == nil {
		return
	}
	for _, o := range []fyne.CanvasObject{f.label, f.cell} {
		if visible {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// message returns the validation message shown for a field ("" if none).
func (fs *fieldSet) message(name string) string {
	if f := fs.find(name); f != nil {
		return f.message.Text
	}
	return ""
}

// formButtons is the row under a detail form: save on the right, as
// desktop users expect, delete on the left.
func formButtons(onSave, onRevert, onDelete func()) (save, revert, del *widget.Button, row fyne.CanvasObject) {
	save = widget.NewButton(lang.L("button.save"), onSave)
	save.Importance = widget.HighImportance
	revert = widget.NewButton(lang.L("button.revert"), onRevert)
	del = widget.NewButton(lang.L("button.delete"), onDelete)
	del.Importance = widget.DangerImportance
	row = container.NewHBox(del, layout.NewSpacer(), revert, save)
	return save, revert, del, row
}

// centredHint is a sentence in the middle of an empty detail pane that says
// what to do; it wraps within the pane's width.
func centredHint(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer())
}

// trackedEntry is an entry that reports every change, so a form knows it
// has unsaved edits.
func trackedEntry(changed func()) *widget.Entry {
	e := widget.NewEntry()
	e.OnChanged = func(string) { changed() }
	return e
}

// askToLeave runs next at once when nothing is unsaved, or after the user
// agreed to discard the unsaved changes to name; stay runs when they choose
// to keep editing (so a list can select the edited record again).
func askToLeave(win fyne.Window, dirty func() bool, name string, next, stay func()) {
	if !dirty() {
		next()
		return
	}
	d := confirm(win, lang.L("persons.unsaved.title"),
		lang.L("persons.unsaved.message", map[string]any{"Name": name}), lang.L("button.discard"), next)
	d.SetOnClosed(func() {
		if dirty() {
			stay()
		}
	})
}

// submit saves a form: the problems of fields that could not be read are
// shown and nothing is saved; otherwise save runs, and what it refuses is
// shown too. It reports whether the record was saved.
func (fs *fieldSet) submit(win fyne.Window, bad []model.Problem, save func() error) bool {
	if len(bad) > 0 {
		fs.show(bad)
		return false
	}
	if err := save(); err != nil {
		fs.showError(win, err)
		return false
	}
	fs.clear()
	return true
}

// showError puts the problems of a failed save next to their fields; an
// error without field problems, or with problems no field of this form
// shows, goes to a dialog as a sentence.
func (fs *fieldSet) showError(win fyne.Window, err error) {
	ps := model.ProblemsOf(err)
	if rest := fs.show(ps); len(rest) > 0 || len(ps) == 0 {
		showError(win, err)
	}
}

// secondaryLabel is the second, smaller line or column of a list row. It
// keeps the text colour, so it stays readable on a selected row, where a
// low-importance grey all but disappears.
func secondaryLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// selectRecord selects the row of list whose record has id (idAt gives the
// record's id for a row), or clears the selection when no row has it.
func selectRecord(list *widget.List, rows int, idAt func(row int) model.ID, id model.ID) {
	for row := range rows {
		if idAt(row) == id {
			list.Select(row)
			return
		}
	}
	list.UnselectAll()
}

// recordRow is the template of a list row: a bold name and, beside it
// (stacked: below it), the secondary text; both are placeholders that size
// the row. setRecordRow fills it.
func recordRow(name, detail string, stacked bool) fyne.CanvasObject {
	n := widget.NewLabel(name)
	n.TextStyle.Bold = true
	n.Truncation = fyne.TextTruncateEllipsis
	d := secondaryLabel(detail)
	if stacked {
		return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), n, d)
	}
	return container.NewGridWithColumns(2, n, d)
}

// setRecordRow shows name and detail in a row made by recordRow.
func setRecordRow(o fyne.CanvasObject, name, detail string) {
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(name)
	cells[1].(*widget.Label).SetText(detail)
}
