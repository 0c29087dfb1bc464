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

// trainingDialog records a training event and marks its attendees trained.
type trainingDialog struct {
	s         *participantsScreen
	programme model.Programme

	on        *widget.Entry
	title     *widget.Entry
	attendees []*widget.Check // one per s.enrolments, in order
	fields    fieldSet
	dlg       *dialog.CustomDialog
}

func newTrainingDialog(s *participantsScreen, p model.Programme) *trainingDialog {
	d := &trainingDialog{s: s, programme: p}
	d.on = widget.NewEntry()
	d.on.SetPlaceHolder(datePlaceholder())
	d.on.SetText(formatDate(s.today()))
	d.title = widget.NewEntry()
	d.title.SetPlaceHolder(lang.L("participants.training.title.placeholder"))
	checks := container.NewGridWithColumns(2)
	for i := range s.enrolments {
		e := &s.enrolments[i]
		c := widget.NewCheck(s.personName(e.PersonID)+" ("+roleName(e.Role)+")", nil)
		d.attendees = append(d.attendees, c)
		checks.Add(c)
	}
	d.fields.add("on", d.on, true)
	d.fields.add("title", d.title, true)
	d.fields.add("attendees", container.NewVScroll(checks), false)
	content := container.NewBorder(nil, nil, nil, nil, d.fields.view())
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("participants.training.dialog"), content, s.win)
	save := widget.NewButton(lang.L("button.save"), d.onSave)
	save.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("button.cancel"), d.dlg.Hide), save})
	d.dlg.Resize(fyne.NewSize(640, 520))
	return d
}

func (d *trainingDialog) show() { d.dlg.Show() }

// onSave stores the event and marks every attendee trained, all in one go.
func (d *trainingDialog) onSave() {
	on, err := parseDate(d.on.Text)
	if err != nil {
		d.fields.show([]model.Problem{{Field: "on", Code: "date"}})
		return
	}
	event := model.TrainingEvent{ProgrammeID: d.programme.ID, On: on, Title: d.title.Text}
	var trained []model.Enrolment
	for i, c := range d.attendees {
		if c.Checked {
			e := d.s.enrolments[i]
			e.MarkTrained(on)
			trained = append(trained, e)
			event.Attendees = append(event.Attendees, e.PersonID)
		}
	}
	err = d.s.st.Batch(func(tx *store.Tx) error {
		if err := tx.SaveTraining(&event); err != nil {
			return err
		}
		for i := range trained {
			if err := tx.SaveEnrolment(&trained[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		d.fields.showError(d.s.win, err)
		return
	}
	d.dlg.Hide()
	d.s.load()
}
