package app

import (
	"io"
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"tandem/demo"
	"tandem/model"
	"tandem/model/store"
	"tandem/roster"
)

// openOtherFile lets the user pick another database file and opens it.
func (u *ui) openOtherFile() {
	chooseFile(u.win, databaseExtensions, u.switchTo)
}

// newFile lets the user create a new, empty database file and opens it.
func (u *ui) newFile() {
	chooseNewFile(u.win, "Tandem.db", u.switchTo)
}

// switchTo opens another file. The current file stays open when the other
// one cannot be opened.
func (u *ui) switchTo(path string) {
	if u.st != nil && sameFile(u.st.Path(), path) {
		return
	}
	st, err := openStore(path, u.now, "")
	switch {
	case model.KindOf(err) == model.PasswordRequired:
		u.closeStore()
		u.showUnlock(path)
	case err != nil && u.st == nil:
		u.showOpenProblem(path, err)
	case err != nil:
		showError(u.win, err)
	default:
		u.closeStore()
		u.opened(path, st)
	}
}

func sameFile(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

// loadExample fills the open, empty file with the example company.
func (u *ui) loadExample() {
	st := u.st
	background(u.win, lang.L("welcome.example.running"), func() error {
		return demo.Load(st, u.today())
	}, func(err error) {
		if err != nil {
			showError(u.win, err)
			return
		}
		u.showShell("overview")
	})
}

// setLanguage switches the interface language and rebuilds the screens.
func (u *ui) setLanguage(setting string) {
	u.prefs.setLanguage(setting)
	UseLanguage(setting)
	u.reload("settings")
}

func (u *ui) languageSetting() string { return u.prefs.language() }

// reload rebuilds the screens, after the file's content changed as a whole.
func (u *ui) reload(screen string) { u.showShell(screen) }

// offerRestoreAfterDamage tells the user that the file failed its integrity
// check and offers the newest good backup.
func (u *ui) offerRestoreAfterDamage(st *store.Store, damage error) {
	if u.st != st {
		return // another file is open by now
	}
	path := st.Path()
	b, err := store.NewestGoodBackup(path)
	if err != nil {
		showInfo(u.win, lang.L("damaged.title"), Message(damage)+"\n\n"+lang.L("damaged.nobackup"))
		return
	}
	confirm(u.win, lang.L("damaged.title"),
		Message(damage)+"\n\n"+lang.L("damaged.offer", map[string]any{"Time": formatTime(b.Time)}),
		lang.L("damaged.restore"), func() {
			u.closeStore()
			if err := store.RestoreFile(path, b); err != nil {
				showError(u.win, err)
			}
			u.open(path)
		})
}

// startImport opens the wizard that imports a staff list.
func (u *ui) startImport() {
	newImportWizard(u.st, u.win, u.prefs, u.today, func() { u.reload("persons") }).start()
}

// startExport writes everything in the file to an Excel workbook.
func (u *ui) startExport() {
	st := u.st
	saveFile(u.win, lang.L("export.file"), lang.L("export.running"), func(w io.Writer) error {
		return roster.Export(w, st, Language())
	})
}
