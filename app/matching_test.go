package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tandem/model"
	"tandem/model/store"
)

type matchingFixture struct {
	st *store.Store
	w  fyne.Window
	s  *matchingScreen
}

func newMatchingFixture(t *testing.T) *matchingFixture {
	t.Helper()
	st, _ := demoStore(t)
	f := &matchingFixture{st: st, w: testWindow(t, 1400, 900)}
	f.s = newMatchingScreen(st, f.w, fixedToday)
	f.w.SetContent(f.s.view())
	f.s.show()
	return f
}

// compute presses "Vorschläge berechnen" and waits for the result.
func (f *matchingFixture) compute(t *testing.T) {
	t.Helper()
	tapButton(t, f.w, "Vorschläge berechnen")
	running.Wait()
	if f.s.result == nil {
		t.Fatal("no result")
	}
}

// person returns the id of the person with the full name.
func (f *matchingFixture) person(t *testing.T, name string) model.ID {
	t.Helper()
	for id, p := range f.s.people {
		if p.FullName() == name {
			return id
		}
	}
	t.Fatalf("no person %q", name)
	return 0
}

func (f *matchingFixture) tandems(t *testing.T) []model.Tandem {
	t.Helper()
	ts, err := f.st.Tandems(f.s.programme)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestMatchingSuggestsAndExplains(t *testing.T) {
	f := newMatchingFixture(t)
	f.compute(t)
	pair := model.Pair{Mentor: f.person(t, "Jonas Petersen"), Mentee: f.person(t, "Ulrike Späth")}
	row := slices.IndexFunc(f.s.result.Suggestions, func(s model.Suggestion) bool { return s.Pair == pair })
	if row < 0 {
		t.Fatalf("suggestions %+v lack Jonas Petersen – Ulrike Späth", f.s.result.Suggestions)
	}
	f.s.list.Select(row)
	if !hasTextContaining(t, f.w, "Jonas Petersen – Ulrike Späth") ||
		!hasTextContaining(t, f.w, "genau das, was Frau Späth lernen möchte") {
		t.Errorf("detail = %q", f.s.detail.Text)
	}
	if !hasTextContaining(t, f.w, "Merle Jürgens (Mentor/in): kein Mentee außerhalb der eigenen Berichtslinie") {
		t.Error("unmatched reason not shown")
	}
}

func TestMatchingAccept(t *testing.T) {
	f := newMatchingFixture(t)
	before := len(f.tandems(t))
	f.compute(t)
	sug := f.s.result.Suggestions[0]
	f.s.accept(sug.Pair)
	ts := f.tandems(t)
	if len(ts) != before+1 {
		t.Fatalf("%d tandems, want %d", len(ts), before+1)
	}
	i := slices.IndexFunc(ts, func(x model.Tandem) bool {
		return x.MentorID == sug.Pair.Mentor && x.MenteeID == sug.Pair.Mentee
	})
	if i < 0 || ts[i].State != model.TandemProposed || ts[i].Score != sug.Score || len(ts[i].Explanation) == 0 {
		t.Fatalf("tandem %+v", ts)
	}
	if f.s.suggestionCount() != 0 {
		t.Error("accepted suggestion still listed")
	}
	f.compute(t)
	if slices.ContainsFunc(f.s.result.Suggestions, func(s model.Suggestion) bool { return s.Pair == sug.Pair }) {
		t.Error("accepted pair suggested again")
	}
}

func TestMatchingReject(t *testing.T) {
	f := newMatchingFixture(t)
	f.compute(t)
	pair := f.s.result.Suggestions[0].Pair
	f.s.reject(pair)
	p, err := f.st.Programme(f.s.programme)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(p.Rules.Excluded, pair) {
		t.Fatalf("excluded = %v", p.Rules.Excluded)
	}
	if f.s.suggestionCount() != 0 {
		t.Error("rejected suggestion still listed")
	}
	f.compute(t)
	if slices.ContainsFunc(f.s.result.Suggestions, func(s model.Suggestion) bool { return s.Pair == pair }) {
		t.Error("rejected pair suggested again")
	}
}

func TestMatchingManualPairWarns(t *testing.T) {
	f := newMatchingFixture(t)
	merle := f.person(t, "Merle Jürgens")
	if !f.s.choosePerson(merle, model.Mentor) {
		t.Fatal("Merle Jürgens not offered")
	}
	i := slices.IndexFunc(f.s.ranking, func(s model.Suggestion) bool { return slices.Contains(s.Violations, "reporting_line") })
	if i < 0 {
		t.Fatalf("ranking %+v has no pair in Merle's reporting line", f.s.ranking)
	}
	pair := f.s.ranking[i].Pair
	before := len(f.tandems(t))
	f.s.manual(pair)
	if len(f.tandems(t)) != before {
		t.Fatal("saved without asking")
	}
	if !hasTextContaining(t, f.w, ViolationText("reporting_line")) {
		t.Fatal("the confirmation does not name the broken rule")
	}
	tapButton(t, f.w, "Trotzdem paaren")
	ts := f.tandems(t)
	if len(ts) != before+1 || !slices.ContainsFunc(ts, func(x model.Tandem) bool {
		return x.MentorID == pair.Mentor && x.MenteeID == pair.Mentee && x.State == model.TandemProposed
	}) {
		t.Fatalf("tandems %+v", ts)
	}

	// The same pair again is refused; nothing is saved twice.
	f.s.manual(pair)
	if len(f.tandems(t)) != before+1 || !hasTextContaining(t, f.w, "gibt es in diesem Programm schon") {
		t.Fatal("the same tandem could be paired twice")
	}
}

func TestMatchingSavesRules(t *testing.T) {
	f := newMatchingFixture(t)
	f.s.weights[1].SetValue(7)
	f.s.constraints[2].SetChecked(false)
	f.s.mode.SetSelected("Möglichst viele Tandems")
	if !f.s.rulesDirty {
		t.Error("edits not noticed")
	}
	tapButton(t, f.w, "Regeln speichern")
	p, err := f.st.Programme(f.s.programme)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Rules
	if r.Weights.Interests != 7 || r.Constraints.MentorLevelBelow || !r.Constraints.OtherDepartment ||
		r.Mode != model.MatchParticipation || f.s.rulesDirty {
		t.Fatalf("rules %+v", r)
	}
	f.s.show()
	if f.s.weights[1].Value != 7 || f.s.constraints[2].Checked || !strings.Contains(f.s.mode.Selected, "viele") {
		t.Error("saved rules not shown again")
	}
}
