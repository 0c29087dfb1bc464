package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tandem/model"
)

// TestCohortMatchingEndToEnd walks issue 4's "done when": HR enrols a cohort
// from the example company, presses one button, gets tandems that each
// explain themselves and break no department or reporting-line rule, sees
// why everyone left over is left over, changes one weight and sees the
// suggestions change.
func TestCohortMatchingEndToEnd(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1180, 760))
	u.open(filepath.Join(t.TempDir(), "firma.db"))
	tapButton(t, u.win, "Beispieldaten laden")
	running.Wait()

	running26, err := u.st.ProgrammeByName("Reverse Mentoring 2026")
	if err != nil {
		t.Fatal(err)
	}
	next := model.NewProgramme("Reverse Mentoring 2027", German)
	next.Mentees, next.Mentors = running26.Mentees, running26.Mentors
	if err := u.st.SaveProgramme(next); err != nil {
		t.Fatal(err)
	}

	u.shell.goTo("participants")
	ps := u.shell.current.(*participantsScreen)
	ps.choose.SetSelected(next.Name)
	for _, role := range []string{"Mentee", "Mentor/in"} {
		tapButton(t, u.win, "Personen hinzufügen …")
		radio := findRadio(t, u.win)
		radio.SetSelected(role)
		tapButton(t, u.win, "Vorschläge aus der Zielgruppe")
		tapButton(t, u.win, "Hinzufügen")
	}
	enrolled, err := u.st.Enrolments(next.ID)
	if err != nil || len(enrolled) < 10 {
		t.Fatalf("enrolled %d, %v", len(enrolled), err)
	}

	u.shell.goTo("matching")
	ms := u.shell.current.(*matchingScreen)
	ms.choose.SetSelected(next.Name)
	tapButton(t, u.win, "Vorschläge berechnen")
	running.Wait()
	first := pairsOf(ms.result)
	if len(first) == 0 {
		t.Fatal("no suggestions for the cohort")
	}
	for _, sg := range ms.result.Suggestions {
		mentor, mentee := candidate(ms.in.Mentors, sg.Pair.Mentor), candidate(ms.in.Mentees, sg.Pair.Mentee)
		if v := model.Violations(mentor, mentee, ms.in); len(v) > 0 {
			t.Errorf("suggestion %v breaks %v", sg.Pair, v)
		}
		if mentor.Person.Department == mentee.Person.Department {
			t.Errorf("suggestion %v shares the department %s", sg.Pair, mentor.Person.Department)
		}
		for _, f := range sg.Factors {
			text := Explain(f, AddressName(mentee.Person))
			if text == "" || strings.Contains(text, "match.") {
				t.Errorf("factor %s of %v has no sentence: %q", f.Code, sg.Pair, text)
			}
		}
	}
	for _, un := range ms.result.Unmatched {
		if r := UnmatchedReason(un); r == "" || strings.Contains(r, "match.") {
			t.Errorf("person %d is left over without a reason: %q", un.Person, r)
		}
	}

	if len(ms.result.Unmatched) > 0 {
		ms.unmatched.Select(0)
		if want := UnmatchedReason(ms.result.Unmatched[0]); !strings.Contains(ms.detail.Text, want) {
			t.Errorf("the detail area shows %q, not the whole reason %q", ms.detail.Text, want)
		}
	}

	ms.weights[1].SetValue(0)  // shared interests no longer count
	ms.weights[3].SetValue(10) // the same location counts most
	tapButton(t, u.win, "Vorschläge berechnen")
	running.Wait()
	second := pairsOf(ms.result)
	t.Logf("%d enrolled; %d suggestions, %d left over; after the change %d suggestions", len(enrolled), len(first), len(ms.result.Unmatched), len(second))
	if strings.Join(second, ";") == strings.Join(first, ";") {
		t.Fatal("changing two weights did not change any suggestion")
	}
}

func pairsOf(r *model.MatchResult) []string {
	var out []string
	for _, s := range r.Suggestions {
		out = append(out, fmt.Sprint(s.Pair))
	}
	return out
}

func candidate(cs []model.Candidate, id model.ID) model.Candidate {
	for _, c := range cs {
		if c.ID() == id {
			return c
		}
	}
	return model.Candidate{}
}
