package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// participantsFixture is a programme for mentees on levels 1–2 and mentors
// on levels 4–5, five people (one of them gone) and Clara enrolled already;
// the enrolments given are Dora's.
type participantsFixture struct {
	st        *store.Store
	w         fyne.Window
	s         *participantsScreen
	programme model.Programme
	people    map[string]model.ID // first name → id
}

func newParticipantsFixture(t *testing.T, enrol ...model.Enrolment) *participantsFixture {
	t.Helper()
	newTestApp(t)
	st := openTestStore(t)
	people := []model.Person{
		{FirstName: "Anna", LastName: "Alt", Department: "Vertrieb", Level: 1},
		{FirstName: "Bernd", LastName: "Berg", Department: "Finanzen", Level: 2},
		{FirstName: "Clara", LastName: "Chef", Department: "Vertrieb", Level: 2},
		{FirstName: "Dora", LastName: "Jung", Department: "IT", Level: 5},
		{FirstName: "Emil", LastName: "Ex", Department: "IT", Level: 1, ExitDate: testToday.AddDays(-3)},
	}
	savePeople(t, st, people...)
	f := &participantsFixture{st: st, people: map[string]model.ID{}}
	all, err := st.Persons()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		f.people[p.FirstName] = p.ID
	}
	p := model.NewProgramme("Pilot", German)
	p.Mentees.Levels = []int{1, 2}
	p.Mentors.Levels = []int{4, 5}
	if err := st.SaveProgramme(p); err != nil {
		t.Fatal(err)
	}
	f.programme = *p
	if err := st.SaveEnrolment(model.NewEnrolment(p.ID, f.people["Clara"], model.Mentee)); err != nil {
		t.Fatal(err)
	}
	for _, e := range enrol {
		e.ProgrammeID, e.PersonID = p.ID, f.people["Dora"]
		if err := st.SaveEnrolment(&e); err != nil {
			t.Fatal(err)
		}
	}
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.w.Resize(fyne.NewSize(1200, 800))
	f.s = newParticipantsScreen(st, f.w, fixedToday)
	f.w.SetContent(f.s.view())
	f.s.show()
	return f
}

// enrolments returns the programme's enrolments by person.
func (f *participantsFixture) enrolments(t *testing.T) map[model.ID]model.Enrolment {
	t.Helper()
	es, err := f.st.Enrolments(f.programme.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[model.ID]model.Enrolment{}
	for _, e := range es {
		out[e.PersonID] = e
	}
	return out
}

// findCheck returns the visible check box with the given text, or nil.
func findCheck(t *testing.T, w fyne.Window, text string) *widget.Check {
	var found *widget.Check
	for _, root := range everything(w) {
		walk(t, root, func(o fyne.CanvasObject) {
			if c, ok := o.(*widget.Check); ok && c.Text == text && c.Visible() && found == nil {
				found = c
			}
		})
	}
	return found
}

// tick taps the check box with the given text.
func tick(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	c := findCheck(t, w, text)
	if c == nil {
		t.Fatalf("no check box %q on screen", text)
	}
	test.Tap(c)
}

// selectParticipant selects the person's row in the list.
func (f *participantsFixture) selectParticipant(t *testing.T, id model.ID) {
	t.Helper()
	for row, i := range f.s.shown {
		if f.s.enrolments[i].PersonID == id {
			f.s.list.Select(row)
			return
		}
	}
	t.Fatalf("person %d is not listed", id)
}

func TestParticipantsAddTwoMentees(t *testing.T) {
	f := newParticipantsFixture(t)
	tapButton(t, f.w, "Personen hinzufügen …")
	tick(t, f.w, "Alt, Anna")
	tick(t, f.w, "Berg, Bernd")
	f.s.adding.role.SetSelected("Mentee")
	tapButton(t, f.w, "Hinzufügen")
	es := f.enrolments(t)
	for _, name := range []string{"Anna", "Bernd"} {
		e, ok := es[f.people[name]]
		if !ok || e.Role != model.Mentee || e.State != model.EnrolmentNominated {
			t.Errorf("%s: enrolment %+v, %v", name, e, ok)
		}
	}
	if len(es) != 3 || len(f.s.enrolments) != 3 {
		t.Fatalf("%d enrolments stored, %d listed", len(es), len(f.s.enrolments))
	}
	if !hasTextContaining(t, f.w, "3 von 3 angezeigt · 0 Mentor/innen, 3 Mentees") {
		t.Error("the count does not show the new participants")
	}
}

func TestParticipantsFormerIsNotOffered(t *testing.T) {
	f := newParticipantsFixture(t)
	tapButton(t, f.w, "Personen hinzufügen …")
	if findCheck(t, f.w, "Alt, Anna") == nil {
		t.Fatal("a current employee is not offered")
	}
	if findCheck(t, f.w, "Ex, Emil") != nil {
		t.Error("a former employee is offered")
	}
	for _, p := range f.s.adding.staff {
		if p.ID == f.people["Emil"] {
			t.Error("a former employee is among the choices")
		}
	}
}

func TestParticipantsProposeFromTargetGroup(t *testing.T) {
	for _, tc := range []struct {
		role   string
		ticked []string
	}{
		{"Mentee", []string{"Anna", "Bernd"}},
		{"Mentor/in", []string{"Dora"}},
	} {
		t.Run(tc.role, func(t *testing.T) {
			f := newParticipantsFixture(t)
			tapButton(t, f.w, "Personen hinzufügen …")
			if !hasText(t, f.w, "Zielgruppe Mentees: 3 passend, davon 1 bereits dabei\nZielgruppe Mentor/innen: 1 passend, davon 0 bereits dabei") {
				t.Error("the counts per target group are missing")
			}
			f.s.adding.role.SetSelected(tc.role)
			tapButton(t, f.w, "Vorschläge aus der Zielgruppe")
			var got []model.ID
			for id := range f.s.adding.ticked {
				got = append(got, id)
			}
			var want []model.ID
			for _, name := range tc.ticked {
				want = append(want, f.people[name])
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("ticked %v, want %v", got, want)
			}
			tapButton(t, f.w, "Hinzufügen")
			if n := len(f.enrolments(t)); n != 1+len(want) {
				t.Fatalf("%d enrolments after adding the proposal", n)
			}
		})
	}
}

func TestParticipantsEditSaves(t *testing.T) {
	f := newParticipantsFixture(t, model.Enrolment{Role: model.Mentor, State: model.EnrolmentNominated, Capacity: 1})
	dora := f.people["Dora"]
	f.selectParticipant(t, dora)
	if !f.s.form.editor.Visible() || f.s.form.role.Text != "Mentor/in" {
		t.Fatalf("form shows role %q", f.s.form.role.Text)
	}
	topic := f.programme.Topics[0]
	tick(t, f.w, topic)
	f.s.form.interests.SetText("Fotografie, Radfahren")
	f.s.form.capacity.SetText("9")
	tapButton(t, f.w, "Speichern")
	if got := f.s.form.fields.message("capacity"); got != "Bitte 1 bis 5 Mentees angeben." {
		t.Fatalf("capacity message = %q", got)
	}
	f.s.form.capacity.SetText("3")
	f.s.form.state.SetSelected("bestätigt")
	tapButton(t, f.w, "Speichern")
	e := f.enrolments(t)[dora]
	if e.Capacity != 3 || e.State != model.EnrolmentConfirmed || !slices.Equal(e.Topics, []string{topic}) ||
		!slices.Equal(e.Interests, []string{"Fotografie", "Radfahren"}) {
		t.Fatalf("stored enrolment = %+v", e)
	}
	if !hasText(t, f.w, "Gespeichert.") && !hasTextContaining(t, f.w, "espeichert") {
		t.Error("no confirmation after saving")
	}
}

func TestParticipantsTrainingMarksAttendees(t *testing.T) {
	f := newParticipantsFixture(t, model.Enrolment{Role: model.Mentor, State: model.EnrolmentConfirmed, Capacity: 1})
	tapButton(t, f.w, "Schulung erfassen …")
	test.Type(f.s.recording.title, "Auftaktworkshop")
	tick(t, f.w, "Jung, Dora (Mentor/in)")
	tapButton(t, f.w, "Speichern")
	ts, err := f.st.Trainings(f.programme.ID)
	if err != nil || len(ts) != 1 {
		t.Fatalf("trainings = %v, %v", ts, err)
	}
	if !slices.Equal(ts[0].Attendees, []model.ID{f.people["Dora"]}) || ts[0].On != testToday {
		t.Fatalf("training = %+v", ts[0])
	}
	es := f.enrolments(t)
	if e := es[f.people["Dora"]]; e.TrainedOn != testToday || e.State != model.EnrolmentTrained {
		t.Fatalf("attendee = %+v", e)
	}
	if e := es[f.people["Clara"]]; !e.TrainedOn.IsZero() {
		t.Fatalf("someone absent was marked trained: %+v", e)
	}
	if !hasText(t, f.w, "27.11.2026 · Auftaktworkshop · 1 Teilnehmende") {
		t.Error("the training is not listed")
	}
}

func TestParticipantsRemoveAsksFirst(t *testing.T) {
	f := newParticipantsFixture(t)
	clara := f.people["Clara"]
	f.selectParticipant(t, clara)
	tapButton(t, f.w, "Aus dem Programm nehmen")
	if _, ok := f.enrolments(t)[clara]; !ok {
		t.Fatal("removed without asking")
	}
	if !hasTextContaining(t, f.w, "Soll Clara Chef aus „Pilot“ genommen werden?") {
		t.Fatal("no question before removing")
	}
	tapButton(t, f.w, "Aus dem Programm nehmen")
	if _, ok := f.enrolments(t)[clara]; ok {
		t.Fatal("still enrolled after confirming")
	}
	if len(f.s.enrolments) != 0 || f.s.form.editor.Visible() {
		t.Fatal("the screen still shows the removed participant")
	}
}

func TestParticipantsRoleFilter(t *testing.T) {
	f := newParticipantsFixture(t, model.Enrolment{Role: model.Mentor, State: model.EnrolmentNominated, Capacity: 1})
	for _, tc := range []struct {
		filter int
		count  string
	}{
		{0, "2 von 2 angezeigt · 1 Mentor/innen, 1 Mentees"},
		{1, "1 von 2 angezeigt · 1 Mentor/innen, 1 Mentees"},
		{2, "1 von 2 angezeigt · 1 Mentor/innen, 1 Mentees"},
	} {
		f.s.roleFilter.SetSelectedIndex(tc.filter)
		if f.s.count.Text != tc.count {
			t.Errorf("filter %d: count %q, want %q", tc.filter, f.s.count.Text, tc.count)
		}
	}
}
