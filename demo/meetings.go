package demo

import (
	"time"

	"tandem/model"
)

// rooms are the meeting places at each location.
var rooms = map[string][]string{
	hamburg: {"Besprechungsraum Elbe", "Besprechungsraum Alster", "Kantine"},
	leipzig: {"Besprechungsraum Pleiße", "Kantine"},
	munich:  {"Besprechungsraum Isar"},
}

// slots are the usual meeting times (hour, minute).
var slots = [][2]int{{9, 0}, {10, 0}, {11, 0}, {13, 30}, {14, 0}, {15, 0}, {16, 0}}

// meetings writes a tandem's meetings every cadence from its start until
// its end or today, as its story tells, and plans the next ones of an
// active tandem. It returns the days of the held meetings.
func (b *builder) meetings(p *model.Programme, t *model.Tandem, pr pairing, mentor, mentee *model.Person, shared []string) []model.Date {
	if b.err != nil {
		return nil
	}
	limit := b.today
	if !t.End.IsZero() {
		limit = t.End.AddDays(1)
	}
	slot := slots[b.rng.IntN(len(slots))]
	at := func(d model.Date) time.Time {
		return time.Date(d.Year, d.Month, d.Day, slot[0], slot[1], 0, 0, b.zone)
	}
	cadence := 7 * t.Cadence(p)
	var held []model.Date
	n := 0 // meetings so far, for the topic rotation
	meeting := func(day model.Date) *model.Meeting {
		m := &model.Meeting{TandemID: t.ID, At: at(day), Minutes: p.SessionMinutes, State: model.MeetingPlanned}
		if b.rng.IntN(5) == 0 {
			m.Minutes = []int{45, 90}[b.rng.IntN(2)]
		}
		m.Place, m.Online = b.place(mentor, mentee)
		topic := shared[n%len(shared)]
		m.Topics = []string{topic}
		if b.rng.IntN(4) == 0 && len(shared) > 1 {
			m.Topics = append(m.Topics, shared[(n+1)%len(shared)])
		}
		m.Agenda = agendas[topic][n/len(shared)%2]
		n++
		return m
	}
	hold := func(m *model.Meeting) {
		b.check(m.Hold())
		topic := m.Topics[0]
		if b.rng.IntN(10) > 0 {
			m.MenteeLearned = pick(b.rng, menteeLearnings[topic])
		}
		if pr.story != oneSided && b.rng.IntN(5) > 0 {
			m.MentorLearned = pick(b.rng, mentorLearnings)
		}
		m.MenteeRating, m.MentorRating = b.between(3, 5), b.between(3, 5)
		if b.rng.IntN(8) == 0 {
			m.MentorRating = 0 // not given
		}
		held = append(held, model.DateOf(m.At))
	}
	write := func(m *model.Meeting) { b.save(func() error { return b.tx.SaveMeeting(m) }) }

	d := pr.start
	for i := 0; ; i, d = i+1, d.AddDays(cadence) {
		day := workday(d)
		if !day.Before(limit) || (pr.story == overdue && i == 2) {
			break
		}
		m := meeting(day)
		switch {
		case pr.story == withCancel && i == 1:
			b.check(m.Cancel(model.ByMentee))
			write(m)
			if later := workday(day.AddDays(9)); later.Before(limit) { // made up soon after
				m := meeting(later)
				hold(m)
				write(m)
			}
		case pr.story == withMove && i == 2:
			write(m)
			repl := meeting(workday(day.AddDays(7)))
			repl.Topics, repl.Agenda = m.Topics, m.Agenda
			if model.DateOf(repl.At).Before(b.today) {
				hold(repl)
			}
			write(repl)
			b.check(m.MoveTo(repl.ID))
			write(m)
		default:
			hold(m)
			write(m)
		}
	}
	if t.State == model.TandemActive && pr.story != overdue {
		for k := range 2 - int(pr.start.Day%2) { // the next one or two
			write(meeting(workday(d.AddDays(k * cadence))))
		}
	}
	return held
}

// place returns where a tandem meets: a room at their shared location,
// now and then the canteen or Teams, and always Teams across locations.
func (b *builder) place(mentor, mentee *model.Person) (string, bool) {
	if mentor.Location != mentee.Location || b.rng.IntN(5) == 0 {
		return "Teams", true
	}
	return pick(b.rng, rooms[mentor.Location]), false
}

// checkIns writes the participants' feedback: after the first meeting for
// most, and at half-time and at the end of a finished tandem.
func (b *builder) checkIns(p *model.Programme, t *model.Tandem, pr pairing, held []model.Date, es []*model.Enrolment) {
	if len(held) == 0 {
		return
	}
	type moment struct {
		m  model.Moment
		on model.Date
	}
	moments := []moment{{model.AfterFirstMeeting, held[0].AddDays(b.between(2, 5))}}
	if t.State == model.TandemFinished {
		moments = append(moments,
			moment{model.HalfTime, held[len(held)/2].AddDays(b.between(1, 4))},
			moment{model.AtEnd, t.End.AddDays(b.between(1, 6))})
	}
	for step, mo := range moments {
		if !mo.on.Before(b.today) {
			continue
		}
		for _, e := range es {
			if e.Role == model.Mentor && pr.story == overdue {
				continue // still owes the feedback
			}
			c := &model.CheckIn{PersonID: e.PersonID, ProgrammeID: p.ID, TandemID: t.ID, Moment: mo.m,
				On: mo.on, Satisfaction: b.between(3, 5), SelfAssessment: map[string]int{},
				Comment: pick(b.rng, checkInComments)}
			if e.Role == model.Mentor && pr.story == oneSided {
				c.Satisfaction = 3
			}
			for _, topic := range e.Topics {
				if e.Role == model.Mentor {
					c.SelfAssessment[topic] = b.between(4, 5)
				} else {
					c.SelfAssessment[topic] = min(5, b.between(1, 3)+step)
				}
			}
			b.save(func() error { return b.tx.SaveCheckIn(c) })
		}
	}
}
