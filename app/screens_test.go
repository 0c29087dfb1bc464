package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/model"
	"tandem/model/store"
)

func TestProgrammeCreateEditDelete(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 800))
	s := newProgrammesScreen(st, w, fixedToday)
	w.SetContent(s.view())
	s.show()
	if s.editor.Visible() {
		t.Fatal("an empty file shows a programme form")
	}

	s.onNew()
	if !slices.Contains(s.topics.topics, "Nachhaltigkeit") || s.cadence.Text != "4" || !s.agreement.Checked {
		t.Fatalf("new programme lacks the defaults: topics %v, cadence %q", s.topics.topics, s.cadence.Text)
	}
	test.Type(s.name, "Reverse Mentoring 2027")
	s.start.SetText("01.03.2027")
	s.end.SetText("01.02.2027")
	s.minutes.SetText("neunzig")
	tapButton(t, w, "Speichern")
	if got := s.fields.message("sessionMinutes"); got != "Bitte eine ganze Zahl eingeben." {
		t.Fatalf("minutes message = %q", got)
	}
	s.minutes.SetText("90")
	tapButton(t, w, "Speichern")
	if got := s.fields.message("end"); got != "Das Ende muss nach dem Beginn liegen." {
		t.Fatalf("end message = %q", got)
	}
	s.end.SetText("28.02.2028")
	test.Type(s.topics.entry, "Generation Z")
	tapButton(t, w, "Hinzufügen")
	tapButton(t, w, "Speichern")
	ps, err := st.Programmes()
	if err != nil || len(ps) != 1 {
		t.Fatalf("programmes = %v, %v", ps, err)
	}
	p := ps[0]
	if p.SessionMinutes != 90 || p.End != model.NewDate(2028, 2, 28) || !slices.Contains(p.Topics, "Generation Z") {
		t.Fatalf("stored programme = %+v", p)
	}

	// The state moves one step at a time: planning offers matching, not running.
	if !slices.Equal(s.states, []model.ProgrammeState{model.ProgrammePlanning, model.ProgrammeMatching}) {
		t.Fatalf("state choices = %v", s.states)
	}
	s.state.SetSelectedIndex(1)
	tapButton(t, w, "Speichern")
	if p, _ := st.Programme(p.ID); p.State != model.ProgrammeMatching {
		t.Fatalf("state = %s", p.State)
	}

	tapButton(t, w, "Löschen")
	tapButton(t, w, "Löschen")
	if ps, _ := st.Programmes(); len(ps) != 0 {
		t.Fatalf("%d programmes after delete", len(ps))
	}
}

func TestProgrammeNameMustBeUnique(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	existing := model.NewProgramme("Pilot", German)
	if err := st.SaveProgramme(existing); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	s := newProgrammesScreen(st, w, fixedToday)
	w.SetContent(s.view())
	s.show()
	s.onNew()
	test.Type(s.name, "pilot")
	tapButton(t, w, "Speichern")
	if got := s.fields.message("name"); got != "Schon vergeben an Pilot." {
		t.Fatalf("name message = %q", got)
	}
}

// fakeSettingsActions records what the settings screen asks of the application.
type fakeSettingsActions struct {
	language   string
	reloaded   string
	protection int // calls of protectionChanged
}

func (f *fakeSettingsActions) openOtherFile()          {}
func (f *fakeSettingsActions) newFile()                {}
func (f *fakeSettingsActions) setLanguage(l string)    { f.language = l }
func (f *fakeSettingsActions) reload(screen string)    { f.reloaded = screen }
func (f *fakeSettingsActions) languageSetting() string { return f.language }
func (f *fakeSettingsActions) today() model.Date       { return testToday }
func (f *fakeSettingsActions) protectionChanged()      { f.protection++ }

func TestSettingsCompanyBackupRestore(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 900))
	act := &fakeSettingsActions{}
	s := newSettingsScreen(st, w, act)
	w.SetContent(s.view())
	s.show()

	test.Type(s.company, "Müller & Söhne GmbH")
	tapButton(t, w, "Speichern")
	if got, _ := st.Settings(); got.CompanyName != "Müller & Söhne GmbH" {
		t.Fatalf("company = %q", got.CompanyName)
	}

	tapButton(t, w, "Jetzt sichern")
	running.Wait()
	if len(s.backups) != 1 || s.backups[0].Reason != "manual" {
		t.Fatalf("backups = %+v", s.backups)
	}
	p := model.Person{FirstName: "Neu", LastName: "Nach der Sicherung"}
	if err := st.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	s.list.Select(0)
	tapButton(t, w, "Wiederherstellen …")
	if !hasTextContaining(t, w, "(Personen: 1, Programme: 0)") || !hasTextContaining(t, w, "(Personen: 0, Programme: 0)") {
		t.Fatal("the confirmation does not say what will be replaced by what")
	}
	tapButton(t, w, "Wiederherstellen …") // the dialog's confirming button
	running.Wait()
	if c, _ := st.Counts(); c.Persons != 0 {
		t.Fatalf("%d persons after restoring the empty backup", c.Persons)
	}
	if act.reloaded != "settings" {
		t.Fatal("the screens were not rebuilt after the restore")
	}

	s.language.SetSelectedIndex(2)
	if act.language != English {
		t.Fatalf("language setting = %q", act.language)
	}
}

// BenchmarkPersonsScreenShow10000 opens the staff screen on a file of
// 10 000 people: reading them, indexing them for search and showing the list.
func BenchmarkPersonsScreenShow10000(b *testing.B) {
	test.NewTempApp(b)
	UseLanguage(German)
	st, err := store.Open(filepath.Join(b.TempDir(), "t.db"), store.Options{User: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.Batch(func(tx *store.Tx) error {
		for i := range 10000 {
			p := model.Person{FirstName: fmt.Sprintf("Vorname%d", i), LastName: fmt.Sprintf("Müller%d", i%997),
				EmployeeNo: fmt.Sprintf("%05d", i), Department: []string{"IT", "Vertrieb", "Logistik"}[i%3], Level: 1 + i%5}
			if err := tx.SavePerson(&p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1180, 760))
	b.ResetTimer()
	for b.Loop() {
		s := newPersonsScreen(st, w, fixedToday, nil, nil)
		w.SetContent(s.view())
		s.show()
	}
}

func TestProgrammeUnsavedChangesStay(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	for _, name := range []string{"Alpha", "Beta"} {
		if err := st.SaveProgramme(model.NewProgramme(name, German)); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 800))
	s := newProgrammesScreen(st, w, fixedToday)
	w.SetContent(s.view())
	s.show()
	s.list.Select(0)
	s.name.SetText("Alpha 2")
	s.list.Select(1)
	tapButton(t, w, "Abbrechen")
	if s.name.Text != "Alpha 2" || s.editing.Name != "Alpha" {
		t.Fatalf("the edit was lost: form %q, editing %q", s.name.Text, s.editing.Name)
	}
	s.list.Select(1)
	tapButton(t, w, "Änderungen verwerfen")
	if s.name.Text != "Beta" {
		t.Fatalf("after discarding the form shows %q", s.name.Text)
	}
}

func TestProgrammeTargetGroups(t *testing.T) {
	newTestApp(t)
	st := openTestStore(t)
	savePeople(t, st, somePeople()...) // levels 1 and 5 current, one former at level 4
	p := model.NewProgramme("Zielgruppen", German)
	if err := st.SaveProgramme(p); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 800))
	s := newProgrammesScreen(st, w, fixedToday)
	w.SetContent(s.view())
	s.show()
	if got := s.mentors.fits.Text; got != "Passende Beschäftigte: 2" {
		t.Fatalf("with no choice: %q", got)
	}
	test.Tap(s.mentors.levels[4]) // 5 – Auszubildende
	test.Type(s.mentors.bornFrom, "1995")
	if got := s.mentors.fits.Text; got != "Passende Beschäftigte: 0" {
		t.Fatalf("trainees born 1995 or later (birth years unknown): %q", got)
	}
	s.mentors.bornFrom.SetText("")
	if got := s.mentors.fits.Text; got != "Passende Beschäftigte: 1" {
		t.Fatalf("trainees: %q", got)
	}
	for _, c := range s.mentees.departments.checks {
		if c.Text == "Geschäftsführung" {
			test.Tap(c)
		}
	}
	tapButton(t, w, "Speichern")
	got, err := st.Programme(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Mentors.Levels, []int{5}) || !slices.Equal(got.Mentees.Departments, []string{"Geschäftsführung"}) {
		t.Fatalf("stored target groups: mentors %+v, mentees %+v", got.Mentors, got.Mentees)
	}
}
