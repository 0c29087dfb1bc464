package model

import (
	"slices"
	"time"
)

// The rhythm rules of DESIGN §2, in days.
const (
	// OverdueAfterDays is how long after its due day a meeting counts as
	// overdue: on the seventh day after the due day it is.
	OverdueAfterDays = 7
	// FirstMeetingWithinDays is how long a confirmed or active tandem has for
	// its first meeting: on the 21st day without one it is flagged.
	FirstMeetingWithinDays = 21
	// MaxSeries is the most meetings PlanSeries plans at once.
	MaxSeries = 52
)

// NextDue returns the day the tandem's next meeting is due: the day of its
// last held meeting plus its cadence (Tandem.Cadence). Without a held meeting
// there is no due day by this rule and ok is false; FirstMeetingLate watches
// the first meeting instead. ms are the tandem's meetings in any order.
func (t *Tandem) NextDue(p *Programme, ms []Meeting) (due Date, ok bool) {
	last := lastHeldAt(ms)
	if last.IsZero() {
		return Date{}, false
	}
	weeks := t.Cadence(p)
	if weeks < 1 {
		weeks = DefaultCadenceWeeks
	}
	return DateOf(last).AddDays(7 * weeks), true
}

// Overdue reports whether the tandem is overdue with its next meeting on
// today, and the day that meeting was due. It is overdue from the seventh day
// after the due day (NextDue) on, unless
//   - the tandem is not confirmed or active,
//   - the due day lies after the end of the tandem or of the programme, or
//   - the tandem is scheduled: its next planned meeting lies today or later.
//
// "Next planned meeting" is the earliest planned meeting after the last held
// one. When that one lies in the past, nobody recorded what became of it, so
// a later planned meeting of a series does not excuse the tandem: HR records
// the outcome first. A meeting planned far ahead counts as scheduled however
// late it is — the tandem is organised, and HR can't do more than ask.
func (t *Tandem) Overdue(p *Programme, ms []Meeting, today Date) (due Date, overdue bool) {
	if !t.running() {
		return Date{}, false
	}
	due, ok := t.NextDue(p, ms)
	if !ok || today.Before(due.AddDays(OverdueAfterDays)) {
		return due, false
	}
	if !t.End.IsZero() && due.After(t.End) || !p.End.IsZero() && due.After(p.End) {
		return due, false
	}
	return due, !scheduled(ms, today)
}

// FirstMeetingLate reports whether a confirmed or active tandem has held no
// meeting although three weeks have passed since it began, and the day the
// first meeting was due (FirstMeetingWithinDays after the beginning). The
// beginning is the tandem's Start, or the day it was created (proposed) when
// it has no start yet: a confirmed tandem gets its Start only when it becomes
// active, and no confirmation day is stored, so a pair that waited long as a
// proposal is flagged as soon as it is confirmed. A tandem whose next planned
// meeting lies today or later is scheduled and not flagged, as for Overdue.
func (t *Tandem) FirstMeetingLate(ms []Meeting, today Date) (due Date, late bool) {
	if !t.running() {
		return Date{}, false
	}
	from := t.Start
	if from.IsZero() {
		if t.Created.IsZero() {
			return Date{}, false
		}
		from = DateOf(t.Created)
	}
	due = from.AddDays(FirstMeetingWithinDays)
	if !lastHeldAt(ms).IsZero() || today.Before(due) {
		return due, false
	}
	return due, !scheduled(ms, today)
}

// running reports whether the rhythm rules apply: the pair is confirmed or active.
func (t *Tandem) running() bool { return t.State == TandemConfirmed || t.State == TandemActive }

// lastHeldAt returns the time of the latest held meeting, zero when none was held.
func lastHeldAt(ms []Meeting) time.Time {
	var last time.Time
	for i := range ms {
		if ms[i].State == MeetingHeld && ms[i].At.After(last) {
			last = ms[i].At
		}
	}
	return last
}

// scheduled reports whether the earliest planned meeting after the last held
// one lies today or later.
func scheduled(ms []Meeting, today Date) bool {
	last, next := lastHeldAt(ms), time.Time{}
	for i := range ms {
		m := &ms[i]
		if m.State == MeetingPlanned && m.At.After(last) && (next.IsZero() || m.At.Before(next)) {
			next = m.At
		}
	}
	return !next.IsZero() && !DateOf(next).Before(today)
}

// PlanSeries returns planned meetings for the tandem: the first at first,
// then every given number of weeks at the same local clock time (daylight
// saving time changes do not shift it), up to and including the day until —
// usually the programme's end; a zero until sets no end. every < 1 means the
// tandem's cadence. Each meeting lasts the programme's session length. At
// most MaxSeries meetings are planned; none are skipped (holidays are HR's
// to move). The meetings are not stored yet.
func PlanSeries(t *Tandem, p *Programme, first time.Time, every int, until Date) []Meeting {
	if every < 1 {
		every = t.Cadence(p)
	}
	if every < 1 {
		every = DefaultCadenceWeeks
	}
	minutes := p.SessionMinutes
	if minutes <= 0 {
		minutes = DefaultSessionMinutes
	}
	var out []Meeting
	for i := range MaxSeries {
		at := first.AddDate(0, 0, 7*every*i)
		if !until.IsZero() && DateOf(at).After(until) {
			break
		}
		out = append(out, Meeting{TandemID: t.ID, At: at, Minutes: minutes, State: MeetingPlanned})
	}
	return out
}

// AgendaKind says what an agenda suggestion is drawn from.
type AgendaKind string

// The kinds of agenda suggestion.
const (
	AgendaGoal  AgendaKind = "goal"  // an open or started goal of the tandem
	AgendaTopic AgendaKind = "topic" // a topic not covered yet
)

// AgendaItem is one suggestion for a meeting's agenda. (Suggestion is the
// matching's proposed pair.)
type AgendaItem struct {
	Kind      AgendaKind
	Text      string        // the goal's text, or the topic
	Direction GoalDirection // who learns; topics are the mentor's to teach (MenteeLearns)
}

// AgendaSuggestions proposes what the tandem's next meeting could be about:
// first its open and started goals in both directions, in the tandem's
// order; then the topics no held meeting has covered yet (ignoring case),
// taken from the first of these lists that still has one: the topics the
// mentee wants and the mentor offers, the topics the mentee wants, the
// programme's catalogue. mentor and mentee may be nil.
func AgendaSuggestions(t *Tandem, p *Programme, mentor, mentee *Enrolment, ms []Meeting) []AgendaItem {
	var out []AgendaItem
	for _, g := range t.Goals {
		if g.Status == GoalOpen || g.Status == GoalInProgress || g.Status == "" {
			out = append(out, AgendaItem{Kind: AgendaGoal, Text: g.Text, Direction: g.Direction})
		}
	}
	var covered []string
	for i := range ms {
		if ms[i].State == MeetingHeld {
			covered = append(covered, ms[i].Topics...)
		}
	}
	var wanted, offered []string
	if mentee != nil {
		wanted = mentee.Topics
	}
	if mentor != nil {
		offered = mentor.Topics
	}
	shared := slices.DeleteFunc(slices.Clone(wanted), func(s string) bool { return !containsFold(offered, s) })
	for _, list := range [][]string{shared, wanted, p.Topics} {
		open := slices.DeleteFunc(CleanList(list), func(s string) bool { return containsFold(covered, s) })
		if len(open) == 0 {
			continue
		}
		for _, s := range open {
			out = append(out, AgendaItem{Kind: AgendaTopic, Text: s, Direction: MenteeLearns})
		}
		break
	}
	return out
}
