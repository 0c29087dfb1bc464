package reports_test

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tandem/model"
	"tandem/reports"
)

// The page in points, as pdftotext -bbox measures it.
const (
	pageWidth   = 595.276
	rightMargin = 20 / 25.4 * 72
	leftMargin  = 25 / 25.4 * 72
)

var wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)

// checkMargins fails for every word outside the margins.
func checkMargins(t *testing.T, name string, pdf []byte) {
	t.Helper()
	bin := tool(t, "pdftotext")
	out := run(t, bin, "-bbox", pdfFile(t, name, pdf), "-")
	words := wordRE.FindAllStringSubmatch(out, -1)
	if len(words) == 0 {
		t.Fatalf("%s: no words", name)
	}
	bad := 0
	for _, w := range words {
		xMin, _ := strconv.ParseFloat(w[1], 64)
		xMax, _ := strconv.ParseFloat(w[2], 64)
		if xMax > pageWidth-rightMargin+0.5 || xMin < leftMargin-0.5 {
			if bad++; bad <= 5 {
				t.Errorf("%s: %q from %.1f to %.1f pt, outside %.1f–%.1f", name, w[3], xMin, xMax,
					leftMargin, pageWidth-rightMargin)
			}
		}
	}
}

// TestMargins checks that no word of any document crosses the margins,
// also with very long names and words.
func TestMargins(t *testing.T) {
	ex := world(t)
	for _, lang := range []string{"de", "en"} {
		docs := documents(t, ex, lang)
		for _, name := range slices.Sorted(maps.Keys(docs)) {
			checkMargins(t, lang+"_"+name, docs[name])
		}
	}
	s := stressed(ex)
	opt := ex.options("de")
	opt.Settings.CompanyName = "Gesellschaft für " + longWord + " mbH & Co. KG"
	opt.Settings.Address = longWord + "straße 1\n12345 Berlin"
	var personal []model.Agreement
	for _, e := range s.Enrolments[:2] {
		personal = append(personal, model.Agreement{Kind: model.ConfidentialityPerson, PersonID: e.PersonID})
	}
	mentee := ex.people[s.Tandems[0].MenteeID]
	stressPerson(&mentee, s)
	docs := map[string]func(w *bytes.Buffer) error{
		"stress_agreements": func(w *bytes.Buffer) error {
			return reports.Agreements(w, opt, s, append(slices.Clone(s.Agreements), personal...), nil)
		},
		"stress_certificates": func(w *bytes.Buffer) error {
			return reports.Certificates(w, opt, s, []model.ID{s.Tandems[0].MentorID, s.Tandems[0].MenteeID}, nil)
		},
		"stress_checkins": func(w *bytes.Buffer) error {
			return reports.CheckInForms(w, opt, s, []model.ID{s.Tandems[0].MentorID, s.Tandems[0].MenteeID}, model.AtEnd, nil)
		},
		"stress_report":     func(w *bytes.Buffer) error { return reports.ProgrammeReport(w, opt, s) },
		"stress_disclosure": func(w *bytes.Buffer) error { return reports.Disclosure(w, opt, &mentee) },
	}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		checkMargins(t, name, render(t, docs[name]))
	}
}

// longWord is a word longer than any line.
var longWord = strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitänsmütze", 5)

// stressed returns the running programme with very long names and texts.
func stressed(ex *example) *model.ProgrammeData {
	d := ex.running
	d.Programme.Name = "Reverse Mentoring " + longWord
	d.Programme.HRContact = "Maximiliane-Friederike von " + longWord
	d.Programme.Framework = longWord + " " + longWord
	d.Persons = maps.Clone(d.Persons)
	for id, p := range d.Persons {
		p.FirstName = "Maximiliane-Friederike-Charlotte"
		p.LastName = "von Hohenzollern-Sigmaringen-Wittelsbach-" + strconv.Itoa(int(id))
		p.JobTitle = longWord
		p.Department = "Abteilung für " + longWord
		d.Persons[id] = p
	}
	d.Tandems = slices.Clone(d.Tandems)
	for i := range d.Tandems {
		d.Tandems[i].Goals = []model.Goal{{Direction: model.MenteeLearns, Text: longWord, SuccessSign: longWord + " " + longWord, Status: model.GoalOpen}}
	}
	d.Programme.Topics = []string{longWord, "KI"}
	d.Enrolments = slices.Clone(d.Enrolments)
	for i := range d.Enrolments {
		d.Enrolments[i].Topics = []string{longWord, "Social Media " + longWord}
	}
	d.CheckIns = slices.Clone(d.CheckIns)
	for i := range d.CheckIns {
		c := d.CheckIns[i]
		c.SelfAssessment = map[string]int{longWord: 2}
		d.CheckIns[i] = c
		c.Moment, c.SelfAssessment = model.AtEnd, map[string]int{longWord: 5}
		d.CheckIns = append(d.CheckIns, c)
	}
	d.Meetings = maps.Clone(d.Meetings)
	for id, ms := range d.Meetings {
		ms = slices.Clone(ms)
		for i := range ms {
			ms[i].Topics = []string{longWord}
		}
		d.Meetings[id] = ms
	}
	return &d
}

// stressPerson gives a personal-data report very long values.
func stressPerson(p *model.PersonData, d *model.ProgrammeData) {
	p.Person = d.Persons[p.Person.ID]
	p.Person.Email = longWord + "@example.de"
	p.Partners = maps.Clone(p.Partners)
	for id := range p.Partners {
		p.Partners[id] = d.Persons[id]
	}
	p.Meetings = maps.Clone(p.Meetings)
	for id, ms := range p.Meetings {
		ms = slices.Clone(ms)
		for i := range ms {
			ms[i].Place, ms[i].Agenda, ms[i].MenteeLearned = longWord, longWord, longWord
			ms[i].Topics = []string{longWord}
		}
		p.Meetings[id] = ms
	}
	p.Audit = append(slices.Clone(p.Audit), model.AuditEntry{User: longWord, Action: "update", Summary: longWord})
}
