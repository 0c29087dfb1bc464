package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/reports"
)

func TestTemplateEditor(t *testing.T) {
	newTestApp(t)
	t.Cleanup(removeScratch)
	st := openTestStore(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	e := newTemplateEditor(st, w, fixedToday)
	e.show()
	name := reports.Editable[0]
	if e.text.Text != reports.DefaultText(name, "de") {
		t.Fatal("the editor does not start with Tandem's German text")
	}
	if !hasText(t, w, "Der Text ist in Ordnung.") || !hasText(t, w, "Text von Tandem") {
		t.Fatal("the default text is not reported as fine and Tandem's own")
	}

	// A broken placeholder on line 3 is named with its line, and cannot be saved.
	lines := strings.Split(e.text.Text, "\n")
	lines[2] += " {{.Mentr.Name}}"
	e.text.SetText(strings.Join(lines, "\n"))
	if !hasTextContaining(t, w, "Zeile 3") || !e.save.Disabled() {
		t.Fatalf("status %q; save disabled: %v", e.status.Text, e.save.Disabled())
	}

	// A good change is saved as HR's own text.
	lines[2] = lines[2][:len(lines[2])-len(" {{.Mentr.Name}}")] + " Ergänzt von der Personalabteilung."
	e.text.SetText(strings.Join(lines, "\n"))
	tapButton(t, w, "Speichern")
	s, _ := st.Settings()
	if got := s.Templates[name+".de"]; !strings.Contains(got, "Ergänzt von der Personalabteilung.") {
		t.Fatalf("stored text: %q", got)
	}
	if !hasText(t, w, "eigener Text") {
		t.Error("the editor does not say that HR's own text is in use")
	}

	// Preview makes a PDF from the text in the editor.
	tapButton(t, w, "Vorschau (PDF)")
	running.Wait()
	scratchPDF(t)

	// Restoring the default and saving removes HR's text.
	tapButton(t, w, "Standard wiederherstellen")
	tapButton(t, w, "Standard wiederherstellen") // the confirmation
	tapButton(t, w, "Speichern")
	s, _ = st.Settings()
	if _, own := s.Templates[name+".de"]; own {
		t.Fatal("after restoring the default HR's text is still stored")
	}
}
