package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// tandemsFixture is the tandems screen on the demo data with the running
// programme chosen.
type tandemsFixture struct {
	st        *store.Store
	w         fyne.Window
	s         *tandemsScreen
	programme model.Programme
	opened    [2]model.ID // programme and agreement shown on the board
}

func newTandemsFixture(t *testing.T) *tandemsFixture {
	t.Helper()
	st, programme := demoStore(t)
	f := &tandemsFixture{st: st, programme: programme, w: testWindow(t, 1400, 900)}
	f.s = newTandemsScreen(st, f.w, fixedToday, func(programme, agreement model.ID) {
		f.opened = [2]model.ID{programme, agreement}
	})
	f.w.SetContent(f.s.view())
	f.s.show()
	f.s.choose.SetSelected(f.programme.Name)
	return f
}

// filter shows only tandems in state st.
func (f *tandemsFixture) filter(st model.TandemState) {
	for i, s := range stateFilters {
		if s == st {
			f.s.stateFilter.SetSelectedIndex(i)
		}
	}
}

// open selects the first tandem in state st and returns it.
func (f *tandemsFixture) open(t *testing.T, st model.TandemState) model.Tandem {
	t.Helper()
	f.filter(st)
	if len(f.s.shown) == 0 {
		t.Fatalf("no tandem in state %s", st)
	}
	f.s.list.Select(0)
	return f.s.tandems[f.s.shown[0]]
}

// stored returns the tandem as saved.
func (f *tandemsFixture) stored(t *testing.T, id model.ID) model.Tandem {
	t.Helper()
	tandem, err := f.st.Tandem(id)
	if err != nil {
		t.Fatal(err)
	}
	return tandem
}

func TestTandemsListFiltersByState(t *testing.T) {
	f := newTandemsFixture(t)
	all := len(f.s.tandems)
	if all != 8 || len(f.s.shown) != all {
		t.Fatalf("shown %d of %d, want all 8", len(f.s.shown), all)
	}
	want := map[model.TandemState]int{model.TandemActive: 5, model.TandemConfirmed: 1,
		model.TandemProposed: 1, model.TandemEndedEarly: 1, model.TandemFinished: 0}
	for st, n := range want {
		f.filter(st)
		if len(f.s.shown) != n {
			t.Errorf("%s: shown %d, want %d", st, len(f.s.shown), n)
		}
		for _, i := range f.s.shown {
			if f.s.tandems[i].State != st {
				t.Errorf("filter %s shows a %s tandem", st, f.s.tandems[i].State)
			}
		}
	}
	f.open(t, model.TandemEndedEarly)
	if !hasTextContaining(t, f.w, "Mentee hat das Unternehmen gewechselt") {
		t.Error("the reason for ending early is not shown")
	}
	if !hasText(t, f.w, "Status: vorzeitig beendet") {
		t.Error("the state is not shown as a word")
	}
}

func TestTandemsDetailShowsMembersScoreAndMeetings(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemActive)
	mentor, _ := f.st.Person(tandem.MentorID)
	mentee, _ := f.st.Person(tandem.MenteeID)
	if !hasTextContaining(t, f.w, "Mentor/in: "+mentor.FullName()+" · "+mentor.Department) ||
		!hasTextContaining(t, f.w, "Mentee: "+mentee.FullName()) {
		t.Error("the members are not shown")
	}
	if len(tandem.Explanation) > 0 {
		if !hasTextContaining(t, f.w, Explain(tandem.Explanation[0], AddressName(mentee))) {
			t.Error("the score is not explained")
		}
	}
	if !hasTextContaining(t, f.w, "Treffen: ") {
		t.Error("the meetings are not counted")
	}
	if !hasTextContaining(t, f.w, "Vertraulichkeitsvereinbarung: unterschrieben") {
		t.Error("the agreement's state is not shown")
	}
}

func TestTandemsActivateIsRefusedWithoutAgreement(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemConfirmed)
	tapButton(t, f.w, "Aktivieren")
	if !hasTextContaining(t, f.w, "erst starten, wenn beide die Vertraulichkeitsvereinbarung unterschrieben haben") {
		t.Fatal("the refusal does not say why")
	}
	if f.stored(t, tandem.ID).State != model.TandemConfirmed {
		t.Fatal("the tandem was activated")
	}
	mentor, _ := f.st.Person(tandem.MentorID)
	if !hasTextContaining(t, f.w, "unterschrieben von: "+mentor.FullName()) {
		t.Error("the form does not name who has signed")
	}
	tapButton(t, f.w, "Vereinbarung anzeigen")
	as, _ := f.st.Agreements(f.programme.ID)
	want := model.Confidentiality(tandem.ID, as)
	if want == nil || f.opened != [2]model.ID{f.programme.ID, want.ID} {
		t.Errorf("opened %v on the board, want the programme and its confidentiality agreement", f.opened)
	}
}

func TestTandemsConfirmAndDeleteProposed(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemProposed)
	if !findButton(t, f.w, "Löschen").Visible() {
		t.Fatal("a proposed tandem cannot be deleted")
	}
	tapButton(t, f.w, "Bestätigen")
	if got := f.stored(t, tandem.ID).State; got != model.TandemConfirmed {
		t.Fatalf("state %s, want confirmed", got)
	}
	if !hasText(t, f.w, "Status: bestätigt") {
		t.Error("the form does not show the new state")
	}
}

func TestTandemsDeleteProposedAsks(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemProposed)
	tapButton(t, f.w, "Löschen")
	tapButton(t, f.w, "Löschen") // the confirmation's button is on top
	if _, err := f.st.Tandem(tandem.ID); model.KindOf(err) != model.NotFound {
		t.Fatalf("the tandem is still there: %v", err)
	}
	if len(f.s.tandems) != 7 {
		t.Errorf("%d tandems listed, want 7", len(f.s.tandems))
	}
}

func TestTandemsEndEarlyNeedsAReason(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemActive)
	tapButton(t, f.w, "Vorzeitig beenden …")
	tapButton(t, f.w, "Tandem beenden")
	if !hasText(t, f.w, "Bitte ausfüllen.") {
		t.Fatal("no message asks for the reason")
	}
	if f.stored(t, tandem.ID).State != model.TandemActive {
		t.Fatal("the tandem ended without a reason")
	}
	var reason *widget.Entry
	walk(t, everything(f.w)[0], func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine && reason == nil {
			reason = e
		}
	})
	if reason == nil {
		t.Fatal("no field for the reason")
	}
	test.Type(reason, "Mentor wechselt den Standort")
	tapButton(t, f.w, "Tandem beenden")
	got := f.stored(t, tandem.ID)
	if got.State != model.TandemEndedEarly || got.EndReason != "Mentor wechselt den Standort" || got.End != testToday {
		t.Fatalf("got %s, %q, %v", got.State, got.EndReason, got.End)
	}
}

func TestTandemsGoalsUpToThreePerDirection(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemProposed)
	form := f.s.form
	for _, dir := range []model.GoalDirection{model.MenteeLearns, model.MentorLearns} {
		g := form.goals[dir]
		for len(g.rows) < model.MaxGoalsPerDirection {
			if g.add.Disabled() {
				t.Fatalf("%s: adding is disabled at %d goals", dir, len(g.rows))
			}
			test.Tap(g.add)
		}
		if !g.add.Disabled() {
			t.Errorf("%s: adding is still possible at 3 goals", dir)
		}
		for i, r := range g.rows {
			r.text.SetText(string(dir) + " Ziel " + string(rune('A'+i)))
			r.sign.SetText("Zeichen " + string(rune('A'+i)))
		}
		g.rows[0].status.SetSelectedIndex(2) // reached
	}
	if !form.dirty {
		t.Fatal("the form does not know it has changed")
	}
	tapButton(t, f.w, "Speichern")
	got := f.stored(t, tandem.ID)
	count := map[model.GoalDirection]int{}
	for _, g := range got.Goals {
		count[g.Direction]++
	}
	if count[model.MenteeLearns] != 3 || count[model.MentorLearns] != 3 {
		t.Fatalf("saved goals %v", got.Goals)
	}
	if got.Goals[0].Status != model.GoalReached || got.Goals[0].SuccessSign == "" {
		t.Errorf("first goal %+v", got.Goals[0])
	}
	if !hasText(t, f.w, "Gespeichert.") {
		t.Error("saving is not confirmed")
	}
	// removing a goal enables adding again
	g := form.goals[model.MentorLearns]
	test.Tap(g.rows[0].box.(*fyne.Container).Objects[2].(*fyne.Container).Objects[2].(*widget.Button))
	if len(g.rows) != 2 || g.add.Disabled() {
		t.Errorf("after removing: %d rows, add disabled %v", len(g.rows), g.add.Disabled())
	}
}

func TestTandemsValidationNextToFields(t *testing.T) {
	f := newTandemsFixture(t)
	tandem := f.open(t, model.TandemActive)
	form := f.s.form
	form.cadence.SetText("30")
	tapButton(t, f.w, "Speichern")
	if got := form.fields.message("cadenceWeeks"); got != "Bitte 1 bis 26 Wochen angeben." {
		t.Fatalf("cadence message %q", got)
	}
	form.cadence.SetText("x")
	form.end.SetText("1.1.2000")
	form.goals[model.MenteeLearns].rows[0].text.SetText("")
	tapButton(t, f.w, "Speichern")
	if form.fields.message("cadenceWeeks") != "Bitte eine ganze Zahl eingeben." {
		t.Errorf("cadence message %q", form.fields.message("cadenceWeeks"))
	}
	if form.fields.message("menteeGoals") != "Bitte das Ziel beschreiben." {
		t.Errorf("goal message %q", form.fields.message("menteeGoals"))
	}
	form.cadence.SetText("2")
	form.goals[model.MenteeLearns].rows[0].text.SetText("Neues Ziel")
	tapButton(t, f.w, "Speichern")
	if form.fields.message("end") != "Das Ende muss nach dem Beginn liegen." {
		t.Errorf("end message %q", form.fields.message("end"))
	}
	form.end.SetText("")
	tapButton(t, f.w, "Speichern")
	if got := f.stored(t, tandem.ID); got.CadenceWeeks != 2 {
		t.Errorf("cadence %d, want 2", got.CadenceWeeks)
	}
	tapButton(t, f.w, "Verwerfen")
	if form.dirty || form.cadence.Text != "2" {
		t.Errorf("revert: dirty %v, cadence %q", form.dirty, form.cadence.Text)
	}
}
