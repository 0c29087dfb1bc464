package roster

import (
	"strings"
	"unicode"

	"tandem/model"
)

// managerIndex resolves what a list's manager column holds — an employee
// number or a name — to an employee number.
type managerIndex struct {
	numbers map[string]bool   // the employee numbers of the list and the database
	byName  map[string]string // folded "first last" → employee number; "" when ambiguous
}

// newManagerIndex indexes the people of the list (rows) and of the database
// that have an employee number.
func newManagerIndex(rows []*model.Person, existing []model.Person) *managerIndex {
	m := &managerIndex{numbers: map[string]bool{}, byName: map[string]string{}}
	for i := range rows {
		m.add(rows[i])
	}
	for i := range existing {
		m.add(&existing[i])
	}
	return m
}

// add indexes a person with an employee number.
func (m *managerIndex) add(p *model.Person) {
	if p.EmployeeNo == "" {
		return
	}
	m.numbers[p.EmployeeNo] = true
	k := foldName(p.FullName())
	if no, ok := m.byName[k]; !ok {
		m.byName[k] = p.EmployeeNo
	} else if no != p.EmployeeNo {
		m.byName[k] = ""
	}
}

// resolve returns the employee number a manager cell means: a known
// employee number; else the one person named "Vorname Nachname" or
// "Nachname, Vorname" (ignoring case and umlauts); else, when the cell holds
// a digit (names do not), the cell itself as an unknown number; else "".
func (m *managerIndex) resolve(ref string) string {
	ref = model.Clean(ref)
	if m.numbers[ref] {
		return ref
	}
	name := ref
	if last, first, ok := strings.Cut(ref, ","); ok {
		name = model.Clean(first) + " " + model.Clean(last)
	}
	if no := m.byName[foldName(name)]; no != "" {
		return no
	}
	if strings.IndexFunc(ref, unicode.IsDigit) >= 0 {
		return ref
	}
	return ""
}

// foldNameTable holds model.Fold of each rune below U+0250 (Latin-1 and the
// Latin Extended blocks), so that foldName need not normalise whole strings.
var foldNameTable = func() (t [0x250]string) {
	for r := range t {
		t[r] = model.Fold(string(rune(r)))
	}
	return t
}()

// foldName is model.Fold, fast for the letters of European names: it folds
// rune by rune through foldNameTable and leaves other text to model.Fold
// (which drops combining marks and folds each letter alone, so folding
// letter by letter gives the same result).
func foldName(s string) string {
	b := make([]byte, 0, len(s)+2)
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r < 0x80:
			b = append(b, byte(r))
		case r < rune(len(foldNameTable)):
			b = append(b, foldNameTable[r]...)
		default:
			return model.Fold(s)
		}
	}
	return string(b)
}
