package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

func init() { store.KDFTarget = time.Millisecond }

// passwordEntries returns the password entries the user sees, the topmost
// dialog's first.
func passwordEntries(t *testing.T, w fyne.Window) []*widget.Entry {
	t.Helper()
	var es []*widget.Entry
	for _, o := range everything(w) {
		walk(t, o, func(o fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok && e.Password && e.Visible() {
				es = append(es, e)
			}
		})
	}
	return es
}

// protectedFile makes a file with one person, protected by password.
func protectedFile(t *testing.T, password string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Geschützt Ä", "tandem.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := model.Person{FirstName: "Anna", LastName: "Schulz", EmployeeNo: "1"}
	if err := st.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetPassword(password); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestProtectedFileOpensWithPasswordAndLocksWhenIdle: the window asks for
// the password, says so when it is wrong, opens with the right one, locks
// after the idle time without input, and shows everything as it was after
// the password is entered again.
func TestProtectedFileOpensWithPasswordAndLocksWhenIdle(t *testing.T) {
	path := protectedFile(t, "Geheimnis 2026")
	u := newTestUI(t)
	now := testToday.Time()
	u.now = func() time.Time { return now }
	u.open(path)
	if u.st != nil || !hasText(t, u.win, "Passwort eingeben") {
		t.Fatal("a protected file does not ask for its password")
	}
	entry := passwordEntries(t, u.win)[0]
	test.Type(entry, "geraten123")
	tapButton(t, u.win, "Öffnen")
	running.Wait()
	if u.st != nil || !hasTextContaining(t, u.win, "Das Passwort ist nicht richtig") {
		t.Fatal("a wrong password does not say so")
	}
	test.Type(entry, "Geheimnis 2026")
	entry.OnSubmitted(entry.Text) // Enter
	running.Wait()
	if u.st == nil || u.shell == nil || u.idle == nil {
		t.Fatal("the right password does not open the file, or the idle lock is not watching")
	}
	screen := u.win.Content()

	// Input (the mouse moving over the window) puts the lock off.
	now = now.Add(6 * time.Minute)
	screen.(*activityWatcher).Cursor()
	now = now.Add(6 * time.Minute)
	u.idle.tick()
	if u.idle.locked {
		t.Fatal("locked 6 minutes after the last input, the setting is 10")
	}
	// Ten minutes without input lock the window, dialogs included.
	showInfo(u.win, "Offener Dialog", "Er wird mit gesperrt.")
	now = now.Add(5 * time.Minute)
	u.idle.tick()
	if !u.idle.locked || !hasText(t, u.win, "Tandem ist gesperrt") || hasText(t, u.win, "Offener Dialog") {
		t.Fatal("the window is not locked after 11 minutes without input")
	}
	entry = passwordEntries(t, u.win)[0]
	test.Type(entry, "falsch!!")
	tapButton(t, u.win, "Entsperren")
	running.Wait()
	if !u.idle.locked || !hasTextContaining(t, u.win, "Das Passwort ist nicht richtig") {
		t.Fatal("a wrong password unlocked the window")
	}
	test.Type(entry, "Geheimnis 2026")
	tapButton(t, u.win, "Entsperren")
	running.Wait()
	if u.idle.locked || u.win.Content() != screen || !hasText(t, u.win, "Offener Dialog") {
		t.Fatal("unlocking does not bring back the screen and its dialog")
	}
}

// TestSettingsPassword: Einstellungen sets a password (and shows the
// recovery key once), refuses a change with a wrong current password,
// changes it and takes it off again.
func TestSettingsPassword(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	w := testWindow(t, 1100, 1400)
	act := &fakeSettingsActions{}
	s := newSettingsScreen(st, w, act)
	w.SetContent(s.view())
	s.show()
	if !hasTextContaining(t, w, "Die Datei hat kein Passwort") {
		t.Fatal("the settings do not say that the file has no password")
	}

	tapButton(t, w, "Passwort festlegen …")
	es := passwordEntries(t, w)
	test.Type(es[0], "kurz")
	test.Type(es[1], "kurz")
	if findButton(t, w, "Datei schützen").Disabled() == false {
		t.Fatal("a password of four characters can be confirmed")
	}
	es[0].SetText("")
	es[1].SetText("")
	test.Type(es[0], "Geheimnis 2026")
	test.Type(es[1], "Geheimnis 2026")
	tapButton(t, w, "Datei schützen")
	running.Wait()
	if !st.Protected() || act.protection != 1 || !hasText(t, w, "Ihr Wiederherstellungsschlüssel") {
		t.Fatalf("protected %v, changed %d: no recovery key shown", st.Protected(), act.protection)
	}
	tapButton(t, w, "Ich habe den Schlüssel verwahrt")
	if !hasTextContaining(t, w, "mit einem Passwort geschützt") {
		t.Fatal("the settings do not show the protection")
	}

	tapButton(t, w, "Passwort ändern …")
	es = passwordEntries(t, w)
	test.Type(es[0], "falsch geraten")
	test.Type(es[1], "Neues Passwort")
	test.Type(es[2], "Neues Passwort")
	tapButton(t, w, "Passwort ändern")
	running.Wait()
	if !hasTextContaining(t, w, "Das Passwort ist nicht richtig") {
		t.Fatal("a wrong current password is not reported")
	}
	if err := st.CheckPassword("Geheimnis 2026"); err != nil {
		t.Fatal("the password changed although the current one was wrong")
	}
	tapButton(t, w, "OK")

	tapButton(t, w, "Passwortschutz entfernen …")
	test.Type(passwordEntries(t, w)[0], "Geheimnis 2026")
	tapButton(t, w, "Schutz entfernen")
	running.Wait()
	if st.Protected() || !hasTextContaining(t, w, "Die Datei hat jetzt kein Passwort mehr") {
		t.Fatal("the protection was not removed")
	}
}
