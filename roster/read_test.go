package roster

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"tandem/model"
)

// germanColumns are the fields of the fixtures' German header row.
var germanColumns = []Field{EmployeeNo, LastName, FirstName, Email, Department, JobTitle, Level, Manager,
	Location, BirthYear, HireDate, ExitDate}

// TestFixtures reads every file of ../shared/fixtures with the outcome its
// README lists.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file      string
		refused   string // problem code of the refusal
		sheet     string
		headerRow int
		records   int
		fields    []Field
	}{
		{file: "mitarbeiterliste.xlsx", sheet: "Mitarbeitende", headerRow: 4, records: 121, fields: germanColumns},
		{file: "mitarbeiterliste_utf8.csv", sheet: "mitarbeiterliste_utf8", headerRow: 4, records: 121, fields: germanColumns},
		{file: "mitarbeiterliste_semikolon_cp1252.csv", sheet: "mitarbeiterliste_semikolon_cp1252", headerRow: 4,
			records: 121, fields: germanColumns},
		{file: "roster_10000.xlsx", sheet: "Staff", headerRow: 1, records: 10000, fields: germanColumns},
		{file: "mitarbeiterliste.xls", refused: "xls"},
		{file: "mitarbeiterliste.ods", refused: "ods"},
		{file: "abgeschnitten.xlsx", refused: "corrupt"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			l, recs, err := ReadAll(fixture(tt.file), Options{Today: testToday}, "")
			if tt.refused != "" {
				if code := refusalCode(t, err); code != tt.refused || recs != nil {
					t.Fatalf("refusal %q with %d records, want %q", code, len(recs), tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.Sheet != tt.sheet || l.HeaderRow != tt.headerRow || len(recs) != tt.records {
				t.Fatalf("sheet %q header row %d, %d records; want %q, %d, %d",
					l.Sheet, l.HeaderRow, len(recs), tt.sheet, tt.headerRow, tt.records)
			}
			var fields []Field
			for _, c := range l.Columns {
				fields = append(fields, c.Field)
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("columns map to %v, want %v", fields, tt.fields)
			}
		})
	}
}

// byRow finds the record of a row.
func byRow(t *testing.T, recs []Record, row int) Record {
	t.Helper()
	for _, r := range recs {
		if r.Row == row {
			return r
		}
	}
	t.Fatalf("no record for row %d", row)
	return Record{}
}

// TestMitarbeiterliste checks the quirks of the German list, row by row as
// Excel numbers them.
func TestMitarbeiterliste(t *testing.T) {
	r, err := Open(fixture("mitarbeiterliste.xlsx"), Options{Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	want := []Sheet{{Name: "Mitarbeitende", Recognised: 12}, {Name: "Hinweise", Recognised: 0}}
	if got := r.Sheets(); !slices.Equal(got, want) {
		t.Errorf("sheets %+v, want %+v", got, want)
	}
	if _, err := r.Detect("Hinweise"); refusalCode(t, err) != "no_header" {
		t.Errorf("notes sheet: %v, want no_header", err)
	}
	if _, err := r.Detect("Tabelle1"); refusalCode(t, err) != "sheet" {
		t.Errorf("unknown sheet: %v, want sheet", err)
	}
	l, err := r.Detect("")
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	progressed := 0
	if err := r.Records(l, func(rec Record) error { recs = append(recs, rec); return nil },
		func(n int) { progressed = n }); err != nil {
		t.Fatal(err)
	}
	if progressed != len(recs) {
		t.Errorf("last progress %d, want %d", progressed, len(recs))
	}
	first := byRow(t, recs, 5)
	wantFirst := model.Person{EmployeeNo: "00100", FirstName: "Niklas", LastName: "Hoffmann",
		Email: "niklas.hoffmann@muster-maschinenbau.de", Department: "Geschäftsführung",
		JobTitle: "Geschäftsführer/in", Level: 1, Location: "Stuttgart", BirthYear: 1968,
		HireDate: model.NewDate(1993, 9, 7)}
	if first.Person.FullName() != wantFirst.FullName() || !sameValues(first.Person, wantFirst) || first.Problems != nil {
		t.Errorf("row 5: %+v %v, want %+v", first.Person, first.Problems, wantFirst)
	}
	if got := byRow(t, recs, 6); got.Person.EmployeeNo != "00107" || got.Person.ManagerNo != "00100" ||
		got.ManagerRef != "00100" || got.Person.HireDate != model.NewDate(2017, 1, 27) {
		t.Errorf("row 6: %+v, want employee 00107 under 00100, hired 2017-01-27", got.Person)
	}
	if got := byRow(t, recs, 22); got.Person.Email != "" || got.Problems != nil {
		t.Errorf("row 22 without e-mail: %q %v", got.Person.Email, got.Problems)
	}
	bad := byRow(t, recs, 28)
	if !slices.Equal(bad.Problems, []model.Problem{{Field: "email", Code: "email", Arg: "kein-at-zeichen.de"}}) ||
		bad.Person.LastName != "Hoffmann" || bad.Person.Department != "Logistik" {
		t.Errorf("row 28: %+v %v, want the e-mail problem and the other values", bad.Person, bad.Problems)
	}
	if got := byRow(t, recs, 36); got.Person.LastName != "Schulz" || got.Values[1] != "Schulz" {
		t.Errorf("row 36: last name %q (value %q), want trimmed Schulz", got.Person.LastName, got.Values[1])
	}
	if got := byRow(t, recs, 45); got.Person.ExitDate != model.NewDate(2026, 6, 30) || !got.Person.Former(testToday) {
		t.Errorf("row 45: exit %v, want 2026-06-30 (former)", got.Person.ExitDate)
	}
	rows := make([]int, len(recs))
	for i, rec := range recs {
		rows[i] = rec.Row
	}
	if slices.Contains(rows, 56) || !slices.Contains(rows, 55) || !slices.Contains(rows, 57) || rows[len(rows)-1] != 126 {
		t.Errorf("rows %v: want 5–126 without the empty row 56", rows)
	}
	last := byRow(t, recs, 126)
	wantValues := []string{"99999", "Braun", "Jana", "jana.braun@muster-maschinenbau.de", "IT", "Bereichsleitung",
		"2", "00100", "Stuttgart", "1979", "2022-03-23"}
	if !slices.Equal(last.Values, wantValues) {
		t.Errorf("row 126 values %q, want %q", last.Values, wantValues)
	}
}

// sameValues compares the fields a staff list carries.
func sameValues(a, b model.Person) bool {
	a.Languages, b.Languages = nil, nil
	return a.EmployeeNo == b.EmployeeNo && a.Salutation == b.Salutation && a.FirstName == b.FirstName &&
		a.LastName == b.LastName && a.Email == b.Email && a.Department == b.Department &&
		a.JobTitle == b.JobTitle && a.Level == b.Level && a.ManagerNo == b.ManagerNo &&
		a.Location == b.Location && a.BirthYear == b.BirthYear && a.HireDate == b.HireDate &&
		a.ExitDate == b.ExitDate
}

// TestCSVsMatchWorkbook: both CSV exports give the records of the xlsx,
// umlauts intact, no byte order mark in the first header. (Windows-1252
// has no ı or ş: LibreOffice wrote "?" for them.) The date values differ
// only in form: text as in the file, date cells ISO.
func TestCSVsMatchWorkbook(t *testing.T) {
	_, want, err := ReadAll(fixture("mitarbeiterliste.xlsx"), Options{Today: testToday}, "")
	if err != nil {
		t.Fatal(err)
	}
	lossy := func(s string) string {
		return strings.Map(func(r rune) rune {
			if _, ok := charmap.Windows1252.EncodeRune(r); !ok {
				return '?'
			}
			return r
		}, s)
	}
	for _, file := range []string{"mitarbeiterliste_utf8.csv", "mitarbeiterliste_semikolon_cp1252.csv"} {
		cp1252 := strings.Contains(file, "cp1252")
		l, got, err := ReadAll(fixture(file), Options{Today: testToday}, "")
		if err != nil {
			t.Fatal(err)
		}
		if l.Columns[0].Header != "Personalnr." {
			t.Errorf("%s: first header %q", file, l.Columns[0].Header)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d records, want %d", file, len(got), len(want))
		}
		for i := range want {
			w := want[i]
			if w.Values = slices.Clone(w.Values); cp1252 {
				w.Person.FirstName, w.Person.LastName = lossy(w.Person.FirstName), lossy(w.Person.LastName)
				w.Values[1], w.Values[2] = lossy(w.Values[1]), lossy(w.Values[2])
			}
			if got[i].Row != w.Row || !sameValues(got[i].Person, w.Person) ||
				!slices.Equal(got[i].Problems, w.Problems) || !slices.Equal(got[i].Values[:10], w.Values[:10]) {
				t.Errorf("%s row %d: %+v %v %q, want %+v %v %q", file, got[i].Row, got[i].Person, got[i].Problems,
					got[i].Values, w.Person, w.Problems, w.Values)
			}
		}
		if p := byRow(t, got, 28).Person; p.FirstName != "Özlem" {
			t.Errorf("%s: umlaut lost: %q", file, p.FirstName)
		}
	}
}

// TestTemporaryFiles: reading leaves nothing in the temporary directory.
func TestTemporaryFiles(t *testing.T) {
	encrypted := writeEncrypted(t, "geheim")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for _, path := range []string{fixture("mitarbeiterliste.xlsx"), fixture("roster_10000.xlsx"), encrypted} {
		if _, _, err := ReadAll(path, Options{Password: "geheim"}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("files left in TMPDIR: %v", left)
	}
}

// TestRecordsStop: an error from fn ends reading and comes back as is;
// reading after Close is refused.
func TestRecordsStop(t *testing.T) {
	r, err := Open(fixture("roster_10000.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := r.Detect("")
	n := 0
	stop := os.ErrDeadlineExceeded
	if err := r.Records(l, func(Record) error { n++; return stop }, nil); err != stop || n != 1 {
		t.Errorf("Records returned %v after %d records, want the callback's error after 1", err, n)
	}
	r.Close()
	if err := r.Records(l, func(Record) error { return nil }, nil); err == nil {
		t.Error("Records after Close succeeded")
	}
	if r.Name() != filepath.Base(fixture("roster_10000.xlsx")) {
		t.Errorf("Name %q", r.Name())
	}
}
