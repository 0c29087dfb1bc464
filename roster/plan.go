package roster

import (
	"tandem/model"
)

// Change is one field that an import would change on an existing person.
type Change struct {
	Field    string // model.Person JSON field name, e.g. "department"
	Old, New string // as shown to the user (dates formatted ISO)
}

// Entry is a row of the list paired with the person it becomes or updates.
//
// An entry is small: it keeps no more of the row than its number, and its
// person by pointer, so that a plan of 100 000 rows does not hold every
// row's values twice and Apply can let each person go once it is written
// (DESIGN §8 bounds the import's peak heap).
type Entry struct {
	Row int // the row's number in the list
	// Person is the person as it will be stored (existing ID for updates).
	// Apply takes it over: once written, the entries of New and Changed have
	// none (nil).
	Person  *model.Person
	Changes []Change // for changed persons
	Former  bool     // the exit date has passed (today)
}

// Rejection is a row that will not be imported, with the reason.
type Rejection struct {
	Row     int           // the row's number
	Rows    []int         // all rows involved, e.g. for duplicates within the file (sorted)
	Problem model.Problem // Field + Code (+Arg), translated by the app via "problem."+Code
	Values  []string      // the row's values (for "Fehlerliste speichern")
}

// Plan is what an import would do; nothing is written when it is made.
type Plan struct {
	Source    model.Source // file name + time
	New       []Entry
	Changed   []Entry
	Unchanged []Entry
	Rejected  []Rejection
	Missing   []model.Person // current (not former) people of the database absent from the list
}

// Former counts the imported rows (new, changed and unchanged) whose exit
// date has passed.
func (p *Plan) Former() int {
	n := 0
	for _, list := range [][]Entry{p.New, p.Changed, p.Unchanged} {
		for _, e := range list {
			if e.Former {
				n++
			}
		}
	}
	return n
}

// Problem codes of rows MakePlan refuses, besides the codes of Record.Problems
// and of model.Person.Validate. Arg holds the row numbers ("3, 17") or the
// name of the person who has the value.
const (
	CodeDuplicateEmployeeNo = "duplicate_employee_no" // rows of the file share an employee number
	CodeDuplicateEmail      = "duplicate_email"       // rows of the file share an e-mail address
	CodeDuplicatePerson     = "duplicate_person"      // rows of the file are one person of the database
	CodeEmployeeNoTaken     = "employee_no_taken"     // the number belongs to another person of the database
	CodeEmailTaken          = "email_taken"           // the address belongs to another person of the database
)

// MakePlan compares the records of a staff list with the people in the
// database (existing) and says what an import would do; nothing is written.
//
// Matching: a row is the existing person with its employee number, else the
// one with its e-mail address (ignoring case), else the one with its first
// and last name and birth year (only when both sides know the birth year;
// names alone are not enough). A person found by e-mail or name must not
// have another employee number or e-mail address than the row. Rows not
// matched are new people.
//
// Refused rows: a row with Record.Problems (its first problem); rows sharing
// an employee number (CodeDuplicateEmployeeNo) or an e-mail address
// (CodeDuplicateEmail), or matching one existing person (CodeDuplicatePerson)
// — every row involved, Arg and Rows naming them all; a row whose employee
// number or e-mail address belongs to another existing person
// (CodeEmployeeNoTaken, CodeEmailTaken, Arg that person's name — a value
// counts as taken while the database holds it, even when the same list
// gives its holder another one: swapped addresses take two imports); a row
// whose person fails model.Person.Validate (its first problem).
//
// Carried fields: the plan does not know the file's columns, so a field
// counts as carried by the list when at least one record has a value in it.
// Carried fields overwrite an existing person's values — an empty cell
// clears the value; fields the list does not carry keep the existing values.
//
// Managers given by name ("Vorname Nachname" or "Nachname, Vorname",
// ignoring case and umlauts) are resolved to employee numbers through the
// list's rows and the database; a name that is unknown or ambiguous leaves
// the manager empty without refusing the row. A cell with a digit that is
// no known employee number is kept as a number (names have no digits).
//
// New and changed people get source as their Source; unchanged ones stay as
// they are. Missing lists the current (not former by today) existing people
// that no row matches, when at least one row is imported.
func MakePlan(records []Record, existing []model.Person, today model.Date, source model.Source) *Plan {
	rows := prepareRows(records, existing)
	db := indexPeople(existing)
	pr := &planner{Plan: &Plan{Source: source}, records: records, rows: rows, db: db, today: today,
		match: make([]int, len(rows)), carried: carriedAttrs(records, rows)}
	seen := make([]bool, len(existing))
	for i := range rows {
		pr.match[i] = db.match(rows[i])
		if pr.match[i] >= 0 {
			seen[pr.match[i]] = true
		}
	}
	pr.dups = findDuplicates(records, rows, pr.match)
	pr.size()
	for i := range records {
		pr.add(i)
	}
	pl := pr.Plan
	if len(pl.New)+len(pl.Changed)+len(pl.Unchanged) > 0 {
		for i := range existing {
			if !seen[i] && !existing[i].Former(today) {
				pl.Missing = append(pl.Missing, existing[i])
			}
		}
	}
	return pl
}

// personChunk is how many persons prepareRows allocates at once: fewer
// allocations than one each, and the chunks of written persons can go one
// by one while Apply writes the rest.
const personChunk = 256

// prepareRows returns the records' persons, normalised, without
// bookkeeping, with the managers given by name resolved. New entries take
// them as they are.
func prepareRows(records []Record, existing []model.Person) []*model.Person {
	rows := make([]*model.Person, len(records))
	shared := make(sharedTexts)
	var chunk []model.Person
	for i := range records {
		if len(chunk) == 0 {
			chunk = make([]model.Person, min(personChunk, len(records)-i))
		}
		p := &chunk[0]
		chunk = chunk[1:]
		rows[i] = p
		*p = records[i].Person
		p.Meta, p.Source = model.Meta{}, model.Source{}
		p.Normalize()
		for _, f := range [...]*string{&p.FirstName, &p.Department, &p.JobTitle, &p.Location} {
			*f = shared.one(*f)
		}
	}
	var mgr *managerIndex
	for i := range records {
		if rows[i].ManagerNo == "" && records[i].ManagerRef != "" {
			if mgr == nil {
				mgr = newManagerIndex(rows, existing)
			}
			rows[i].ManagerNo = mgr.resolve(records[i].ManagerRef)
		}
	}
	return rows
}

// sharedTexts keeps one copy of each value of the fields whose values
// repeat from row to row, so that the plan holds one "Vertrieb" instead
// of one per row (cells of a CSV file or of inline strings are read into
// strings of their own; DESIGN §8 bounds the import's peak heap).
type sharedTexts map[string]string

// maxSharedTexts bounds the values sharedTexts keeps; later ones stay as
// they are.
const maxSharedTexts = 1 << 14

// one returns the kept copy of s, keeping s when it is the first.
func (t sharedTexts) one(s string) string {
	if c, ok := t[s]; ok {
		return c
	}
	if s != "" && len(t) < maxSharedTexts {
		t[s] = s
	}
	return s
}

// planner is the state of MakePlan.
type planner struct {
	*Plan
	records []Record
	rows    []*model.Person // the records' persons, prepared
	db      *peopleIndex
	today   model.Date
	match   []int // by row: the index of the existing person it is, or -1
	carried []bool
	dups    map[int]dupGroup
}

// size gives the lists of entries room for the rows that may go to each,
// so that 100 000 of them are not copied as the lists grow.
func (pr *planner) size() {
	var fresh, changed, same int
	for i, m := range pr.match {
		switch {
		case m < 0:
			fresh++
		case rowDiffers(&pr.db.list[m], pr.rows[i], pr.carried):
			changed++
		default:
			same++
		}
	}
	pr.New, pr.Changed, pr.Unchanged = make([]Entry, 0, fresh), make([]Entry, 0, changed), make([]Entry, 0, same)
}

// add sorts row i into the plan.
func (pr *planner) add(i int) {
	rec, p, m := &pr.records[i], pr.rows[i], pr.match[i]
	if prob, involved := refusedEarly(rec, pr.dups, i); prob != nil {
		pr.reject(rec, *prob, involved)
		return
	}
	e := Entry{Row: rec.Row, Person: p}
	if m >= 0 {
		// A copy of the existing person with the row's values (unchanged:
		// as it is); the row's person goes with its chunk.
		q, cs := mergeRow(&pr.db.list[m], p, pr.carried)
		e.Person, e.Changes = &q, cs
	}
	if prob := pr.db.taken(e.Person, m); prob != nil {
		pr.reject(rec, *prob, nil)
		return
	}
	if m >= 0 && len(e.Changes) == 0 {
		e.Former = e.Person.Former(pr.today)
		pr.Unchanged = append(pr.Unchanged, e)
		return
	}
	if ps := model.ProblemsOf(e.Person.Validate()); len(ps) > 0 {
		pr.reject(rec, ps[0], nil)
		return
	}
	e.Person.Source = pr.Source
	e.Former = e.Person.Former(pr.today)
	if m >= 0 {
		pr.Changed = append(pr.Changed, e)
	} else {
		pr.New = append(pr.New, e)
	}
}

// reject adds a refused row; involved lists every row concerned (nil: the row alone).
func (pl *Plan) reject(rec *Record, p model.Problem, involved []int) {
	if involved == nil {
		involved = []int{rec.Row}
	}
	pl.Rejected = append(pl.Rejected, Rejection{Row: rec.Row, Rows: involved, Problem: p, Values: rec.Values})
}
