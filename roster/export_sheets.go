package roster

import (
	"fmt"
	"strings"

	"tandem/model"
)

// exportData is the database as Export writes it, with the lookups that
// turn references into names.
type exportData struct {
	persons    []model.Person
	programmes []model.Programme
	enrolments []model.Enrolment
	tandems    []model.Tandem
	meetings   []model.Meeting
	agreements []model.Agreement
	audit      []model.AuditEntry // newest first
	person     map[model.ID]*model.Person
	programme  map[model.ID]string
	tandem     map[model.ID]*model.Tandem
}

// loadExport reads exportData Export writes: programme by programme, tandem
// by tandem.
func loadExport(s ExportSource) (*exportData, error) {
	d := &exportData{}
	var err error
	if d.persons, err = s.Persons(); err != nil {
		return nil, err
	}
	if d.programmes, err = s.Programmes(); err != nil {
		return nil, err
	}
	for _, p := range d.programmes {
		es, err := s.Enrolments(p.ID)
		if err != nil {
			return nil, err
		}
		ts, err := s.Tandems(p.ID)
		if err != nil {
			return nil, err
		}
		as, err := s.Agreements(p.ID)
		if err != nil {
			return nil, err
		}
		d.enrolments, d.tandems, d.agreements = append(d.enrolments, es...), append(d.tandems, ts...), append(d.agreements, as...)
	}
	for _, t := range d.tandems {
		ms, err := s.Meetings(t.ID)
		if err != nil {
			return nil, err
		}
		d.meetings = append(d.meetings, ms...)
	}
	if d.audit, err = s.Audit(); err != nil {
		return nil, err
	}
	d.person = make(map[model.ID]*model.Person, len(d.persons))
	for i := range d.persons {
		d.person[d.persons[i].ID] = &d.persons[i]
	}
	d.programme = make(map[model.ID]string, len(d.programmes))
	for _, p := range d.programmes {
		d.programme[p.ID] = p.Name
	}
	d.tandem = make(map[model.ID]*model.Tandem, len(d.tandems))
	for i := range d.tandems {
		d.tandem[d.tandems[i].ID] = &d.tandems[i]
	}
	return d, nil
}

// name returns the full name of the person id; "" when there is none.
func (d *exportData) name(id model.ID) string {
	if p := d.person[id]; p != nil {
		return p.FullName()
	}
	return ""
}

// pair returns the tandem id as "Mentor – Mentee" and its programme's name.
func (d *exportData) pair(id model.ID) (names, programme string) {
	t := d.tandem[id]
	if t == nil {
		return "", ""
	}
	return d.name(t.MentorID) + " – " + d.name(t.MenteeID), d.programme[t.ProgrammeID]
}

// personColumns are the columns of a staff list the importer reads back
// unchanged: the persons sheet of the export and the template.
func personColumns(l outLang) []outColumn[model.Person] {
	type P = model.Person
	return []outColumn[P]{
		{l.t("employeeNo"), 14, func(p *P) any { return p.EmployeeNo }},
		{l.t("salutation"), 8, func(p *P) any { return l.t("salutation." + p.Salutation) }},
		{l.t("firstName"), 16, func(p *P) any { return p.FirstName }},
		{l.t("lastName"), 18, func(p *P) any { return p.LastName }},
		{l.t("email"), 32, func(p *P) any { return p.Email }},
		{l.t("department"), 18, func(p *P) any { return p.Department }},
		{l.t("jobTitle"), 24, func(p *P) any { return p.JobTitle }},
		{l.t("level"), 10, func(p *P) any { return p.Level }},
		{l.t("manager"), 14, func(p *P) any { return p.ManagerNo }},
		{l.t("location"), 14, func(p *P) any { return p.Location }},
		{l.t("birthYear"), 10, func(p *P) any { return p.BirthYear }},
		{l.t("hireDate"), 12, func(p *P) any { return p.HireDate }},
		{l.t("exitDate"), 12, func(p *P) any { return p.ExitDate }},
	}
}

// exportPersonColumns are the persons sheet's columns: those of the staff
// list and the languages (which the importer ignores).
func exportPersonColumns(l outLang) []outColumn[model.Person] {
	return append(personColumns(l), outColumn[model.Person]{l.t("languages"), 14,
		func(p *model.Person) any { return strings.Join(p.Languages, ", ") }})
}

// programmeColumns are the columns of the programmes sheet.
func programmeColumns(l outLang) []outColumn[model.Programme] {
	type P = model.Programme
	return []outColumn[P]{
		{l.t("name"), 28, func(p *P) any { return p.Name }},
		{l.t("state"), 14, func(p *P) any { return l.t("programme." + string(p.State)) }},
		{l.t("start"), 12, func(p *P) any { return p.Start }},
		{l.t("end"), 12, func(p *P) any { return p.End }},
		{l.t("cadence"), 10, func(p *P) any { return p.CadenceWeeks }},
		{l.t("session"), 10, func(p *P) any { return p.SessionMinutes }},
		{l.t("topics"), 36, func(p *P) any { return strings.Join(p.Topics, ", ") }},
		{l.t("mentorGroup"), 30, func(p *P) any { return groupText(l, p.Mentors) }},
		{l.t("menteeGroup"), 30, func(p *P) any { return groupText(l, p.Mentees) }},
		{l.t("agreementRequired"), 12, func(p *P) any { return p.AgreementRequired }},
		{l.t("hrContact"), 20, func(p *P) any { return p.HRContact }},
		{l.t("framework"), 60, func(p *P) any { return p.Framework }},
	}
}

// groupText describes a target group: "Ebenen 4, 5; Standorte Köln".
func groupText(l outLang, g model.TargetGroup) string {
	var parts []string
	add := func(key string, values []string) {
		if len(values) > 0 {
			parts = append(parts, l.t(key)+" "+strings.Join(values, ", "))
		}
	}
	levels := make([]string, len(g.Levels))
	for i, n := range g.Levels {
		levels[i] = fmt.Sprint(n)
	}
	add("group.levels", levels)
	add("group.departments", g.Departments)
	add("group.locations", g.Locations)
	if g.BornFrom != 0 || g.BornTo != 0 {
		add("group.born", []string{strings.TrimSpace(numberText(g.BornFrom) + "–" + numberText(g.BornTo))})
	}
	return strings.Join(parts, "; ")
}

// enrolmentColumns are the columns of the enrolments sheet.
func enrolmentColumns(l outLang, d *exportData) []outColumn[model.Enrolment] {
	type E = model.Enrolment
	return []outColumn[E]{
		{l.t("programme"), 24, func(e *E) any { return d.programme[e.ProgrammeID] }},
		{l.t("person"), 24, func(e *E) any { return d.name(e.PersonID) }},
		{l.t("employeeNo"), 14, func(e *E) any {
			if p := d.person[e.PersonID]; p != nil {
				return p.EmployeeNo
			}
			return ""
		}},
		{l.t("role"), 10, func(e *E) any { return l.t("role." + string(e.Role)) }},
		{l.t("state"), 14, func(e *E) any { return l.t("enrolment." + string(e.State)) }},
		{l.t("topics"), 36, func(e *E) any { return strings.Join(e.Topics, ", ") }},
		{l.t("interests"), 30, func(e *E) any { return strings.Join(e.Interests, ", ") }},
		{l.t("capacity"), 10, func(e *E) any { return e.Capacity }},
		{l.t("trainedOn"), 12, func(e *E) any { return e.TrainedOn }},
		{l.t("motivation"), 50, func(e *E) any { return e.Motivation }},
	}
}

// tandemColumns are the columns of the tandems sheet.
func tandemColumns(l outLang, d *exportData) []outColumn[model.Tandem] {
	type T = model.Tandem
	return []outColumn[T]{
		{l.t("programme"), 24, func(t *T) any { return d.programme[t.ProgrammeID] }},
		{l.t("mentor"), 24, func(t *T) any { return d.name(t.MentorID) }},
		{l.t("mentee"), 24, func(t *T) any { return d.name(t.MenteeID) }},
		{l.t("state"), 16, func(t *T) any { return l.t("tandem." + string(t.State)) }},
		{l.t("score"), 10, func(t *T) any { return t.Score }},
		{l.t("start"), 12, func(t *T) any { return t.Start }},
		{l.t("end"), 12, func(t *T) any { return t.End }},
		{l.t("cadence"), 10, func(t *T) any { return t.CadenceWeeks }},
		{l.t("goals"), 60, func(t *T) any { return goalsText(l, t.Goals) }},
		{l.t("endReason"), 30, func(t *T) any { return t.EndReason }},
	}
}

// goalsText writes a tandem's goals one a line: "Mentee lernt: text – sign (offen)".
func goalsText(l outLang, goals []model.Goal) string {
	lines := make([]string, len(goals))
	for i, g := range goals {
		lines[i] = l.t("goal."+string(g.Direction)) + ": " + g.Text
		if g.SuccessSign != "" {
			lines[i] += " – " + g.SuccessSign
		}
		lines[i] += " (" + l.t("goal."+string(g.Status)) + ")"
	}
	return strings.Join(lines, "\n")
}

// meetingColumns are the columns of the meetings sheet: everything HR
// stores of a meeting, what both learned included.
func meetingColumns(l outLang, d *exportData) []outColumn[model.Meeting] {
	type M = model.Meeting
	member := func(m *M, mentor bool) string {
		t := d.tandem[m.TandemID]
		switch {
		case t == nil:
			return ""
		case mentor:
			return d.name(t.MentorID)
		}
		return d.name(t.MenteeID)
	}
	return []outColumn[M]{
		{l.t("programme"), 24, func(m *M) any { _, p := d.pair(m.TandemID); return p }},
		{l.t("mentor"), 24, func(m *M) any { return member(m, true) }},
		{l.t("mentee"), 24, func(m *M) any { return member(m, false) }},
		{l.t("at"), 17, func(m *M) any { return m.At }},
		{l.t("minutes"), 10, func(m *M) any { return m.Minutes }},
		{l.t("state"), 14, func(m *M) any { return l.t("meeting." + string(m.State)) }},
		{l.t("place"), 18, func(m *M) any { return m.Place }},
		{l.t("online"), 8, func(m *M) any { return m.Online }},
		{l.t("topics"), 30, func(m *M) any { return strings.Join(m.Topics, ", ") }},
		{l.t("agenda"), 40, func(m *M) any { return m.Agenda }},
		{l.t("menteeLearned"), 40, func(m *M) any { return m.MenteeLearned }},
		{l.t("mentorLearned"), 40, func(m *M) any { return m.MentorLearned }},
		{l.t("menteeRating"), 10, func(m *M) any { return m.MenteeRating }},
		{l.t("mentorRating"), 10, func(m *M) any { return m.MentorRating }},
		{l.t("cancelledBy"), 12, func(m *M) any { return l.t("by." + m.CancelledBy) }},
	}
}

// agreementColumns are the columns of the agreements sheet, with the day
// each party signed.
func agreementColumns(l outLang, d *exportData) []outColumn[model.Agreement] {
	type A = model.Agreement
	signed := func(party string) outColumn[A] {
		return outColumn[A]{l.t("signed." + party), 14, func(a *A) any { return a.SignedOn[party] }}
	}
	return []outColumn[A]{
		{l.t("programme"), 24, func(a *A) any { return d.programme[a.ProgrammeID] }},
		{l.t("kind"), 30, func(a *A) any { return l.t("kind." + string(a.Kind)) }},
		{l.t("parties"), 36, func(a *A) any {
			if a.TandemID != 0 {
				names, _ := d.pair(a.TandemID)
				return names
			}
			return d.name(a.PersonID)
		}},
		{l.t("state"), 14, func(a *A) any { return l.t("agreement." + string(a.State)) }},
		{l.t("templateVersion"), 12, func(a *A) any { return a.TemplateVersion }},
		{l.t("generatedOn"), 12, func(a *A) any { return a.GeneratedOn }},
		signed(model.PartyMentor), signed(model.PartyMentee), signed(model.PartyPerson), signed(model.PartyHR),
		{l.t("scan"), 24, func(a *A) any {
			if a.Scan == nil {
				return ""
			}
			return a.Scan.Name
		}},
	}
}

// auditColumns are the columns of the audit log sheet: when, who, what was
// done to which record, and the summary (which names no person).
func auditColumns(l outLang) []outColumn[model.AuditEntry] {
	type A = model.AuditEntry
	return []outColumn[A]{
		{l.t("audit.time"), 17, func(a *A) any { return a.Time }},
		{l.t("audit.user"), 14, func(a *A) any { return a.User }},
		{l.t("audit.action"), 16, func(a *A) any { return l.t("audit.action." + a.Action) }},
		{l.t("audit.entity"), 16, func(a *A) any { return l.t("audit.entity." + a.Entity) }},
		{l.t("audit.id"), 8, func(a *A) any { return int(a.EntityID) }},
		{l.t("audit.summary"), 50, func(a *A) any { return a.Summary }},
	}
}
