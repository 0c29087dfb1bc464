package app

import (
	"strings"
	"testing"

	"tandem/model"
)

// factorArgs are typical arguments for each score factor code.
var factorArgs = map[string][]string{
	"topics_match":       {"KI", "Social Media", "Remote Work"},
	"interests_shared":   {"Jazz", "Segeln"},
	"gap_reverse":        {"25", "3"},
	"gap_none":           {"-4", "0"},
	"location_same":      {"Köln"},
	"location_different": {"Köln", "Bonn"},
	"language_shared":    {"Deutsch"},
}

func TestExplainGerman(t *testing.T) {
	UseLanguage(German)
	tests := []struct {
		f    model.ScoreFactor
		want string
	}{
		{model.ScoreFactor{Code: "topics_match", Args: []string{"KI", "Social Media"}},
			"Kann KI und Social Media – genau das, was Frau Groß lernen möchte."},
		{model.ScoreFactor{Code: "topics_match", Args: []string{"KI", "Social Media", "Remote Work"}},
			"Kann KI, Social Media und Remote Work – genau das, was Frau Groß lernen möchte."},
		{model.ScoreFactor{Code: "topics_none"}, "Bietet keines der Themen an, die Frau Groß lernen möchte."},
		{model.ScoreFactor{Code: "interests_shared", Args: []string{"Jazz"}},
			"Interessiert sich wie Frau Groß für Jazz."},
		{model.ScoreFactor{Code: "gap_reverse", Args: []string{"25", "3"}},
			"Ist 25 Jahre jünger und steht 3 Ebenen tiefer als Frau Groß – ein echter Perspektivwechsel."},
		{model.ScoreFactor{Code: "gap_reverse", Args: []string{"1", "0"}}, "Ist ein Jahr jünger als Frau Groß."},
		{model.ScoreFactor{Code: "gap_reverse", Args: []string{"-3", "1"}},
			"Steht eine Ebene tiefer in der Hierarchie als Frau Groß."},
		{model.ScoreFactor{Code: "location_same", Args: []string{"Köln"}}, "Arbeitet wie Frau Groß in Köln."},
		{model.ScoreFactor{Code: "location_different", Args: []string{"Köln", "Bonn"}},
			"Arbeitet in Köln, Frau Groß in Bonn."},
		{model.ScoreFactor{Code: "language_shared", Args: []string{"Deutsch", "Englisch"}},
			"Spricht wie Frau Groß Deutsch und Englisch."},
		{model.ScoreFactor{Code: "language_unknown"}, "Die Sprachen sind nicht für beide bekannt."},
	}
	for _, tt := range tests {
		if got := Explain(tt.f, "Frau Groß"); got != tt.want {
			t.Errorf("%s %v:\n got %q\nwant %q", tt.f.Code, tt.f.Args, got, tt.want)
		}
	}
}

func TestExplainEnglish(t *testing.T) {
	UseLanguage(English)
	defer UseLanguage(German)
	tests := []struct {
		f    model.ScoreFactor
		want string
	}{
		{model.ScoreFactor{Code: "topics_match", Args: []string{"AI", "social media", "remote work"}},
			"Knows AI, social media and remote work – exactly what Ms Groß wants to learn."},
		{model.ScoreFactor{Code: "gap_reverse", Args: []string{"25", "1"}},
			"Is 25 years younger and one level below Ms Groß – a true change of perspective."},
		{model.ScoreFactor{Code: "location_different", Args: []string{"Cologne", "Bonn"}},
			"Works in Cologne, Ms Groß in Bonn."},
		{model.ScoreFactor{Code: "interests_none"}, "Has no interests in common with Ms Groß."},
	}
	for _, tt := range tests {
		if got := Explain(tt.f, "Ms Groß"); got != tt.want {
			t.Errorf("%s %v:\n got %q\nwant %q", tt.f.Code, tt.f.Args, got, tt.want)
		}
	}
}

// checkSentence fails when a text is a missing key, an unfilled template
// or lacks what it should mention.
func checkSentence(t *testing.T, what, got string, mention ...string) {
	t.Helper()
	if got == "" || strings.HasPrefix(got, "match.") || strings.Contains(got, "{{") ||
		strings.Contains(got, "<no value>") {
		t.Errorf("%s: %q", what, got)
	}
	for _, m := range mention {
		if !strings.Contains(got, m) {
			t.Errorf("%s: %q does not mention %q", what, got, m)
		}
	}
}

func TestEveryMatchCodeHasText(t *testing.T) {
	for _, language := range []string{German, English} {
		UseLanguage(language)
		for _, code := range model.ScoreFactorCodes {
			args := factorArgs[code]
			var mention []string
			if !strings.HasSuffix(code, "_unknown") {
				mention = append(mention, "Frau Groß")
			}
			if code != "gap_reverse" && code != "gap_none" {
				mention = append(mention, args...)
			}
			checkSentence(t, language+" "+code, Explain(model.ScoreFactor{Code: code, Args: args}, "Frau Groß"),
				mention...)
		}
		for _, code := range model.UnmatchedCodes {
			checkSentence(t, language+" "+code, UnmatchedReason(model.Unmatched{Code: code}))
		}
		for _, code := range model.ViolationCodes {
			checkSentence(t, language+" "+code, ViolationText(code))
		}
		got := UnmatchedReason(model.Unmatched{Code: "no_candidate", Args: model.ViolationCodes})
		checkSentence(t, language+" no_candidate with rules", got)
		if n := strings.Count(got, ","); n != len(model.ViolationCodes)-2 {
			t.Errorf("%s: %q lists %d commas", language, got, n)
		}
	}
	UseLanguage(German)
	if got := UnmatchedReason(model.Unmatched{Code: "no_mentee_outside_line"}); got !=
		"kein Mentee außerhalb der eigenen Berichtslinie" {
		t.Errorf("no_mentee_outside_line: %q", got)
	}
	if got := UnmatchedReason(model.Unmatched{Code: "no_topic_overlap"}); got != "keine Themenüberschneidung" {
		t.Errorf("no_topic_overlap: %q", got)
	}
	if got := UnmatchedReason(model.Unmatched{Code: "no_candidate", Args: []string{"same_department",
		"reporting_line"}}); got != "jede mögliche Paarung verstößt gegen eine Regel: dieselbe Abteilung und dieselbe Berichtslinie" {
		t.Errorf("no_candidate: %q", got)
	}
}

func TestJoinListAndAddressName(t *testing.T) {
	UseLanguage(German)
	tests := []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"KI"}, "KI"},
		{[]string{"KI", "Social Media"}, "KI und Social Media"},
		{[]string{"KI", "Social Media", "Remote Work"}, "KI, Social Media und Remote Work"},
	}
	for _, tt := range tests {
		if got := JoinList(tt.items); got != tt.want {
			t.Errorf("JoinList(%q) = %q, want %q", tt.items, got, tt.want)
		}
	}
	UseLanguage(English)
	if got := JoinList([]string{"AI", "social media", "remote work"}); got != "AI, social media and remote work" {
		t.Errorf("English: %q", got)
	}
	UseLanguage(German)
	if got := AddressName(model.Person{Salutation: model.SalutationMs, FirstName: "Ulrike", LastName: "Groß"}); got != "Frau Groß" {
		t.Errorf("AddressName = %q", got)
	}
	if got := AddressName(model.Person{FirstName: "Kim", LastName: "Berg"}); got != "Kim Berg" {
		t.Errorf("AddressName = %q", got)
	}
}
