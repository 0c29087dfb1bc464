package demo

import (
	"strconv"
	"time"

	"tandem/model"
)

// cohort describes one programme of the example: its dates, trainings,
// participants and tandems.
type cohort struct {
	name      string
	framework string
	start     model.Date
	end       model.Date
	state     model.ProgrammeState
	bornFrom  int      // youngest mentors' target group: born in this year or later
	trainings []string // titles; the events take place trainingDays after the start
	parts     []part
	pairs     []pairing
}

// trainingDays are the days after a programme's start on which its
// training events take place.
var trainingDays = []int{10, 45}

// part is a participant.
type part struct {
	key       string // a post key of org
	role      model.Role
	topics    []string // offered by a mentor, wanted by a mentee
	interests []string
	training  int // 1 first, 2 second training event; 0 untrained
	state     model.EnrolmentState
}

// story says what became of a tandem's meetings.
type story int

const (
	regular    story = iota // a meeting every four weeks, the next one planned
	withCancel              // the second meeting was cancelled by the mentee
	withMove                // the third meeting was moved by a week
	oneSided                // only the mentee ever logs what was learned
	overdue                 // two meetings, then nothing: overdue
)

// pairing is a tandem.
type pairing struct {
	mentor, mentee string // post keys
	state          model.TandemState
	start, end     model.Date // of active, finished and ended tandems
	reason         string     // why it ended early
	story          story
	deal           model.AgreementState // the tandem agreement's state; "" none
}

// running returns the programme under way: started about four months
// before today, ending about eight months after.
func running(today model.Date) cohort {
	start := mondayOf(today.AddDays(-120))
	day := func(n int) model.Date { return workday(start.AddDays(n)) }
	const mentor, mentee = model.Mentor, model.Mentee
	const active, trained = model.EnrolmentActive, model.EnrolmentTrained
	return cohort{
		name:      "Reverse Mentoring " + strconv.Itoa(start.Year),
		framework: framework,
		start:     start,
		end:       start.AddDays(52*7 - 3),
		state:     model.ProgrammeRunning,
		bornFrom:  today.Year - 31,
		trainings: []string{"Kick-off-Workshop: Rollen, Ziele und Vertraulichkeit", "Zweite Schulung für Nachzügler"},
		parts: []part{
			{"zoe", mentor, []string{social, ai, divers}, []string{photo, podcasts, travel}, 1, active},
			{"elif", mentor, []string{ai, tools}, []string{gaming, climbing, garden}, 1, active},
			{"lukasz", mentor, []string{agile, tools, sustain}, []string{cycling, football, cooking}, 1, active},
			{"it-jung", mentor, []string{ai, remote, tools}, []string{sailing, podcasts, gaming}, 1, active},
			{"emre", mentor, []string{tools, remote}, []string{football, cooking, travel}, 2, active},
			{"can", mentor, []string{social, tools}, []string{jogging, music, travel}, 2, trained},
			{"einkauf-jung", mentor, []string{sustain, agile}, []string{garden, hiking, reading}, 2, trained},
			{"fin-azubi", mentor, []string{social, sustain}, []string{jogging, gaming, cycling}, 1, active},
			{"hr-azubi", mentor, []string{divers, social}, []string{reading, music}, 0, model.EnrolmentNominated},
			{"soeren", mentee, []string{social, ai}, []string{photo, sailing, football}, 1, active},
			{"gabriele", mentee, []string{ai, tools, remote}, []string{garden, music, hiking}, 1, active},
			{"buchhaltung", mentee, []string{agile, tools, ai}, []string{cycling, reading}, 1, active},
			{"einkauf", mentee, []string{ai, remote}, []string{sailing, cooking}, 1, active},
			{"agnieszka", mentee, []string{tools, remote, agile}, []string{travel, cooking, hiking}, 2, active},
			{"deniz", mentee, []string{social, tools}, []string{jogging, football}, 2, trained},
			{"ks-tl", mentee, []string{sustain, agile, divers}, []string{garden, reading}, 0, model.EnrolmentConfirmed},
			{"kam", mentee, []string{social, sustain, ai}, []string{cycling, sailing}, 1, model.EnrolmentWithdrawn},
			{"ulrike", mentee, []string{divers, social, ai}, []string{hiking, reading}, 0, model.EnrolmentConfirmed},
		},
		pairs: []pairing{
			{mentor: "zoe", mentee: "soeren", state: model.TandemActive, start: day(22), deal: model.AgreementSigned},
			{mentor: "elif", mentee: "gabriele", state: model.TandemActive, start: day(23), story: withCancel, deal: model.AgreementSigned},
			{mentor: "lukasz", mentee: "buchhaltung", state: model.TandemActive, start: day(24), story: withMove, deal: model.AgreementPrinted},
			{mentor: "it-jung", mentee: "einkauf", state: model.TandemActive, start: day(25), story: oneSided},
			{mentor: "emre", mentee: "agnieszka", state: model.TandemActive, start: day(52), story: overdue},
			{mentor: "can", mentee: "deniz", state: model.TandemConfirmed},
			{mentor: "einkauf-jung", mentee: "ks-tl", state: model.TandemProposed},
			{mentor: "fin-azubi", mentee: "kam", state: model.TandemEndedEarly, start: day(22),
				end: endOfMonth(today.AddDays(-60)), reason: "Mentee hat das Unternehmen gewechselt"},
		},
	}
}

// pilot returns the closed pilot: about seven months long, ended about six
// months before today, with three finished tandems.
func pilot(today model.Date) cohort {
	start := mondayOf(today.AddDays(-400))
	end := start.AddDays(30*7 - 3)
	const mentor, mentee, done = model.Mentor, model.Mentee, model.EnrolmentFinished
	finished := func(i int, m, e string) pairing {
		return pairing{mentor: m, mentee: e, state: model.TandemFinished, start: workday(start.AddDays(21 + 2*i)),
			end: end.AddDays(-7), deal: model.AgreementSigned}
	}
	return cohort{
		name:      "Pilot " + strconv.Itoa(start.Year),
		framework: pilotFramework,
		start:     start,
		end:       end,
		state:     model.ProgrammeClosed,
		bornFrom:  today.Year - 32,
		trainings: []string{"Auftaktworkshop Pilot"},
		parts: []part{
			{"zoe", mentor, []string{social, ai}, []string{photo, podcasts}, 1, done},
			{"p-mentor2", mentor, []string{tools, agile}, []string{football, cycling}, 1, done},
			{"p-mentor3", mentor, []string{ai, tools}, []string{gaming, music}, 1, done},
			{"bjoern", mentee, []string{social, divers}, []string{photo, travel}, 1, done},
			{"ks-head", mentee, []string{tools, agile, remote}, []string{football, hiking}, 1, done},
			{"marketing", mentee, []string{ai, tools}, []string{music, cooking}, 1, done},
		},
		pairs: []pairing{
			finished(0, "zoe", "bjoern"),
			finished(1, "p-mentor2", "ks-head"),
			finished(2, "p-mentor3", "marketing"),
		},
	}
}

// leavers are the people who left after taking part: the mentee whose
// tandem ended when he changed employers, and a pilot mentor who left
// after the pilot. Their exit dates are set once their history is saved.
func leavers(today model.Date, run cohort) map[string]model.Date {
	return map[string]model.Date{
		"kam":       run.pairs[7].end,
		"p-mentor3": endOfMonth(today.AddDays(-120)),
	}
}

// mondayOf returns the Monday of d's week.
func mondayOf(d model.Date) model.Date {
	return d.AddDays(-((int(d.Time().Weekday()) + 6) % 7))
}

// workday returns d, or the Monday after when d falls on a weekend.
func workday(d model.Date) model.Date {
	switch d.Time().Weekday() {
	case time.Saturday:
		return d.AddDays(2)
	case time.Sunday:
		return d.AddDays(1)
	}
	return d
}
