package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tandem/model"
	"tandem/model/store"
)

type matchJSON struct {
	Programme   string `json:"programme"`
	Mode        string `json:"mode"`
	Suggestions []struct {
		Mentor  personJSON `json:"mentor"`
		Mentee  personJSON `json:"mentee"`
		Score   int        `json:"score"`
		Reasons []string   `json:"reasons"`
	} `json:"suggestions"`
	Unmatched []struct {
		Person personJSON `json:"person"`
		Role   string     `json:"role"`
		Reason string     `json:"reason"`
	} `json:"unmatched"`
	TotalScore int `json:"total_score"`
	Created    int `json:"created"`
}

type personJSON struct {
	ID         model.ID `json:"id"`
	Name       string   `json:"name"`
	Department string   `json:"department"`
}

// demoDB writes the example company and returns the file and the name of
// its running programme.
func demoDB(t *testing.T) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %q", code, errOut)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ps, err := st.Programmes()
	if err != nil || len(ps) == 0 || ps[0].State != model.ProgrammeRunning {
		t.Fatalf("programmes %v, %v", ps, err)
	}
	return db, ps[0].Name
}

func matchRun(t *testing.T, args ...string) matchJSON {
	t.Helper()
	code, out, errOut := run(t, append([]string{"match"}, args...)...)
	if code != 0 {
		t.Fatalf("match %v: exit %d, %q", args, code, errOut)
	}
	var r matchJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("match %v printed %q: %v", args, out, err)
	}
	return r
}

// tandemsOf returns the programme's tandems.
func tandemsOf(t *testing.T, db, programme string) []model.Tandem {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := st.ProgrammeByName(programme)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := st.Tandems(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestMatchJSON(t *testing.T) {
	db, name := demoDB(t)
	before := tandemsOf(t, db, name)
	r := matchRun(t, "--db", db, "--programme", strings.ToUpper(name), "--json")
	if r.Programme != name || r.Mode != "quality" || len(r.Suggestions) == 0 || len(r.Unmatched) == 0 {
		t.Fatalf("report = %+v", r)
	}
	total := 0
	for _, s := range r.Suggestions {
		total += s.Score
		if s.Mentor.ID == 0 || s.Mentee.ID == 0 || s.Mentor.Name == "" || s.Mentee.Name == "" ||
			s.Mentor.Department == s.Mentee.Department || len(s.Reasons) != 5 {
			t.Errorf("suggestion %+v", s)
		}
		for _, reason := range s.Reasons {
			if reason == "" || strings.Contains(reason, "match.") || strings.Contains(reason, "{{") {
				t.Errorf("reason %q", reason)
			}
		}
	}
	if total != r.TotalScore {
		t.Errorf("total_score %d, suggestions sum to %d", r.TotalScore, total)
	}
	for _, u := range r.Unmatched {
		if u.Person.ID == 0 || u.Person.Name == "" || (u.Role != "mentor" && u.Role != "mentee") ||
			u.Reason == "" || strings.HasPrefix(u.Reason, "match.") {
			t.Errorf("unmatched %+v", u)
		}
	}
	// The demo's proposed, confirmed and active tandems are kept: nobody in
	// them is suggested again.
	inTandem := map[model.ID]bool{}
	for _, tn := range before {
		if tn.State == model.TandemProposed || tn.State == model.TandemConfirmed || tn.State == model.TandemActive {
			inTandem[tn.MenteeID] = true
		}
	}
	for _, s := range r.Suggestions {
		if inTandem[s.Mentee.ID] {
			t.Errorf("mentee %s already has a tandem", s.Mentee.Name)
		}
	}
	// Deterministic, and nothing written without --apply.
	_, out1, _ := run(t, "match", "--db", db, "--programme", name, "--json")
	_, out2, _ := run(t, "match", "--json", "--programme", name, "--db", db)
	if out1 != out2 {
		t.Errorf("two runs differ:\n%s\n%s", out1, out2)
	}
	if after := tandemsOf(t, db, name); len(after) != len(before) {
		t.Errorf("without --apply: %d tandems, had %d", len(after), len(before))
	}
	if p := matchRun(t, "--db", db, "--programme", name, "--mode", "participation", "--json"); p.Mode != "participation" {
		t.Errorf("mode %q", p.Mode)
	}
}

func TestMatchText(t *testing.T) {
	db, name := demoDB(t)
	code, out, errOut := run(t, "match", "--db", db, "--programme", name)
	if code != 0 || !strings.Contains(out, name) || !strings.Contains(out, "Punkte") ||
		!strings.Contains(out, "Ohne Tandem") || !strings.Contains(out, "genau das, was") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestMatchApply(t *testing.T) {
	db, name := demoDB(t)
	before := tandemsOf(t, db, name)
	r := matchRun(t, "--db", db, "--programme", name, "--apply", "--json")
	if r.Created != len(r.Suggestions) || r.Created == 0 {
		t.Fatalf("created %d of %d suggestions", r.Created, len(r.Suggestions))
	}
	after := tandemsOf(t, db, name)
	if len(after) != len(before)+r.Created {
		t.Fatalf("%d tandems after --apply, had %d, created %d", len(after), len(before), r.Created)
	}
	isNew := map[model.ID]bool{}
	for _, tn := range before {
		isNew[tn.ID] = true
	}
	for _, tn := range after {
		if isNew[tn.ID] {
			continue
		}
		if tn.State != model.TandemProposed || len(tn.Explanation) != 5 {
			t.Errorf("new tandem %+v", tn)
		}
	}
	if st, err := store.Open(db, store.Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	} else {
		backups, err := st.Backups()
		st.Close()
		if err != nil || len(backups) == 0 || backups[0].Reason != "manual" {
			t.Errorf("no backup before --apply: %v %v", backups, err)
		}
	}

	// The proposed tandems are kept now: a second run suggests none of them again.
	code, out, errOut := run(t, "match", "--db", db, "--programme", name, "--apply")
	if code != 0 || !strings.Contains(out, "0 Tandems als vorgeschlagen gespeichert") {
		t.Fatalf("second --apply: exit %d\n%s\n%s", code, out, errOut)
	}
	if again := tandemsOf(t, db, name); len(again) != len(after) {
		t.Errorf("second --apply: %d tandems, want %d", len(again), len(after))
	}
}

func TestMatchErrors(t *testing.T) {
	db, name := demoDB(t)
	code, _, errOut := run(t, "match", "--db", db, "--programme", "Gibt es nicht")
	if code != 1 || !strings.Contains(errOut, "„Gibt es nicht“") || !strings.Contains(errOut, name) ||
		strings.Count(errOut, "\n") != 1 {
		t.Errorf("unknown programme: exit %d, %q", code, errOut)
	}
	for _, args := range [][]string{
		{"match", "--db", db, "--programme", name, "--mode", "schnell"},
		{"match", "--db", db},
		{"match", "--db", db, "--programme", name, "überzählig"},
	} {
		if code, _, errOut := run(t, args...); code != 2 || !strings.Contains(errOut, "tandem match") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}
