package roster

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"tandem/model"
)

// TestRefusals: files Tandem does not read are refused with a code the
// window turns into advice, whatever their name.
func TestRefusals(t *testing.T) {
	fixtureBytes := func(name string) []byte {
		data, err := os.ReadFile(fixture(name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	pdf := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
	tests := []struct {
		name string
		data []byte
		code string
	}{
		{"alt.xls", fixtureBytes("mitarbeiterliste.xls"), "xls"},
		{"alt-umbenannt.xlsx", fixtureBytes("mitarbeiterliste.xls"), "xls"},
		{"leer.xls", nil, "xls"},
		{"liste.ods", fixtureBytes("mitarbeiterliste.ods"), "ods"},
		{"liste-umbenannt.xlsx", fixtureBytes("mitarbeiterliste.ods"), "ods"},
		{"liste.numbers", []byte("not read"), "numbers"},
		{"abgeschnitten.xlsx", fixtureBytes("abgeschnitten.xlsx"), "corrupt"},
		{"bild.xlsx", png, "corrupt"},
		{"dokument.xlsx", pdf, "corrupt"},
		{"dokument.pdf", pdf, "corrupt"},
		{"leer.xlsx", nil, "corrupt"},
		{"bild.csv", png, "corrupt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadAll(writeTemp(t, tt.name, tt.data), Options{}, "")
			if code := refusalCode(t, err); code != tt.code {
				t.Errorf("code %q, want %q", code, tt.code)
			}
		})
	}
}

// TestPackageRefusals: zip files that are no workbook, or unpack too far.
func TestPackageRefusals(t *testing.T) {
	word := writeZip(t, "brief.xlsx", map[string]string{"[Content_Types].xml": "<Types/>",
		"word/document.xml": "<document/>"})
	numbers := writeZip(t, "tabelle.xlsx", map[string]string{"Index/Document.iwa": "x"})
	huge := filepath.Join(t.TempDir(), "bombe.xlsx")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	// A part that says it unpacks to 201 MB, as a zip bomb does.
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: 4, UncompressedSize64: maxUnzipped + 1<<20})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte{1, 2, 3, 4})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for path, code := range map[string]string{word: "corrupt", numbers: "numbers", huge: "too_big"} {
		if _, err := Open(path, Options{}); refusalCode(t, err) != code {
			t.Errorf("%s: %v, want %s", filepath.Base(path), err, code)
		}
	}
}

// TestTooBig: a file over 50 MB is refused before it is read.
func TestTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "riesig.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(path, maxFileSize+1); err != nil { // sparse: nothing written
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	if refusalCode(t, err) != "too_big" || model.ProblemsOf(err)[0].Arg != "50 MB" {
		t.Errorf("got %v, want too_big 50 MB", err)
	}
}

// TestMissingFile is an I/O error, not a refusal.
func TestMissingFile(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "fehlt.xlsx"), Options{})
	if !model.Is(err, model.IO) {
		t.Errorf("got %v, want an IO error", err)
	}
}

// writeEncrypted writes a small staff list protected by password — made
// with excelize, as the fixture under test is the encryption.
func writeEncrypted(t testing.TB, password string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]any{{"Nachname", "Vorname", "E-Mail"}, {"Schulz", "Anna", "anna.schulz@example.de"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "geschuetzt.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPassword: an encrypted workbook needs its password.
func TestPassword(t *testing.T) {
	path := writeEncrypted(t, "geheim")
	for pw, code := range map[string]string{"": "password_needed", "falsch": "password_wrong"} {
		if _, err := Open(path, Options{Password: pw}); refusalCode(t, err) != code {
			t.Errorf("password %q: %v, want %s", pw, err, code)
		}
	}
	_, recs, err := ReadAll(path, Options{Password: "geheim"}, "")
	if err != nil || len(recs) != 1 || recs[0].Person.FullName() != "Anna Schulz" {
		t.Fatalf("with the password: %v %+v", err, recs)
	}
}

// TestDate1904 reads date cells of a workbook in the 1904 date system (old
// Mac Excel), which no fixture has; excelize writes it.
func TestDate1904(t *testing.T) {
	for _, system1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &system1904}); err != nil {
			t.Fatal(err)
		}
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetSheetRow("Sheet1", "A1", &[]any{"Nachname", "Vorname", "Eintritt"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"Schulz", "Anna", 32757})
		f.SetCellStyle("Sheet1", "C2", "C2", style)
		path := filepath.Join(t.TempDir(), "mac.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, recs, err := ReadAll(path, Options{}, "")
		if err != nil {
			t.Fatal(err)
		}
		want := model.NewDate(1989, 9, 6) // serial 32757 counted from 1900
		if system1904 {
			want = model.NewDate(1993, 9, 7) // … and from 1904
		}
		if got := recs[0].Person.HireDate; got != want {
			t.Errorf("1904 system %v: hire date %v, want %v", system1904, got, want)
		}
	}
}
