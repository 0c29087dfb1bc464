package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/model"
)

func somePeople() []model.Person {
	return []model.Person{
		{FirstName: "Jürgen", LastName: "Groß", EmployeeNo: "00101", Email: "juergen.gross@firma.de", Department: "Geschäftsführung", Level: 1},
		{FirstName: "Anna", LastName: "Müller", EmployeeNo: "00107", Email: "anna.mueller@firma.de", Department: "IT", Level: 5, ManagerNo: "00101"},
		{FirstName: "Sören", LastName: "Weiß", EmployeeNo: "00108", Department: "IT", Level: 4, ExitDate: testToday.AddDays(-10)},
	}
}

func newTestPersonsScreen(t *testing.T) (*personsScreen, fyne.Window, interface {
	Persons() ([]model.Person, error)
}) {
	t.Helper()
	newTestApp(t)
	st := openTestStore(t)
	savePeople(t, st, somePeople()...)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1100, 700))
	s := newPersonsScreen(st, w, fixedToday, nil, nil)
	w.SetContent(s.view())
	s.show()
	t.Cleanup(w.Close)
	return s, w, st
}

func TestPersonsSearchAndFilters(t *testing.T) {
	s, _, _ := newTestPersonsScreen(t)
	tests := []struct {
		name   string
		act    func()
		want   int
		counts string
	}{
		{"current staff only", func() {}, 2, "2 von 3 Personen"},
		{"with former staff", func() { test.Tap(s.former) }, 3, "3 von 3 Personen"},
		{"search folded", func() { test.Type(s.search, "weiss") }, 1, "1 von 3 Personen"},
		{"search cleared", func() { s.search.SetText("") }, 3, "3 von 3 Personen"},
		{"department", func() { s.department.SetSelected("IT") }, 2, "2 von 3 Personen"},
		{"level", func() { s.level.SetSelectedIndex(5) }, 1, "1 von 3 Personen"},
	}
	for _, tt := range tests {
		tt.act()
		if len(s.shown) != tt.want || s.count.Text != tt.counts {
			t.Fatalf("%s: shown %d (%q), want %d (%q)", tt.name, len(s.shown), s.count.Text, tt.want, tt.counts)
		}
	}
}

func TestPersonCreateWithValidation(t *testing.T) {
	s, w, st := newTestPersonsScreen(t)
	s.onNew()
	f := s.form
	test.Type(f.firstName, "Zoë")
	test.Type(f.email, "kein-at-zeichen.de")
	test.Type(f.hireDate, "31.02.2024")
	tapButton(t, w, "Speichern")
	for field, want := range map[string]string{
		"hireDate": "Bitte ein Datum wie 31.12.2026 eingeben.",
	} {
		if got := f.fields.message(field); got != want {
			t.Fatalf("message next to %s = %q, want %q", field, got, want)
		}
	}
	f.hireDate.SetText("1.4.24")
	tapButton(t, w, "Speichern")
	if got := f.fields.message("lastName"); got != "Bitte ausfüllen." {
		t.Fatalf("lastName message = %q", got)
	}
	if got := f.fields.message("email"); got == "" {
		t.Fatal("no message next to the invalid e-mail")
	}
	test.Type(f.lastName, "Kästner")
	f.email.SetText("ANNA.MUELLER@firma.de")
	tapButton(t, w, "Speichern")
	if got := f.fields.message("email"); got != "Schon vergeben an Anna Müller." {
		t.Fatalf("duplicate e-mail message = %q", got)
	}
	f.email.SetText("zoe.kaestner@firma.de")
	tapButton(t, w, "Speichern")
	if f.fields.message("email") != "" || f.saved.Text != "Gespeichert." {
		t.Fatalf("not saved: %q %q", f.fields.message("email"), f.saved.Text)
	}
	people, _ := st.Persons()
	var zoe *model.Person
	for i := range people {
		if people[i].LastName == "Kästner" {
			zoe = &people[i]
		}
	}
	if zoe == nil || zoe.HireDate != model.NewDate(2024, 4, 1) || zoe.FirstName != "Zoë" {
		t.Fatalf("stored person = %+v", zoe)
	}
	if len(s.all) != 4 || s.selected != zoe.ID {
		t.Fatalf("list not reloaded with the new person selected: %d, %d", len(s.all), s.selected)
	}
}

func TestPersonEditAndDelete(t *testing.T) {
	s, w, st := newTestPersonsScreen(t)
	s.list.Select(1) // Müller, Anna (sorted: Groß, Müller)
	if s.form.firstName.Text != "Anna" || s.form.managerName.Text != "→ Jürgen Groß" {
		t.Fatalf("form shows %q, manager %q", s.form.firstName.Text, s.form.managerName.Text)
	}
	s.form.jobTitle.SetText("Auszubildende IT")
	tapButton(t, w, "Speichern")
	anna, _ := st.Persons()
	if anna[1].JobTitle != "Auszubildende IT" {
		t.Fatalf("job title not saved: %+v", anna[1])
	}

	tapButton(t, w, "Löschen")
	tapButton(t, w, "Löschen") // the confirming button of the dialog
	people, _ := st.Persons()
	if len(people) != 2 {
		t.Fatalf("%d people after delete, want 2", len(people))
	}
	if s.form.editor.Visible() {
		t.Fatal("form still shows the deleted person")
	}
}

func TestPersonUnsavedChangesAreKept(t *testing.T) {
	s, w, _ := newTestPersonsScreen(t)
	s.list.Select(0)
	s.form.jobTitle.SetText("Geschäftsführer")
	s.list.Select(1)
	if s.form.firstName.Text != "Jürgen" {
		t.Fatal("switched person although changes were unsaved")
	}
	tapButton(t, w, "Änderungen verwerfen")
	if s.form.firstName.Text != "Anna" {
		t.Fatalf("after discarding, form shows %q", s.form.firstName.Text)
	}
}

func TestPersonsShortcuts(t *testing.T) {
	s, w, _ := newTestPersonsScreen(t)
	s.onFind()
	if w.Canvas().Focused() != s.search {
		t.Fatal("Ctrl+F did not focus the search field")
	}
	s.onNew()
	if !s.form.editor.Visible() || s.form.heading.Text != "Neue Person" || w.Canvas().Focused() != s.form.firstName {
		t.Fatal("Ctrl+N did not start a new person")
	}
}

// BenchmarkPersonsScreenFilter10000 measures one keystroke in the search
// field over 10 000 people, list refresh included.
func BenchmarkPersonsScreenFilter10000(b *testing.B) {
	test.NewTempApp(b)
	UseLanguage(German)
	w := test.NewWindow(nil)
	defer w.Close()
	s := newPersonsScreen(nil, w, fixedToday, nil, nil)
	w.SetContent(s.view())
	s.all = make([]model.Person, 10000)
	s.texts = make([]string, len(s.all))
	for i := range s.all {
		s.all[i] = model.Person{FirstName: fmt.Sprintf("Vorname%d", i), LastName: fmt.Sprintf("Nachname%d", i), Department: "IT"}
		s.texts[i] = s.all[i].SearchText()
	}
	queries := []string{"n", "na", "nach", "nachname1", "nachname12", ""}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.search.SetText(queries[i%len(queries)])
	}
}
