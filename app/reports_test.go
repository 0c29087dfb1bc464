package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/model"
	"tandem/reports"
)

// newReportsFixture shows the reports screen on the demo data.
func newReportsFixture(t *testing.T) (*reportsScreen, fyne.Window) {
	t.Helper()
	st, _ := demoStore(t)
	t.Cleanup(removeScratch)
	w := testWindow(t, 1200, 900)
	exported := false
	s := newReportsScreen(st, w, fixedToday, func() { exported = true })
	w.SetContent(s.view())
	s.show()
	tapButton(t, w, "Exportieren …")
	if !exported {
		t.Fatal("the export button does not start the export")
	}
	return s, w
}

// scratchPDF returns the text-free facts of the one PDF in the scratch folder.
func scratchPDF(t *testing.T) []byte {
	t.Helper()
	pdfs, _ := filepath.Glob(filepath.Join(scratch.dir, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("scratch folder holds %v, want one PDF", pdfs)
	}
	data, err := os.ReadFile(pdfs[0])
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("%s is no PDF (%v)", pdfs[0], err)
	}
	return data
}

func TestReportsScreenProgrammeReport(t *testing.T) {
	s, w := newReportsFixture(t)
	for _, p := range s.programmes {
		if p.State == model.ProgrammeRunning {
			s.choose.SetSelected(p.Name)
		}
	}
	tapButton(t, w, "Bericht erstellen")
	running.Wait()
	if !hasText(t, w, "Dokument erstellt") {
		t.Fatal("no dialog after making the report")
	}
	scratchPDF(t)
}

func TestReportsScreenCertificates(t *testing.T) {
	s, w := newReportsFixture(t)
	for _, p := range s.programmes {
		if p.State == model.ProgrammeClosed {
			s.choose.SetSelected(p.Name)
		}
	}
	want := len(reports.Finished(&s.data))
	if want == 0 {
		t.Fatal("nobody finished the demo's closed programme")
	}
	if !hasTextContaining(t, w, "Abgeschlossen haben: ") {
		t.Error("the screen does not say how many finished")
	}
	tapButton(t, w, "Bestätigungen erstellen")
	running.Wait()
	scratchPDF(t)
}

func TestReportsScreenDisclosure(t *testing.T) {
	s, w := newReportsFixture(t)
	if !findButton(t, w, "Auskunft erstellen").Disabled() {
		t.Fatal("Auskunft can be made without a person")
	}
	test.Type(s.search, "yilmaz")
	if len(s.matches) == 0 {
		t.Fatal("the search finds nobody for „yilmaz“")
	}
	s.found.Select(0)
	if !hasTextContaining(t, w, "Ausgewählt: ") {
		t.Fatal("the chosen person is not named")
	}
	tapButton(t, w, "Auskunft erstellen")
	running.Wait()
	scratchPDF(t)
}

func TestReportsScreenCheckInForms(t *testing.T) {
	s, w := newReportsFixture(t)
	for _, p := range s.programmes {
		if p.State == model.ProgrammeRunning {
			s.choose.SetSelected(p.Name)
		}
	}
	s.moment.SetSelectedIndex(1)
	tapButton(t, w, "Bögen drucken")
	running.Wait()
	scratchPDF(t)
}
