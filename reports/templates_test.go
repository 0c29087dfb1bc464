package reports_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tandem/model"
	"tandem/reports"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestDefaultTexts checks that every shipped text makes its document in
// both languages, and that HR's texts replace them.
func TestDefaultTexts(t *testing.T) {
	all := []string{reports.Confidentiality, reports.ConfidentialityPerson, reports.TandemAgreement,
		reports.Certificate, reports.CheckIn, reports.Report, reports.DisclosureTemplate}
	for _, name := range all {
		for _, lang := range []string{"de", "en"} {
			text := reports.DefaultText(name, lang)
			if !strings.HasPrefix(text, "# ") {
				t.Errorf("%s.%s: no title", name, lang)
			}
			if err := reports.CheckText(name, lang, text); err != nil {
				t.Errorf("%s.%s: %v", name, lang, err)
			}
			if len(reports.Fields(name)) == 0 {
				t.Errorf("%s: no fields", name)
			}
		}
	}
	if reports.DefaultText("nonsense", "de") != "" || reports.Fields("nonsense") != nil {
		t.Error("an unknown document has a text")
	}
	if reports.DefaultText(reports.Confidentiality, "fr") != reports.DefaultText(reports.Confidentiality, "de") {
		t.Error("other languages should get the German text")
	}
	s := model.Settings{Templates: map[string]string{"confidentiality.en": "# Own\n"}}
	if got := reports.Text(s, reports.Confidentiality, "en"); got != "# Own\n" {
		t.Errorf("Text with HR's own text: %q", got)
	}
	if got := reports.Text(s, reports.Confidentiality, "de"); got != reports.DefaultText(reports.Confidentiality, "de") {
		t.Error("Text without HR's own text is not the default")
	}
	if !slices.Contains(reports.Editable, reports.Certificate) || !slices.Contains(reports.Editable, reports.CheckIn) ||
		slices.Contains(reports.Editable, reports.Report) {
		t.Errorf("Editable: %v", reports.Editable)
	}
}

func TestTextVersion(t *testing.T) {
	a, b := reports.TextVersion("# A\n"), reports.TextVersion("# B\n")
	if len(a) != 8 || a == b || a != reports.TextVersion("# A\r\n") {
		t.Errorf("versions %q %q", a, b)
	}
	var s model.Settings
	v := reports.VersionOf(s, "de")
	s.Templates = map[string]string{"tandem_agreement.de": "# Eigene\n\n@signatures\n"}
	if reports.VersionOf(s, "de") == v || reports.VersionOf(s, "en") != reports.VersionOf(model.Settings{}, "en") {
		t.Error("VersionOf does not follow the texts in use")
	}
}

// TestTemplateErrors checks the code and line of each kind of mistake.
func TestTemplateErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, code, detail string
		line                     int
	}{
		{reports.Confidentiality, "# T\n\nText {{.Company)}}\n", "syntax", "", 3},
		{reports.Confidentiality, "# T\n{{if}}x{{end}}\n", "syntax", "", 2},
		{reports.Confidentiality, "# T\n\n{{.Mentor.Nam}}\n", "unknown_field", ".Mentor.Nam", 3},
		{reports.Confidentiality, "# T\n{{if false}}\n\n{{.Bogus}}{{end}}\n", "unknown_field", ".Bogus", 4},
		{reports.Confidentiality, "# T\n{{.Meetings}}\n", "unknown_field", ".Meetings", 2}, // not offered here
		{reports.TandemAgreement, "# T\n{{range .MenteeGoals}}\n- {{.Txt}}\n{{end}}", "unknown_field", ".Txt", 3},
		{reports.Certificate, "# T\n\n\n{{upper .Company}}\n", "unknown_function", "upper", 4},
		{reports.Certificate, "# T\n{{range 100000000000}}x{{end}}\n", "syntax", "range 100000000000", 2},
		{reports.Confidentiality, "# T\n{{if .Company}}\nText\n", "unclosed", "{{if}}", 2},
		{reports.Confidentiality, "# T\n{{range .Topics}}{{end}}{{with .Company}}\n\nx\n", "unclosed", "{{with}}", 2},
		{reports.Confidentiality, "# T\n\n{{range .Topics}}{{end}}\n", "unknown_field", ".Topics", 3},
		{reports.TandemAgreement, "# T\n{{range .Topics}}{{with .}}\n{{end}}\n", "unclosed", "{{range}}", 2},
		{reports.Confidentiality, "# T\nText {{.Company\nmore\n", "unclosed", "{{", 2},
		{reports.Confidentiality, "# T\n\n@chart meetings\n", "unknown_directive", "@chart meetings", 3},
		{reports.Confidentiality, "# T\n\n\n@signatures everyone\n", "unknown_directive", "@signatures everyone", 4},
		{reports.Report, "# T\n@section person\n", "unknown_directive", "@section person", 2},
		{reports.Report, "# T\n@chart growths\n", "unknown_directive", "@chart growths", 2},
		{reports.CheckIn, "# T\n\n@satisfaction 5\n", "unknown_directive", "@satisfaction 5", 3},
		{reports.CheckIn, "# T\n@signatures\n", "unknown_directive", "@signatures", 2},
		{reports.CheckIn, "# T\n{{.Mentor.Name}}\n", "unknown_field", ".Mentor.Name", 2},
		{reports.Confidentiality, "# T\n\nSome **bold text\n", "unclosed", "**", 3},
		{reports.TandemAgreement, "# T\n\n{{index .Topics 7}}\n", "execution", "index .Topics 7", 3},
	} {
		err := reports.CheckText(tc.name, "de", tc.text)
		var te *reports.TemplateError
		if !errors.As(err, &te) {
			t.Errorf("%q: %v, want a TemplateError", tc.text, err)
			continue
		}
		if te.Code != tc.code || te.Line != tc.line || te.Detail != tc.detail || te.Name != tc.name {
			t.Errorf("%q: %s line %d detail %q, want %s line %d detail %q", tc.text, te.Code, te.Line, te.Detail,
				tc.code, tc.line, tc.detail)
		}
		if te.Error() == "" || te.Err == nil || !slices.Contains(reports.TemplateErrorCodes, te.Code) {
			t.Errorf("%q: no message, or code %q not in TemplateErrorCodes", tc.text, te.Code)
		}
	}
}

// TestBrokenOverride checks that a broken text of HR's makes no PDF at all.
func TestBrokenOverride(t *testing.T) {
	ex := world(t)
	opt := ex.options("de")
	opt.Settings.Templates = map[string]string{"confidentiality.de": "# T\n\n@chart meetings\n"}
	var w bytes.Buffer
	err := reports.Agreements(&w, opt, &ex.running, ex.confidentialities(), nil)
	var te *reports.TemplateError
	if !errors.As(err, &te) || te.Code != "unknown_directive" || w.Len() > 0 {
		t.Errorf("error %v, %d bytes written", err, w.Len())
	}
	err = reports.Preview(&w, opt, reports.Confidentiality, "{{.Nope}}")
	if !errors.As(err, &te) || w.Len() > 0 {
		t.Errorf("Preview: %v, %d bytes written", err, w.Len())
	}
}

// TestPreview makes the preview of every document in both languages.
func TestPreview(t *testing.T) {
	opt := reports.Options{Today: today, Settings: model.Settings{CompanyName: "Muster GmbH"}}
	for _, name := range []string{reports.Confidentiality, reports.ConfidentialityPerson, reports.TandemAgreement,
		reports.Certificate, reports.CheckIn, reports.Report, reports.DisclosureTemplate} {
		for _, lang := range []string{"de", "en"} {
			opt.Lang = lang
			pdf := render(t, func(w *bytes.Buffer) error {
				return reports.Preview(w, opt, name, reports.DefaultText(name, lang))
			})
			text := pdfText(t, "preview_"+lang+"_"+name, pdf)
			if !strings.Contains(text, "Muster GmbH") || !strings.Contains(text, "Zoë Kästner") && name != reports.DisclosureTemplate {
				t.Errorf("%s %s: sample data missing", lang, name)
			}
		}
	}
}

// TestGolden compares two confidentiality agreements with the golden file;
// go test -update rewrites it.
func TestGolden(t *testing.T) {
	d, as := bigProgramme(2)
	opt := reports.Options{Lang: "de", Today: today, Settings: model.Settings{CompanyName: "Lindenberg Logistik GmbH",
		Address: "Lindenberger Kai 7\n20457 Hamburg"}}
	pdf := render(t, func(w *bytes.Buffer) error { return reports.Agreements(w, opt, d, as, nil) })
	path := filepath.Join("testdata", "confidentiality.golden.pdf")
	if *update {
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, want) {
		t.Errorf("the agreements differ from %s (go test -update rewrites it)", path)
	}
}

// FuzzCheckText checks that no text makes CheckText panic or fail with
// another error than a TemplateError.
func FuzzCheckText(f *testing.F) {
	names := []string{reports.Confidentiality, reports.ConfidentialityPerson, reports.TandemAgreement,
		reports.Certificate, reports.CheckIn, reports.Report, reports.DisclosureTemplate}
	for i, name := range names {
		f.Add(uint8(i), reports.DefaultText(name, "de"))
	}
	for _, s := range []string{"{{", "}}", "{{if}}", "**x", "@", "@signatures hr", "{{range .Topics}}{{.}}{{end}}",
		"{{template \"x\"}}", "{{define \"x\"}}{{template \"x\"}}{{end}}{{template \"x\"}}", "\\", "# \n## \n- \n___"} {
		f.Add(uint8(0), s)
	}
	f.Fuzz(func(t *testing.T, n uint8, text string) {
		err := reports.CheckText(names[int(n)%len(names)], "de", text)
		var te *reports.TemplateError
		if err != nil && !errors.As(err, &te) {
			t.Fatalf("%q: %v is no TemplateError", text, err)
		}
	})
}
