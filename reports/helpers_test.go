package reports_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/demo"
	"tandem/model"
	"tandem/model/store"
	"tandem/reports"
)

// today is the fixed day of every test document.
var today = model.NewDate(2026, 11, 27)

// example is the demo company as the documents see it.
type example struct {
	settings model.Settings
	running  model.ProgrammeData // the running programme
	pilot    model.ProgrammeData // the closed pilot
	persons  []model.Person
	people   map[model.ID]model.PersonData // of everyone in a tandem
}

var (
	exampleOnce sync.Once
	exampleData *example
	exampleErr  error
)

// world loads the demo company once per test binary.
func world(t testing.TB) *example {
	t.Helper()
	exampleOnce.Do(func() { exampleData, exampleErr = loadExample() })
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return exampleData
}

func loadExample() (*example, error) {
	dir, err := os.MkdirTemp("", "tandem-reports")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	clock := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	st, err := store.Open(filepath.Join(dir, "demo.db"), store.Options{User: "test", Now: func() time.Time { return clock }})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := demo.Load(st, today); err != nil {
		return nil, err
	}
	ex := &example{people: map[model.ID]model.PersonData{}}
	if ex.settings, err = st.Settings(); err != nil {
		return nil, err
	}
	ps, err := st.Programmes()
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		d, err := st.ProgrammeData(p.ID)
		if err != nil {
			return nil, err
		}
		if p.State == model.ProgrammeRunning {
			ex.running = d
		} else {
			ex.pilot = d
		}
		for _, t := range d.Tandems {
			for _, id := range []model.ID{t.MentorID, t.MenteeID} {
				if ex.people[id], err = st.PersonData(id); err != nil {
					return nil, err
				}
			}
		}
	}
	ex.persons, err = st.Persons()
	return ex, err
}

// options returns the document options of a language.
func (ex *example) options(lang string) reports.Options {
	return reports.Options{Lang: lang, Today: today, Settings: ex.settings}
}

// confidentialities returns the running programme's per-tandem
// confidentiality agreements.
func (ex *example) confidentialities() []model.Agreement {
	var as []model.Agreement
	for _, a := range ex.running.Agreements {
		if a.Kind == model.ConfidentialityTandem {
			as = append(as, a)
		}
	}
	return as
}

// tool skips the test when a poppler tool is missing.
func tool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skip(name + " is not installed")
	}
	return path
}

// pdfFile writes a PDF to a temporary file and returns its path; with
// TANDEM_PDF_OUT set it also keeps a copy there for looking at.
func pdfFile(t testing.TB, name string, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("TANDEM_PDF_OUT"); out != "" {
		_ = os.WriteFile(filepath.Join(out, name+".pdf"), pdf, 0o600)
	}
	return path
}

// pdfText returns the text of a PDF as pdftotext -layout sees it.
func pdfText(t testing.TB, name string, pdf []byte) string {
	t.Helper()
	bin := tool(t, "pdftotext")
	return run(t, bin, "-layout", "-enc", "UTF-8", pdfFile(t, name, pdf), "-")
}

// pages returns the page count of a PDF as pdfinfo reports it.
func pages(t testing.TB, name string, pdf []byte) int {
	t.Helper()
	bin := tool(t, "pdfinfo")
	out := run(t, bin, pdfFile(t, name, pdf))
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	t.Fatalf("pdfinfo: no page count in %s", out)
	return 0
}

// run runs a poppler tool and fails on any complaint it prints: a
// syntax error in the PDF is a bug even when the tool copes.
func run(t testing.TB, bin string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("%s: %v %s", filepath.Base(bin), err, stderr.String())
	}
	return stdout.String()
}

// render calls a document function and returns the PDF.
func render(t testing.TB, f func(w *bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", b.Bytes()[:min(20, b.Len())])
	}
	return b.Bytes()
}
