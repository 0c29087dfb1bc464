package reports

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tandem/model"
)

// dynamic lists, for every label key the code builds from a prefix and
// a value, the values it may take.
func dynamic() map[string][]string {
	strs := func(vs ...any) []string {
		var out []string
		for _, v := range vs {
			switch v := v.(type) {
			case string:
				out = append(out, v)
			case []string:
				out = append(out, v...)
			}
		}
		return out
	}
	var tandem, meeting, enrolment, agreement, goal, moment []string
	for _, s := range model.TandemStates {
		tandem = append(tandem, string(s))
	}
	for _, s := range model.MeetingStates {
		meeting = append(meeting, string(s))
	}
	for _, s := range model.EnrolmentStates {
		enrolment = append(enrolment, string(s))
	}
	for _, s := range model.AgreementStates {
		agreement = append(agreement, string(s))
	}
	for _, s := range model.GoalStatuses {
		goal = append(goal, string(s))
	}
	for _, s := range model.Moments {
		moment = append(moment, string(s))
	}
	var months []string
	for m := 1; m <= 12; m++ {
		months = append(months, strconv.Itoa(m))
	}
	return map[string][]string{
		"doc.":         names,
		"tandem.":      tandem,
		"meeting.":     meeting,
		"enrolment.":   enrolment,
		"agreement.":   agreement,
		"goal.":        goal,
		"moment.":      moment,
		"month.":       months,
		"kind.":        strs(string(model.ConfidentialityTandem), string(model.ConfidentialityPerson), string(model.TandemAgreement)),
		"channel.":     strs("online", "person", "either"),
		"party.":       strs(model.PartyMentor, model.PartyMentee, model.PartyPerson, model.PartyHR),
		"by.":          strs(model.ByMentor, model.ByMentee, model.ByHR),
		"salutation.":  strs(model.SalutationMs, model.SalutationMr),
		"audit.":       strs("create", "update", "delete", "backup", "restore", "import", "migrate"),
		"tandem.goal.": strs(string(model.MenteeLearns), string(model.MentorLearns)),
	}
}

// usedLabels finds the label keys in the package's code: the string
// literals passed to get and fill, and the prefixes of keys built with +.
func usedLabels(t *testing.T) (keys, prefixes []string) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "get" && sel.Sel.Name != "fill") {
				return true
			}
			switch a := call.Args[0].(type) {
			case *ast.BasicLit:
				s, _ := strconv.Unquote(a.Value)
				keys = append(keys, s)
			case *ast.BinaryExpr:
				if lit, ok := a.X.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					prefixes = append(prefixes, s)
				} else {
					t.Errorf("%s: label key not built from a literal prefix", fset.Position(a.Pos()))
				}
			case *ast.Ident:
				if a.Name != "key" { // labels.fill passes its own key on
					t.Errorf("%s: label key is no literal", fset.Position(call.Pos()))
				}
			default:
				t.Errorf("%s: label key is no literal", fset.Position(call.Pos()))
			}
			return true
		})
	}
	return keys, prefixes
}

// TestLabels checks that both label files have the same keys and that
// every key the code uses exists.
func TestLabels(t *testing.T) {
	de, en := labelsFor("de"), labelsFor("en")
	if len(de) < 50 {
		t.Fatalf("only %d German labels", len(de))
	}
	for k := range de {
		if _, ok := en[k]; !ok {
			t.Errorf("label %q missing in English", k)
		}
	}
	for k := range en {
		if _, ok := de[k]; !ok {
			t.Errorf("label %q missing in German", k)
		}
	}
	keys, prefixes := usedLabels(t)
	dyn := dynamic()
	for _, p := range slices.Compact(slices.Sorted(slices.Values(prefixes))) {
		values, ok := dyn[p]
		if !ok {
			t.Errorf("label prefix %q: values unknown to the test", p)
		}
		for _, v := range values {
			keys = append(keys, p+v)
		}
	}
	used := map[string]bool{}
	for _, k := range keys {
		used[k] = true
		if _, ok := de[k]; !ok {
			t.Errorf("label %q used but missing", k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(de)) {
		if !used[k] && k != "lang" {
			t.Errorf("label %q is not used", k)
		}
	}
}
