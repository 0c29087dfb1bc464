package app

import (
	"bytes"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// settingsStore is what the settings screen needs from the database.
type settingsStore interface {
	Path() string
	Settings() (model.Settings, error)
	SaveSettings(s *model.Settings) error
	BackupDir() string
	Backups() ([]store.Backup, error)
	Backup(reason string) (store.Backup, error)
	Restore(b store.Backup) error
	Counts() (store.Counts, error)
	Audit() ([]model.AuditEntry, error)
}

// settingsActions are the settings that change more than this screen.
type settingsActions interface {
	openOtherFile()
	newFile()
	setLanguage(setting string)
	reload(screen string)
	languageSetting() string
	today() model.Date
	protectionChanged()
}

// settingsScreen edits the company's details, the language, and manages
// the database file and its backups.
type settingsScreen struct {
	st  settingsStore
	win fyne.Window
	act settingsActions

	settings model.Settings
	backups  []store.Backup
	chosen   int // the selected backup, -1 for none

	company  *widget.Entry
	address  *widget.Entry
	logo     *canvas.Image
	noLogo   *widget.Label
	fields   fieldSet
	saved    *widget.Label
	language *widget.Select
	path     *widget.Label
	list     *widget.List
	restore  *widget.Button
	password *passwordCard // nil for a store that cannot have a password
	privacy  privacyCard
	content  fyne.CanvasObject
}

func newSettingsScreen(st settingsStore, win fyne.Window, act settingsActions) *settingsScreen {
	s := &settingsScreen{st: st, win: win, act: act, chosen: -1}
	s.buildUI()
	return s
}

func (s *settingsScreen) id() string              { return "settings" }
func (s *settingsScreen) icon() fyne.Resource     { return theme.SettingsIcon() }
func (s *settingsScreen) view() fyne.CanvasObject { return s.content }

func (s *settingsScreen) buildUI() {
	s.company = widget.NewEntry()
	s.address = widget.NewMultiLineEntry()
	s.address.SetMinRowsVisible(3)
	s.logo = canvas.NewImageFromImage(nil)
	s.logo.FillMode = canvas.ImageFillContain
	s.logo.SetMinSize(fyne.NewSize(160, 64))
	s.noLogo = widget.NewLabel(lang.L("settings.logo.none"))
	s.noLogo.Importance = widget.LowImportance
	logoButtons := container.NewHBox(
		widget.NewButton(lang.L("settings.logo.choose"), s.onChooseLogo),
		widget.NewButton(lang.L("settings.logo.remove"), s.onRemoveLogo))
	s.fields.add("companyName", s.company, false)
	s.fields.add("address", s.address, false)
	s.fields.add("logo", container.NewVBox(container.NewHBox(container.NewStack(s.noLogo, s.logo)), logoButtons), false)
	s.saved = widget.NewLabel("")
	s.saved.Importance = widget.SuccessImportance
	save := widget.NewButton(lang.L("button.save"), s.onSaveCompany)
	save.Importance = widget.HighImportance
	company := widget.NewCard(lang.L("settings.company"), lang.L("settings.company.hint"),
		container.NewVBox(s.fields.view(), container.NewHBox(save, s.saved)))

	s.language = widget.NewSelect([]string{lang.L("settings.language.system"), "Deutsch", "English"}, nil)
	s.language.SetSelectedIndex(languageIndex(s.act.languageSetting()))
	s.language.OnChanged = func(string) { s.onLanguage() }
	language := widget.NewCard(lang.L("settings.language"), "", s.language)

	s.path = widget.NewLabel("")
	s.path.Wrapping = fyne.TextWrapBreak
	file := widget.NewCard(lang.L("settings.file"), lang.L("settings.file.hint"), container.NewVBox(s.path,
		container.NewHBox(
			widget.NewButtonWithIcon(lang.L("settings.file.open"), theme.FolderOpenIcon(), s.act.openOtherFile),
			widget.NewButtonWithIcon(lang.L("settings.file.new"), theme.FileIcon(), s.act.newFile))))

	s.list = widget.NewList(func() int { return len(s.backups) }, s.newBackupRow, s.updateBackupRow)
	s.list.OnSelected = func(i widget.ListItemID) { s.chosen = i; s.restore.Enable() }
	s.list.OnUnselected = func(widget.ListItemID) { s.chosen = -1; s.restore.Disable() }
	backupNow := widget.NewButtonWithIcon(lang.L("settings.backup.now"), theme.DocumentSaveIcon(), s.onBackupNow)
	s.restore = widget.NewButtonWithIcon(lang.L("settings.backup.restore"), theme.HistoryIcon(), s.onRestore)
	s.restore.Disable()
	listBox := container.NewGridWrap(fyne.NewSize(560, 220), s.list)
	backups := widget.NewCard(lang.L("settings.backups"), lang.L("settings.backups.hint"),
		container.NewVBox(listBox, container.NewHBox(backupNow, s.restore)))

	editTexts := widget.NewButtonWithIcon(lang.L("settings.texts.edit"), theme.DocumentCreateIcon(), func() {
		newTemplateEditor(s.st, s.win, s.act.today).show()
	})
	texts := widget.NewCard(lang.L("settings.texts"), lang.L("settings.texts.hint"), container.NewHBox(editTexts))

	cards := container.NewVBox(company, texts, language, file)
	if ps, ok := s.st.(passwordStore); ok {
		s.password = newPasswordCard(ps, s.win, s.act.today, s.act.protectionChanged)
		cards.Add(s.password.content)
	}
	cards.Add(backups)
	cards.Add(s.buildPrivacy())
	cards.Add(s.aboutCard())
	s.content = container.NewVScroll(container.NewPadded(cards))
}

func (s *settingsScreen) show() {
	st, err := s.st.Settings()
	if err != nil {
		showError(s.win, err)
		return
	}
	s.settings = st
	s.company.SetText(st.CompanyName)
	s.address.SetText(st.Address)
	s.showLogo()
	s.fields.clear()
	s.saved.SetText("")
	s.path.SetText(s.st.Path())
	s.showPrivacy()
	if s.password != nil {
		s.password.show()
	}
	s.loadBackups()
}

func (s *settingsScreen) loadBackups() {
	backups, err := s.st.Backups()
	if err != nil {
		showError(s.win, err)
	}
	s.backups = backups
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *settingsScreen) showLogo() {
	s.logo.Image = nil
	if len(s.settings.Logo) > 0 {
		if img, _, err := image.Decode(bytes.NewReader(s.settings.Logo)); err == nil {
			s.logo.Image = img
		}
	}
	if s.logo.Image == nil {
		s.noLogo.Show()
		s.logo.Hide()
	} else {
		s.noLogo.Hide()
		s.logo.Show()
	}
	s.logo.Refresh()
}

func (s *settingsScreen) onChooseLogo() {
	chooseFile(s.win, []string{".png", ".jpg", ".jpeg"}, func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			showError(s.win, model.E("settings.logo", model.IO, err))
			return
		}
		s.saveSettings(func(st *model.Settings) { st.Logo = data })
		s.showLogo()
	})
}

func (s *settingsScreen) onRemoveLogo() {
	s.saveSettings(func(st *model.Settings) { st.Logo = nil })
	s.showLogo()
}

func (s *settingsScreen) onSaveCompany() {
	name, address := model.Clean(s.company.Text), s.address.Text
	s.saveSettings(func(st *model.Settings) { st.CompanyName, st.Address = name, address })
}

// saveSettings applies change to the settings as stored now (other cards
// of this screen save settings of their own) and saves them.
func (s *settingsScreen) saveSettings(change func(st *model.Settings)) {
	st, err := updateSettings(s.st, change)
	if err != nil {
		s.fields.showError(s.win, err)
		return
	}
	s.settings = st
	s.fields.clear()
	s.saved.SetText(lang.L("form.saved"))
}

// settingsAccess reads and saves the file's settings.
type settingsAccess interface {
	Settings() (model.Settings, error)
	SaveSettings(s *model.Settings) error
}

// updateSettings applies change to the settings as stored now and saves
// them: each card of Einstellungen saves its own part without undoing what
// another card saved meanwhile.
func updateSettings(st settingsAccess, change func(s *model.Settings)) (model.Settings, error) {
	s, err := st.Settings()
	if err == nil {
		change(&s)
		err = st.SaveSettings(&s)
	}
	return s, err
}

func (s *settingsScreen) onLanguage() {
	setting := []string{"", German, English}[max(s.language.SelectedIndex(), 0)]
	if setting != s.act.languageSetting() {
		s.act.setLanguage(setting)
	}
}

func languageIndex(setting string) int {
	switch setting {
	case German:
		return 1
	case English:
		return 2
	}
	return 0
}

func (s *settingsScreen) newBackupRow() fyne.CanvasObject {
	when := widget.NewLabel("27.11.2026 14:05")
	reason := widget.NewLabel("vor dem Import")
	size := widget.NewLabel("999 KB")
	size.Importance = widget.LowImportance
	return container.NewGridWithColumns(3, when, reason, size)
}

func (s *settingsScreen) updateBackupRow(i widget.ListItemID, o fyne.CanvasObject) {
	b := s.backups[i]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(formatTime(b.Time))
	cells[1].(*widget.Label).SetText(backupReason(b.Reason))
	cells[2].(*widget.Label).SetText(formatSize(b.Size))
}

// backupReason names why a backup was made.
func backupReason(r string) string { return lang.L("backup.reason." + r) }

func (s *settingsScreen) onBackupNow() {
	background(s.win, lang.L("settings.backup.running"), func() error {
		_, err := s.st.Backup("manual")
		return err
	}, func(err error) {
		if err != nil {
			showError(s.win, err)
			return
		}
		s.loadBackups()
	})
}

// onRestore asks before replacing the file with the chosen backup, saying
// what will be replaced by what.
func (s *settingsScreen) onRestore() {
	if s.chosen < 0 || s.chosen >= len(s.backups) {
		return
	}
	b := s.backups[s.chosen]
	now, err := s.st.Counts()
	if err != nil {
		showError(s.win, err)
		return
	}
	then, err := store.Inspect(b.Path)
	if err != nil {
		showError(s.win, err)
		return
	}
	msg := lang.L("settings.restore.message", map[string]any{
		"File": filepath.Base(s.st.Path()), "Persons": now.Persons, "Programmes": now.Programmes,
		"Time": formatTime(b.Time), "BackupPersons": then.Persons, "BackupProgrammes": then.Programmes})
	confirm(s.win, lang.L("settings.restore.title"), msg, lang.L("settings.backup.restore"), func() {
		background(s.win, lang.L("settings.restore.running"), func() error { return s.st.Restore(b) },
			func(err error) {
				if err != nil {
					showError(s.win, err)
					return
				}
				s.act.reload("settings")
				showInfo(s.win, lang.L("settings.restore.title"), lang.L("settings.restore.done"))
			})
	})
}
