package reports

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tandem/model"
)

// Certificates writes one certificate of participation per person id,
// each its own document, as one PDF. progress (may be nil) is called after
// each certificate with (done, total). On any error nothing is written.
func Certificates(w io.Writer, opt Options, d *model.ProgrammeData, people []model.ID, progress func(done, total int)) error {
	const op = "reports.Certificates"
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("title.certificates"))
	if err != nil {
		return model.E(op, err)
	}
	b := newBatch(pw, opt)
	for i, id := range people {
		dc, err := certificateDoc(lb, opt, d, id)
		if err != nil {
			return model.E(op, err)
		}
		if err := b.add(dc); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(people))
		}
	}
	return pw.output(w)
}

// certificateDoc gathers what a person's certificate shows: role, the
// period of their tandems, the meetings held and their topics.
func certificateDoc(lb labels, opt Options, d *model.ProgrammeData, id model.ID) (doc, error) {
	if d == nil {
		return doc{}, notFound("programme", 0)
	}
	person, ok := d.Persons[id]
	if !ok {
		return doc{}, notFound("person", id)
	}
	p := &d.Programme
	data := common(lb, opt, p)
	role := model.Mentee
	if e := d.Enrolment(id); e != nil {
		role = e.Role
	}
	var start, end model.Date
	count := map[string]int{}
	var topics []string
	for _, t := range d.Tandems {
		if t.MentorID != id && t.MenteeID != id {
			continue
		}
		if t.MentorID == id {
			role = model.Mentor
		}
		if !t.Start.IsZero() && (start.IsZero() || t.Start.Before(start)) {
			start = t.Start
		}
		if !t.End.IsZero() && t.End.After(end) {
			end = t.End
		}
		for _, m := range d.Meetings[t.ID] {
			if m.State != model.MeetingHeld {
				continue
			}
			data.Meetings++
			for _, topic := range m.Topics {
				if count[topic] == 0 {
					topics = append(topics, topic)
				}
				count[topic]++
			}
		}
	}
	slices.SortStableFunc(topics, func(a, b string) int { return count[b] - count[a] })
	data.Topics = escapeAll(topics)
	if !start.IsZero() {
		data.Start = lb.date(start)
	}
	if !end.IsZero() {
		data.End = lb.date(end)
	}
	data.Role = roleLabel(lb, role, &person)
	data.Person = party(person, data.Role)
	return doc{name: Certificate, data: data, signers: []signer{hrSigner(lb, p)}, hr: hrSigner(lb, p),
		place: placeDate(lb, opt), bookmark: lb.get("doc.certificate") + " – " + person.FullName()}, nil
}

// placeDate returns the place of the company (the town of the address's
// last line, "20457 Hamburg" → "Hamburg") and today's date.
func placeDate(lb labels, opt Options) string {
	date := lb.date(opt.today())
	lines := strings.Split(strings.TrimSpace(opt.Settings.Address), "\n")
	fields := strings.Fields(lines[len(lines)-1])
	if len(fields) > 1 && strings.IndexFunc(fields[0], unicode.IsDigit) >= 0 {
		fields = fields[1:]
	}
	town := strings.Join(fields, " ")
	if town == "" {
		return date
	}
	return town + ", " + date
}

// Finished returns the participants who completed the programme: whose
// enrolment is finished or whose tandem is finished, sorted by name.
func Finished(d *model.ProgrammeData) []model.ID {
	if d == nil {
		return nil
	}
	done := map[model.ID]bool{}
	for _, e := range d.Enrolments {
		if e.State == model.EnrolmentFinished {
			done[e.PersonID] = true
		}
	}
	for _, t := range d.Tandems {
		if t.State == model.TandemFinished {
			done[t.MentorID], done[t.MenteeID] = true, true
		}
	}
	var ids []model.ID
	for id := range done {
		if _, ok := d.Persons[id]; ok {
			ids = append(ids, id)
		}
	}
	sortByName(ids, d.Persons)
	return ids
}

// sortByName sorts person ids by last and first name as German readers
// expect ("Öztürk" with the O), then by id.
func sortByName(ids []model.ID, persons map[model.ID]model.Person) {
	c := collate.New(language.German, collate.IgnoreCase)
	slices.SortFunc(ids, func(a, b model.ID) int {
		pa, pb := persons[a], persons[b]
		if r := c.CompareString(pa.SortName(), pb.SortName()); r != 0 {
			return r
		}
		return cmp.Compare(a, b)
	})
}

func idString(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }
