package reports_test

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tandem/model"
	"tandem/reports"
)

// documents makes every kind of document of the demo company in a language.
func documents(t testing.TB, ex *example, lang string) map[string][]byte {
	t.Helper()
	opt := ex.options(lang)
	d := &ex.running
	kind := func(k model.AgreementKind) []model.Agreement {
		var as []model.Agreement
		for _, a := range d.Agreements {
			if a.Kind == k {
				as = append(as, a)
			}
		}
		return as
	}
	// Per-person declarations for two participants, as HR would print them.
	var personal []model.Agreement
	for _, e := range d.Enrolments[:2] {
		personal = append(personal, model.Agreement{Kind: model.ConfidentialityPerson, ProgrammeID: d.Programme.ID,
			PersonID: e.PersonID, State: model.AgreementDraft})
	}
	mentee := ex.people[d.Tandems[1].MenteeID]
	var enrolled []model.ID
	for _, e := range d.Enrolments {
		enrolled = append(enrolled, e.PersonID)
	}
	docs := map[string]func(w io.Writer) error{
		"confidentiality": func(w io.Writer) error {
			return reports.Agreements(w, opt, d, kind(model.ConfidentialityTandem)[:3], nil)
		},
		"confidentiality_person": func(w io.Writer) error {
			return reports.Agreements(w, opt, d, personal, nil)
		},
		"tandem_agreement": func(w io.Writer) error { return reports.Agreements(w, opt, d, kind(model.TandemAgreement), nil) },
		"certificate": func(w io.Writer) error {
			return reports.Certificates(w, opt, &ex.pilot, reports.Finished(&ex.pilot), nil)
		},
		"checkin": func(w io.Writer) error {
			return reports.CheckInForms(w, opt, d, enrolled, model.HalfTime, nil)
		},
		"report":     func(w io.Writer) error { return reports.ProgrammeReport(w, opt, d) },
		"disclosure": func(w io.Writer) error { return reports.Disclosure(w, opt, &mentee) },
	}
	out := map[string][]byte{}
	for name, f := range docs {
		out[name] = render(t, func(b *bytes.Buffer) error { return f(b) })
	}
	return out
}

// TestDocuments makes every document in both languages and checks that
// each is a PDF with pages.
func TestDocuments(t *testing.T) {
	ex := world(t)
	for _, lang := range []string{"de", "en"} {
		docs := documents(t, ex, lang)
		names := make([]string, 0, len(docs))
		for n := range docs {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, name := range names {
			if n := pages(t, lang+"_"+name, docs[name]); n < 1 {
				t.Errorf("%s %s: %d pages", lang, name, n)
			}
		}
	}
}

// TestEmptyData makes the documents of a programme and a person without
// any records yet.
func TestEmptyData(t *testing.T) {
	opt := reports.Options{Lang: "de", Today: today}
	d := &model.ProgrammeData{Programme: model.Programme{Name: "Leer"}}
	p := &model.PersonData{Person: model.Person{FirstName: "Anna", LastName: "Schulz"}}
	report := pdfText(t, "empty_report", render(t, func(w *bytes.Buffer) error { return reports.ProgrammeReport(w, opt, d) }))
	disclosure := pdfText(t, "empty_disclosure", render(t, func(w *bytes.Buffer) error { return reports.Disclosure(w, opt, p) }))
	if !strings.Contains(report, "Noch keine Daten") || !strings.Contains(report, "Keine Einträge") ||
		!strings.Contains(disclosure, "Keine Einträge") || !strings.Contains(disclosure, "Anna Schulz") {
		t.Errorf("empty documents:\n%s\n%s", report, disclosure)
	}
	none := render(t, func(w *bytes.Buffer) error { return reports.Agreements(w, opt, d, nil, nil) })
	if n := pages(t, "none", none); n != 1 {
		t.Errorf("no agreements: %d pages", n)
	}
	err := reports.Agreements(io.Discard, opt, d, []model.Agreement{{Kind: model.ConfidentialityTandem, TandemID: 9}}, nil)
	if !model.Is(err, model.NotFound) {
		t.Errorf("agreement of an unknown tandem: %v", err)
	}
}

// TestFinished checks who gets a certificate and in which order.
func TestFinished(t *testing.T) {
	ex := world(t)
	got := reports.Finished(&ex.pilot)
	if len(got) != 6 {
		t.Fatalf("%d finished in the pilot, want 6", len(got))
	}
	c := collate.New(language.German)
	for i := 1; i < len(got); i++ {
		a, b := ex.pilot.Persons[got[i-1]], ex.pilot.Persons[got[i]]
		if c.CompareString(a.SortName(), b.SortName()) > 0 {
			t.Errorf("%s before %s", a.SortName(), b.SortName())
		}
	}
	if len(reports.Finished(&ex.running)) != 0 {
		t.Errorf("the running programme has finished participants: %v", reports.Finished(&ex.running))
	}
}
