package model

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error so that the user interface can turn it into one
// sentence in the user's language, whatever layer it came from.
type Kind int

// The kinds of error Tandem distinguishes.
const (
	Other            Kind = iota // something unexpected; the wrapped error says more
	NotFound                     // the record does not exist (any more)
	Invalid                      // a value breaks a rule; Problems name the fields
	Conflict                     // a unique value is taken, or a record is still in use
	Transition                   // a state change that the entity's rules refuse
	Locked                       // the database file is open in another Tandem
	NewerFile                    // the file was written by a newer Tandem
	Damaged                      // the file fails its integrity check
	NotATandemFile               // the file is not a Tandem database at all
	IO                           // reading or writing a file failed (disk full, no permission …)
	PasswordRequired             // the file is protected and no password was given
	WrongPassword                // the password (or recovery key) does not open the file
)

var kindNames = [...]string{"other", "not_found", "invalid", "conflict", "transition",
	"locked", "newer_file", "damaged", "not_tandem_file", "io",
	"password_required", "wrong_password"}

// String returns a stable, lower-case name of the kind, used in translation keys.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "other"
}

// Problem is one broken rule found by Validate: the field it concerns and a
// code naming the rule ("required", "email", "range" …). The interface shows
// it next to the field, translated by its code.
type Problem struct {
	Field string
	Code  string
	// Arg carries the value the message needs, such as the other record's name.
	Arg string
}

// Error is Tandem's error type: what was being done (Op), which kind of
// failure it is, and the details the message needs.
type Error struct {
	Op       string    // the operation, e.g. "store.SavePerson"
	Kind     Kind      // the class of error
	Entity   string    // the entity concerned, e.g. "person"
	Arg      string    // a value for the message: a file path, a state, a name
	Problems []Problem // the broken rules, for Invalid and Conflict
	Err      error     // the underlying error, if any
}

// Error renders the error for logs and for the command line's English fallback.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(strings.ReplaceAll(e.Kind.String(), "_", " "))
	if e.Entity != "" {
		b.WriteString(" " + e.Entity)
	}
	if e.Arg != "" {
		b.WriteString(" " + e.Arg)
	}
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "; %s: %s", p.Field, p.Code)
		if p.Arg != "" {
			b.WriteString(" " + p.Arg)
		}
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// E builds an *Error from its arguments, in the manner of upspin's errors.E:
// a string is the Op, a Kind the kind, a Problem or []Problem the problems,
// an error the cause. Entity and Arg are set on the result by the caller when
// needed.
func E(args ...any) *Error {
	e := &Error{}
	for _, a := range args {
		switch v := a.(type) {
		case string:
			e.Op = v
		case Kind:
			e.Kind = v
		case Problem:
			e.Problems = append(e.Problems, v)
		case []Problem:
			e.Problems = append(e.Problems, v...)
		case error:
			e.Err = v
		}
	}
	if e.Kind == Other && e.Err != nil {
		var inner *Error
		if errors.As(e.Err, &inner) {
			e.Kind = inner.Kind
			if e.Entity == "" {
				e.Entity = inner.Entity
			}
			if e.Arg == "" {
				e.Arg = inner.Arg
			}
			if len(e.Problems) == 0 {
				e.Problems = inner.Problems
			}
		}
	}
	return e
}

// KindOf reports the kind of err, looking through wrapped errors; Other when
// err is not a Tandem error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Other
}

// Is reports whether err is a Tandem error of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }

// ProblemsOf returns the field problems carried by err, if any.
func ProblemsOf(err error) []Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.Problems
	}
	return nil
}

// problems collects Problems while validating one record.
type problems []Problem

func (ps *problems) add(field, code string, arg ...string) {
	p := Problem{Field: field, Code: code}
	if len(arg) > 0 {
		p.Arg = arg[0]
	}
	*ps = append(*ps, p)
}

// err returns nil when nothing was found, else an Invalid error for entity.
func (ps problems) err(entity string) error {
	if len(ps) == 0 {
		return nil
	}
	e := E("validate", Invalid, []Problem(ps))
	e.Entity = entity
	return e
}

// transitionError is the error for a refused state change from one state to
// another. A non-empty reason is a Problem code saying why, such as
// "agreement_unsigned"; without one the move is simply not allowed.
func transitionError(entity, from, to, reason string) error {
	e := E("transition", Transition)
	e.Entity = entity
	e.Arg = from + "→" + to
	if reason != "" {
		e.Problems = []Problem{{Field: "state", Code: reason}}
	}
	return e
}
