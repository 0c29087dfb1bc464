package roster

import (
	"cmp"
	"math"
	"strconv"
	"strings"
	"unicode"

	"tandem/model"
)

// columnMap turns rows into records under one layout.
type columnMap struct {
	columns []Column        // the layout's columns, for Record.Values
	byField map[Field][]int // the columns mapped to each field
	dates   *dateOrders
	today   model.Date
}

// newColumnMap prepares reading rows under l.
func newColumnMap(l Layout, today model.Date) *columnMap {
	m := &columnMap{columns: l.Columns, byField: map[Field][]int{}, today: today}
	for _, c := range l.Columns {
		if c.Field != Ignore && c.Index >= 0 {
			m.byField[c.Field] = append(m.byField[c.Field], c.Index)
		}
	}
	var dateCols []int // the columns whose text may be a date
	for _, f := range []Field{HireDate, ExitDate, BirthYear} {
		dateCols = append(dateCols, m.byField[f]...)
	}
	m.dates = newDateOrders(dateCols)
	return m
}

// width is the number of columns up to the last one the layout reads.
func (m *columnMap) width() int {
	w := 0
	for _, c := range m.columns {
		w = max(w, c.Index+1)
	}
	return w
}

// mapped reports whether the row has a value in a mapped column.
func (m *columnMap) mapped(cells []cell) bool {
	for _, cols := range m.byField {
		for _, c := range cols {
			if c < len(cells) && !cells[c].empty() {
				return true
			}
		}
	}
	return false
}

// record reads one row.
func (m *columnMap) record(row int, cells []cell) Record {
	rec := Record{Row: row}
	last := -1 // the last column with a value
	for i, c := range m.columns {
		if c.Index >= 0 && c.Index < len(cells) && !cells[c.Index].empty() {
			last = i
		}
	}
	rec.Values = make([]string, last+1)
	for i, c := range m.columns[:last+1] {
		if c.Index >= 0 && c.Index < len(cells) {
			rec.Values[i] = clean(cells[c.Index].String())
		}
	}
	v := rowReader{m: m, cells: cells, rec: &rec}
	p := &rec.Person
	p.FirstName, p.LastName = v.text(FirstName), v.text(LastName)
	if full := v.text(FullName); full != "" && (p.FirstName == "" || p.LastName == "") {
		first, last := splitFullName(full)
		p.FirstName, p.LastName = cmp.Or(p.FirstName, first), cmp.Or(p.LastName, last)
	}
	if p.FirstName == "" {
		v.problem(FirstName, "required", "")
	}
	if p.LastName == "" {
		v.problem(LastName, "required", "")
	}
	p.EmployeeNo = v.text(EmployeeNo)
	p.Salutation = salutationOf(v.text(Salutation))
	p.Email = v.email()
	p.Department, p.JobTitle, p.Location = v.text(Department), v.text(JobTitle), v.text(Location)
	p.Level = v.level()
	if rec.ManagerRef = v.text(Manager); isEmployeeNo(rec.ManagerRef) {
		p.ManagerNo = rec.ManagerRef
	}
	p.BirthYear = v.birthYear()
	p.HireDate, p.ExitDate = v.date(HireDate), v.date(ExitDate)
	return rec
}

// rowReader reads the fields of one row, noting what it cannot read.
type rowReader struct {
	m     *columnMap
	cells []cell
	rec   *Record
}

// cell returns the field's first non-empty cell and its column.
func (v *rowReader) cell(f Field) (cell, int) {
	for _, c := range v.m.byField[f] {
		if c < len(v.cells) && !v.cells[c].empty() {
			return v.cells[c], c
		}
	}
	return cell{}, -1
}

// text returns the field's value as cleaned text.
func (v *rowReader) text(f Field) string {
	c, _ := v.cell(f)
	return clean(c.String())
}

// problem notes a value that cannot be taken.
func (v *rowReader) problem(f Field, code, raw string) {
	v.rec.Problems = append(v.rec.Problems, model.Problem{Field: string(f), Code: code, Arg: raw})
}

// email returns the address without spaces (and without "mailto:").
func (v *rowReader) email() string {
	raw := v.text(Email)
	e := strings.ReplaceAll(raw, " ", "")
	if len(e) > 7 && strings.EqualFold(e[:7], "mailto:") {
		e = e[7:]
	}
	if e != "" && !model.ValidEmail(e) {
		v.problem(Email, "email", raw)
	}
	return e
}

// level reads 1 … 5, also within a text such as "Ebene 2" or "E2".
func (v *rowReader) level() int {
	raw := v.text(Level)
	if raw == "" {
		return 0
	}
	n, ok := wholeNumber(raw)
	if !ok || n < model.LevelTop || n > model.LevelTrainee {
		v.problem(Level, "level", raw)
		return 0
	}
	return n
}

// date reads a date cell, or a date written as text in the column's order.
func (v *rowReader) date(f Field) model.Date {
	c, col := v.cell(f)
	if !c.date.IsZero() || c.empty() {
		return c.date
	}
	raw := clean(c.text)
	d, ok := parseDate(raw, v.m.dates.order(col))
	if !ok {
		v.problem(f, "date", raw)
	}
	return d
}

// birthYear reads a year ("1985", "85", "Jg. 1985"), a birth date, or else
// turns an age into a year.
func (v *rowReader) birthYear() int {
	c, col := v.cell(BirthYear)
	if !c.date.IsZero() {
		return c.date.Year
	}
	raw := clean(c.text)
	f := BirthYear
	if raw == "" {
		if raw = v.text(Age); raw == "" {
			return 0
		}
		f = Age
	}
	if d, ok := parseDate(raw, v.m.dates.order(col)); ok && f == BirthYear {
		return d.Year
	}
	n, ok := wholeNumber(raw)
	switch {
	case !ok || n < 0:
		v.problem(BirthYear, "birth_year", raw)
		return 0
	case f == Age:
		return v.m.today.Year - n
	case n < 100: // a two-digit year: the latest one not after this year
		if n += v.m.today.Year / 100 * 100; n > v.m.today.Year {
			n -= 100
		}
	}
	return n
}

// clean is model.Clean without the copy for text that is clean already,
// as nearly all cells are.
func clean(s string) string {
	space := true // no space at the start
	for _, r := range s {
		if unicode.IsSpace(r) {
			if space || r != ' ' {
				return model.Clean(s)
			}
			space = true
		} else {
			space = false
		}
	}
	if space && s != "" {
		return model.Clean(s)
	}
	return s
}

// wholeNumber reads a whole number written alone ("2", "2.0", "2,0") or as
// the only number in a text ("Ebene 2", "E2").
func wholeNumber(s string) (int, bool) {
	if f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
		if f != math.Trunc(f) || math.Abs(f) > 1e9 {
			return 0, false
		}
		return int(f), true
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if len(fields) != 1 || len(fields[0]) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(fields[0])
	return n, err == nil
}

// isEmployeeNo reports whether a manager reference is an employee number
// rather than a name: it has a digit and no spaces or commas.
func isEmployeeNo(s string) bool {
	return strings.ContainsAny(s, "0123456789") && !strings.ContainsAny(s, " ,")
}

// salutationOf reads Frau/Herr, Ms/Mr and the like (also m/w/f from a
// gender column); anything else is no salutation.
func salutationOf(s string) string {
	w, _, _ := strings.Cut(strings.ToLower(s), " ")
	switch strings.TrimSuffix(w, ".") {
	case "frau", "fr", "ms", "mrs", "miss", "w", "f", "weiblich", "female":
		return model.SalutationMs
	case "herr", "hr", "mr", "m", "männlich", "maennlich", "male":
		return model.SalutationMr
	}
	return model.SalutationNone
}

// nameParticles belong to the last name: "Anna von der Heide".
var nameParticles = map[string]bool{"von": true, "vom": true, "zu": true, "zum": true, "zur": true,
	"van": true, "der": true, "den": true, "ten": true, "ter": true, "de": true, "del": true,
	"della": true, "di": true, "da": true, "dos": true, "du": true, "des": true, "la": true, "le": true}

// splitFullName splits "Nachname, Vorname" at the comma; without one the
// last word is the last name, together with particles before it ("Anna
// von der Heide" → "Anna", "von der Heide"). A single word is a last name.
func splitFullName(s string) (first, last string) {
	if l, f, ok := strings.Cut(s, ","); ok {
		return model.Clean(f), model.Clean(l)
	}
	words := strings.FieldsFunc(s, unicode.IsSpace)
	if len(words) < 2 {
		return "", s
	}
	k := len(words) - 1
	for k > 1 && nameParticles[strings.ToLower(words[k-1])] {
		k--
	}
	return strings.Join(words[:k], " "), strings.Join(words[k:], " ")
}
