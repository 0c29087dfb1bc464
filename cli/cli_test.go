package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/model/store"
)

// run executes the command line and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestMain(m *testing.M) {
	// Commands answer in German where the system locale is unknown.
	os.Setenv("LANG", "C")
	os.Setenv("LC_ALL", "")
	os.Exit(m.Run())
}

func TestVersionAndUsage(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != 0 || !strings.HasPrefix(out, "Tandem ") {
		t.Fatalf("version: %d %q", code, out)
	}
	tests := [][]string{{"fliegen"}, {"version", "x"}, {"demo"}, {"backup", "--db", "x.db"}, {"restore"}, {"--nope"}}
	for _, args := range tests {
		code, _, errOut := run(t, args...)
		if code != 2 || !strings.Contains(errOut, "Aufruf:") {
			t.Errorf("%v: exit %d, stderr %q; want 2 with the usage", args, code, errOut)
		}
	}
}

func TestWindowIsTheDefault(t *testing.T) {
	var opened string
	openWindow = func(db string) error { opened = db; return nil }
	defer func() { openWindow = nil }()
	if code, _, _ := run(t, "--db", "firma.db"); code != 0 || opened != "firma.db" {
		t.Fatalf("exit %d, opened %q", code, opened)
	}
}

func TestDemoCheckBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "Übungsfirma mit Leerzeichen.db")
	code, out, errOut := run(t, "demo", "--db", db)
	if code != 0 || !strings.Contains(out, "Personen") {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	code, _, errOut = run(t, "demo", "--db", db)
	if code != 1 || !strings.Contains(errOut, "enthält schon Daten") {
		t.Fatalf("second demo: exit %d, %q", code, errOut)
	}

	code, out, errOut = run(t, "check", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("check: %d %q", code, errOut)
	}
	var report struct {
		OK         bool           `json:"ok"`
		Schema     int            `json:"schema"`
		File       string         `json:"file"`
		Counts     map[string]int `json:"counts"`
		Programmes []string       `json:"programmes"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("check --json printed %q: %v", out, err)
	}
	if !report.OK || report.Schema < 1 || report.File != db || report.Counts["persons"] < 60 ||
		len(report.Programmes) != 2 || report.Programmes[0] != "Reverse Mentoring 2026" {
		t.Fatalf("report = %+v", report)
	}
	for _, k := range []string{"persons", "programmes", "enrolments", "tandems", "meetings", "agreements"} {
		if _, ok := report.Counts[k]; !ok {
			t.Errorf("counts lack %q", k)
		}
	}

	backup := filepath.Join(dir, "kopie.db")
	if code, _, errOut := run(t, "backup", "--db", db, "--out", backup); code != 0 {
		t.Fatalf("backup: %d %q", code, errOut)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	persons, _ := st.Persons()
	if err := st.DeletePerson(persons[len(persons)-1].ID); err != nil {
		// a participant cannot be deleted; find one who is not
		for _, p := range persons {
			if err = st.DeletePerson(p.ID); err == nil {
				break
			}
		}
	}
	st.Close()

	if code, _, errOut := run(t, "restore", backup, "--db", db); code != 0 {
		t.Fatalf("restore: %d %q", code, errOut)
	}
	st, err = store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.Persons()
	st.Close()
	if len(after) != len(persons) {
		t.Fatalf("after restore %d persons, want %d", len(after), len(persons))
	}
}

func TestLockedFileFailsFast(t *testing.T) {
	db := filepath.Join(t.TempDir(), "offen.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	code, _, errOut := run(t, "check", "--db", db)
	if code != 1 || !strings.Contains(errOut, "bereits geöffnet") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Fatalf("exit %d, stderr %q; want 1 and one sentence", code, errOut)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %v, want under 2 s", d)
	}
}

func TestForeignFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "liste.db")
	if err := os.WriteFile(db, []byte("Name;Vorname\nGroß;Jürgen\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "check", "--db", db)
	if code != 1 || !strings.Contains(errOut, "keine Tandem-Datei") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if data, _ := os.ReadFile(db); !strings.HasPrefix(string(data), "Name;Vorname") {
		t.Fatal("the foreign file was changed")
	}
}

// TestPasswordProtectedFile: `tandem demo` with TANDEM_PASSWORD makes a
// protected file; commands read the password from the environment or the
// terminal; without one, or with a wrong one, they fail with a sentence and
// exit 1 instead of waiting.
func TestPasswordProtectedFile(t *testing.T) {
	store.KDFTarget = time.Millisecond
	ask := readPassword
	t.Cleanup(func() { readPassword = ask })
	db := filepath.Join(t.TempDir(), "Daten Ü", "geschützt.db")
	t.Setenv("TANDEM_PASSWORD", "Geheimnis 2026")
	code, _, errOut := run(t, "demo", "--db", db)
	if code != 0 || !strings.Contains(errOut, "Wiederherstellungsschlüssel") {
		t.Fatalf("demo: exit %d, %q", code, errOut)
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("@lindenberg")) || bytes.Contains(raw, []byte("Lindenberg")) {
		t.Fatal("the protected file shows e-mail addresses or the company name")
	}
	if code, out, errOut := run(t, "check", "--db", db, "--json"); code != 0 || !strings.Contains(out, `"persons"`) {
		t.Fatalf("check with TANDEM_PASSWORD: exit %d, %q, %q", code, out, errOut)
	}

	t.Setenv("TANDEM_PASSWORD", "")
	readPassword = func(string) (string, error) { return "", errors.New("not a terminal") }
	code, _, errOut = run(t, "check", "--db", db)
	if code != 1 || !strings.Contains(errOut, "Passwort geschützt") || !strings.Contains(errOut, "TANDEM_PASSWORD") {
		t.Fatalf("no password: exit %d, %q", code, errOut)
	}
	asked := 0
	readPassword = func(string) (string, error) { asked++; return "geraten", nil }
	code, _, errOut = run(t, "check", "--db", db)
	if code != 1 || asked != 1 || !strings.Contains(errOut, "Passwort ist nicht richtig") {
		t.Fatalf("wrong password: exit %d, asked %d times, %q", code, asked, errOut)
	}
	readPassword = func(string) (string, error) { return "Geheimnis 2026", nil }
	if code, _, errOut := run(t, "check", "--db", db); code != 0 {
		t.Fatalf("password from the terminal: exit %d, %q", code, errOut)
	}
}
