package roster

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/model"
)

// fixture is the path of a staff list in ../shared/fixtures, written by
// LibreOffice.
func fixture(name string) string { return filepath.Join("..", "..", "shared", "fixtures", name) }

// testToday is the day the tests read lists on.
var testToday = model.NewDate(2026, 10, 1)

// refusalCode returns the problem code of a refusal, failing the test when
// err is not one.
func refusalCode(t testing.TB, err error) string {
	t.Helper()
	var e *model.Error
	if !errors.As(err, &e) || e.Kind != model.Invalid || e.Entity != "roster" || len(e.Problems) != 1 ||
		e.Problems[0].Field != "file" {
		t.Fatalf("want a refusal (Invalid roster file problem), got %#v", err)
	}
	return e.Problems[0].Code
}

// writeTemp writes data to a new file in a temporary directory.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// readCSV reads CSV bytes as the file name.csv would be read.
func readCSV(t testing.TB, text string) (Layout, []Record, error) {
	t.Helper()
	return ReadAll(writeTemp(t, "liste.csv", []byte(text)), Options{Today: testToday}, "")
}

// testSheet is one worksheet of a hand-written workbook.
type testSheet struct {
	name   string
	state  string // "", "hidden"
	rows   string // the <sheetData> content
	merges []string
}

// writeWorkbook writes an .xlsx by hand, part by part, the way Excel lays
// it out — so that the reader is tested against files no library of ours
// wrote. Shared strings are indexed by the order given; style 1 is the
// built-in date format 14, style 2 the custom format dd.mm.yyyy, style 3
// a number format.
func writeWorkbook(t testing.TB, date1904 bool, shared []string, sheets ...testSheet) string {
	t.Helper()
	var wb, rels, types strings.Builder
	for i, s := range sheets {
		state := ""
		if s.state != "" {
			state = fmt.Sprintf(` state="%s"`, s.state)
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+10)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+10, i+1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	var sst strings.Builder
	for _, s := range shared {
		fmt.Fprintf(&sst, "<si>%s</si>", s)
	}
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() + `</Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="%v"/><sheets>%s</sheets></workbook>`, date1904, wb.String()),
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` + rels.String() + `</Relationships>`,
		"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`,
		"xl/sharedStrings.xml": fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>`, len(shared), len(shared), sst.String()),
	}
	for i, s := range sheets {
		var merges string
		if len(s.merges) > 0 {
			merges = fmt.Sprintf(`<mergeCells count="%d">`, len(s.merges))
			for _, m := range s.merges {
				merges += fmt.Sprintf(`<mergeCell ref="%s"/>`, m)
			}
			merges += "</mergeCells>"
		}
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>` + s.rows + `</sheetData>` + merges + `<pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/></worksheet>`
	}
	return writeZip(t, "liste.xlsx", parts)
}

// writeZip writes the parts as a zip file.
func writeZip(t testing.TB, name string, parts map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for n, content := range parts {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
