package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tandem/model"
	"tandem/model/store"
)

// pdfText returns the text of a PDF through poppler's pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (make test installs poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestPrintAgreements(t *testing.T) {
	db, programme := demoDB(t)
	out := filepath.Join(t.TempDir(), "Verträge mit Leerzeichen.pdf")
	code, stdout, errOut := run(t, "print", "agreements", "--db", db, "--programme", programme, "--out", out)
	if code != 0 {
		t.Fatalf("print agreements: %d %q", code, errOut)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout %q does not name the file", stdout)
	}
	text := pdfText(t, out)
	if !strings.Contains(text, "Vertraulichkeit") {
		t.Errorf("the PDF has no confidentiality agreement:\n%.600s", text)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, _ := st.ProgrammeByName(programme)
	as, _ := st.Agreements(p.ID)
	for _, a := range as {
		if a.State == model.AgreementDraft {
			t.Fatalf("agreement %d is still to print after printing all", a.ID)
		}
		if a.State == model.AgreementPrinted && (a.GeneratedOn.IsZero() || a.TemplateVersion == "") {
			t.Fatalf("printed agreement %d lacks date or text version: %+v", a.ID, a)
		}
	}
}

func TestPrintOneTandem(t *testing.T) {
	db, programme := demoDB(t)
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := st.ProgrammeByName(programme)
	ts, _ := st.Tandems(p.ID)
	var tan model.Tandem
	for _, x := range ts {
		if x.State == model.TandemActive {
			tan = x
			break
		}
	}
	mentor, _ := st.Person(tan.MentorID)
	st.Close()
	out := filepath.Join(t.TempDir(), "one.pdf")
	code, _, errOut := run(t, "print", "agreements", "--db", db, "--programme", programme,
		"--tandem", strconv.FormatUint(uint64(tan.ID), 10), "--out", out)
	if code != 0 {
		t.Fatalf("print one tandem: %d %q", code, errOut)
	}
	if text := pdfText(t, out); !strings.Contains(text, mentor.LastName) {
		t.Errorf("the tandem's agreement does not name %s", mentor.FullName())
	}
	code, _, errOut = run(t, "print", "agreements", "--db", db, "--programme", programme, "--tandem", "99999", "--out", out)
	if code != 1 || !strings.Contains(errOut, "99999") {
		t.Fatalf("unknown tandem: %d %q", code, errOut)
	}
}

func TestPrintReportAndCertificates(t *testing.T) {
	db, programme := demoDB(t)
	dir := t.TempDir()
	report := filepath.Join(dir, "bericht.pdf")
	if code, _, errOut := run(t, "print", "report", "--db", db, "--programme", programme, "--out", report); code != 0 {
		t.Fatalf("print report: %d %q", code, errOut)
	}
	if text := pdfText(t, report); !strings.Contains(text, programme) {
		t.Errorf("the report does not name the programme")
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := st.Programmes()
	st.Close()
	closed := ps[len(ps)-1]
	if closed.State != model.ProgrammeClosed {
		t.Fatalf("the demo's last programme is %s", closed.State)
	}
	certs := filepath.Join(dir, "bestätigungen.pdf")
	if code, _, errOut := run(t, "print", "certificates", "--db", db, "--programme", closed.Name, "--out", certs); code != 0 {
		t.Fatalf("print certificates: %d %q", code, errOut)
	}
	if _, err := os.Stat(certs); err != nil {
		t.Fatal(err)
	}
}

func TestPrintRefusals(t *testing.T) {
	db, programme := demoDB(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"print", "agreements", "--db", db, "--out", out}, 2},
		{[]string{"print", "letters", "--db", db, "--programme", programme, "--out", out}, 2},
		{[]string{"print", "report", "--db", db, "--programme", programme}, 2},
		{[]string{"print", "report", "--db", db, "--programme", programme, "--tandem", "x", "--out", out}, 2},
		{[]string{"print", "report", "--db", db, "--programme", "Gibt es nicht", "--out", out}, 1},
		{[]string{"print", "report", "--db", db, "--programme", programme, "--out", filepath.Join(out, "no", "dir.pdf")}, 1},
	} {
		code, _, errOut := run(t, tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d %q, want %d", tc.args[1:], code, errOut, tc.code)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a refused print wrote a file")
	}
}
