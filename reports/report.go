package reports

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tandem/model"
)

// ProgrammeReport writes the programme report for the management: key
// figures, charts, the tandems, the topics and the agreements — figures
// only, no learning notes and no comments.
func ProgrammeReport(w io.Writer, opt Options, d *model.ProgrammeData) error {
	const op = "reports.ProgrammeReport"
	if d == nil {
		return model.E(op, notFound("programme", 0))
	}
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("doc.report")+" – "+d.Programme.Name)
	if err != nil {
		return model.E(op, err)
	}
	if err := newBatch(pw, opt).add(reportDoc(lb, opt, d)); err != nil {
		return err
	}
	return pw.output(w)
}

// reportDoc is the report's document.
func reportDoc(lb labels, opt Options, d *model.ProgrammeData) doc {
	data := common(lb, opt, &d.Programme)
	data.Framework = escapeText(d.Programme.Framework)
	s := newStats(d)
	return doc{name: Report, data: data, dir: func(b block) []element { return s.element(lb, b) }}
}

// stats are the report's figures.
type stats struct {
	d         *model.ProgrammeData
	tandems   []model.Tandem // by state, then mentor's name
	held      map[model.ID]int
	planned   map[model.ID]int
	cancelled int
	states    map[model.TandemState]int
	topics    map[string]int
	topicList []string
}

func newStats(d *model.ProgrammeData) *stats {
	s := &stats{d: d, held: map[model.ID]int{}, planned: map[model.ID]int{}, states: map[model.TandemState]int{},
		topics: map[string]int{}}
	s.tandems = slices.Clone(d.Tandems)
	c := collate.New(language.German, collate.IgnoreCase)
	slices.SortStableFunc(s.tandems, func(a, b model.Tandem) int {
		if r := cmp.Compare(slices.Index(model.TandemStates, a.State), slices.Index(model.TandemStates, b.State)); r != 0 {
			return r
		}
		pa, pb := d.Persons[a.MentorID], d.Persons[b.MentorID]
		return c.CompareString(pa.SortName(), pb.SortName())
	})
	for _, t := range s.tandems {
		s.states[t.State]++
		for _, m := range d.Meetings[t.ID] {
			switch m.State {
			case model.MeetingHeld:
				s.held[t.ID]++
				for _, topic := range m.Topics {
					if s.topics[topic] == 0 {
						s.topicList = append(s.topicList, topic)
					}
					s.topics[topic]++
				}
			case model.MeetingPlanned:
				s.planned[t.ID]++
			case model.MeetingCancelled:
				s.cancelled++
			}
		}
	}
	slices.SortStableFunc(s.topicList, func(a, b string) int {
		if r := cmp.Compare(s.topics[b], s.topics[a]); r != 0 {
			return r
		}
		return c.CompareString(a, b)
	})
	return s
}

func sum(m map[model.ID]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// pairName names a tandem by its partners: "Mentor / Mentee".
func (s *stats) pairName(t *model.Tandem) string {
	mentor, mentee := s.d.Persons[t.MentorID], s.d.Persons[t.MenteeID]
	return mentor.FullName() + " / " + mentee.FullName()
}

// element returns the element of a report directive.
func (s *stats) element(lb labels, b block) []element {
	arg := ""
	if len(b.args) > 0 {
		arg = b.args[0]
	}
	switch {
	case b.dir == "figures":
		return []element{s.figures(lb)}
	case b.dir == "chart" && arg == "meetings":
		var rows []barRow
		for i := range s.tandems {
			t := &s.tandems[i]
			text := strconv.Itoa(s.held[t.ID])
			if n := s.planned[t.ID]; n > 0 {
				text += " " + lb.fill("chart.planned", "n", strconv.Itoa(n))
			}
			rows = append(rows, barRow{label: s.pairName(t), values: []float64{float64(s.held[t.ID])}, texts: []string{text}})
		}
		return []element{newBars(lb, rows, []rgb{blue}, nil, 1)}
	case b.dir == "chart" && arg == "states":
		var rows []barRow
		for _, st := range model.TandemStates {
			n := s.states[st]
			rows = append(rows, barRow{label: lb.get("tandem." + string(st)), values: []float64{float64(n)},
				texts: []string{strconv.Itoa(n)}})
		}
		return []element{newBars(lb, rows, []rgb{blue}, nil, 1)}
	case b.dir == "chart" && arg == "satisfaction":
		counts := make([]int, 5)
		for _, c := range s.d.CheckIns {
			if c.Satisfaction >= 1 && c.Satisfaction <= 5 {
				counts[c.Satisfaction-1]++
			}
		}
		mean, n := model.Satisfaction(s.d.CheckIns)
		caption := lb.fill("chart.satisfaction", "n", strconv.Itoa(n), "mean", lb.decimal(mean))
		return []element{newColumns(lb, []string{"1", "2", "3", "4", "5"}, counts, caption)}
	case b.dir == "chart" && arg == "balance":
		return []element{s.balance(lb)}
	case b.dir == "chart" && arg == "growth":
		return []element{s.growth(lb)}
	case b.dir == "topics" || b.dir == "chart" && arg == "topics":
		var rows []barRow
		for _, topic := range s.topicList {
			rows = append(rows, barRow{label: topic, values: []float64{float64(s.topics[topic])},
				texts: []string{strconv.Itoa(s.topics[topic])}})
		}
		return []element{newBars(lb, rows, []rgb{blue}, nil, 1)}
	case b.dir == "table" && arg == "tandems":
		return []element{s.tandemTable(lb)}
	case b.dir == "agreements":
		return []element{s.agreementTable(lb)}
	}
	return nil
}

// figures are the key figures.
func (s *stats) figures(lb labels) element {
	d := s.d
	var mentors, mentees int
	for _, e := range d.Enrolments {
		if e.State == model.EnrolmentWithdrawn {
			continue
		}
		if e.Role == model.Mentor {
			mentors++
		} else {
			mentees++
		}
	}
	signed, total := 0, 0
	for _, a := range d.Agreements {
		if a.State == model.AgreementRevoked {
			continue
		}
		total++
		if a.State == model.AgreementSigned {
			signed++
		}
	}
	n := strconv.Itoa
	satisfaction, count := model.Satisfaction(d.CheckIns)
	sat := "–"
	if count > 0 {
		sat = lb.fill("figure.mean", "v", lb.decimal(satisfaction))
	}
	bal := d.Balance()
	balance := "–"
	if bal.Held > 0 {
		balance = lb.percent(bal.MenteeShare()) + " · " + lb.percent(bal.MentorShare())
	}
	return newTiles([]tile{
		{lb.get("figure.tandems"), n(len(d.Tandems)), lb.fill("figure.tandems.note",
			"active", n(s.states[model.TandemActive]), "finished", n(s.states[model.TandemFinished]))},
		{lb.get("figure.participants"), n(mentors + mentees), lb.fill("figure.participants.note",
			"mentors", n(mentors), "mentees", n(mentees))},
		{lb.get("figure.meetings"), n(sum(s.held)), lb.fill("figure.meetings.note",
			"planned", n(sum(s.planned)), "cancelled", n(s.cancelled))},
		{lb.get("figure.agreements"), lb.fill("figure.of", "n", n(signed), "total", n(total)), lb.get("figure.agreements.note")},
		{lb.get("figure.satisfaction"), sat, lb.fill("figure.satisfaction.note", "n", n(count))},
		{lb.get("figure.balance"), balance, lb.get("figure.balance.note")},
	})
}

// balance charts the learning balance overall and per tandem with held meetings.
func (s *stats) balance(lb labels) element {
	var rows []barRow
	add := func(label string, b model.Balance) {
		rows = append(rows, barRow{label: label, values: []float64{b.MenteeShare(), b.MentorShare()},
			texts: []string{lb.percent(b.MenteeShare()), lb.percent(b.MentorShare())}})
	}
	if all := s.d.Balance(); all.Held > 0 {
		add(lb.get("chart.balance.all"), all)
	}
	for i := range s.tandems {
		t := &s.tandems[i]
		b := model.LearningBalance(s.d.Meetings[t.ID])
		if b.Held == 0 {
			continue
		}
		label := s.pairName(t)
		if b.OneSided() {
			label += " " + lb.get("chart.balance.oneSided")
		}
		add(label, b)
	}
	return newBars(lb, rows, []rgb{blue, lightBlue}, []string{lb.get("chart.balance.mentee"), lb.get("chart.balance.mentor")}, 1)
}

// tandemTable lists the tandems.
func (s *stats) tandemTable(lb labels) element {
	cols := []column{{lb.get("col.mentor"), 0.21, false}, {lb.get("col.mentee"), 0.21, false},
		{lb.get("col.state"), 0.15, false}, {lb.get("col.start"), 0.16, false},
		{lb.get("col.meetings"), 0.09, true}, {lb.get("col.agreement"), 0.18, false}}
	var rows [][]string
	for i := range s.tandems {
		t := &s.tandems[i]
		mentor, mentee := s.d.Persons[t.MentorID], s.d.Persons[t.MenteeID]
		agreement := lb.get("agreement.none")
		if a := model.Confidentiality(t.ID, s.d.Agreements); a != nil {
			agreement = lb.get("agreement." + string(a.State))
		}
		if model.ConfidentialitySigned(t, s.d.Agreements) {
			agreement = lb.get("agreement.signed")
		}
		start := ""
		if !t.Start.IsZero() {
			start = lb.date(t.Start)
		}
		rows = append(rows, []string{mentor.FullName(), mentee.FullName(), lb.get("tandem." + string(t.State)),
			start, strconv.Itoa(s.held[t.ID]), agreement})
	}
	if len(rows) == 0 {
		return newEmpty(lb)
	}
	return newTable(cols, rows)
}

// agreementTable counts the agreements by kind and state.
func (s *stats) agreementTable(lb labels) element {
	cols := []column{{lb.get("col.kind"), 0.28, false}}
	for i, st := range model.AgreementStates {
		cols = append(cols, column{capital(lb.get("agreement." + string(st))), []float64{0.13, 0.14, 0.17, 0.15}[i], true})
	}
	cols = append(cols, column{lb.get("col.total"), 0.13, true})
	var rows [][]string
	for _, k := range []model.AgreementKind{model.ConfidentialityTandem, model.ConfidentialityPerson, model.TandemAgreement} {
		counts := map[model.AgreementState]int{}
		total := 0
		for _, a := range s.d.Agreements {
			if a.Kind == k {
				counts[a.State]++
				total++
			}
		}
		if total == 0 {
			continue
		}
		row := []string{lb.get("kind." + string(k))}
		for _, st := range model.AgreementStates {
			row = append(row, strconv.Itoa(counts[st]))
		}
		rows = append(rows, append(row, strconv.Itoa(total)))
	}
	if len(rows) == 0 {
		return newEmpty(lb)
	}
	return newTable(cols, rows)
}

// capital returns s with its first letter in upper case, for a state
// name as a column title.
func capital(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// newEmpty says that there is nothing to show.
func newEmpty(lb labels) element {
	t := newText([]span{{text: lb.get("none")}}, italic, bodySize, bodyLeading, 0)
	t.color, t.after = grey, paraAfter
	return t
}
