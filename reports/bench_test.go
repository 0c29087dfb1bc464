package reports_test

import (
	"bytes"
	"strconv"
	"testing"

	"tandem/model"
	"tandem/reports"
)

// firstNames and lastNames make the synthetic staff, with the letters the
// documents must print.
var (
	firstNames = []string{"Zoë", "Jürgen", "Łukasz", "Ayşe", "Sören", "Agnieszka", "Emre", "Gülşen", "Małgorzata", "Björn"}
	lastNames  = []string{"Kästner", "Groß", "Wójcik", "Öztürk", "Müller", "Dąbrowska", "Şahin", "Çelik", "Żółkiewska", "Weiß"}
)

// bigProgramme synthesises a programme with n tandems and their
// confidentiality agreements, in memory.
func bigProgramme(n int) (*model.ProgrammeData, []model.Agreement) {
	d := &model.ProgrammeData{
		Programme: model.Programme{Meta: model.Meta{ID: 1}, Name: "Reverse Mentoring 2026", Start: model.NewDate(2026, 2, 2),
			End: model.NewDate(2027, 1, 29), CadenceWeeks: 4, SessionMinutes: 60, HRContact: "Petra Schmidt",
			State: model.ProgrammeRunning},
		Persons:  make(map[model.ID]model.Person, 2*n),
		Meetings: map[model.ID][]model.Meeting{},
	}
	as := make([]model.Agreement, 0, n)
	for i := range n {
		mentor, mentee := model.ID(2*i+1), model.ID(2*i+2)
		for k, id := range []model.ID{mentor, mentee} {
			d.Persons[id] = model.Person{Meta: model.Meta{ID: id}, FirstName: firstNames[(i+k)%len(firstNames)],
				LastName: lastNames[(i*3+k)%len(lastNames)], JobTitle: []string{"Auszubildende", "Bereichsleiter"}[k],
				Department: []string{"Marketing", "Vertrieb", "Logistik", "Einkauf"}[i%4], Salutation: model.SalutationMs}
		}
		t := model.Tandem{Meta: model.Meta{ID: model.ID(i + 1)}, ProgrammeID: 1, MentorID: mentor, MenteeID: mentee,
			State: model.TandemConfirmed}
		d.Tandems = append(d.Tandems, t)
		as = append(as, model.Agreement{Meta: model.Meta{ID: model.ID(i + 1)}, Kind: model.ConfidentialityTandem,
			ProgrammeID: 1, TandemID: t.ID, State: model.AgreementDraft})
	}
	return d, as
}

// BenchmarkConfidentialityAgreements1000 prints 1 000 confidentiality
// agreements into one PDF; target ≤ 1 s and ≤ 3 MB.
func BenchmarkConfidentialityAgreements1000(b *testing.B) {
	d, as := bigProgramme(1000)
	opt := reports.Options{Lang: "de", Today: today, Settings: model.Settings{CompanyName: "Lindenberg Logistik GmbH",
		Address: "Lindenberger Kai 7\n20457 Hamburg"}}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := reports.Agreements(&buf, opt, d, as, func(int, int) {}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// TestBatchPageNumbers checks that every document of a batch counts its
// own pages and that the progress reaches the total.
func TestBatchPageNumbers(t *testing.T) {
	d, as := bigProgramme(12)
	opt := reports.Options{Lang: "de", Today: today}
	var done []int
	pdf := render(t, func(w *bytes.Buffer) error {
		return reports.Agreements(w, opt, d, as, func(n, total int) {
			if total != len(as) {
				t.Errorf("progress total %d, want %d", total, len(as))
			}
			done = append(done, n)
		})
	})
	if len(done) != len(as) || done[len(done)-1] != len(as) {
		t.Errorf("progress %v", done)
	}
	text := pdfText(t, "batch", pdf)
	n := pages(t, "batch", pdf)
	per := n / len(as)
	if per*len(as) != n || per < 2 {
		t.Fatalf("%d pages for %d agreements", n, len(as))
	}
	for p := 1; p <= per; p++ {
		want := "Seite " + strconv.Itoa(p) + " von " + strconv.Itoa(per)
		if c := bytes.Count([]byte(text), []byte(want)); c != len(as) {
			t.Errorf("%q %d times, want %d", want, c, len(as))
		}
	}
	if bytes.Contains([]byte(text), []byte("von "+strconv.Itoa(n))) {
		t.Errorf("pages counted across the batch")
	}
}
