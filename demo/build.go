package demo

import (
	"fmt"
	"iter"
	"maps"
	"slices"

	"tandem/model"
)

// cohort writes one programme with its enrolments, training events,
// tandems, agreements, meetings and check-ins.
func (b *builder) cohort(c cohort) {
	p := model.NewProgramme(c.name, "de")
	p.Framework, p.Start, p.End = c.framework, c.start, c.end
	p.Mentees = model.TargetGroup{Levels: []int{1, 2, 3}}
	p.Mentors = model.TargetGroup{Levels: []int{4, 5}, BornFrom: c.bornFrom}
	p.HRContact = b.person("hr").FullName()
	for _, s := range []model.ProgrammeState{model.ProgrammeMatching, model.ProgrammeRunning, model.ProgrammeClosed} {
		if p.State != c.state {
			b.check(p.SetState(s))
		}
	}
	b.save(func() error { return b.tx.SaveProgramme(p) })

	var trainedOn []model.Date
	for _, n := range trainingDays[:len(c.trainings)] {
		trainedOn = append(trainedOn, workday(c.start.AddDays(n)))
	}
	enrolments := map[string]*model.Enrolment{}
	attendees := make([][]model.ID, len(c.trainings))
	for i, pt := range c.parts {
		person := b.person(pt.key)
		e := model.NewEnrolment(p.ID, person.ID, pt.role)
		e.Topics, e.Interests = pt.topics, pt.interests
		if pt.role == model.Mentor {
			e.Motivation = mentorMotivations[i%len(mentorMotivations)]
		} else {
			e.Motivation = menteeMotivations[i%len(menteeMotivations)]
		}
		var on model.Date
		if pt.training > 0 {
			on = trainedOn[pt.training-1]
			attendees[pt.training-1] = append(attendees[pt.training-1], person.ID)
		}
		b.check(advance(e, on, pt.state))
		b.save(func() error { return b.tx.SaveEnrolment(e) })
		enrolments[pt.key] = e
	}
	for i, title := range c.trainings {
		t := &model.TrainingEvent{ProgrammeID: p.ID, On: trainedOn[i], Title: title, Attendees: attendees[i]}
		b.save(func() error { return b.tx.SaveTraining(t) })
	}
	for i, pr := range c.pairs {
		b.tandem(p, i, pr, enrolments[pr.mentor], enrolments[pr.mentee])
	}
}

// advance takes a new enrolment through its states to the given one,
// marking it trained on the given day if that is set.
func advance(e *model.Enrolment, trainedOn model.Date, to model.EnrolmentState) error {
	if to == model.EnrolmentNominated {
		return nil
	}
	if err := e.SetState(model.EnrolmentConfirmed); err != nil {
		return err
	}
	if !trainedOn.IsZero() {
		e.MarkTrained(trainedOn)
	}
	for _, s := range []model.EnrolmentState{model.EnrolmentActive, to} {
		if e.State == to {
			break
		}
		if err := e.SetState(s); err != nil {
			return err
		}
	}
	if e.State != to {
		return fmt.Errorf("demo: enrolment ends in %s, not %s", e.State, to)
	}
	return nil
}

// tandem writes the i-th tandem of a programme with its agreements,
// meetings and check-ins, taking it through its states as HR would.
func (b *builder) tandem(p *model.Programme, i int, pr pairing, me, ee *model.Enrolment) {
	if b.err != nil {
		return
	}
	mentor, mentee := b.person(pr.mentor), b.person(pr.mentee)
	t := &model.Tandem{ProgrammeID: p.ID, MentorID: mentor.ID, MenteeID: mentee.ID, State: model.TandemProposed}
	t.Score, t.Explanation = score(p.Rules.Weights, mentor, mentee, me, ee)
	shared := common(me.Topics, ee.Topics)
	if pr.state == model.TandemProposed {
		b.save(func() error { return b.tx.SaveTandem(t) })
		return
	}
	b.check(t.Confirm())
	t.Goals = b.goals(i, pr, shared)

	conf := b.agreement(p, model.ConfidentialityTandem)
	if pr.state == model.TandemConfirmed {
		// Printed last week; the mentor has signed, the mentee not yet.
		conf.GeneratedOn = b.today.AddDays(-12)
		b.check(conf.SetState(model.AgreementPrinted))
		b.check(conf.Sign(model.PartyMentor, b.today.AddDays(-5)))
		b.save(func() error { return b.tx.SaveTandem(t) })
		conf.TandemID = t.ID
		b.save(func() error { return b.tx.SaveAgreement(conf) })
		return
	}
	conf.GeneratedOn = pr.start.AddDays(-14)
	b.check(conf.SetState(model.AgreementPrinted))
	b.check(conf.Sign(model.PartyMentor, pr.start.AddDays(-10)))
	b.check(conf.Sign(model.PartyMentee, pr.start.AddDays(-7+i%3)))
	if i%2 == 0 {
		b.check(conf.Sign(model.PartyHR, pr.start.AddDays(-3)))
	}
	b.check(t.Activate(pr.start, p.AgreementRequired, conf.Complete()))
	switch pr.state {
	case model.TandemFinished:
		b.check(t.Finish(pr.end))
	case model.TandemEndedEarly:
		b.check(t.EndEarly(pr.end, pr.reason))
	}
	b.save(func() error { return b.tx.SaveTandem(t) })
	conf.TandemID = t.ID
	b.save(func() error { return b.tx.SaveAgreement(conf) })

	if pr.deal != "" {
		deal := b.agreement(p, model.TandemAgreement)
		deal.TandemID, deal.GeneratedOn = t.ID, pr.start.AddDays(3)
		b.check(deal.SetState(model.AgreementPrinted))
		if pr.deal == model.AgreementSigned {
			b.check(deal.Sign(model.PartyMentee, pr.start.AddDays(8)))
			b.check(deal.Sign(model.PartyMentor, pr.start.AddDays(9)))
		}
		b.save(func() error { return b.tx.SaveAgreement(deal) })
	}
	held := b.meetings(p, t, pr, mentor, mentee, shared)
	b.checkIns(p, t, pr, held, []*model.Enrolment{me, ee})
}

// agreement returns a new draft agreement of the current template.
func (b *builder) agreement(p *model.Programme, kind model.AgreementKind) *model.Agreement {
	return &model.Agreement{Kind: kind, ProgrammeID: p.ID, TemplateVersion: "1", State: model.AgreementDraft}
}

// goals returns the tandem's goals: one or two for the mentee from the
// shared topics, one or two for the mentor, with statuses fitting the
// tandem's state.
func (b *builder) goals(i int, pr pairing, shared []string) []model.Goal {
	var gs []model.Goal
	for j, topic := range shared[:min(len(shared), 2)] {
		g := menteeGoals[topic]
		gs = append(gs, model.Goal{Direction: model.MenteeLearns, Text: g.text, SuccessSign: g.sign,
			Status: goalStatus(pr.state, j+i%2)})
	}
	for j := range 1 + i%2 {
		g := mentorGoals[(i+j)%len(mentorGoals)]
		gs = append(gs, model.Goal{Direction: model.MentorLearns, Text: g.text, SuccessSign: g.sign,
			Status: goalStatus(pr.state, j+1)})
	}
	return gs
}

// goalStatus returns the status of the j-th goal of a tandem in a state.
func goalStatus(s model.TandemState, j int) model.GoalStatus {
	switch s {
	case model.TandemFinished:
		return []model.GoalStatus{model.GoalReached, model.GoalReached, model.GoalDropped}[j%3]
	case model.TandemEndedEarly:
		return []model.GoalStatus{model.GoalReached, model.GoalDropped}[j%2]
	case model.TandemActive:
		return []model.GoalStatus{model.GoalReached, model.GoalInProgress, model.GoalOpen}[j%3]
	}
	return model.GoalOpen
}

// common returns the entries of a that b holds too, in a's order.
func common(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// sorted ranges over a map in the order of its keys.
func sorted[V any](m map[string]V) iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}
