package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"tandem/fsx"
	"tandem/model"
)

// Message turns any error into one sentence (or a few) in the interface
// language that says what happened and what to do. The command line uses it
// too.
func Message(err error) string {
	if err == nil {
		return ""
	}
	if text, ok := templateMessage(err); ok {
		return text
	}
	if fsx.DiskFull(err) {
		return lang.L("error.disk_full")
	}
	var arg string
	var e *model.Error
	if errors.As(err, &e) {
		arg = e.Arg
	}
	switch k := model.KindOf(err); k {
	case model.Invalid, model.Conflict:
		ps := model.ProblemsOf(err)
		if len(ps) == 0 {
			return lang.L("error." + k.String())
		}
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = fieldName(p.Field) + ": " + ProblemText(p)
		}
		return strings.Join(lines, "\n")
	case model.Transition:
		if ps := model.ProblemsOf(err); len(ps) > 0 {
			return ProblemText(ps[0])
		}
		return lang.L("error.transition")
	case model.Other:
		return lang.L("error.other", map[string]any{"Detail": err.Error()})
	default:
		return lang.L("error."+k.String(), map[string]any{"File": arg, "Detail": detail(err)})
	}
}

// ProblemText is the sentence for one broken rule, shown next to its field.
func ProblemText(p model.Problem) string {
	return lang.L("problem."+p.Code, map[string]any{"Arg": p.Arg})
}

// FieldName is the label of a field named in a Problem.
func FieldName(field string) string { return fieldName(field) }

// fieldName is the label of a field named in a Problem.
func fieldName(field string) string {
	if field == "" {
		return lang.L("field.value")
	}
	return lang.L("field." + field)
}

// detail is the innermost cause of err, for messages that quote the system.
func detail(err error) string {
	var e *model.Error
	for errors.As(err, &e) && e.Err != nil {
		err = e.Err
	}
	return err.Error()
}
