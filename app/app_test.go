package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

func newTestUI(t *testing.T) *ui {
	t.Helper()
	a := newTestApp(t)
	u := newUI(a)
	u.now = func() time.Time { return testToday.Time() }
	t.Cleanup(func() {
		// The test driver runs fyne.Do on the calling goroutine: background
		// work left running would touch the next test's widgets.
		running.Wait()
		u.closeStore()
		u.win.Close()
	})
	return u
}

func TestWelcomeOnEmptyFileThenExampleData(t *testing.T) {
	u := newTestUI(t)
	u.open(filepath.Join(t.TempDir(), "Neue Datei ä.db"))
	if u.shell != nil || !hasText(t, u.win, "Willkommen bei Tandem") {
		t.Fatal("an empty file does not show the welcome page")
	}
	tapButton(t, u.win, "Beispieldaten laden")
	running.Wait()
	if u.shell == nil {
		t.Fatal("the screens are not shown after loading example data")
	}
	c, err := u.st.Counts()
	if err != nil || c.Persons < 60 || c.Programmes == 0 {
		t.Fatalf("example data: %+v, %v", c, err)
	}
	if u.shell.current.id() != "overview" {
		t.Fatalf("opened on %q, want the overview", u.shell.current.id())
	}
}

func TestStartEmptyGoesToPersons(t *testing.T) {
	u := newTestUI(t)
	u.open(filepath.Join(t.TempDir(), "leer.db"))
	tapButton(t, u.win, "Leer beginnen")
	if u.shell == nil || u.shell.current.id() != "persons" {
		t.Fatal("“Leer beginnen” does not open the staff screen")
	}
}

func TestSecondInstanceGetsASentence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tandem.db")
	first, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	u := newTestUI(t)
	start := time.Now()
	u.open(path)
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("opening a locked file took %v", d)
	}
	if !hasText(t, u.win, "Die Datei lässt sich nicht öffnen") {
		t.Fatal("no explanation shown for a locked file")
	}
	var msg string
	walk(t, u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "bereits geöffnet") {
			msg = l.Text
		}
	})
	if !strings.Contains(msg, path) {
		t.Fatalf("message %q does not name the file", msg)
	}
	first.Close()
	tapButton(t, u.win, "Erneut versuchen")
	if u.st == nil {
		t.Fatal("“Erneut versuchen” did not open the file once it was free")
	}
}

func TestShellNavigationAndShortcuts(t *testing.T) {
	u := newTestUI(t)
	u.open(filepath.Join(t.TempDir(), "t.db"))
	p := model.Person{FirstName: "Anna", LastName: "Schulz"}
	if err := u.st.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	running.Wait() // the daily backup
	u.showShell("overview")
	running.Wait()
	if !hasTextContaining(t, u.win, "1 Personen") || !hasText(t, u.win, "Alles erledigt – gerade ist nichts zu tun.") {
		t.Fatal("the overview does not count the person, or finds something to do in a file without programmes")
	}
	tapButton(t, u.win, "Datei und Sicherungen")
	if _, ok := u.shell.current.(*settingsScreen); !ok {
		t.Fatalf("the file button opened %q", u.shell.current.id())
	}
	u.shell.goTo("persons")
	ps := u.shell.current.(*personsScreen)
	u.shell.onNewShortcut()
	if ps.form.heading.Text != "Neue Person" {
		t.Fatal("Ctrl+N on the staff screen did not start a new person")
	}
	u.shell.goTo("programmes")
	u.shell.onNewShortcut()
	if u.shell.current.(*programmesScreen).heading.Text != "Neues Programm" {
		t.Fatal("Ctrl+N on the programme screen did not start a new programme")
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
		ok   bool
	}{
		{"", model.Date{}, true},
		{"31.12.2026", model.NewDate(2026, 12, 31), true},
		{"1.2.26", model.NewDate(2026, 2, 1), true},
		{"2026-03-04", model.NewDate(2026, 3, 4), true},
		{" 05.06.1999 ", model.NewDate(1999, 6, 5), true},
		{"31.02.2026", model.Date{}, false},
		{"12/31/2026", model.Date{}, false},
		{"morgen", model.Date{}, false},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseDate(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestMessagesAreSentences(t *testing.T) {
	newTestApp(t)
	locked := model.E("store.Open", model.Locked)
	locked.Arg = "/home/hr/tandem.db"
	conflict := model.E("store", model.Conflict, model.Problem{Field: "email", Code: "taken", Arg: "Anna Müller"})
	tests := []struct {
		err  error
		want string
	}{
		{locked, "Die Datei „/home/hr/tandem.db“ ist bereits geöffnet"},
		{conflict, "E-Mail: Schon vergeben an Anna Müller."},
		{model.E(model.NewerFile), "neueren Tandem-Version"},
	}
	for _, tt := range tests {
		if got := Message(tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("Message(%v) = %q, want it to contain %q", tt.err, got, tt.want)
		}
	}
	UseLanguage(English)
	defer UseLanguage(German)
	if got := Message(locked); !strings.Contains(got, "is already open") {
		t.Errorf("English message = %q", got)
	}
}

func TestChooseLanguage(t *testing.T) {
	tests := []struct {
		setting string
		system  string
		want    string
	}{
		{"", "de-DE", German}, {"", "en-GB", English}, {"", "en_US", English}, {"", "fr-FR", German},
		{"", "C", German}, {"", "", German},
		{"en", "de-DE", English}, {"de", "en-US", German},
	}
	for _, tt := range tests {
		if got := ChooseLanguage(tt.setting, tt.system); got != tt.want {
			t.Errorf("ChooseLanguage(%q, %q) = %q, want %q", tt.setting, tt.system, got, tt.want)
		}
	}
}
