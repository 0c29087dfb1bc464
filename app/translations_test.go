package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"tandem/assets"
	"tandem/model"
	"tandem/model/store"
	"tandem/reports"
)

func loadTranslations(t *testing.T, language string) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + language + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", language, err)
	}
	return m
}

// TestTranslationsHaveTheSameKeys keeps de.json and en.json complete: the
// same keys, and the same {{.Placeholders}} in each text.
func TestTranslationsHaveTheSameKeys(t *testing.T) {
	de, en := loadTranslations(t, German), loadTranslations(t, English)
	placeholder := regexp.MustCompile(`\{\{\s*\.\w+\s*\}\}`)
	for k, v := range de {
		w, ok := en[k]
		if !ok {
			t.Errorf("en.json lacks %q", k)
			continue
		}
		ds, _ := v.(string)
		es, _ := w.(string)
		a, b := placeholder.FindAllString(ds, -1), placeholder.FindAllString(es, -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%q: placeholders differ: de %v, en %v", k, a, b)
		}
	}
	for k := range en {
		if _, ok := de[k]; !ok {
			t.Errorf("de.json lacks %q", k)
		}
	}
}

// sourceFiles returns the Go files (not tests) of the packages that show text.
func sourceFiles(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, dir := range []string{".", "../cli", "../model", "../model/store", "../demo"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if matched, _ := filepath.Match("*_test.go", filepath.Base(f)); matched {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(data)
		}
	}
	return out
}

// TestEveryKeyInCodeIsTranslated finds the keys the code asks for — literal
// ones and those built from domain values — and checks both files have them.
func TestEveryKeyInCodeIsTranslated(t *testing.T) {
	de := loadTranslations(t, German)
	need := map[string]string{} // key → where it comes from
	add := func(key, from string) { need[key] = from }
	patterns := []struct {
		re     *regexp.Regexp
		prefix string
	}{
		{regexp.MustCompile(`lang\.L\("([^"]+[^."])"`), ""},
		{regexp.MustCompile(`Code: "(\w+)"`), "problem."},
		{regexp.MustCompile(`ps\.add\("\w+", "(\w+)"`), "problem."},
		{regexp.MustCompile(`Field: "(\w+)"`), "field."},
		{regexp.MustCompile(`ps\.add\("(\w+)"`), "field."},
		{regexp.MustCompile(`fields\.add\("(\w+)"`), "field."},
		{regexp.MustCompile(`transitionError\([^)]*"(\w+)"\)`), "problem."},
		{regexp.MustCompile(`func \(s \*\w+\) id\(\) string\s*\{ return "(\w+)" \}`), "nav."},
		{regexp.MustCompile(`Backup\("(\w+)"\)`), "backup.reason."},
		{regexp.MustCompile(`option\("(\w+)"`), "welcome."},
		{regexp.MustCompile(`option\("(\w+)"`), "welcome.%s.text"},
	}
	for file, src := range sourceFiles(t) {
		for _, p := range patterns {
			for _, m := range p.re.FindAllStringSubmatch(src, -1) {
				key := p.prefix + m[1]
				if p.prefix == "welcome.%s.text" {
					key = "welcome." + m[1] + ".text"
				}
				add(key, file)
			}
		}
	}
	for k := model.Other; k <= model.IO; k++ {
		add("error."+k.String(), "model.Kind")
	}
	for l := 0; l <= model.LevelTrainee; l++ {
		add("level."+strconv.Itoa(l), "levels")
	}
	for _, s := range salutations {
		add("salutation."+s, "salutations")
	}
	for _, s := range model.ProgrammeStates {
		add("programme.state."+string(s), "model.ProgrammeStates")
	}
	for _, s := range model.EnrolmentStates {
		add("enrolment.state."+string(s), "model.EnrolmentStates")
	}
	for _, r := range []model.Role{model.Mentor, model.Mentee} {
		add("role."+string(r), "roleName")
		add("participants.topics."+string(r), "participantForm")
		add("participants.add.group."+string(r), "addParticipants")
	}
	for _, r := range store.BackupReasons {
		add("backup.reason."+r, "store.BackupReasons")
	}
	for _, c := range model.ScoreFactorCodes {
		add("match.factor."+c, "model.ScoreFactorCodes")
	}
	for _, c := range model.UnmatchedCodes {
		add("match.unmatched."+c, "model.UnmatchedCodes")
	}
	for _, c := range model.ViolationCodes {
		add("match.violation."+c, "model.ViolationCodes")
		add("match.rule."+c, "model.ViolationCodes")
	}
	for _, s := range model.TandemStates {
		add("tandem.state."+string(s), "model.TandemStates")
	}
	for _, s := range model.GoalStatuses {
		add("goal.status."+string(s), "model.GoalStatuses")
	}
	for _, s := range model.AgreementStates {
		add("agreement.state."+string(s), "model.AgreementStates")
	}
	for _, c := range model.TodoCodes {
		add("overview.todo.go."+c, "todoScreens")
		if c == model.TodoProgrammeEnding || c == model.TodoNoBackup {
			add("todo."+c, "TodoText")
			continue
		}
		add("todo."+c+".one", "TodoText")
		add("todo."+c+".other", "TodoText")
	}
	add("todo."+model.TodoProgrammeEnding+".today", "TodoText")
	add("todo."+model.TodoNoBackup+".never", "TodoText")
	for _, s := range model.MeetingStates {
		add("meeting.state."+string(s), "model.MeetingStates")
	}
	for _, by := range cancellers {
		add("meeting.by."+by, "cancellers")
	}
	for d := range 7 {
		add("weekday."+strconv.Itoa(d), "meetingWhen")
	}
	for _, m := range model.Moments {
		add("checkin.moment."+string(m), "momentName")
	}
	for _, k := range kindFilters[1:] {
		add("agreement.kind."+string(k), "kindFilters")
		add("agreement.kind.short."+string(k), "cardDetail")
	}
	for _, st := range boardColumns {
		add("agreements.column."+string(st), "boardColumns")
		add("agreements.where."+string(st), "agreementDetail.stateLine")
	}
	for _, st := range []model.AgreementState{model.AgreementDraft, model.AgreementPrinted} {
		add("agreements.print."+string(st), "batch print buttons")
	}
	for _, p := range []string{model.PartyMentor, model.PartyMentee, model.PartyPerson} {
		add("agreements.party."+p, "agreementDetail.partyName")
	}
	for _, n := range reports.Editable {
		add("document."+n, "reports.Editable")
	}
	for _, c := range reports.TemplateErrorCodes {
		add("template.error."+c, "reports.TemplateErrorCodes")
	}
	for _, w := range []string{"agreements", "report", "certificates"} {
		add("cli.print.done."+w, "cli printKinds")
	}
	for _, w := range []string{"agreements", "certificates"} {
		add("cli.print.nothing."+w, "cli printKinds that can come out empty")
	}
	for _, d := range []model.GoalDirection{model.MenteeLearns, model.MentorLearns} {
		add("field."+string(d)+"Goals", "goalSection")
	}
	for _, a := range auditActions {
		add("audit.action."+a, "auditActions")
	}
	for _, e := range auditEntities {
		add("audit.entity."+e, "auditEntities")
	}
	for _, c := range auditColumns {
		add(c.head, "auditColumns")
	}
	for _, f := range []string{"match.years", "match.levels", "overview.onesided", "erase.done.backups"} {
		add(f+".one", "countText")
		add(f+".other", "countText")
	}
	for key, from := range need {
		if _, ok := de[key]; !ok {
			t.Errorf("key %q (from %s) is missing in the translations", key, from)
		}
	}
	if len(need) < 150 {
		t.Fatalf("found only %d keys in the code; the patterns have gone stale", len(need))
	}
}
