// Package model holds Tandem's domain: the people, programmes, enrolments,
// tandems, meetings, agreements and check-ins of a reverse-mentoring
// programme, the rules that keep them valid, and the state machines that say
// how each may change. It knows nothing of the window or of the database:
// the user interface and the store both work in these types.
package model

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// ID identifies a stored record within its kind. Zero means "not stored yet".
type ID uint64

// Meta is the bookkeeping every stored record carries.
type Meta struct {
	ID      ID        `json:"id"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Head returns the record's bookkeeping, so the store can stamp any entity.
func (m *Meta) Head() *Meta { return m }

// Clean trims a text value and folds runs of white space, non-breaking spaces
// included, into one space — as people type and spreadsheets export it.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isBlank), " ")
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' }

// isClean reports whether s is already trimmed and folded: no blank at
// either end, and no blank other than single plain spaces.
func isClean(s string) bool {
	prevSpace := true // a leading blank is not clean
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case isBlank(r):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// CleanList cleans every entry, drops empty ones and duplicates (ignoring
// case), keeping the first spelling and the order.
func CleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = Clean(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, s) })
}

// machine lists for each state the states it may move to.
type machine[S ~string] map[S][]S

// check returns nil when from may move to to, else a Transition error.
func (m machine[S]) check(entity string, from, to S) error {
	if _, known := m[to]; !known {
		return transitionError(entity, string(from), string(to), "unknown_state")
	}
	if slices.Contains(m[from], to) {
		return nil
	}
	return transitionError(entity, string(from), string(to), "")
}

// next lists the states reachable from s in one step.
func (m machine[S]) next(s S) []S { return slices.Clone(m[s]) }

// valid reports whether s is a state of the machine.
func (m machine[S]) valid(s S) bool {
	_, ok := m[s]
	return ok
}
