package roster

import (
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"tandem/model"
)

// useTempDir makes a new, empty folder the system's temporary folder for
// the rest of the test and returns it.
func useTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir() // later calls of t.TempDir make folders next to this one, not in it
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, dir)
	}
	if got := os.TempDir(); got != dir && runtime.GOOS != "windows" {
		t.Skipf("the temporary folder stays %s", got)
	}
	return dir
}

// emptyDir fails unless dir holds nothing.
func emptyDir(t *testing.T, dir, after string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("after %s the temporary folder holds %s", after, e.Name())
	}
}

// TestReadingLeavesNoTemporaryFiles reads every staff list of the fixtures,
// the large one included, and writes the rejected rows and the import
// template: nothing is left in the temporary folder. (The reader keeps the
// file in memory; excelize, which writes temporary files, only decrypts
// there.)
func TestReadingLeavesNoTemporaryFiles(t *testing.T) {
	tmp := useTempDir(t)
	entries, err := os.ReadDir(fixture(""))
	if err != nil {
		t.Skip("no fixtures:", err)
	}
	read := 0
	for _, e := range entries {
		path := fixture(e.Name())
		l, recs, err := ReadAll(path, Options{Today: testToday}, "")
		if err != nil {
			continue // a refused file (.xls, .ods, damaged) must leave nothing either
		}
		read++
		pl := MakePlan(recs, nil, testToday, model.Source{File: e.Name()})
		headers := make([]string, len(l.Columns))
		for i, c := range l.Columns {
			headers[i] = c.Header
		}
		if err := WriteRejections(io.Discard, pl, headers, func(p model.Problem) string { return p.Code }, "de"); err != nil {
			t.Fatalf("%s: rejected rows: %v", e.Name(), err)
		}
	}
	if read < 3 {
		t.Fatalf("only %d fixtures read", read)
	}
	if err := WriteTemplate(io.Discard, "de"); err != nil {
		t.Fatal(err)
	}
	emptyDir(t, tmp, "reading the fixtures")
}

// failingWriter fails every write; before the first it notes which
// temporary files excelize has made by then.
type failingWriter struct {
	dir   string
	spill []string
}

var errWriteFailed = errors.New("write failed")

func (w *failingWriter) Write([]byte) (int, error) {
	if w.spill == nil {
		entries, _ := os.ReadDir(w.dir)
		w.spill = []string{}
		for _, e := range entries {
			w.spill = append(w.spill, e.Name())
		}
	}
	return 0, errWriteFailed
}

// exportSource is a file of persons only, for Export.
type exportSource []model.Person

func (s exportSource) Persons() ([]model.Person, error)             { return s, nil }
func (exportSource) Programmes() ([]model.Programme, error)         { return nil, nil }
func (exportSource) Enrolments(model.ID) ([]model.Enrolment, error) { return nil, nil }
func (exportSource) Tandems(model.ID) ([]model.Tandem, error)       { return nil, nil }
func (exportSource) Meetings(model.ID) ([]model.Meeting, error)     { return nil, nil }
func (exportSource) Agreements(model.ID) ([]model.Agreement, error) { return nil, nil }
func (exportSource) Audit() ([]model.AuditEntry, error)             { return nil, nil }

// TestExportLeavesNoTemporaryFiles exports a sheet large enough (over
// 16 MB of XML) for excelize to move it into a temporary file, and lets
// the writing fail, as on a full disk: the temporary file is gone
// afterwards all the same.
func TestExportLeavesNoTemporaryFiles(t *testing.T) {
	tmp := useTempDir(t)
	ps := companyStaff(0, 600)
	for i := range ps {
		ps[i].ID = model.ID(i + 1)
		ps[i].Department = strings.Repeat("Abteilung ", 3000)
	}
	w := &failingWriter{dir: tmp}
	if err := Export(w, exportSource(ps), "de"); !errors.Is(err, errWriteFailed) {
		t.Fatalf("Export: %v, want the writer's error", err)
	}
	spilled := false
	for _, name := range w.spill {
		spilled = spilled || strings.HasPrefix(name, "excelize-")
	}
	if !spilled {
		t.Fatalf("excelize made no temporary file (%v): the test no longer tests anything", w.spill)
	}
	emptyDir(t, tmp, "a failed export")
	if err := Export(io.Discard, exportSource(ps[:50]), "de"); err != nil {
		t.Fatal(err)
	}
	emptyDir(t, tmp, "an export")
}
