// Package roster brings staff lists in and out of Tandem: it reads the Excel
// and CSV files HR really keeps — title lines above the table, German or
// English headers, text or date cells, any separator and encoding — into
// cleaned, typed records; compares them with the people already stored;
// applies an import in one transaction; and writes the Excel export, the
// template and the list of refused rows.
//
// Reading is streamed: a Reader finds the table (Detect) and then hands the
// rows over one by one (Records), so a list of 100 000 people never sits in
// memory as a whole workbook.
package roster

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tandem/model"
)

// Field is a person attribute a column of a staff list can map to.
type Field string

// The fields a column can map to; Ignore leaves the column out.
const (
	Ignore     Field = ""           // column not imported
	EmployeeNo Field = "employeeNo" // text, leading zeros kept
	FirstName  Field = "firstName"
	LastName   Field = "lastName"
	FullName   Field = "fullName"   // "Vorname Nachname" or "Nachname, Vorname"; split by the reader
	Salutation Field = "salutation" // Anrede: Frau/Herr/Ms/Mr → model.SalutationMs/Mr
	Email      Field = "email"
	Department Field = "department"
	JobTitle   Field = "jobTitle"
	Level      Field = "level"
	Manager    Field = "manager" // the manager's employee number OR name
	Location   Field = "location"
	BirthYear  Field = "birthYear"
	Age        Field = "age" // turned into a birth year (today's year - age)
	HireDate   Field = "hireDate"
	ExitDate   Field = "exitDate"
)

// Fields lists the mappable fields in the order a mapping dialog shows them.
var Fields = []Field{EmployeeNo, Salutation, FirstName, LastName, FullName, Email, Department,
	JobTitle, Level, Manager, Location, BirthYear, Age, HireDate, ExitDate}

// Column is one column of the header row and the field it maps to.
type Column struct {
	Index  int    // 0-based column index in the sheet/CSV
	Header string // header text as in the file (cleaned)
	Field  Field
}

// Sheet describes one worksheet of a workbook (a CSV has one sheet named
// after the file).
type Sheet struct {
	Name       string
	Hidden     bool
	Recognised int // headers the matcher recognises in its best header row
}

// Layout is where the table is and how its columns map.
type Layout struct {
	Sheet     string
	HeaderRow int      // 1-based row number of the header row
	Columns   []Column // every non-empty header cell, in order
}

// Key returns a stable key for "the same headers" (the lower-cased headers
// joined), used to remember an edited mapping for the next file with the
// same headers.
func (l Layout) Key() string {
	hs := make([]string, len(l.Columns))
	for i, c := range l.Columns {
		hs[i] = strings.ToLower(c.Header)
	}
	return strings.Join(hs, "\x1f")
}

// Record is one data row as read and cleaned.
type Record struct {
	// Row is the 1-based row number as a user sees it in Excel (for a CSV
	// file: counting the lines above, blank ones too, a quoted field with
	// line breaks as one row).
	Row int
	// Person holds the values, cleaned (model.Clean) and typed: Level,
	// BirthYear, HireDate, ExitDate; EmployeeNo as text with leading zeros;
	// ManagerNo set only when the manager column holds an employee number.
	Person model.Person
	// ManagerRef is the manager cell as written (number or name).
	ManagerRef string
	// Problems are the values that could not be read, such as
	// {Field: "hireDate", Code: "date", Arg: raw} or {Field: "lastName",
	// Code: "required"}; field names are model.Person's JSON names.
	Problems []model.Problem
	// Values are the row's cells under the layout's columns, up to the
	// last one with a value, as text (date cells ISO), for the list of
	// refused rows.
	Values []string
}

// Options for Open.
type Options struct {
	Password string     // for an encrypted .xlsx; "" none
	Today    model.Date // for Age → BirthYear; zero means the current day
}

// Limits of what Open reads.
const (
	maxFileSize  = 50 << 20  // the file itself
	maxUnzipped  = 200 << 20 // all parts of a workbook, unpacked
	maxPartSize  = 64 << 20  // one part held in memory (shared strings, styles …)
	fileSizeText = "50 MB"
	unzippedText = "200 MB"
	maxSized     = 200000 // records ReadAll makes room for at most
)

// Reader reads one staff list file. It holds the file's bytes, not an open
// handle, and makes no temporary files.
type Reader struct {
	name   string
	today  model.Date
	book   book
	sheets []Sheet
	found  []detection // per sheet: its header, or why it has none
}

// detection is what Detect found on one sheet.
type detection struct {
	layout Layout
	err    error
}

// book is a file's sheets as rows of cells: a workbook or a CSV file.
type book interface {
	// sheetList names the sheets in file order.
	sheetList() []Sheet
	// rows calls fn with each row of sheet i that has cells, in order, with
	// its 1-based number; cells is reused between calls. An error from fn
	// ends the scan and is returned.
	rows(i int, fn func(row int, cells []cell) error) error
	// merges lists the merged ranges of sheet i.
	merges(i int) ([]area, error)
	// rowCount estimates how many rows sheet i has, known once its first
	// rows and its merged ranges were read; 0 when the file does not say.
	rowCount(i int) int
}

// Open opens a .xlsx/.xlsm/.csv (also .txt/.tsv as CSV) staff list and reads
// its sheet list. Refusals are *model.Error with Entity "roster", Kind
// Invalid and a Problem with Field "file" and one of the codes "xls", "ods",
// "numbers", "password_needed", "password_wrong", "corrupt" (also for a file
// that is no spreadsheet) or "too_big"; a file that cannot be read is Kind
// IO. The file's content decides over its extension.
func Open(path string, opt Options) (*Reader, error) {
	const op = "roster.Open"
	f, err := os.Open(path)
	if err != nil {
		return nil, ioError(op, path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, ioError(op, path, err)
	} else if fi.Size() > maxFileSize {
		return nil, refusal(op, "too_big", fileSizeText, nil)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, ioError(op, path, err)
	}
	if len(data) > maxFileSize {
		return nil, refusal(op, "too_big", fileSizeText, nil)
	}
	return openBytes(filepath.Base(path), data, opt)
}

// openBytes opens a file's content; name is its base name, whose extension
// counts only when the content does not say what the file is.
func openBytes(name string, data []byte, opt Options) (*Reader, error) {
	b, err := openBook(name, data, opt.Password)
	if err != nil {
		return nil, err
	}
	r := &Reader{name: name, today: opt.Today, book: b, sheets: b.sheetList()}
	if r.today.IsZero() {
		r.today = model.DateOf(time.Now())
	}
	r.found = make([]detection, len(r.sheets))
	for i := range r.sheets {
		var err error
		if r.found[i], r.sheets[i].Recognised, err = detectHeader(b, i, r.sheets[i].Name); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Close releases the file. The Reader makes no temporary files, so there
// is nothing left behind.
func (r *Reader) Close() error {
	r.book = nil
	return nil
}

// Name returns the file name (base).
func (r *Reader) Name() string { return r.name }

// Sheets lists the sheets, visible and hidden, in file order.
func (r *Reader) Sheets() []Sheet { return slices.Clone(r.sheets) }

// Detect finds the header row among the first 20 rows of sheet ("" = the
// visible sheet with the most recognised headers) and maps the columns
// automatically. Empty sheet → Invalid code "empty_sheet"; no recognisable
// header → Invalid code "no_header"; unknown sheet name → Invalid "sheet".
func (r *Reader) Detect(sheet string) (Layout, error) {
	i, err := r.sheetIndex(sheet)
	if err != nil {
		return Layout{}, err
	}
	d := r.found[i]
	d.layout.Columns = slices.Clone(d.layout.Columns)
	return d.layout, d.err
}

// sheetIndex finds a sheet by name, or for "" the visible sheet with the
// most recognised headers (the first visible one when none has any).
func (r *Reader) sheetIndex(name string) (int, error) {
	if name != "" {
		for i, s := range r.sheets {
			if s.Name == name {
				return i, nil
			}
		}
		return 0, refusal("roster.Detect", "sheet", name, nil)
	}
	best := -1
	for _, hidden := range []bool{false, true} { // hidden sheets only when all are
		for i, s := range r.sheets {
			if s.Hidden == hidden && (best < 0 || s.Recognised > r.sheets[best].Recognised) {
				best = i
			}
		}
		if best >= 0 {
			return best, nil
		}
	}
	return 0, refusal("roster.Detect", "empty_sheet", "", nil)
}

// ReadAll is Open+Detect(sheet)+Records into a slice, for the command line
// and tests.
func ReadAll(path string, opt Options, sheet string) (Layout, []Record, error) {
	r, err := Open(path, opt)
	if err != nil {
		return Layout{}, nil, err
	}
	defer r.Close()
	l, err := r.Detect(sheet)
	if err != nil {
		return l, nil, err
	}
	i, _ := r.sheetIndex(l.Sheet)
	var records []Record
	err = r.Records(l, func(rec Record) error {
		if records == nil {
			// Sized once the rows are counted: growing a slice of 100 000
			// records would hold the old and the new array at once.
			records = make([]Record, 0, min(max(1, r.book.rowCount(i)-l.HeaderRow), maxSized))
		}
		records = append(records, rec)
		return nil
	}, nil)
	return l, records, err
}

// refusal is the error for a file Tandem will not read, with the problem
// code the user interface turns into a sentence.
func refusal(op, code, arg string, cause error) error {
	e := model.E(op, model.Invalid, model.Problem{Field: "file", Code: code, Arg: arg})
	e.Entity, e.Err = "roster", cause
	return e
}

// ioError is the error for a file that could not be read at all.
func ioError(op, path string, err error) error {
	e := model.E(op, model.IO, err)
	e.Entity, e.Arg = "roster", path
	return e
}
