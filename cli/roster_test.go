package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tandem/model/store"
)

var fixtures = filepath.Join("..", "..", "shared", "fixtures")

func TestImportDryRunThenForReal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "firma.db")
	list := filepath.Join(fixtures, "mitarbeiterliste.xlsx")

	code, out, errOut := run(t, "import", "--db", db, "--dry-run", "--json", list)
	if code != 0 {
		t.Fatalf("dry run: exit %d, %q", code, errOut)
	}
	var report struct {
		New, Changed, Unchanged, Former int
		Rejected                        []struct {
			Row    int
			Reason string
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("--json printed %q: %v", out, err)
	}
	if report.New < 100 || report.Former != 1 || len(report.Rejected) < 2 {
		t.Fatalf("report = %+v", report)
	}
	for _, r := range report.Rejected {
		if r.Row < 2 || r.Reason == "" {
			t.Fatalf("rejection without row or reason: %+v", r)
		}
	}
	if st, err := store.Open(db, store.Options{}); err == nil {
		c, _ := st.Counts()
		st.Close()
		if c.Persons != 0 {
			t.Fatalf("the dry run wrote %d persons", c.Persons)
		}
	}

	code, out, errOut = run(t, "import", "--db", db, list)
	if code != 0 || !strings.Contains(out, "Import abgeschlossen") || !strings.Contains(out, "Zeile ") {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := st.Counts()
	backups, _ := st.Backups()
	st.Close()
	if c.Persons != report.New {
		t.Fatalf("%d persons stored, the dry run promised %d", c.Persons, report.New)
	}
	if len(backups) == 0 || backups[0].Reason != "import" {
		t.Fatalf("no backup before the import: %+v", backups)
	}

	// The same list again changes nothing.
	code, out, _ = run(t, "import", "--db", db, "--json", list)
	if code != 0 || !strings.Contains(out, `"new": 0`) || !strings.Contains(out, `"changed": 0`) {
		t.Fatalf("second import: %d %s", code, out)
	}
}

func TestImportRefusals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "firma.db")
	tests := []struct {
		file, want string
	}{
		{"mitarbeiterliste.xls", ".xlsx"},
		{"mitarbeiterliste.ods", ".xlsx"},
		{"abgeschnitten.xlsx", "beschädigt"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, "import", "--db", db, filepath.Join(fixtures, tt.file))
		if code != 1 || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tt.file, code, out, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		st, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if c, _ := st.Counts(); c.Persons != 0 {
			t.Fatal("a refused file wrote persons")
		}
	}
}

func TestImportPasswordFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "geschützt.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{{"Personalnummer", "Vorname", "Nachname", "E-Mail"}, {"00001", "Anna", "Schulz", "anna@firma.de"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(list, excelize.Options{Password: "geheim"}); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "firma.db")
	readPassword = func(string) (string, error) { return "falsch", nil }
	if code, _, errOut := run(t, "import", "--db", db, list); code != 1 || !strings.Contains(errOut, "Passwort stimmt nicht") {
		t.Fatalf("wrong password: exit %d, %q", code, errOut)
	}
	t.Setenv("TANDEM_FILE_PASSWORD", "geheim")
	if code, out, errOut := run(t, "import", "--db", db, "--json", list); code != 0 || !strings.Contains(out, `"new": 1`) {
		t.Fatalf("password from the environment: exit %d, %q, %q", code, out, errOut)
	}
}

func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := run(t, "demo", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "export mit Leerzeichen.xlsx")
	if code, _, errOut := run(t, "export", "--db", db, out); code != 0 {
		t.Fatalf("export: %q", errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	f.Close()
	if len(sheets) < 6 || sheets[0] != "Personen" {
		t.Fatalf("sheets = %v", sheets)
	}
	code, stdout, errOut := run(t, "import", "--db", db, "--sheet", "Personen", "--json", out)
	if code != 0 || !strings.Contains(stdout, `"new": 0`) || !strings.Contains(stdout, `"changed": 0`) {
		t.Fatalf("re-import of the export: exit %d, %s %s", code, stdout, errOut)
	}
}
