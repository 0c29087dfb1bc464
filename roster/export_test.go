package roster

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tandem/demo"
	"tandem/model"
	"tandem/model/store"
)

// demoStore opens a store holding the demo company.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	s := openStore(t)
	if err := demo.Load(s, planToday); err != nil {
		t.Fatal(err)
	}
	return s
}

// openXLSX reads a written workbook back; it is closed with the test.
func openXLSX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// sheetXML returns the XML of the n-th worksheet (1-based) of a workbook.
func sheetXML(t testing.TB, data []byte, n int) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", n))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkTable checks what every written sheet has: the headers, a styled
// header row, the frozen first row, an autofilter over the whole table and
// widths that fit the headers.
func checkTable(t *testing.T, f *excelize.File, data []byte, n int, sheet string, headers []string, rows int) {
	t.Helper()
	got, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != rows+1 || !slices.Equal(got[0], headers) {
		t.Fatalf("%s: %d rows, headers %q; want %d rows, %q", sheet, len(got)-1, got[0], rows, headers)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v, %v", sheet, panes, err)
	}
	last, _ := excelize.CoordinatesToCellName(len(headers), rows+1, true)
	x := sheetXML(t, data, n)
	if !strings.Contains(x, `<autoFilter ref="$A$1:`+last+`"`) {
		t.Errorf("%s: no autofilter A1:%s", sheet, last)
	}
	if i := strings.Index(x, "<cols>"); i < 0 || !strings.HasPrefix(x[i:], `<cols><col min="1" max="1"`) {
		t.Errorf("%s: columns not in order", sheet)
	}
	id, err := f.GetCellStyle(sheet, "A1")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
		t.Errorf("%s: header style %+v, %v", sheet, st, err)
	}
	for i, h := range headers {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if w, _ := f.GetColWidth(sheet, col); w < float64(len([]rune(h)))+2 || w > 70 {
			t.Errorf("%s: column %s (%s) width %v", sheet, col, h, w)
		}
	}
}

// checkDate checks that a cell is a date cell with the format and shows the date.
func checkDate(t *testing.T, f *excelize.File, sheet, cell, format, shown string) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != format {
		t.Errorf("%s!%s: style %+v, %v; want format %s", sheet, cell, st, err, format)
	}
	typ, _ := f.GetCellType(sheet, cell)
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || strings.Trim(raw, "0123456789.") != "" {
		t.Errorf("%s!%s: not a date cell: type %v, value %q", sheet, cell, typ, raw)
	}
	if v, _ := f.GetCellValue(sheet, cell); v != shown {
		t.Errorf("%s!%s shows %q, want %q", sheet, cell, v, shown)
	}
}

func TestExport(t *testing.T) {
	s := demoStore(t)
	persons, err := s.Persons()
	if err != nil {
		t.Fatal(err)
	}
	d, err := loadExport(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.meetings) == 0 || len(d.agreements) == 0 || len(d.enrolments) == 0 {
		t.Fatalf("demo data too small: %d meetings, %d agreements", len(d.meetings), len(d.agreements))
	}
	hired := slices.IndexFunc(persons, func(p model.Person) bool { return !p.HireDate.IsZero() })
	held := slices.IndexFunc(d.meetings, func(m model.Meeting) bool { return m.MenteeLearned != "" })
	tests := []struct {
		lang             string
		sheets           []string
		personHeaders    []string
		dateFmt, timeFmt string
		date             func(model.Date) string
		stateWords       []string // words the Tandems sheet's states are among
		action, record   string   // the words of the oldest audit entry (the file was made)
	}{
		{"de", []string{"Personen", "Programme", "Teilnahmen", "Tandems", "Treffen", "Vereinbarungen", "Änderungsprotokoll"},
			[]string{"Personalnummer", "Anrede", "Vorname", "Nachname", "E-Mail", "Abteilung", "Position", "Führungsebene",
				"Vorgesetzte(r)", "Standort", "Geburtsjahr", "Eintritt", "Austritt", "Sprachen"},
			"dd.mm.yyyy", "dd.mm.yyyy hh:mm", func(d model.Date) string { return fmt.Sprintf("%02d.%02d.%d", d.Day, d.Month, d.Year) },
			[]string{"vorgeschlagen", "bestätigt", "aktiv", "abgeschlossen", "vorzeitig beendet"}, "umgestellt", "Datei"},
		{"en", []string{"People", "Programmes", "Enrolments", "Tandems", "Meetings", "Agreements", "Audit log"},
			[]string{"Employee ID", "Salutation", "First Name", "Last Name", "Email", "Department", "Job Title", "Level",
				"Manager ID", "Location", "Year of Birth", "Hire Date", "Exit Date", "Languages"},
			"yyyy-mm-dd", "yyyy-mm-dd hh:mm", model.Date.String,
			[]string{"proposed", "confirmed", "active", "finished", "ended early"}, "migrated", "File"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Export(&buf, s, tc.lang); err != nil {
				t.Fatal(err)
			}
			f := openXLSX(t, buf.Bytes())
			if got := f.GetSheetList(); !slices.Equal(got, tc.sheets) {
				t.Fatalf("sheets %q, want %q", got, tc.sheets)
			}
			l := outLangOf(tc.lang)
			counts := []int{len(d.persons), len(d.programmes), len(d.enrolments), len(d.tandems), len(d.meetings), len(d.agreements),
				len(d.audit)}
			headers := [][]string{tc.personHeaders, heads(programmeColumns(l)), heads(enrolmentColumns(l, d)),
				heads(tandemColumns(l, d)), heads(meetingColumns(l, d)), heads(agreementColumns(l, d)), heads(auditColumns(l))}
			for i, sheet := range tc.sheets {
				checkTable(t, f, buf.Bytes(), i+1, sheet, headers[i], counts[i])
			}

			p := persons[hired]
			cell := fmt.Sprintf("L%d", hired+2)
			checkDate(t, f, tc.sheets[0], cell, tc.dateFmt, tc.date(p.HireDate))
			if no, _ := f.GetCellValue(tc.sheets[0], fmt.Sprintf("A%d", hired+2)); no != p.EmployeeNo {
				t.Errorf("employee number %q, want %q", no, p.EmployeeNo)
			}
			m := d.meetings[held]
			at := m.At.Local()
			checkDate(t, f, tc.sheets[4], fmt.Sprintf("D%d", held+2), tc.timeFmt,
				tc.date(model.DateOf(at))+at.Format(" 15:04"))
			row, _ := f.GetRows(tc.sheets[4])
			if !slices.Contains(row[held+1], m.MenteeLearned) || !slices.Contains(row[held+1], d.name(d.tandem[m.TandemID].MenteeID)) {
				t.Errorf("meeting row %q lacks what the mentee learned or the mentee's name", row[held+1])
			}
			// The audit log, newest first: a date cell, the action and record in words.
			newest := d.audit[0].Time.Local()
			checkDate(t, f, tc.sheets[6], "A2", tc.timeFmt, tc.date(model.DateOf(newest))+newest.Format(" 15:04"))
			audit, _ := f.GetRows(tc.sheets[6])
			if want := []string{tc.action, tc.record}; audit[len(audit)-1][2] != want[0] || audit[len(audit)-1][3] != want[1] {
				t.Errorf("oldest audit row %q, want action and record %q", audit[len(audit)-1], want)
			}
			tandems, _ := f.GetRows(tc.sheets[3])
			for _, r := range tandems[1:] {
				if !slices.Contains(tc.stateWords, r[3]) {
					t.Errorf("tandem state %q", r[3])
				}
			}
		})
	}
}

// heads returns the headers of columns.
func heads[T any](cols []outColumn[T]) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.head
	}
	return out
}

// BenchmarkExport10000 exports a file of 10 000 persons.
func BenchmarkExport10000(b *testing.B) {
	s := openStore(b)
	if err := s.ImportPersons(companyStaff(0, 10000), nil, nil, "Import"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Export(io.Discard, s, "de"); err != nil {
			b.Fatal(err)
		}
	}
}
