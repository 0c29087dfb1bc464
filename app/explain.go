package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"tandem/model"
)

// Explanations of matching in the interface language: each score factor as
// one sentence about the mentor, each reason a participant is left over and
// each broken hard constraint. The keys are built from the codes in
// model.ScoreFactorCodes, model.UnmatchedCodes and model.ViolationCodes
// ("match.factor.", "match.unmatched.", "match.violation.", "match.rule.").

// Explain turns one factor of a matching score into a sentence about the
// mentor; mentee is how the mentee is named in it (see AddressName).
func Explain(f model.ScoreFactor, mentee string) string {
	arg := func(i int) string {
		if i < len(f.Args) {
			return f.Args[i]
		}
		return ""
	}
	data := map[string]any{"Mentee": mentee, "List": JoinList(f.Args)}
	key := "match.factor." + f.Code
	switch f.Code {
	case "gap_reverse":
		years, _ := strconv.Atoi(arg(0))
		levels, _ := strconv.Atoi(arg(1))
		data["Years"], data["Levels"] = countText("match.years", years), countText("match.levels", levels)
		switch {
		case years > 0 && levels <= 0:
			key = "match.factor.gap_reverse.years"
		case levels > 0 && years <= 0:
			key = "match.factor.gap_reverse.levels"
		}
	case "location_same":
		data["Place"] = arg(0)
	case "location_different":
		data["Place"], data["Other"] = arg(0), arg(1)
	}
	return lang.L(key, data)
}

// countText is "ein Jahr" or "3 Jahre": the family's .one or .other text.
func countText(family string, n int) string {
	if n == 1 {
		return lang.L(family+".one", map[string]any{"N": n})
	}
	return lang.L(family+".other", map[string]any{"N": n})
}

// UnmatchedReason says in a few words why a participant is left without a
// tandem ("keine Themenüberschneidung").
func UnmatchedReason(u model.Unmatched) string {
	if u.Code == "no_candidate" && len(u.Args) > 0 {
		rules := make([]string, len(u.Args))
		for i, code := range u.Args {
			rules[i] = lang.L("match.rule." + code)
		}
		return lang.L("match.unmatched.no_candidate.rules", map[string]any{"List": JoinList(rules)})
	}
	return lang.L("match.unmatched." + u.Code)
}

// ViolationText is the sentence for a hard matching constraint a pair
// breaks, for warnings on manual pairings.
func ViolationText(code string) string { return lang.L("match.violation." + code) }

// AddressName is how a person is named in a sentence: salutation and last
// name ("Frau Groß") when the salutation is known, otherwise the full name.
func AddressName(p model.Person) string {
	if p.Salutation != model.SalutationNone && p.LastName != "" {
		return lang.L("salutation."+p.Salutation) + " " + p.LastName
	}
	return p.FullName()
}

// JoinList joins items the way a sentence lists them: "KI, Social Media und
// Remote Work" ("AI, social media and remote work").
func JoinList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + lang.L("match.and") + " " + items[len(items)-1]
}
