package reports_test

import (
	"bytes"
	"errors"
	"testing"

	"tandem/model"
	"tandem/reports"
)

// FuzzPreview renders arbitrary template text all the way to a PDF, as the
// editor's preview does: it never panics, and a text that makes no
// document fails with a TemplateError and writes nothing.
func FuzzPreview(f *testing.F) {
	names := []string{reports.Confidentiality, reports.ConfidentialityPerson, reports.TandemAgreement,
		reports.Certificate, reports.CheckIn, reports.Report, reports.DisclosureTemplate}
	for i, name := range names {
		f.Add(uint8(i), reports.DefaultText(name, "de"))
	}
	for _, s := range []string{"", "# \n", "{{", "**x**", "__x", "- a\n  - b\n- c", "@signatures", "@chart",
		"# T\n\n" + string(bytes.Repeat([]byte("Wort "), 3000)), "# T\n\n" + string(bytes.Repeat([]byte("x"), 5000)),
		"# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "# T\n\n\u202e\u0000\ufffd\U0001F600 Zoë\n",
		"{{range .Tandems}}{{.Mentor.FirstName}}{{end}}", "{{printf \"%v\" .}}"} {
		f.Add(uint8(0), s)
	}
	opt := reports.Options{Lang: "de", Today: model.NewDate(2026, 6, 15), Settings: model.Settings{CompanyName: "Muster GmbH"}}
	f.Fuzz(func(t *testing.T, n uint8, text string) {
		var w bytes.Buffer
		err := reports.Preview(&w, opt, names[int(n)%len(names)], text)
		if err != nil {
			var te *reports.TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("%q: %v is no TemplateError", text, err)
			}
			if w.Len() > 0 {
				t.Fatalf("%q: %v, yet %d bytes written", text, err, w.Len())
			}
			return
		}
		if !bytes.HasPrefix(w.Bytes(), []byte("%PDF-")) {
			t.Fatalf("%q: no PDF", text)
		}
	})
}
