package reports

import (
	"cmp"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"tandem/model"
)

// Disclosure writes the personal-data report under Art. 15 GDPR: all that
// is stored about the person. Of the meetings it shows what concerns the
// person: date, place, state, topics and agenda, and of the learning notes
// and ratings only the person's own side — the partner's are the partner's
// personal data.
func Disclosure(w io.Writer, opt Options, d *model.PersonData) error {
	const op = "reports.Disclosure"
	if d == nil {
		return model.E(op, notFound("person", 0))
	}
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("doc.disclosure")+" – "+d.Person.FullName())
	if err != nil {
		return model.E(op, err)
	}
	if err := newBatch(pw, opt).add(disclosureDoc(lb, opt, d)); err != nil {
		return err
	}
	return pw.output(w)
}

// disclosureDoc is the disclosure's document.
func disclosureDoc(lb labels, opt Options, d *model.PersonData) doc {
	data := common(lb, opt, nil)
	data.Person = party(d.Person, "")
	s := &disclosure{lb: lb, d: d}
	return doc{name: DisclosureTemplate, data: data, dir: s.element}
}

// disclosure renders the sections of a personal-data report.
type disclosure struct {
	lb labels
	d  *model.PersonData
}

func (s *disclosure) element(b block) []element {
	if len(b.args) != 1 {
		return nil
	}
	var els []element
	switch b.args[0] {
	case "person":
		els = []element{newList(s.person())}
	case "programmes":
		els = s.programmes()
	case "tandems":
		els = s.tandems()
	case "meetings":
		els = s.meetings()
	case "agreements":
		els = s.agreements()
	case "checkins":
		els = s.checkIns()
	case "trainings":
		els = s.trainings()
	case "audit":
		els = s.audit()
	}
	if len(els) == 0 {
		els = []element{newEmpty(s.lb)}
	}
	return els
}

// or returns s, or "–" when it is empty.
func or(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// date formats a day, "–" when it is not set.
func (s *disclosure) date(d model.Date) string { return s.lb.date(d) }

// stamp formats a moment as date and time of day.
func (s *disclosure) stamp(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return s.lb.date(model.DateOf(t)) + " " + t.Format("15:04")
}

func (s *disclosure) person() [][2]string {
	p, lb := &s.d.Person, s.lb
	manager := "–"
	if m := s.d.Manager; m != nil {
		manager = m.FullName()
		if m.EmployeeNo != "" {
			manager += " (" + m.EmployeeNo + ")"
		}
	} else if p.ManagerNo != "" {
		manager = p.ManagerNo
	}
	level, birth, salutation := "–", "–", "–"
	if p.Salutation != "" {
		salutation = lb.get("salutation." + p.Salutation)
	}
	if p.Level > 0 {
		level = lb.fill("person.level.value", "n", strconv.Itoa(p.Level))
	}
	if p.BirthYear > 0 {
		birth = strconv.Itoa(p.BirthYear)
	}
	source := "–"
	if p.Source.File != "" || !p.Source.Imported.IsZero() {
		source = lb.fill("person.source.value", "file", or(p.Source.File), "date", s.stamp(p.Source.Imported))
	}
	return [][2]string{
		{lb.get("person.name"), p.FullName()},
		{lb.get("person.salutation"), salutation},
		{lb.get("person.employeeNo"), or(p.EmployeeNo)},
		{lb.get("person.email"), or(p.Email)},
		{lb.get("person.department"), or(p.Department)},
		{lb.get("person.jobTitle"), or(p.JobTitle)},
		{lb.get("person.level"), level},
		{lb.get("person.manager"), manager},
		{lb.get("person.location"), or(p.Location)},
		{lb.get("person.languages"), or(strings.Join(p.Languages, ", "))},
		{lb.get("person.birthYear"), birth},
		{lb.get("person.hireDate"), s.date(p.HireDate)},
		{lb.get("person.exitDate"), s.date(p.ExitDate)},
		{lb.get("person.source"), source},
		{lb.get("person.created"), s.stamp(p.Created)},
		{lb.get("person.updated"), s.stamp(p.Updated)},
	}
}

// programme returns the name of a programme of the person.
func (s *disclosure) programme(id model.ID) string {
	if p, ok := s.d.Programmes[id]; ok {
		return p.Name
	}
	return "–"
}

func (s *disclosure) programmes() []element {
	lb := s.lb
	var els []element
	for _, e := range s.d.Enrolments {
		p := s.d.Programmes[e.ProgrammeID]
		pairs := [][2]string{
			{lb.get("enrolment.period"), s.date(p.Start) + " – " + s.date(p.End)},
			{lb.get("enrolment.role"), roleLabel(lb, e.Role, &s.d.Person)},
			{lb.get("enrolment.state"), lb.get("enrolment." + string(e.State))},
			{lb.get("enrolment.topics"), or(strings.Join(e.Topics, ", "))},
			{lb.get("enrolment.interests"), or(strings.Join(e.Interests, ", "))},
		}
		if e.Role == model.Mentor {
			pairs = append(pairs, [2]string{lb.get("enrolment.capacity"), strconv.Itoa(e.Capacity)})
		}
		pairs = append(pairs,
			[2]string{lb.get("enrolment.motivation"), or(e.Motivation)},
			[2]string{lb.get("enrolment.trainedOn"), s.date(e.TrainedOn)},
			[2]string{lb.get("person.created"), s.stamp(e.Created)})
		els = append(els, subHeading(or(p.Name)), newList(pairs))
	}
	return els
}

// partner returns the name of the person's partner in a tandem and the
// person's own role in it.
func (s *disclosure) partner(t *model.Tandem) (string, model.Role) {
	other, role := t.MenteeID, model.Mentor
	if t.MenteeID == s.d.Person.ID {
		other, role = t.MentorID, model.Mentee
	}
	if p, ok := s.d.Partners[other]; ok {
		return p.FullName(), role
	}
	return "–", role
}

func (s *disclosure) tandems() []element {
	lb := s.lb
	var els []element
	for i := range s.d.Tandems {
		t := &s.d.Tandems[i]
		partner, role := s.partner(t)
		pairs := [][2]string{
			{lb.get("tandem.programme"), s.programme(t.ProgrammeID)},
			{lb.get("tandem.role"), roleLabel(lb, role, &s.d.Person)},
			{lb.get("tandem.partner"), partner},
			{lb.get("col.state"), lb.get("tandem." + string(t.State))},
			{lb.get("col.start"), s.date(t.Start)},
			{lb.get("tandem.end"), s.date(t.End)},
		}
		if t.EndReason != "" {
			pairs = append(pairs, [2]string{lb.get("tandem.endReason"), t.EndReason})
		}
		pairs = append(pairs, [2]string{lb.get("tandem.score"), lb.fill("tandem.score.value", "n", strconv.Itoa(t.Score))})
		for _, g := range t.Goals {
			label := lb.get("tandem.goal." + string(g.Direction))
			text := g.Text
			if g.SuccessSign != "" {
				text += " – " + g.SuccessSign
			}
			pairs = append(pairs, [2]string{label, text + " (" + lb.get("goal."+string(g.Status)) + ")"})
		}
		els = append(els, subHeading(lb.fill("tandem.with", "name", partner)), newList(pairs))
	}
	return els
}

func (s *disclosure) meetings() []element {
	lb := s.lb
	var els []element
	cols := []column{{lb.get("col.date"), 0.14, false}, {lb.get("col.tandem"), 0.14, false},
		{lb.get("col.state"), 0.12, false}, {lb.get("col.place"), 0.16, false},
		{lb.get("col.topics"), 0.25, false}, {lb.get("col.ownNote"), 0.20, false}, {lb.get("col.rating"), 0.09, true}}
	one := len(s.d.Tandems) == 1 // the partner is named in the section's heading then
	if one {
		partner, _ := s.partner(&s.d.Tandems[0])
		cols = slices.Delete(cols, 1, 2)
		els = append(els, newText([]span{{text: lb.fill("meeting.with", "name", partner)}}, regular, bodySize, bodyLeading, 0))
	}
	var rows [][]string
	for i := range s.d.Tandems {
		t := &s.d.Tandems[i]
		partner, role := s.partner(t)
		for _, m := range s.d.Meetings[t.ID] {
			when := s.stamp(m.At) + ", " + lb.fill("minutes", "n", strconv.Itoa(m.Minutes))
			state := lb.get("meeting." + string(m.State))
			if m.CancelledBy != "" {
				state += " (" + lb.get("by."+m.CancelledBy) + ")"
			}
			place := or(m.Place)
			if m.Online {
				place = lb.get("meeting.online")
				if m.Place != "" && m.Place != "Teams" {
					place += " (" + m.Place + ")"
				}
			}
			topics := or(strings.Join(m.Topics, ", "))
			if m.Agenda != "" {
				topics += "; " + lb.get("meeting.agenda") + ": " + m.Agenda
			}
			note, rating := m.MenteeLearned, m.MenteeRating
			if role == model.Mentor {
				note, rating = m.MentorLearned, m.MentorRating
			}
			r := "–"
			if rating > 0 {
				r = strconv.Itoa(rating)
			}
			row := []string{when, partner, state, place, topics, or(note), r}
			if one {
				row = slices.Delete(row, 1, 2)
			}
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return append(els, newTable(cols, rows))
}

// parties are the signing parties in the order they are shown.
var parties = []string{model.PartyMentor, model.PartyMentee, model.PartyPerson, model.PartyHR}

func (s *disclosure) agreements() []element {
	lb := s.lb
	cols := []column{{lb.get("col.kind"), 0.20, false}, {lb.get("col.tandem"), 0.16, false},
		{lb.get("col.state"), 0.15, false}, {lb.get("col.printed"), 0.12, false},
		{lb.get("col.signatures"), 0.25, false}, {lb.get("col.version"), 0.12, false}}
	var rows [][]string
	for _, a := range s.d.Agreements {
		with := "–"
		if a.TandemID != 0 {
			if i := slices.IndexFunc(s.d.Tandems, func(t model.Tandem) bool { return t.ID == a.TandemID }); i >= 0 {
				with, _ = s.partner(&s.d.Tandems[i])
			}
		} else {
			with = s.programme(a.ProgrammeID)
		}
		var signed []string
		for _, p := range parties {
			if on, ok := a.SignedOn[p]; ok && !on.IsZero() {
				signed = append(signed, lb.get("party."+p)+": "+s.date(on))
			}
		}
		if a.Scan != nil {
			signed = append(signed, lb.get("agreement.scan")+": "+a.Scan.Name)
		}
		printed := "–"
		if !a.GeneratedOn.IsZero() {
			printed = s.date(a.GeneratedOn)
		}
		rows = append(rows, []string{lb.get("kind." + string(a.Kind)), with, lb.get("agreement." + string(a.State)),
			printed, or(strings.Join(signed, "; ")), or(a.TemplateVersion)})
	}
	if len(rows) == 0 {
		return nil
	}
	return []element{newTable(cols, rows)}
}

func (s *disclosure) checkIns() []element {
	lb := s.lb
	cols := []column{{lb.get("col.date"), 0.13, false}, {lb.get("col.moment"), 0.17, false},
		{lb.get("col.satisfaction"), 0.15, true}, {lb.get("col.selfAssessment"), 0.27, false},
		{lb.get("col.comment"), 0.28, false}}
	var rows [][]string
	for _, c := range s.d.CheckIns {
		var self []string
		for _, topic := range slices.Sorted(maps.Keys(c.SelfAssessment)) {
			self = append(self, topic+": "+strconv.Itoa(c.SelfAssessment[topic]))
		}
		rows = append(rows, []string{s.date(c.On), lb.get("moment." + string(c.Moment)),
			strconv.Itoa(c.Satisfaction), or(strings.Join(self, ", ")), or(c.Comment)})
	}
	if len(rows) == 0 {
		return nil
	}
	return []element{newTable(cols, rows)}
}

func (s *disclosure) trainings() []element {
	lb := s.lb
	cols := []column{{lb.get("col.date"), 0.15, false}, {lb.get("col.title"), 0.55, false},
		{lb.get("col.programme"), 0.30, false}}
	ts := slices.Clone(s.d.Trainings)
	slices.SortStableFunc(ts, func(a, b model.TrainingEvent) int { return a.On.Compare(b.On) })
	var rows [][]string
	for _, t := range ts {
		rows = append(rows, []string{s.date(t.On), t.Title, s.programme(t.ProgrammeID)})
	}
	if len(rows) == 0 {
		return nil
	}
	return []element{newTable(cols, rows)}
}

func (s *disclosure) audit() []element {
	lb := s.lb
	cols := []column{{lb.get("col.time"), 0.2, false}, {lb.get("col.user"), 0.15, false},
		{lb.get("col.action"), 0.15, false}, {lb.get("col.summary"), 0.5, false}}
	entries := slices.Clone(s.d.Audit)
	slices.SortStableFunc(entries, func(a, b model.AuditEntry) int { return cmp.Compare(b.Time.UnixNano(), a.Time.UnixNano()) })
	var rows [][]string
	for _, e := range entries {
		action := lb.get("audit." + e.Action)
		if action == "audit."+e.Action {
			action = e.Action
		}
		rows = append(rows, []string{s.stamp(e.Time), or(e.User), action, or(e.Summary)})
	}
	if len(rows) == 0 {
		return nil
	}
	return []element{newTable(cols, rows)}
}

// subHeading is an unnumbered sub-heading made by a directive.
func subHeading(text string) element {
	h := &heading{size: bodySize, before: 3.2, after: 0.8}
	h.lh = h.size * 1.3 * ptMM
	h.lines = wrap([]span{{text: text}}, bold, h.size, contentW)
	return h
}
