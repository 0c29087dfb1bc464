package reports

import (
	"io"
	"slices"

	"tandem/model"
)

// Agreements writes the agreements (model.Agreement of any kind) as one
// PDF, each its own document with its own page numbers, in the given
// order, using d for the programme, tandems, persons and enrolments.
// progress (may be nil) is called after each document with (done, total).
// A text that makes no document gives a *TemplateError; on any error
// nothing is written to w.
func Agreements(w io.Writer, opt Options, d *model.ProgrammeData, as []model.Agreement, progress func(done, total int)) error {
	const op = "reports.Agreements"
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("title.agreements"))
	if err != nil {
		return model.E(op, err)
	}
	pw.note = lb.fill("footer.version", "v", VersionOf(opt.Settings, opt.lang()))
	b := newBatch(pw, opt)
	for i := range as {
		doc, err := agreementDoc(lb, opt, d, &as[i])
		if err != nil {
			return model.E(op, err)
		}
		if err := b.add(doc); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(as))
		}
	}
	return pw.output(w)
}

// agreementDoc gathers what an agreement's document shows.
func agreementDoc(lb labels, opt Options, d *model.ProgrammeData, a *model.Agreement) (doc, error) {
	name, ok := kindTemplate(a.Kind)
	if !ok || d == nil {
		return doc{}, model.E(model.Invalid, model.Problem{Field: "kind", Code: "choice", Arg: string(a.Kind)})
	}
	p := &d.Programme
	data := common(lb, opt, p)
	dc := doc{name: name, data: data, hr: hrSigner(lb, p)}
	if a.Kind == model.ConfidentialityPerson {
		person, ok := d.Persons[a.PersonID]
		if !ok {
			return doc{}, notFound("person", a.PersonID)
		}
		role := model.Mentee
		if e := d.Enrolment(person.ID); e != nil {
			role = e.Role
		} else if slices.ContainsFunc(d.Tandems, func(t model.Tandem) bool { return t.MentorID == person.ID }) {
			role = model.Mentor
		}
		data.Role = roleLabel(lb, role, &person)
		data.Person = party(person, data.Role)
		dc.signers = []signer{{name: person.FullName(), role: data.Role}}
		dc.bookmark = lb.get("doc."+name) + " – " + person.FullName()
		return dc, nil
	}
	t := d.Tandem(a.TandemID)
	if t == nil {
		return doc{}, notFound("tandem", a.TandemID)
	}
	mentor, ok1 := d.Persons[t.MentorID]
	mentee, ok2 := d.Persons[t.MenteeID]
	if !ok1 || !ok2 {
		return doc{}, notFound("person", t.MentorID)
	}
	tandemData(lb, d, t, &mentor, &mentee, data)
	dc.signers = []signer{{name: mentor.FullName(), role: data.Mentor.Role},
		{name: mentee.FullName(), role: data.Mentee.Role}}
	dc.bookmark = lb.get("doc."+name) + " – " + mentor.FullName() + " / " + mentee.FullName()
	return dc, nil
}

// tandemData fills in the tandem's partners, goals, topics and rhythm.
func tandemData(lb labels, d *model.ProgrammeData, t *model.Tandem, mentor, mentee *model.Person, data *Data) {
	data.Mentor = party(*mentor, roleLabel(lb, model.Mentor, mentor))
	data.Mentee = party(*mentee, roleLabel(lb, model.Mentee, mentee))
	data.CadenceWeeks = t.Cadence(&d.Programme)
	for _, g := range t.Goals {
		goal := Goal{Text: escape(g.Text), SuccessSign: escape(g.SuccessSign), Status: lb.get("goal." + string(g.Status))}
		if g.Direction == model.MentorLearns {
			data.MentorGoals = append(data.MentorGoals, goal)
		} else {
			data.MenteeGoals = append(data.MenteeGoals, goal)
		}
	}
	data.Topics = escapeAll(tandemTopics(d, t))
	data.Channel = lb.get("channel." + channel(d.Meetings[t.ID], mentor, mentee))
}

// tandemTopics returns the topics a tandem is about: those the mentor
// offers and the mentee wants, else those of its meetings.
func tandemTopics(d *model.ProgrammeData, t *model.Tandem) []string {
	var offered, wanted []string
	if e := d.Enrolment(t.MentorID); e != nil {
		offered = e.Topics
	}
	if e := d.Enrolment(t.MenteeID); e != nil {
		wanted = e.Topics
	}
	var out []string
	for _, s := range offered {
		if slices.Contains(wanted, s) {
			out = append(out, s)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range d.Meetings[t.ID] {
		out = append(out, m.Topics...)
	}
	return model.CleanList(out)
}

// channel says how a tandem meets: "online" when all its meetings so far
// are online or the partners work in different places, "person" when all
// are in person, "either" otherwise.
func channel(ms []model.Meeting, mentor, mentee *model.Person) string {
	online, inPerson := 0, 0
	for _, m := range ms {
		if m.State == model.MeetingCancelled || m.State == model.MeetingMoved {
			continue
		}
		if m.Online {
			online++
		} else {
			inPerson++
		}
	}
	switch {
	case online > 0 && inPerson == 0:
		return "online"
	case inPerson > 0 && online == 0:
		return "person"
	case online == 0 && mentor.Location != "" && mentee.Location != "" && mentor.Location != mentee.Location:
		return "online"
	}
	return "either"
}

// notFound is the error for a record the programme's data lacks.
func notFound(entity string, id model.ID) error {
	e := model.E(model.NotFound)
	e.Entity, e.Arg = entity, idString(id)
	return e
}
