package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tandem/demo"
	"tandem/model"
	"tandem/model/store"
)

// testToday is the fixed day of the screen tests.
var testToday = model.NewDate(2026, 11, 27)

func fixedToday() model.Date { return testToday }

// newTestApp starts Fyne's test app in German.
func newTestApp(t *testing.T) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	UseLanguage(German)
	// Background work of one test must not run into the next one.
	t.Cleanup(running.Wait)
	return a
}

// openTestStore opens a new database file in a temporary folder.
func openTestStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "test.db"), store.Options{
		Now: func() time.Time { return testToday.Time() }, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// savePeople stores the given people and fails the test on error.
func savePeople(t *testing.T, st *store.Store, people ...model.Person) {
	t.Helper()
	for i := range people {
		if err := st.SavePerson(&people[i]); err != nil {
			t.Fatal(err)
		}
	}
}

// walk calls fn for every object under o, depth first.
func walk(t *testing.T, o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(t, c, fn)
		}
	case fyne.Widget:
		r := test.TempWidgetRenderer(t, v)
		for _, c := range r.Objects() {
			walk(t, c, fn)
		}
	}
}

// everything returns the window's overlays (dialogs), topmost first, and
// then its content: what the user sees first comes first.
func everything(w fyne.Window) []fyne.CanvasObject {
	overlays := w.Canvas().Overlays().List()
	objs := make([]fyne.CanvasObject, 0, len(overlays)+1)
	for i := len(overlays) - 1; i >= 0; i-- {
		objs = append(objs, overlays[i])
	}
	return append(objs, w.Content())
}

// findButton returns the visible button with the given text, or fails.
func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	for _, root := range everything(w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && found == nil {
				found = b
			}
		})
	}
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return found
}

// tapButton taps the visible button with the given text.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	test.Tap(findButton(t, w, text))
}

// hasText reports whether a visible label on screen shows text exactly.
func hasText(t *testing.T, w fyne.Window, text string) bool {
	found := false
	for _, root := range everything(w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == text && l.Visible() {
				found = true
			}
		})
	}
	return found
}

// hasTextContaining reports whether a visible label on screen contains text.
func hasTextContaining(t *testing.T, w fyne.Window, text string) bool {
	found := false
	for _, root := range everything(w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) && l.Visible() {
				found = true
			}
		})
	}
	return found
}

// findRadio returns the topmost visible radio group, or fails.
func findRadio(t *testing.T, w fyne.Window) *widget.RadioGroup {
	t.Helper()
	var found *widget.RadioGroup
	for _, root := range everything(w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if r, ok := o.(*widget.RadioGroup); ok && r.Visible() && found == nil {
				found = r
			}
		})
	}
	if found == nil {
		t.Fatal("no radio group on screen")
	}
	return found
}

// demoStore starts the test app and opens a file with the example company;
// it returns the file and its running programme.
func demoStore(t *testing.T) (*store.Store, model.Programme) {
	t.Helper()
	newTestApp(t)
	st := openTestStore(t)
	if err := demo.Load(st, testToday); err != nil {
		t.Fatal(err)
	}
	ps, err := st.Programmes()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.State == model.ProgrammeRunning {
			return st, p
		}
	}
	t.Fatal("the demo data has no running programme")
	return nil, model.Programme{}
}

// testWindow opens a test window of the given size that closes with the test.
func testWindow(t *testing.T, width, height float32) fyne.Window {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(width, height))
	return w
}
