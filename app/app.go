// Package app is Tandem's window: the navigation, one screen per file, the
// dialogs, and the preferences of the person at this computer. Screens hold
// widgets and handlers; the rules they apply live in package model, the data
// in package store.
package app

import (
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"tandem/assets"
	"tandem/model"
	"tandem/model/store"
)

// AppID identifies Tandem to the operating system; FyneApp.toml holds the same.
const AppID = "de.tandem.app"

// Version is Tandem's version, stamped by the release build.
var Version = "0.1.0-dev"

// appIcon is Tandem's icon as a Fyne resource.
var appIcon = fyne.NewStaticResource("icon.png", assets.IconPNG)

// Options say how the window starts.
type Options struct {
	// DB is the database file to open; empty means the file used last time,
	// or the default file.
	DB string
}

// Run opens the window and returns when the user closes it.
func Run(opt Options) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(appIcon)
	u := newUI(a)
	running.Add(1)
	go func() { // not before the window: the temporary folder may be large
		defer running.Done()
		removeStaleScratch()
	}()
	u.open(u.startFile(opt.DB))
	u.win.ShowAndRun()
	running.Wait()
	u.closeStore()
	removeScratch()
	return nil
}

// ui is the running application: one window showing one database file.
type ui struct {
	app   fyne.App
	win   fyne.Window
	prefs preferences
	st    *store.Store
	shell *shell
	now   func() time.Time
	idle  *idleLock // locks the window of a protected file; nil when none
}

func newUI(a fyne.App) *ui {
	u := &ui{app: a, prefs: preferences{a.Preferences()}, now: time.Now}
	UseLanguage(u.prefs.language())
	u.win = a.NewWindow("Tandem")
	u.win.Resize(fyne.NewSize(1180, 760))
	u.win.SetMaster()
	return u
}

// today is the current calendar day.
func (u *ui) today() model.Date { return model.DateOf(u.now()) }

// startFile is the file to open: the one asked for, else the last one used
// if it still exists, else the default file.
func (u *ui) startFile(asked string) string {
	if asked != "" {
		return asked
	}
	if last := u.prefs.lastFile(); last != "" {
		if _, err := os.Stat(last); err == nil {
			return last
		}
	}
	path, err := store.DefaultPath()
	if err != nil {
		return "tandem.db"
	}
	return path
}

// open opens a database file and shows what fits: the welcome page for an
// empty file, the screens otherwise, or a page that explains why the file
// cannot be opened and offers a way out.
func (u *ui) open(path string) {
	u.closeStore()
	st, err := openStore(path, u.now, "")
	switch {
	case model.KindOf(err) == model.PasswordRequired:
		u.showUnlock(path)
	case err != nil:
		u.showOpenProblem(path, err)
	default:
		u.opened(path, st)
	}
}

// openStore opens a database file for the window.
func openStore(path string, now func() time.Time, password string) (*store.Store, error) {
	return store.Open(path, store.Options{Now: now, Password: password})
}

// opened shows the file just opened: the welcome page when it is empty,
// the screens otherwise; after an opening with the recovery key it asks
// for a new password.
func (u *ui) opened(path string, st *store.Store) {
	u.st = st
	u.prefs.setLastFile(path)
	// Once the window shows the file, so that what the checks find comes on
	// top of it.
	defer u.afterOpen()
	u.startIdleLock()
	if st.Recovered() {
		defer askNewPassword(st, u.win, u.today, u.protectionChanged)
	}
	empty, err := st.Empty()
	if err != nil {
		showError(u.win, err)
	}
	if empty {
		u.showWelcome()
		return
	}
	u.showShell("overview")
}

// afterOpen checks where the file lies and its integrity and then makes the
// daily backup, in the background. A damaged file is not backed up; it gets
// the offer to restore the newest good backup instead.
func (u *ui) afterOpen() {
	st := u.st
	running.Add(1)
	go func() {
		defer running.Done()
		u.checkLocation(st)
		if err := st.Check(); err != nil {
			fyne.Do(func() { u.offerRestoreAfterDamage(st, err) })
			return
		}
		if _, err := st.DailyBackup(); err != nil {
			fyne.Do(func() { showError(u.win, err) })
		}
	}()
}

// closeStore closes the open file, if any.
func (u *ui) closeStore() {
	u.stopIdleLock()
	if u.st == nil {
		return
	}
	if err := u.st.Close(); err != nil {
		fyne.LogError("closing the database", err)
	}
	u.st = nil
	u.shell = nil
}

// showShell shows the screens with the named one selected.
func (u *ui) showShell(screen string) {
	sh := newShell(u)
	u.win.SetContent(newActivityWatcher(sh.view(), u.activity))
	sh.goTo(screen)
	sh.installShortcuts(u.win.Canvas())
	u.shell = sh
}

// activity notes input for the idle lock.
func (u *ui) activity() {
	if u.idle != nil {
		u.idle.activity()
	}
}

// protectionChanged follows a change of the password or of the lock time.
func (u *ui) protectionChanged() { u.startIdleLock() }

// quit ends the application.
func (u *ui) quit() { u.app.Quit() }
