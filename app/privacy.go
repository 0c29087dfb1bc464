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

// privacyCard is the settings screen's part on data protection: how long
// the data of a closed programme's participants is kept, and the audit log.
type privacyCard struct {
	retention *widget.Entry
	fields    fieldSet
	save      *widget.Button
	saved     *widget.Label
	log       *auditView // the audit log last shown
}

// buildPrivacy builds the cards "Datenschutz" and "Änderungsprotokoll".
func (s *settingsScreen) buildPrivacy() fyne.CanvasObject {
	c := &s.privacy
	c.retention = widget.NewEntry()
	c.retention.SetPlaceHolder(strconv.Itoa(model.DefaultRetentionMonths))
	c.retention.OnChanged = func(string) { c.saved.SetText("") }
	c.fields.add("retentionMonths", container.NewGridWrap(fyne.NewSize(120, c.retention.MinSize().Height), c.retention), false)
	c.saved = widget.NewLabel("")
	c.saved.Importance = widget.SuccessImportance
	c.save = widget.NewButton(lang.L("button.save"), s.onSaveRetention)
	privacy := widget.NewCard(lang.L("settings.privacy"), lang.L("settings.privacy.hint"),
		container.NewVBox(c.fields.view(), container.NewHBox(c.save, c.saved)))
	audit := widget.NewCard(lang.L("settings.audit"), lang.L("settings.audit.hint"), container.NewHBox(
		widget.NewButtonWithIcon(lang.L("settings.audit.show"), theme.ListIcon(), func() { c.log = showAuditLog(s.win, s.st) })))
	return container.NewVBox(privacy, audit)
}

// showPrivacy shows the stored retention period.
func (s *settingsScreen) showPrivacy() {
	s.privacy.retention.SetText(optionalInt(s.settings.RetentionMonths))
	s.privacy.fields.clear()
	s.privacy.saved.SetText("")
}

// onSaveRetention stores the retention period; empty means the default.
func (s *settingsScreen) onSaveRetention() {
	c := &s.privacy
	months, err := parseOptionalInt(c.retention.Text)
	var bad []model.Problem
	if err != nil {
		bad = append(bad, model.Problem{Field: "retentionMonths", Code: "number"})
	}
	save := func() error {
		st, err := updateSettings(s.st, func(st *model.Settings) { st.RetentionMonths = months })
		if err == nil {
			s.settings = st
		}
		return err
	}
	if c.fields.submit(s.win, bad, save) {
		c.saved.SetText(lang.L("form.saved"))
	}
}
