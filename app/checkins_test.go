package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// TestRecordCheckIn: HR types a returned check-in form into the tandem's
// detail; it is stored, shown, and opened again for correction.
func TestRecordCheckIn(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemConfirmed)
	if !hasTextContaining(t, f.w, "Nach dem ersten Treffen: ") {
		t.Fatal("the check-in moments are not listed")
	}
	tapButton(t, f.w, "Check-in erfassen …")
	tapButton(t, f.w, "Speichern")
	if !hasText(t, f.w, "Zufriedenheit: Bitte eine Bewertung von 1 bis 5.") {
		t.Fatal("a check-in without satisfaction was not refused with a sentence")
	}
	topics := len(f.programme.Topics)
	tapNth(t, f, "4", topics) // the rows of the topics come first, then satisfaction
	topic := f.programme.Topics[0]
	tapNth(t, f, "2", 0)
	tapButton(t, f.w, "Speichern")
	cs, err := f.st.CheckIns(f.programme.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got *model.CheckIn
	for i := range cs {
		if cs[i].PersonID == tandem.MentorID && cs[i].TandemID == tandem.ID {
			got = &cs[i]
		}
	}
	if got == nil || got.Satisfaction != 4 || got.SelfAssessment[topic] != 2 || got.On != testToday {
		t.Fatalf("stored check-in: %+v", got)
	}
	mentor, _ := f.st.Person(tandem.MentorID)
	if !hasTextContaining(t, f.w, mentor.FullName()+" (Zufriedenheit 4)") {
		t.Error("the summary does not show the new check-in")
	}
}

// tapNth taps the n-th (0-based) visible button with the text, topmost first.
func tapNth(t *testing.T, f *tandemsFixture, text string, n int) {
	t.Helper()
	var found []*widget.Button
	for _, root := range everything(f.w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
				found = append(found, b)
			}
		})
	}
	if len(found) <= n {
		t.Fatalf("only %d buttons %q on screen", len(found), text)
	}
	test.Tap(found[n])
}
