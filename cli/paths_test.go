package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"tandem/model/store"
)

// TestFoldersWithUmlautsAndSpaces runs a whole working life in folders
// named the way HR names them: the data file, its automatic backups, a
// backup copy and a printed report, all below "Personalabteilung Müller".
func TestFoldersWithUmlautsAndSpaces(t *testing.T) {
	base := filepath.Join(t.TempDir(), "Personalabteilung Müller")
	db := filepath.Join(base, "Daten Ü", "Tandem Daten äöß.db")
	if code, _, errOut := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %q", code, errOut)
	}

	// The automatic backups go next to the file.
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	auto, err := st.Backup("manual")
	if err == nil {
		var list []store.Backup
		list, err = st.Backups()
		if len(list) != 1 || list[0].Path != auto.Path {
			t.Errorf("backups listed: %+v, want %s", list, auto.Path)
		}
	}
	programmes, _ := st.Programmes()
	st.Close()
	if err != nil || filepath.Dir(auto.Path) != filepath.Join(base, "Daten Ü", "Tandem Daten äöß-backups") {
		t.Fatalf("backup %q, %v", auto.Path, err)
	}
	if len(programmes) == 0 {
		t.Fatal("the demo has no programme")
	}

	reports := filepath.Join(base, "Berichte für Frau Öztürk")
	copies := filepath.Join(base, "Sicherung Ü")
	for _, dir := range []string{reports, copies} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	pdf := filepath.Join(reports, "Programmbericht 2026 – Übersicht.pdf")
	if code, _, errOut := run(t, "print", "report", "--db", db, "--programme", programmes[0].Name, "--out", pdf); code != 0 {
		t.Fatalf("print report: %d %q", code, errOut)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, programmes[0].Name) {
		t.Error("the report in the folder with umlauts does not name the programme")
	}

	backup := filepath.Join(copies, "Kopie vom Montag.db")
	if code, _, errOut := run(t, "backup", "--db", db, "--out", backup); code != 0 {
		t.Fatalf("backup: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "restore", "--db", db, backup); code != 0 {
		t.Fatalf("restore: %d %q", code, errOut)
	}
	code, out, errOut := run(t, "check", "--db", db, "--json")
	var report checkReport
	if code != 0 || json.Unmarshal([]byte(out), &report) != nil || !report.OK || report.File != db {
		t.Fatalf("check: %d %q %q", code, out, errOut)
	}
}

// TestDefaultFileBelowHomeWithUmlauts uses the default file of an account
// named "Frau Müller".
func TestDefaultFileBelowHomeWithUmlauts(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the data folder is set through XDG_DATA_HOME only on Linux")
	}
	data := filepath.Join(t.TempDir(), "Frau Müller", ".local", "share")
	t.Setenv("XDG_DATA_HOME", data)
	// Backing up without --db creates the default file.
	saved := filepath.Join(t.TempDir(), "Sicherung für Frau Müller.db")
	if code, _, errOut := run(t, "backup", "--out", saved); code != 0 {
		t.Fatalf("backup: %d %q", code, errOut)
	}
	code, out, errOut := run(t, "check", "--json")
	var report checkReport
	if code != 0 || json.Unmarshal([]byte(out), &report) != nil {
		t.Fatalf("check: %d %q %q", code, out, errOut)
	}
	if want := filepath.Join(data, "tandem", "tandem.db"); report.File != want {
		t.Fatalf("default file %q, want %q", report.File, want)
	}
	if _, err := os.Stat(report.File); err != nil {
		t.Fatal(err)
	}
}
