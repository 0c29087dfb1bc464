package model

import (
	"slices"
	"strings"
)

// Figures are a programme's key figures, for the overview and the
// programme report.
type Figures struct {
	Tandems       map[TandemState]int // tandems per state; states without one are missing
	ActiveTandems int                 // tandems in state active

	// Meetings. MeetingsPlanned counts what should have happened by today:
	// every held meeting and every planned one whose day is today or earlier
	// — so "held of planned" shows at once how much fell through or was not
	// recorded. Moved meetings count through their replacement only.
	MeetingsHeld      int
	MeetingsPlanned   int
	MeetingsCancelled int

	// Agreements: of the tandems past their proposal (confirmed, active,
	// finished, or ended early after they had started), how many have their
	// confidentiality gate open (ConfidentialitySigned).
	AgreementsSigned int
	AgreementsNeeded int

	Satisfaction  float64 // mean satisfaction (1–5) of all check-ins; 0 when there is none
	SatisfactionN int     // the number of check-ins behind it

	Balance  Balance // learning balance of all tandems together
	OneSided int     // tandems whose learning flows mostly one way (Balance.OneSided)
}

// ComputeFigures computes the key figures of a programme on the given day.
func ComputeFigures(d *ProgrammeData, today Date) Figures {
	f := Figures{Tandems: map[TandemState]int{}}
	for i := range d.Tandems {
		t := &d.Tandems[i]
		f.Tandems[t.State]++
		if t.State == TandemActive {
			f.ActiveTandems++
		}
		if t.pastProposal() {
			f.AgreementsNeeded++
			if ConfidentialitySigned(t, d.Agreements) {
				f.AgreementsSigned++
			}
		}
		if LearningBalance(d.Meetings[t.ID]).OneSided() {
			f.OneSided++
		}
	}
	for _, ms := range d.Meetings {
		for i := range ms {
			switch m := &ms[i]; m.State {
			case MeetingHeld:
				f.MeetingsHeld++
				f.MeetingsPlanned++
			case MeetingPlanned:
				if !DateOf(m.At).After(today) {
					f.MeetingsPlanned++
				}
			case MeetingCancelled:
				f.MeetingsCancelled++
			}
		}
	}
	f.Satisfaction, f.SatisfactionN = Satisfaction(d.CheckIns)
	f.Balance = d.Balance()
	return f
}

// pastProposal reports whether the tandem got beyond its proposal: it was
// confirmed, whatever became of it since. An early end with no start is
// taken for a proposal that was turned down.
func (t *Tandem) pastProposal() bool {
	switch t.State {
	case TandemConfirmed, TandemActive, TandemFinished:
		return true
	case TandemEndedEarly:
		return !t.Start.IsZero()
	}
	return false
}

// TopicGrowth is how the participants rated themselves in one topic at the
// first and at the last check-in moment it was assessed.
type TopicGrowth struct {
	Topic       string
	StartMoment Moment  // the earliest moment with an assessment (AfterFirstMeeting if any)
	Start       float64 // mean self-assessment (1–5) then
	StartN      int     // assessments behind Start
	EndMoment   Moment  // the latest moment with an assessment (AtEnd if any)
	End         float64 // mean self-assessment (1–5) then
	EndN        int     // assessments behind End
}

// Change is the growth from start to end, in points of the 1–5 scale. It is
// 0 while the topic was assessed at one moment only (StartMoment == EndMoment).
func (g TopicGrowth) Change() float64 {
	if g.StartMoment == g.EndMoment {
		return 0
	}
	return g.End - g.Start
}

// Growth computes per topic the mean self-assessment at the first and at the
// last moment it was assessed, from the check-ins given: a tandem's (both
// partners' check-ins) or a whole programme's. Topics are compared ignoring
// case and surrounding blanks; the spelling shown is the first in sort
// order. Ratings outside 1–5 are ignored. The result is sorted by topic,
// ignoring case.
func Growth(cs []CheckIn) []TopicGrowth {
	type sums struct {
		spelling string
		sum, n   [3]int // per moment, in the order of Moments
	}
	byTopic := map[string]*sums{}
	for i := range cs {
		mi := slices.Index(Moments, cs[i].Moment)
		if mi < 0 {
			continue
		}
		for topic, v := range cs[i].SelfAssessment {
			topic = Clean(topic)
			if topic == "" || v < 1 || v > 5 {
				continue
			}
			key := strings.ToLower(topic)
			s := byTopic[key]
			if s == nil {
				s = &sums{spelling: topic}
				byTopic[key] = s
			} else if topic < s.spelling {
				s.spelling = topic
			}
			s.sum[mi] += v
			s.n[mi]++
		}
	}
	out := make([]TopicGrowth, 0, len(byTopic))
	for _, s := range byTopic {
		first := slices.IndexFunc(s.n[:], func(n int) bool { return n > 0 })
		last := len(s.n) - 1
		for s.n[last] == 0 {
			last--
		}
		out = append(out, TopicGrowth{
			Topic:       s.spelling,
			StartMoment: Moments[first], Start: float64(s.sum[first]) / float64(s.n[first]), StartN: s.n[first],
			EndMoment: Moments[last], End: float64(s.sum[last]) / float64(s.n[last]), EndN: s.n[last],
		})
	}
	slices.SortFunc(out, func(a, b TopicGrowth) int {
		return strings.Compare(strings.ToLower(a.Topic), strings.ToLower(b.Topic))
	})
	return out
}
