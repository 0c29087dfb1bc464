package roster

import (
	"slices"
	"strconv"
	"strings"

	"tandem/model"
)

// peopleIndex indexes the persons of the database by the values rows are
// matched with.
type peopleIndex struct {
	list    []model.Person
	byNo    map[string]int // employee number → index in list
	byEmail map[string]int // lower-case e-mail address → index
	// personNameKey → indexes of everybody, and of those without an employee
	// number (the only ones a row with a number can be); built on first use.
	byName, byNameUnnumbered map[string][]int
}

// indexPeople indexes the persons of the database.
func indexPeople(list []model.Person) *peopleIndex {
	db := &peopleIndex{list: list, byNo: make(map[string]int, len(list)), byEmail: make(map[string]int, len(list))}
	for i := range list {
		p := &list[i]
		if p.EmployeeNo != "" {
			db.byNo[p.EmployeeNo] = i
		}
		if p.Email != "" {
			db.byEmail[p.EmailKey()] = i
		}
	}
	return db
}

// personNameKey is first name, last name (folded) and birth year; "" when the
// birth year is not known.
func personNameKey(p *model.Person) string {
	if p.BirthYear == 0 {
		return ""
	}
	return foldName(p.FirstName) + "\x00" + foldName(p.LastName) + "\x00" + strconv.Itoa(p.BirthYear)
}

// match returns the index of the existing person the row is, or -1: by
// employee number, else by e-mail address, else by name and birth year (one
// person only). A person found by address or name must fit the row.
func (db *peopleIndex) match(row *model.Person) int {
	if len(db.list) == 0 {
		return -1 // a first import: nobody to be
	}
	if i, ok := db.byNo[row.EmployeeNo]; ok {
		return i
	}
	if i, ok := db.byEmail[row.EmailKey()]; ok && fitsRow(row, &db.list[i]) {
		return i
	}
	k := personNameKey(row)
	if k == "" {
		return -1
	}
	found := -1
	for _, i := range db.named(row.EmployeeNo != "")[k] {
		if fitsRow(row, &db.list[i]) {
			if found >= 0 {
				return -1 // two people fit: names are not enough
			}
			found = i
		}
	}
	return found
}

// named returns the index by name and birth year of everybody, or only of
// those without an employee number.
func (db *peopleIndex) named(unnumbered bool) map[string][]int {
	ix := &db.byName
	if unnumbered {
		ix = &db.byNameUnnumbered
	}
	if *ix == nil {
		*ix = map[string][]int{}
		for i := range db.list {
			if k := personNameKey(&db.list[i]); k != "" && (!unnumbered || db.list[i].EmployeeNo == "") {
				(*ix)[k] = append((*ix)[k], i)
			}
		}
	}
	return *ix
}

// fits reports whether an existing person may be the row: neither has
// another employee number or e-mail address than the other.
func fitsRow(row, ex *model.Person) bool {
	return (row.EmployeeNo == "" || ex.EmployeeNo == "" || row.EmployeeNo == ex.EmployeeNo) &&
		(row.Email == "" || ex.Email == "" || row.EmailKey() == ex.EmailKey())
}

// taken returns the problem of a person whose employee number or e-mail
// address belongs to another existing person than the matched one (-1:
// none), or nil.
func (db *peopleIndex) taken(p *model.Person, matched int) *model.Problem {
	if i, ok := db.byNo[p.EmployeeNo]; ok && i != matched {
		return &model.Problem{Field: "employeeNo", Code: CodeEmployeeNoTaken, Arg: db.list[i].FullName()}
	}
	if i, ok := db.byEmail[p.EmailKey()]; ok && i != matched {
		return &model.Problem{Field: "email", Code: CodeEmailTaken, Arg: db.list[i].FullName()}
	}
	return nil
}

// dupGroup is why a row of a group of duplicates is refused, and the rows of
// the group.
type dupGroup struct {
	problem model.Problem
	rows    []int
}

// findDuplicates finds the rows that share an employee number, an e-mail
// address or the existing person they match with other rows, by row index.
// A row in several groups is refused for the first: number, address, person.
func findDuplicates(records []Record, rows []*model.Person, match []int) map[int]dupGroup {
	out := map[int]dupGroup{}
	group := func(field, code string, key func(i int) string) {
		first := make(map[string]int, len(rows)) // key → first row index
		var more map[string][]int                // key → all row indexes, for shared keys
		for i := range rows {
			k := key(i)
			if k == "" {
				continue
			}
			j, ok := first[k]
			switch {
			case !ok:
				first[k] = i
			case more == nil || more[k] == nil:
				if more == nil {
					more = map[string][]int{}
				}
				more[k] = []int{j, i}
			default:
				more[k] = append(more[k], i)
			}
		}
		for _, idx := range more {
			nums := make([]int, len(idx))
			for n, i := range idx {
				nums[n] = records[i].Row
			}
			slices.Sort(nums)
			p := model.Problem{Field: field, Code: code, Arg: joinInts(nums)}
			for _, i := range idx {
				if _, done := out[i]; !done {
					out[i] = dupGroup{p, nums}
				}
			}
		}
	}
	group("employeeNo", CodeDuplicateEmployeeNo, func(i int) string { return rows[i].EmployeeNo })
	group("email", CodeDuplicateEmail, func(i int) string { return rows[i].EmailKey() })
	group("person", CodeDuplicatePerson, func(i int) string {
		if match[i] < 0 {
			return ""
		}
		return strconv.Itoa(match[i])
	})
	return out
}

// refusedEarly returns why a row is refused before it is compared (its first
// problem, or its group of duplicates) and the rows involved; nil when it
// is not.
func refusedEarly(rec *Record, dups map[int]dupGroup, i int) (*model.Problem, []int) {
	if len(rec.Problems) > 0 {
		return &rec.Problems[0], nil
	}
	if d, ok := dups[i]; ok {
		return &d.problem, d.rows
	}
	return nil, nil
}

// joinInts writes numbers as "3, 17".
func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}
