package reports

import (
	"errors"
	"io"
	"time"

	"tandem/model"
)

// CheckText parses and executes text as the template of the document name
// against built-in sample data and checks the markup it produces. It
// returns nil or a *TemplateError.
func CheckText(name, lang, text string) error {
	opt := Options{Lang: lang, Today: model.NewDate(2026, 6, 15)}
	_, err := checked(opt, name, text)
	return err
}

// checked compiles and runs a text on the sample data and returns the
// sample document.
func checked(opt Options, name, text string) (doc, error) {
	c, err := compile(name, text)
	if err != nil {
		return doc{}, err
	}
	d, err := sampleDoc(labelsFor(opt.lang()), opt, name)
	if err != nil {
		return doc{}, &TemplateError{Name: name, Code: "execution", Err: err}
	}
	out, err := execute(c, text, d.data)
	if err != nil {
		return doc{}, err
	}
	if _, err := parseMarkup(name, text, out); err != nil {
		return doc{}, err
	}
	return d, nil
}

// Preview renders the document name from the given template text with
// sample data, for the editor's "Vorschau", as a PDF. A text that makes no
// document gives a *TemplateError and nothing is written.
func Preview(w io.Writer, opt Options, name, text string) error {
	d, err := checked(opt, name, text)
	if err != nil {
		return err
	}
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("doc."+name))
	if err != nil {
		return model.E("reports.Preview", err)
	}
	if name == Confidentiality || name == ConfidentialityPerson || name == TandemAgreement {
		pw.note = lb.fill("footer.version", "v", TextVersion(text))
	}
	b := newBatch(pw, opt)
	b.texts = map[string]string{name: text}
	if err := b.add(d); err != nil {
		return err
	}
	return pw.output(w)
}

// sampleDoc returns the document name made from the sample data.
func sampleDoc(lb labels, opt Options, name string) (doc, error) {
	d := sampleProgramme(opt.lang())
	switch name {
	case Confidentiality:
		return agreementDoc(lb, opt, d, &model.Agreement{Kind: model.ConfidentialityTandem, TandemID: 1})
	case ConfidentialityPerson:
		return agreementDoc(lb, opt, d, &model.Agreement{Kind: model.ConfidentialityPerson, PersonID: 11})
	case TandemAgreement:
		return agreementDoc(lb, opt, d, &model.Agreement{Kind: model.TandemAgreement, TandemID: 1})
	case Certificate:
		return certificateDoc(lb, opt, d, 11)
	case CheckIn:
		return checkInDoc(lb, opt, d, 11, model.AfterFirstMeeting)
	case Report:
		return reportDoc(lb, opt, d), nil
	case DisclosureTemplate:
		return disclosureDoc(lb, opt, samplePerson(d)), nil
	case Recovery:
		return recoveryDoc(lb, opt, nil, "tandem.db", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"), nil
	}
	return doc{}, errors.New("unknown document " + name)
}

// sampleProgramme is a small programme with three tandems, as the
// editor's preview shows it.
func sampleProgramme(lang string) *model.ProgrammeData {
	en := lang == "en"
	pick := func(de, en2 string) string {
		if en {
			return en2
		}
		return de
	}
	day := model.NewDate
	at := func(d model.Date, h int) time.Time {
		return time.Date(d.Year, d.Month, d.Day, h, 0, 0, 0, time.FixedZone("CET", 3600))
	}
	ai, social, tools := pick("KI", "AI"), "Social Media", pick("Digitale Tools", "Digital tools")
	persons := []model.Person{
		{Meta: model.Meta{ID: 11}, Salutation: model.SalutationMs, FirstName: "Zoë", LastName: "Kästner",
			Department: "Marketing", JobTitle: pick("Junior-Referentin Marketing", "Junior Marketing Specialist"), Location: "Hamburg", Level: 5},
		{Meta: model.Meta{ID: 12}, Salutation: model.SalutationMr, FirstName: "Jürgen", LastName: "Groß",
			Department: pick("Geschäftsführung", "Management"), JobTitle: pick("Geschäftsführer", "Managing Director"), Location: "Hamburg", Level: 1},
		{Meta: model.Meta{ID: 13}, Salutation: model.SalutationMr, FirstName: "Łukasz", LastName: "Wójcik",
			Department: "IT", JobTitle: pick("Anwendungsentwickler", "Application Developer"), Location: "Leipzig", Level: 4},
		{Meta: model.Meta{ID: 14}, Salutation: model.SalutationMs, FirstName: "Ayşe", LastName: "Öztürk",
			Department: pick("Finanzen", "Finance"), JobTitle: pick("Leiterin Finanzen", "Head of Finance"), Location: "München", Level: 2},
		{Meta: model.Meta{ID: 15}, FirstName: "Emre", LastName: "Şahin", Department: "Vertrieb", Location: "Hamburg", Level: 5},
		{Meta: model.Meta{ID: 16}, Salutation: model.SalutationMs, FirstName: "Agnieszka", LastName: "Dąbrowska",
			Department: "Einkauf", Location: "Hamburg", Level: 2},
	}
	d := &model.ProgrammeData{
		Programme: model.Programme{Meta: model.Meta{ID: 1}, Name: "Reverse Mentoring 2026",
			Framework: pick("Ziele: Führungskräfte lernen von jüngeren Kolleginnen und Kollegen – und umgekehrt.",
				"Goals: managers learn from younger colleagues – and the other way round."),
			Start: day(2026, 2, 2), End: day(2027, 1, 29), CadenceWeeks: 4, SessionMinutes: 60,
			Topics: []string{ai, social, tools}, HRContact: "Petra Schmidt", State: model.ProgrammeRunning},
		Persons:  map[model.ID]model.Person{},
		Meetings: map[model.ID][]model.Meeting{},
	}
	for _, p := range persons {
		d.Persons[p.ID] = p
	}
	enrol := func(id model.ID, r model.Role, s model.EnrolmentState, topics ...string) {
		d.Enrolments = append(d.Enrolments, model.Enrolment{Meta: model.Meta{ID: id}, ProgrammeID: 1, PersonID: id,
			Role: r, Topics: topics, State: s, Capacity: 1})
	}
	enrol(11, model.Mentor, model.EnrolmentActive, ai, social)
	enrol(12, model.Mentee, model.EnrolmentActive, ai, social, tools)
	enrol(13, model.Mentor, model.EnrolmentActive, tools)
	enrol(14, model.Mentee, model.EnrolmentActive, tools, ai)
	enrol(15, model.Mentor, model.EnrolmentConfirmed, social)
	enrol(16, model.Mentee, model.EnrolmentConfirmed, social)
	d.Tandems = []model.Tandem{
		{Meta: model.Meta{ID: 1}, ProgrammeID: 1, MentorID: 11, MenteeID: 12, Score: 84, Start: day(2026, 2, 23),
			State: model.TandemActive, Goals: []model.Goal{
				{Direction: model.MenteeLearns, Text: pick("Generative KI sicher im Arbeitsalltag einsetzen", "Use generative AI safely at work"),
					SuccessSign: pick("Erstellt Entwürfe selbst mit einem KI-Assistenten.", "Drafts texts with an AI assistant himself."), Status: model.GoalInProgress},
				{Direction: model.MentorLearns, Text: pick("Verstehen, wie strategische Entscheidungen vorbereitet werden", "Understand how strategic decisions are prepared"),
					Status: model.GoalOpen}}},
		{Meta: model.Meta{ID: 2}, ProgrammeID: 1, MentorID: 13, MenteeID: 14, Score: 71, Start: day(2026, 3, 2),
			State: model.TandemActive},
		{Meta: model.Meta{ID: 3}, ProgrammeID: 1, MentorID: 15, MenteeID: 16, Score: 66, State: model.TandemConfirmed},
	}
	learned := pick("Wie ich mit einem guten Prompt schnell einen Entwurf bekomme.", "How a good prompt gives me a draft quickly.")
	for i, m := range []model.Meeting{
		{TandemID: 1, At: at(day(2026, 3, 2), 10), Topics: []string{ai}, State: model.MeetingHeld, MenteeLearned: learned, MentorLearned: learned, MenteeRating: 5, MentorRating: 4},
		{TandemID: 1, At: at(day(2026, 3, 30), 10), Topics: []string{social}, State: model.MeetingHeld, MenteeLearned: learned, MenteeRating: 4},
		{TandemID: 1, At: at(day(2026, 4, 27), 10), Topics: []string{ai, tools}, State: model.MeetingHeld, MenteeLearned: learned, MentorLearned: learned},
		{TandemID: 1, At: at(day(2026, 6, 22), 10), Topics: []string{ai}, State: model.MeetingPlanned},
		{TandemID: 2, At: at(day(2026, 3, 9), 14), Topics: []string{tools}, State: model.MeetingHeld, Online: true, Place: "Teams", MenteeLearned: learned},
		{TandemID: 2, At: at(day(2026, 4, 6), 14), Topics: []string{tools}, State: model.MeetingCancelled, Online: true, CancelledBy: model.ByMentee},
	} {
		m.ID, m.Minutes = model.ID(i+1), 60
		d.Meetings[m.TandemID] = append(d.Meetings[m.TandemID], m)
	}
	signed := map[string]model.Date{model.PartyMentor: day(2026, 2, 12), model.PartyMentee: day(2026, 2, 16)}
	d.Agreements = []model.Agreement{
		{Meta: model.Meta{ID: 1}, Kind: model.ConfidentialityTandem, ProgrammeID: 1, TandemID: 1, State: model.AgreementSigned, SignedOn: signed, GeneratedOn: day(2026, 2, 9), TemplateVersion: "3f2a9c1e"},
		{Meta: model.Meta{ID: 2}, Kind: model.ConfidentialityTandem, ProgrammeID: 1, TandemID: 2, State: model.AgreementSigned, SignedOn: signed, GeneratedOn: day(2026, 2, 9)},
		{Meta: model.Meta{ID: 3}, Kind: model.ConfidentialityTandem, ProgrammeID: 1, TandemID: 3, State: model.AgreementPrinted, GeneratedOn: day(2026, 6, 1)},
		{Meta: model.Meta{ID: 4}, Kind: model.TandemAgreement, ProgrammeID: 1, TandemID: 1, State: model.AgreementPrinted, GeneratedOn: day(2026, 2, 26)},
	}
	for i, c := range []struct {
		person model.ID
		sat    int
	}{{11, 4}, {12, 5}, {13, 3}, {14, 4}} {
		d.CheckIns = append(d.CheckIns, model.CheckIn{Meta: model.Meta{ID: model.ID(i + 1)}, PersonID: c.person, ProgrammeID: 1,
			Moment: model.AfterFirstMeeting, On: day(2026, 3, 12), Satisfaction: c.sat,
			SelfAssessment: map[string]int{tools: 3, ai: 2}})
	}
	for i, c := range []struct {
		person    model.ID
		sat, tool int
	}{{11, 5, 4}, {12, 4, 4}, {13, 4, 3}, {14, 5, 5}} {
		d.CheckIns = append(d.CheckIns, model.CheckIn{Meta: model.Meta{ID: model.ID(i + 5)}, PersonID: c.person, ProgrammeID: 1,
			Moment: model.HalfTime, On: day(2026, 6, 8), Satisfaction: c.sat,
			SelfAssessment: map[string]int{tools: c.tool, ai: 3}})
	}
	d.Trainings = []model.TrainingEvent{{Meta: model.Meta{ID: 1}, ProgrammeID: 1, On: day(2026, 2, 12),
		Title:     pick("Kick-off-Workshop: Rollen, Ziele und Vertraulichkeit", "Kick-off workshop: roles, goals and confidentiality"),
		Attendees: []model.ID{11, 12, 13, 14}}}
	return d
}

// samplePerson is what is stored about the sample mentee of the first tandem.
func samplePerson(d *model.ProgrammeData) *model.PersonData {
	p := &model.PersonData{Person: d.Persons[12], Programmes: map[model.ID]model.Programme{1: d.Programme},
		Partners: map[model.ID]model.Person{11: d.Persons[11]}, Meetings: map[model.ID][]model.Meeting{1: d.Meetings[1]}}
	p.Enrolments = []model.Enrolment{*d.Enrolment(12)}
	p.Tandems = []model.Tandem{d.Tandems[0]}
	p.Agreements = []model.Agreement{d.Agreements[0], d.Agreements[3]}
	p.CheckIns = []model.CheckIn{d.CheckIns[1]}
	p.Trainings = d.Trainings
	p.Audit = []model.AuditEntry{{Time: time.Date(2026, 1, 20, 9, 30, 0, 0, time.UTC), User: "pschmidt", Action: "update",
		Entity: "person", EntityID: 12, Summary: "Abteilung"}}
	return p
}
