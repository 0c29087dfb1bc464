package reports_test

import (
	"bytes"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tandem/model"
	"tandem/reports"
)

// pageNumbers returns the "Seite x von y" (or "Page x of y") of a PDF's
// text in order.
func pageNumbers(t *testing.T, text string) [][2]int {
	t.Helper()
	var out [][2]int
	for _, m := range regexp.MustCompile(`(?:Seite|Page) (\d+) (?:von|of) (\d+)`).FindAllStringSubmatch(text, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		out = append(out, [2]int{x, y})
	}
	return out
}

// documentPages checks that the page numbers count within each document
// and returns the documents' page counts.
func documentPages(t *testing.T, nums [][2]int) []int {
	t.Helper()
	var docs []int
	for i := 0; i < len(nums); {
		y := nums[i][1]
		for p := 1; p <= y; p++ {
			if i+p-1 >= len(nums) || nums[i+p-1] != [2]int{p, y} {
				t.Fatalf("page numbers %v: document from page %d does not count 1 to %d", nums, i+1, y)
			}
		}
		docs = append(docs, y)
		i += y
	}
	return docs
}

// TestCheckInForms prints the forms of every participant of the running
// programme: one document of one or two pages each, with name, role,
// partner, moment, the questions, the topics and HR's contact.
func TestCheckInForms(t *testing.T) {
	ex := world(t)
	d := &ex.running
	var people []model.ID
	for _, e := range d.Enrolments {
		people = append(people, e.PersonID)
	}
	for _, tc := range []struct {
		lang, title, satisfaction, self, partner, low, high string
	}{
		{"de", "Rückmeldung am Ende", "Wie zufrieden sind Sie mit Ihrem Tandem?", "Wie sicher fühlen Sie sich in diesem Thema?",
			"Tandempartner/in", "gar nicht zufrieden", "sehr zufrieden"},
		{"en", "Check-in at the end", "How satisfied are you with your tandem?", "How confident do you feel in this topic?",
			"Tandem partner", "not at all satisfied", "very satisfied"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var done []int
			pdf := render(t, func(w *bytes.Buffer) error {
				return reports.CheckInForms(w, ex.options(tc.lang), d, people, model.AtEnd, func(n, total int) {
					if total != len(people) {
						t.Errorf("progress total %d, want %d", total, len(people))
					}
					done = append(done, n)
				})
			})
			if len(done) != len(people) || done[len(done)-1] != len(people) {
				t.Errorf("progress %v", done)
			}
			raw := pdfText(t, "checkin_"+tc.lang, pdf)
			text := squeeze(raw)
			docs := documentPages(t, pageNumbers(t, raw))
			if len(docs) != len(people) || pages(t, "checkin_"+tc.lang, pdf) != len(pageNumbers(t, raw)) {
				t.Fatalf("%d documents for %d people", len(docs), len(people))
			}
			for _, n := range docs {
				if n < 1 || n > 2 {
					t.Errorf("a form of %d pages", n)
				}
			}
			for _, want := range []string{tc.title, tc.satisfaction, tc.self, tc.low, tc.high, d.Programme.HRContact} {
				if c := strings.Count(text, want); c != len(people) {
					t.Errorf("%q %d times, want %d", want, c, len(people))
				}
			}
			// Every page's footer names the person, should the pages come apart.
			var footers []string
			for _, l := range strings.Split(raw, "\n") {
				if len(pageNumbers(t, l)) == 1 {
					footers = append(footers, l)
				}
			}
			page := 0
			for i, id := range people {
				p := d.Persons[id]
				for range docs[i] {
					if !strings.Contains(footers[page], "· "+p.FullName()) {
						t.Errorf("footer %q does not name %s", footers[page], p.FullName())
					}
					page++
				}
			}
			// Each form in turn: the person, the partner, the topics.
			forms := strings.Split(text, tc.title)[1:]
			for i, id := range people {
				form, p := forms[i], d.Persons[id]
				if !strings.Contains(form, p.FullName()) {
					t.Errorf("form %d: no %s", i+1, p.FullName())
				}
				for _, tan := range d.Tandems {
					partner := tan.MenteeID
					if tan.MenteeID == id {
						partner = tan.MentorID
					} else if tan.MentorID != id {
						continue
					}
					q := d.Persons[partner]
					shown := strings.Contains(form, tc.partner+" "+q.FullName())
					if want := tan.State != model.TandemProposed && tan.State != model.TandemEndedEarly; shown != want {
						t.Errorf("form of %s: partner %s (%s) shown %v", p.FullName(), q.FullName(), tan.State, shown)
					}
				}
				topics := d.Enrolment(id).Topics
				if len(topics) == 0 {
					topics = d.Programme.Topics
				}
				for _, topic := range topics {
					if !strings.Contains(form, topic) {
						t.Errorf("form of %s: no topic %q", p.FullName(), topic)
					}
				}
			}
			// A blank form: nothing of what was recorded before.
			for _, c := range d.CheckIns {
				if c.Comment != "" && strings.Contains(text, c.Comment) {
					t.Fatalf("a form shows a comment: %q", c.Comment)
				}
			}
		})
	}
}

// TestCheckInFormCases checks the fallbacks: the programme's topics for a
// person without any, no partner outside a tandem, two partners of a
// mentor with two mentees, and the errors.
func TestCheckInFormCases(t *testing.T) {
	d, _ := bigProgramme(3)
	d.Programme.Topics = []string{"KI", "Social Media", "Nachhaltigkeit"}
	d.Enrolments = []model.Enrolment{{PersonID: 1, Role: model.Mentor, Topics: []string{"Datenschutz", " datenschutz "}}}
	d.Tandems[1].MentorID = 1 // person 1 mentors persons 2 and 4
	d.Tandems[2].State = model.TandemProposed
	d.Persons[7] = model.Person{Meta: model.Meta{ID: 7}, FirstName: "İlkay", LastName: "Yılmaz"}
	long := d.Persons[5]
	long.FirstName, long.LastName = "Maximiliane-Friederike-Charlotte Anna-Theresia", "von Hohenzollern-Sigmaringen-Wittelsbach-Hanau"
	d.Persons[5] = long
	opt := reports.Options{Lang: "de", Today: today}
	pdf := render(t, func(w *bytes.Buffer) error {
		return reports.CheckInForms(w, opt, d, []model.ID{1, 5, 7}, model.AfterFirstMeeting, nil)
	})
	raw := pdfText(t, "checkin_cases", pdf)
	text := squeeze(raw)
	// A name too long for the footer is cut short before the page number.
	if !regexp.MustCompile(`· Maximiliane-Friederike-Charlotte Anna-Theresia von [^\n]*… +Seite 1 von 1`).MatchString(raw) {
		t.Errorf("footer of a long name:\n%s", raw)
	}
	forms := strings.Split(text, "Rückmeldung nach dem ersten Treffen")[1:]
	if len(forms) != 3 {
		t.Fatalf("%d forms, want 3:\n%s", len(forms), text)
	}
	p := func(id model.ID) string { q := d.Persons[id]; return q.FullName() }
	mentor := forms[0]
	if !strings.Contains(mentor, "Tandem mit "+p(2)+" und "+p(4)) || strings.Count(mentor, "Datenschutz") != 1 ||
		strings.Contains(mentor, "Nachhaltigkeit") {
		t.Errorf("mentor of two:\n%s", mentor)
	}
	for i, form := range forms[1:] {
		if strings.Contains(form, "Tandempartner/in") || !strings.Contains(form, "Ihr Tandem") {
			t.Errorf("form %d: a partner outside a tandem:\n%s", i+2, form)
		}
		for _, topic := range d.Programme.Topics {
			if !strings.Contains(form, topic) {
				t.Errorf("form %d: no catalogue topic %q", i+2, topic)
			}
		}
	}
	if !strings.Contains(forms[2], "İlkay Yılmaz") || regexp.MustCompile(`\p{L}\?\p{L}`).MatchString(text) {
		t.Errorf("letters:\n%s", forms[2])
	}
	for _, tc := range []struct {
		d      *model.ProgrammeData
		people []model.ID
		moment model.Moment
		kind   model.Kind
	}{
		{d, []model.ID{1}, "later", model.Invalid},
		{d, []model.ID{1, 99}, model.HalfTime, model.NotFound},
		{nil, []model.ID{1}, model.HalfTime, model.NotFound},
	} {
		var w bytes.Buffer
		err := reports.CheckInForms(&w, opt, tc.d, tc.people, tc.moment, nil)
		if !model.Is(err, tc.kind) || w.Len() > 0 {
			t.Errorf("%v %s: %v, %d bytes written", tc.people, tc.moment, err, w.Len())
		}
	}
	none := render(t, func(w *bytes.Buffer) error { return reports.CheckInForms(w, opt, d, nil, model.AtEnd, nil) })
	if n := pages(t, "checkin_none", none); n != 1 {
		t.Errorf("no forms: %d pages", n)
	}
}

// TestCheckInFormLetters prints forms for names with German, Turkish and
// Polish letters in a company with umlauts.
func TestCheckInFormLetters(t *testing.T) {
	d, _ := bigProgramme(3)
	names := [][2]string{{"Şükrü", "Işıkçı"}, {"İlkay", "Çağlar-Dağlıoğlu"}, {"Mikołaj", "Kość-Ślężak"},
		{"Zdzisława", "Gwoździk-Hańcząk"}, {"Jürgen", "Groß-Öhlmann"}, {"Ägidius", "Übelhör"}}
	for i, n := range names {
		p := d.Persons[model.ID(i+1)]
		p.FirstName, p.LastName = n[0], n[1]
		d.Persons[p.ID] = p
	}
	d.Programme.Topics = []string{"Künstliche Intelligenz", "Różnorodność", "Dijital Dönüşüm"}
	opt := reports.Options{Lang: "de", Today: today, Settings: model.Settings{CompanyName: "Gärtnerei Weiß & Söhne"}}
	pdf := render(t, func(w *bytes.Buffer) error {
		return reports.CheckInForms(w, opt, d, []model.ID{1, 2, 3, 4, 5, 6}, model.HalfTime, nil)
	})
	text := pdfText(t, "checkin_letters", pdf)
	for _, n := range names {
		// Named on the own form and in its footer, and as the partner and in
		// "Tandem mit …" on the partner's.
		if c := strings.Count(text, n[0]+" "+n[1]); c != 4 {
			t.Errorf("%s %s printed %d times, want 4", n[0], n[1], c)
		}
	}
	for _, want := range append(d.Programme.Topics, "Gärtnerei Weiß & Söhne", "Rückmeldung zur Halbzeit", "Selbsteinschätzung") {
		if c := strings.Count(text, want); c < 6 {
			t.Errorf("%q printed %d times", want, c)
		}
	}
	if regexp.MustCompile(`\p{L}\?\p{L}|\?\p{L}`).MatchString(text) {
		t.Errorf("letters replaced by question marks")
	}
}

// section returns the text of a report from a heading to the next one.
func section(text, heading, next string) string {
	_, after, ok := strings.Cut(text, heading)
	if !ok {
		return ""
	}
	before, _, _ := strings.Cut(after, next)
	return before
}

// TestGrowth checks the report's growth per topic: the pilot's topics
// with enough self-assessments at start and end, the others left out; a
// sentence where there are no two moments yet.
func TestGrowth(t *testing.T) {
	ex := world(t)
	report := func(lang string, d *model.ProgrammeData) string {
		pdf := render(t, func(w *bytes.Buffer) error { return reports.ProgrammeReport(w, ex.options(lang), d) })
		return squeeze(strings.ReplaceAll(pdfText(t, "growth_"+lang, pdf), "\n", " "))
	}
	pilot := section(report("de", &ex.pilot), "Entwicklung je Thema", "Themen der Treffen")
	shown, hidden := 0, 0
	for _, g := range model.Growth(ex.pilot.CheckIns) {
		in := strings.Contains(pilot, g.Topic)
		if g.StartN >= 3 && g.EndN >= 3 {
			shown++
			if !in {
				t.Errorf("pilot: topic %s not shown", g.Topic)
			}
		} else {
			hidden++
			if in {
				t.Errorf("pilot: topic %s shown with %d and %d assessments", g.Topic, g.StartN, g.EndN)
			}
		}
	}
	if shown == 0 || hidden == 0 || !strings.Contains(pilot, "(hier "+strconv.Itoa(hidden)+")") ||
		!strings.Contains(pilot, "erste Rückmeldung") {
		t.Errorf("pilot growth (%d shown, %d hidden):\n%s", shown, hidden, pilot)
	}
	for _, lang := range []string{"de", "en"} {
		running := report(lang, &ex.running)
		want := map[string]string{"de": "Noch keine Selbsteinschätzungen zu zwei Zeitpunkten",
			"en": "No self-assessments at two moments yet"}[lang]
		if !strings.Contains(running, want) {
			t.Errorf("%s: running programme without %q", lang, want)
		}
	}

	// Constructed: growth, a decline, a topic of too few, sorted by growth.
	d, _ := bigProgramme(2)
	add := func(person model.ID, m model.Moment, self map[string]int) {
		d.CheckIns = append(d.CheckIns, model.CheckIn{PersonID: person, ProgrammeID: 1, Moment: m, Satisfaction: 4,
			SelfAssessment: self})
	}
	for i, v := range [][3]int{{2, 4, 4}, {2, 3, 4}, {2, 4, 3}} {
		add(model.ID(i+1), model.AfterFirstMeeting, map[string]int{"Öffentlichkeitsarbeit": v[0], "KI": 4, "Nur zwei": 1})
		add(model.ID(i+1), model.AtEnd, map[string]int{"Öffentlichkeitsarbeit": v[v[0]], "KI": v[1]})
	}
	add(4, model.AtEnd, map[string]int{"Nur zwei": 5})
	de := section(report("de", d), "Entwicklung je Thema", "Themen der Treffen")
	en := section(report("en", d), "Growth per topic", "Topics of the meetings")
	for _, want := range []string{"Öffentlichkeitsarbeit von 2,0 auf 3,7 (+1,7)", "KI von 4,0 auf 3,7 (–0,3)", "(hier 1)"} {
		if !strings.Contains(de, want) {
			t.Errorf("no %q in:\n%s", want, de)
		}
	}
	if strings.Index(de, "Öffentlichkeitsarbeit") > strings.Index(de, "KI") || strings.Contains(de, "Nur zwei") {
		t.Errorf("order or hidden topic:\n%s", de)
	}
	if !strings.Contains(en, "2.0 to 3.7 (+1.7)") {
		t.Errorf("English:\n%s", en)
	}

	// Two moments, but no topic with enough assessments.
	d.CheckIns = slices.DeleteFunc(d.CheckIns, func(c model.CheckIn) bool { return c.PersonID == 3 })
	few := section(report("de", d), "Entwicklung je Thema", "Themen der Treffen")
	if !strings.Contains(few, "Noch zu wenige Selbsteinschätzungen") || strings.Contains(few, "Öffentlichkeitsarbeit") {
		t.Errorf("too few:\n%s", few)
	}
}

// TestCheckInDeterministic renders the forms twice.
func TestCheckInDeterministic(t *testing.T) {
	ex := world(t)
	people := slices.Sorted(maps.Keys(ex.running.Persons))
	f := func(w *bytes.Buffer) error {
		return reports.CheckInForms(w, ex.options("en"), &ex.running, people, model.HalfTime, nil)
	}
	if !bytes.Equal(render(t, f), render(t, f)) {
		t.Error("the forms differ between two runs")
	}
	if err := reports.CheckInForms(io.Discard, ex.options("de"), &ex.running, people, model.HalfTime, nil); err != nil {
		t.Error(err)
	}
}
