package app

import (
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tandem/model"
	"tandem/model/store"
)

// selectPerson shows the person in the staff screen's form through the list.
func selectPerson(t *testing.T, s *personsScreen, id model.ID) {
	t.Helper()
	test.Tap(s.former) // erased people are former ones: show them too
	row := slices.IndexFunc(s.shown, func(i int) bool { return s.all[i].ID == id })
	if row < 0 {
		t.Fatalf("person %d is not in the list", id)
	}
	s.list.Select(row)
}

func TestErasePersonInForm(t *testing.T) {
	st, prog := demoStore(t)
	d, err := st.ProgrammeData(prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := d.Persons[d.Tandems[0].MenteeID]
	if _, err := st.Backup("manual"); err != nil {
		t.Fatal(err)
	}
	w := testWindow(t, 1100, 760)
	s := newPersonsScreen(st, w, fixedToday, nil, nil)
	w.SetContent(s.view())
	s.show()
	selectPerson(t, s, p.ID)
	const action = "Personenbezogene Daten löschen (DSGVO) …"

	// Cancelled: nothing happens.
	tapButton(t, w, action)
	if !hasTextContaining(t, w, "Die personenbezogenen Daten von "+p.FullName()+" werden gelöscht") ||
		!hasTextContaining(t, w, "nicht rückgängig") {
		t.Fatal("the confirmation does not say whom it erases and that it is final")
	}
	tapButton(t, w, "Abbrechen")
	if got, _ := st.Person(p.ID); !got.Erased.IsZero() {
		t.Fatal("erased without confirmation")
	}

	tapButton(t, w, action)
	tapButton(t, w, "Endgültig löschen")
	running.Wait()
	if !hasText(t, w, "Die personenbezogenen Daten sind gelöscht.\n\nAuch aus 1 älteren Sicherung wurden sie entfernt.") {
		t.Fatal("no message that the data is erased, from the file and the backup")
	}
	tapButton(t, w, "OK")
	got, err := st.Person(p.ID)
	if err != nil || got.Erased.IsZero() {
		t.Fatalf("person after the erasure: %+v, %v", got, err)
	}
	raw, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, trace := range []string{p.FullName(), p.Email} {
		if bytes.Contains(raw, []byte(trace)) {
			t.Fatalf("the file still holds %q", trace)
		}
	}
	// The form shows the placeholder, read-only, without the action.
	f := s.form
	if f.heading.Text != got.FullName() || !strings.Contains(f.status.Text, "gelöscht (DSGVO)") {
		t.Fatalf("form shows %q, %q", f.heading.Text, f.status.Text)
	}
	if !f.firstName.Disabled() || f.save.Visible() || f.erase.Visible() {
		t.Fatal("the placeholder can still be edited or erased")
	}
	row := slices.IndexFunc(s.shown, func(i int) bool { return s.all[i].ID == p.ID })
	if row < 0 || !strings.HasSuffix(s.all[s.shown[row]].SortName(), got.LastName) {
		t.Fatal("the placeholder is not in the list")
	}
	// Another person can be edited and erased again.
	other := d.Persons[d.Tandems[0].MentorID]
	selectPerson(t, s, other.ID)
	if f.firstName.Disabled() || !f.save.Visible() || !f.erase.Visible() {
		t.Fatal("the form stays read-only for a person who is not erased")
	}
}

func TestRetentionSuggestsErasure(t *testing.T) {
	st, running_ := demoStore(t)
	settings, err := st.Settings()
	if err != nil {
		t.Fatal(err)
	}
	settings.RetentionMonths = 3 // the pilot closed about six months ago
	if err := st.SaveSettings(&settings); err != nil {
		t.Fatal(err)
	}
	pilot := closedProgramme(t, st)
	d, err := st.ProgrammeData(pilot.ID)
	if err != nil {
		t.Fatal(err)
	}
	current, err := st.ProgrammeData(running_.ID)
	if err != nil {
		t.Fatal(err)
	}
	var due, kept []model.ID
	for _, id := range d.Participants() {
		if slices.Contains(current.Participants(), id) {
			kept = append(kept, id)
		} else {
			due = append(due, id)
		}
	}
	if len(due) == 0 || len(kept) == 0 {
		t.Fatalf("the example should have pilot participants with (%v) and without (%v) a later programme", kept, due)
	}

	w := testWindow(t, 1100, 900)
	s := newOverviewScreen(st, w, st.Path(), fixedToday, func(string, model.ID) { t.Fatal("the button should not leave the overview") })
	w.SetContent(s.view())
	s.show()
	running.Wait()
	sentence := "„" + pilot.Name + "“ ist abgeschlossen, die Aufbewahrungsfrist ist seit dem"
	if !hasTextContaining(t, w, sentence) {
		t.Fatal("the overview does not suggest erasing the pilot's participants")
	}
	tapButton(t, w, "Daten löschen …")
	if !hasTextContaining(t, w, "dieser "+strconv.Itoa(len(due))+" Personen werden gelöscht") {
		t.Fatalf("the confirmation does not name %d people", len(due))
	}
	tapButton(t, w, "Endgültig löschen")
	running.Wait()
	tapButton(t, w, "OK")
	running.Wait() // the overview looks again
	for _, id := range due {
		if p, err := st.Person(id); err != nil || p.Erased.IsZero() {
			t.Fatalf("pilot participant %d not erased: %v", id, err)
		}
	}
	for _, id := range kept {
		if p, err := st.Person(id); err != nil || !p.Erased.IsZero() {
			t.Fatalf("participant %d of the running programme erased: %v", id, err)
		}
	}
	if hasTextContaining(t, w, sentence) {
		t.Fatal("the suggestion stays after the erasure")
	}
	if !hasTextContaining(t, w, running_.Name) {
		t.Fatal("the running programme's card is gone")
	}
}

// closedProgramme returns the example company's closed programme.
func closedProgramme(t *testing.T, st *store.Store) model.Programme {
	t.Helper()
	ps, err := st.Programmes()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.State == model.ProgrammeClosed {
			return p
		}
	}
	t.Fatal("the example has no closed programme")
	return model.Programme{}
}

func TestErasedText(t *testing.T) {
	newTestApp(t)
	tests := []struct {
		e    store.Erasure
		want string
	}{
		{store.Erasure{}, "Die personenbezogenen Daten sind gelöscht."},
		{store.Erasure{Backups: 3}, "Die personenbezogenen Daten sind gelöscht.\n\nAuch aus 3 älteren Sicherungen wurden sie entfernt."},
		{store.Erasure{Backups: 1, Failed: []store.Backup{{Path: "/daten/a.db"}, {Path: "/daten/b.db"}}},
			"Die personenbezogenen Daten sind gelöscht.\n\nAuch aus 1 älteren Sicherung wurden sie entfernt.\n\n" +
				"Diese Dateien ließen sich nicht bereinigen und enthalten die Daten noch. Löschen Sie sie bitte von Hand:\n" +
				"/daten/a.db\n/daten/b.db"},
	}
	for _, tt := range tests {
		if got := erasedText(tt.e); got != tt.want {
			t.Errorf("erasedText(%+v) =\n%q\nwant\n%q", tt.e, got, tt.want)
		}
	}
}
