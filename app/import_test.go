package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/roster"
)

var fixtures = filepath.Join("..", "..", "shared", "fixtures")

func TestImportWizardFixture(t *testing.T) {
	a := newTestApp(t)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1180, 760))
	done := false
	wiz := newImportWizard(st, w, preferences{a.Preferences()}, fixedToday, func() { done = true })

	wiz.start()
	if findButton(t, w, "Datei wählen …") == nil {
		t.Fatal("step 1 offers no file")
	}
	wiz.openFile(filepath.Join(fixtures, "mitarbeiterliste.xlsx"))
	if wiz.layout.Sheet != "Mitarbeitende" {
		t.Fatalf("sheet %q chosen", wiz.layout.Sheet)
	}
	if !hasTextContaining(t, w, "in Zeile") {
		t.Fatal("the mapping step does not say where the headings are")
	}
	tapButton(t, w, "Weiter")
	running.Wait()
	if wiz.plan == nil || len(wiz.plan.New) < 100 || len(wiz.plan.Rejected) < 2 {
		t.Fatalf("plan = %+v", wiz.plan)
	}
	if !hasTextContaining(t, w, "Noch ist nichts gespeichert") {
		t.Fatal("the preview does not say that nothing is saved yet")
	}
	if c, _ := st.Counts(); c.Persons != 0 {
		t.Fatal("the preview wrote persons")
	}
	want := len(wiz.plan.New)
	tapButton(t, w, "Importieren")
	running.Wait()
	if c, _ := st.Counts(); c.Persons != want || !done {
		t.Fatalf("%d persons after import, want %d (done %v)", c.Persons, want, done)
	}
	if wiz.reader != nil {
		t.Fatal("the staff list is still open after the import")
	}
}

func TestImportWizardRemembersMapping(t *testing.T) {
	a := newTestApp(t)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	prefs := preferences{a.Preferences()}
	wiz := newImportWizard(st, w, prefs, fixedToday, func() {})
	wiz.openFile(filepath.Join(fixtures, "mitarbeiterliste_utf8.csv"))
	if len(wiz.layout.Columns) == 0 {
		t.Fatal("no columns found")
	}
	wiz.layout.Columns[0].Field = roster.Ignore
	wiz.remember(wiz.layout)
	wiz.close()

	again := newImportWizard(st, w, prefs, fixedToday, func() {})
	again.openFile(filepath.Join(fixtures, "mitarbeiterliste_utf8.csv"))
	defer again.close()
	if again.layout.Columns[0].Field != roster.Ignore {
		t.Fatal("the edited mapping was not remembered")
	}
}

func TestImportWizardRefusesOldExcel(t *testing.T) {
	a := newTestApp(t)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	defer w.Close()
	wiz := newImportWizard(st, w, preferences{a.Preferences()}, fixedToday, func() {})
	wiz.openFile(filepath.Join(fixtures, "mitarbeiterliste.xls"))
	if !hasTextContaining(t, w, "alten Excel-Format") {
		t.Fatal("no sentence for an .xls file")
	}
	if wiz.reader != nil {
		t.Fatal("a reader is open for a refused file")
	}
}
