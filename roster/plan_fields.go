package roster

import (
	"strconv"

	"tandem/model"
)

// personAttr is one person attribute a staff list can carry.
type personAttr struct {
	name  string                        // the model.Person JSON field name
	show  func(p *model.Person) string  // as shown in a Change; "" when empty
	empty func(p *model.Person) bool    // whether p has no value
	same  func(a, b *model.Person) bool // whether a and b have the same value
	set   func(dst, src *model.Person)  // copies the value from src
}

// makeAttr describes the attribute held in the field f returns; show
// writes a value.
func makeAttr[V comparable](name string, f func(*model.Person) *V, show func(V) string) personAttr {
	var zero V
	return personAttr{
		name:  name,
		show:  func(p *model.Person) string { return show(*f(p)) },
		empty: func(p *model.Person) bool { return *f(p) == zero },
		same:  func(a, b *model.Person) bool { return *f(a) == *f(b) },
		set:   func(d, s *model.Person) { *f(d) = *f(s) },
	}
}

// showText, numberText and Date.String show values.
func showText(s string) string { return s }

// numberText writes a number, "" for 0 (not known).
func numberText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// managerAttr is the name of the manager attribute, which a row carries as
// a name too (Record.ManagerRef).
const managerAttr = "managerNo"

// personAttrs are the attributes an import sets, in the order changes are listed.
var personAttrs = []personAttr{
	makeAttr("employeeNo", func(p *model.Person) *string { return &p.EmployeeNo }, showText),
	makeAttr("salutation", func(p *model.Person) *string { return &p.Salutation }, showText),
	makeAttr("firstName", func(p *model.Person) *string { return &p.FirstName }, showText),
	makeAttr("lastName", func(p *model.Person) *string { return &p.LastName }, showText),
	makeAttr("email", func(p *model.Person) *string { return &p.Email }, showText),
	makeAttr("department", func(p *model.Person) *string { return &p.Department }, showText),
	makeAttr("jobTitle", func(p *model.Person) *string { return &p.JobTitle }, showText),
	makeAttr("level", func(p *model.Person) *int { return &p.Level }, numberText),
	makeAttr(managerAttr, func(p *model.Person) *string { return &p.ManagerNo }, showText),
	makeAttr("location", func(p *model.Person) *string { return &p.Location }, showText),
	makeAttr("birthYear", func(p *model.Person) *int { return &p.BirthYear }, numberText),
	makeAttr("hireDate", func(p *model.Person) *model.Date { return &p.HireDate }, model.Date.String),
	makeAttr("exitDate", func(p *model.Person) *model.Date { return &p.ExitDate }, model.Date.String),
}

// carriedAttrs reports for each attribute whether the list carries it: at
// least one row has a value in it (the manager also as a name).
func carriedAttrs(records []Record, rows []*model.Person) []bool {
	out := make([]bool, len(personAttrs))
	for a := range personAttrs {
		for i := range rows {
			if !personAttrs[a].empty(rows[i]) || personAttrs[a].name == managerAttr && records[i].ManagerRef != "" {
				out[a] = true
				break
			}
		}
	}
	return out
}

// differs reports whether the row changes a carried attribute of the
// existing person.
func rowDiffers(ex, row *model.Person, carried []bool) bool {
	for a, on := range carried {
		if on && !personAttrs[a].same(ex, row) {
			return true
		}
	}
	return false
}

// merge returns the existing person with the row's carried attributes, and
// the changes that makes.
func mergeRow(ex, row *model.Person, carried []bool) (model.Person, []Change) {
	q := *ex
	var cs []Change
	for a, on := range carried {
		if !on {
			continue
		}
		at := &personAttrs[a]
		if !at.same(ex, row) {
			at.set(&q, row)
			cs = append(cs, Change{Field: at.name, Old: at.show(ex), New: at.show(&q)})
		}
	}
	return q, cs
}
