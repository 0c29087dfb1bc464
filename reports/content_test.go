package reports_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tandem/model"
	"tandem/reports"
)

// headings returns the section headings ("## …") of a default text.
func headings(name, lang string) []string {
	var hs []string
	for _, l := range strings.Split(reports.DefaultText(name, lang), "\n") {
		if h, ok := strings.CutPrefix(l, "## "); ok {
			hs = append(hs, strings.TrimSpace(h))
		}
	}
	return hs
}

// squeeze folds the runs of spaces pdftotext -layout puts between words.
var spaces = regexp.MustCompile(`[ \t]+`)

func squeeze(s string) string { return spaces.ReplaceAllString(s, " ") }

// TestAgreementContent checks the confidentiality agreements of the demo
// company: parties with their letters, every clause, both signature lines,
// the page numbers, in German and English.
func TestAgreementContent(t *testing.T) {
	ex := world(t)
	as := ex.confidentialities()
	for _, tc := range []struct {
		lang, title, page, placeDate, dpa, hrSig string
		number                                   *regexp.Regexp
	}{
		{"de", "Vertraulichkeitsvereinbarung", "Seite 1 von 3", "Ort, Datum", "Datenschutz-Grundverordnung", "Personalabteilung",
			regexp.MustCompile(`§ 10 Schlussbestimmungen`)},
		{"en", "Confidentiality Agreement", "Page 1 of 3", "Place, date", "General Data Protection Regulation", "HR department",
			regexp.MustCompile(`10\. Final provisions`)},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			pdf := render(t, func(w *bytes.Buffer) error {
				return reports.Agreements(w, ex.options(tc.lang), &ex.running, as, nil)
			})
			text := squeeze(pdfText(t, "content_"+tc.lang, pdf))
			if n := pages(t, "content_"+tc.lang, pdf); n != 3*len(as) {
				t.Errorf("%d pages for %d agreements, want 3 each", n, len(as))
			}
			for _, want := range []string{tc.title, tc.page, tc.dpa, tc.hrSig, ex.running.Programme.Name,
				ex.settings.CompanyName, "Lindenberger Kai 7", "27"} {
				if !strings.Contains(text, want) {
					t.Errorf("no %q", want)
				}
			}
			for _, h := range headings(reports.Confidentiality, tc.lang) {
				if c := strings.Count(text, h); c < len(as) {
					t.Errorf("heading %q %d times, want %d", h, c, len(as))
				}
			}
			if !tc.number.MatchString(text) {
				t.Errorf("sections not numbered like %s", tc.number)
			}
			if c := strings.Count(text, tc.placeDate); c != 3*len(as) {
				t.Errorf("%q %d times, want %d (mentor, mentee, HR)", tc.placeDate, c, 3*len(as))
			}
			for _, a := range as {
				tan := ex.running.Tandem(a.TandemID)
				for _, id := range []model.ID{tan.MentorID, tan.MenteeID} {
					p := ex.running.Persons[id]
					// Named among the parties and under the signature line.
					if c := strings.Count(text, p.FullName()); c < 2 {
						t.Errorf("%s named %d times", p.FullName(), c)
					}
				}
			}
		})
	}
}

// TestLetters checks that names with German, Turkish and Polish letters
// print, in the agreements and the certificates.
func TestLetters(t *testing.T) {
	d, as := bigProgramme(3)
	names := [][2]string{{"Şükrü", "Işıkçı"}, {"İlkay", "Çağlar-Dağlıoğlu"}, {"Mikołaj", "Kość-Ślężak"},
		{"Zdzisława", "Gwoździk-Hańcząk"}, {"Jürgen", "Groß-Öhlmann"}, {"Ägidius", "Übelhör"}}
	for i, n := range names {
		p := d.Persons[model.ID(i+1)]
		p.FirstName, p.LastName = n[0], n[1]
		d.Persons[p.ID] = p
	}
	opt := reports.Options{Lang: "de", Today: today, Settings: model.Settings{CompanyName: "Gärtnerei Weiß & Söhne"}}
	pdf := render(t, func(w *bytes.Buffer) error { return reports.Agreements(w, opt, d, as, nil) })
	cert := render(t, func(w *bytes.Buffer) error {
		return reports.Certificates(w, opt, d, []model.ID{1, 2, 3, 4, 5, 6}, nil)
	})
	text := pdfText(t, "letters", pdf) + pdfText(t, "letters_cert", cert)
	for _, n := range names {
		if c := strings.Count(text, n[0]+" "+n[1]); c < 3 {
			t.Errorf("%s %s printed %d times", n[0], n[1], c)
		}
	}
	for _, want := range []string{"Gärtnerei Weiß & Söhne", "ı", "İ", "ş", "Ş", "ğ", "ç", "Ç", "ł", "ś", "ż", "ź", "ć", "ń", "ą", "ę",
		"ä", "ö", "ü", "ß", "Ä", "Ö", "Ü", "§", "„", "“", "–", "€"} {
		if want == "€" {
			continue // no euro in these texts; sanitize keeps it, see TestSanitize
		}
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the documents", want)
		}
	}
	if strings.Contains(text, "?") {
		t.Errorf("letters replaced by question marks")
	}
}

// TestOtherDocuments checks the content of the certificate, the report
// and the disclosure.
func TestOtherDocuments(t *testing.T) {
	ex := world(t)
	for _, lang := range []string{"de", "en"} {
		docs := documents(t, ex, lang)
		text := func(name string) string { return squeeze(pdfText(t, lang+"_"+name, docs[name])) }
		finished := reports.Finished(&ex.pilot)
		cert := text("certificate")
		if n := pages(t, "cert", docs["certificate"]); n != len(finished) {
			t.Errorf("%s: %d certificate pages for %d people", lang, n, len(finished))
		}
		for _, id := range finished {
			if p := ex.pilot.Persons[id]; !strings.Contains(cert, p.FullName()) {
				t.Errorf("%s: no certificate for %s", lang, p.FullName())
			}
		}
		report := text("report")
		for _, h := range headings(reports.Report, lang) {
			if !strings.Contains(report, h) {
				t.Errorf("%s report: no heading %q", lang, h)
			}
		}
		// No learning notes or comments in the report.
		for _, ms := range ex.running.Meetings {
			for _, m := range ms {
				if m.MenteeLearned != "" && strings.Contains(report, m.MenteeLearned) {
					t.Fatalf("%s report shows a learning note: %q", lang, m.MenteeLearned)
				}
			}
		}
		for _, c := range ex.running.CheckIns {
			if c.Comment != "" && strings.Contains(report, c.Comment) {
				t.Fatalf("%s report shows a comment: %q", lang, c.Comment)
			}
		}
		disclosure := text("disclosure")
		mentee := ex.people[ex.running.Tandems[1].MenteeID]
		for _, want := range []string{mentee.Person.FullName(), mentee.Person.Email, mentee.Person.EmployeeNo, "Art. 15"} {
			if !strings.Contains(disclosure, want) {
				t.Errorf("%s disclosure: no %q", lang, want)
			}
		}
	}
}

// TestDisclosureOwnNotes checks that the disclosure shows the person's own
// learning notes of the meetings and not the partner's.
func TestDisclosureOwnNotes(t *testing.T) {
	ex := world(t)
	tan := ex.running.Tandems[0]
	d := ex.people[tan.MenteeID]
	pdf := render(t, func(w *bytes.Buffer) error { return reports.Disclosure(w, ex.options("de"), &d) })
	text := squeeze(strings.ReplaceAll(pdfText(t, "own", pdf), "\n", " "))
	own, other := 0, 0
	for _, m := range d.Meetings[tan.ID] {
		if m.MenteeLearned != "" {
			own++
		}
		if m.MentorLearned != "" && m.MentorLearned != m.MenteeLearned && strings.Contains(text, firstWords(m.MentorLearned)) {
			other++
		}
	}
	if own == 0 || other > 0 {
		t.Errorf("own notes %d, partner's notes shown %d", own, other)
	}
}

func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(4, len(f))], " ")
}

// TestDeterministic renders the same documents twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	ex := world(t)
	a, b := documents(t, ex, "de"), documents(t, ex, "de")
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestReuseLooksTheSame prints one agreement three times: the first is set
// directly, the others reuse its pieces; all must look the same.
func TestReuseLooksTheSame(t *testing.T) {
	bin := tool(t, "pdftoppm")
	ex := world(t)
	a := ex.confidentialities()[0]
	pdf := render(t, func(w *bytes.Buffer) error {
		return reports.Agreements(w, ex.options("de"), &ex.running, []model.Agreement{a, a, a}, nil)
	})
	dir := t.TempDir()
	if out, err := exec.Command(bin, "-png", "-r", "72", pdfFile(t, "same", pdf), filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(files) != 9 {
		t.Fatalf("%d pages, want 9", len(files))
	}
	for i := 3; i < 9; i++ {
		x, _ := os.ReadFile(files[i%3])
		y, _ := os.ReadFile(files[i])
		if !bytes.Equal(x, y) {
			t.Errorf("page %d looks different from page %d", i+1, i%3+1)
		}
	}
}
