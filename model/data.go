package model

import "slices"

// ProgrammeData is everything stored about one programme, read at one
// moment: what the documents, the reports and the dashboard work from.
type ProgrammeData struct {
	Programme  Programme
	Persons    map[ID]Person // everybody enrolled or in a tandem
	Enrolments []Enrolment
	Tandems    []Tandem
	Meetings   map[ID][]Meeting // by tandem, in time order
	Agreements []Agreement
	CheckIns   []CheckIn
	Trainings  []TrainingEvent
}

// Tandem returns the programme's tandem id, or nil.
func (d *ProgrammeData) Tandem(id ID) *Tandem {
	for i := range d.Tandems {
		if d.Tandems[i].ID == id {
			return &d.Tandems[i]
		}
	}
	return nil
}

// Enrolment returns the person's enrolment in the programme, or nil.
func (d *ProgrammeData) Enrolment(person ID) *Enrolment {
	for i := range d.Enrolments {
		if d.Enrolments[i].PersonID == person {
			return &d.Enrolments[i]
		}
	}
	return nil
}

// Balance returns the learning balance of all tandems together.
func (d *ProgrammeData) Balance() Balance {
	var b Balance
	for _, ms := range d.Meetings {
		b = b.Add(LearningBalance(ms))
	}
	return b
}

// PersonData is everything stored about one person: the answer to a
// request for access under Art. 15 GDPR.
type PersonData struct {
	Person     Person
	Manager    *Person // resolved from the manager's employee number, when known
	Programmes map[ID]Programme
	Enrolments []Enrolment
	Tandems    []Tandem
	Partners   map[ID]Person    // the other members of the person's tandems
	Meetings   map[ID][]Meeting // by tandem
	Agreements []Agreement      // of the person's tandems and the person's own
	CheckIns   []CheckIn
	Trainings  []TrainingEvent // those the person attended
	Audit      []AuditEntry    // changes to the person's own record, newest first
}

// Balance says in how many held meetings each side logged what it learned:
// learning that flows only one way shows as a lopsided balance.
type Balance struct {
	Held         int // meetings held
	MenteeLogged int // held meetings in which the mentee logged a learning
	MentorLogged int // held meetings in which the mentor logged a learning
}

// LearningBalance counts the learning logged in held meetings.
func LearningBalance(ms []Meeting) Balance {
	var b Balance
	for _, m := range ms {
		if m.State != MeetingHeld {
			continue
		}
		b.Held++
		if Clean(m.MenteeLearned) != "" {
			b.MenteeLogged++
		}
		if Clean(m.MentorLearned) != "" {
			b.MentorLogged++
		}
	}
	return b
}

// Add returns the sum of two balances.
func (b Balance) Add(o Balance) Balance {
	return Balance{b.Held + o.Held, b.MenteeLogged + o.MenteeLogged, b.MentorLogged + o.MentorLogged}
}

// MenteeShare is the share (0–1) of held meetings in which the mentee logged a learning.
func (b Balance) MenteeShare() float64 { return share(b.MenteeLogged, b.Held) }

// MentorShare is the share (0–1) of held meetings in which the mentor logged a learning.
func (b Balance) MentorShare() float64 { return share(b.MentorLogged, b.Held) }

// OneSided reports whether learning flows mostly one way: with at least
// two meetings held, one side logged learning in under half as many
// meetings as the other.
func (b Balance) OneSided() bool {
	lo, hi := min(b.MenteeLogged, b.MentorLogged), max(b.MenteeLogged, b.MentorLogged)
	return b.Held >= 2 && hi > 0 && 2*lo < hi
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Satisfaction is the mean satisfaction (1–5) of check-ins and their number.
func Satisfaction(cs []CheckIn) (mean float64, n int) {
	sum := 0
	for _, c := range cs {
		if c.Satisfaction > 0 {
			sum += c.Satisfaction
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(sum) / float64(n), n
}

// Confidentiality returns the tandem's valid confidentiality agreement
// among as, or nil: a signed one wins over one still on its way, revoked
// ones do not count.
func Confidentiality(tandem ID, as []Agreement) *Agreement {
	var found *Agreement
	for i := range as {
		a := &as[i]
		if a.Kind != ConfidentialityTandem || a.TandemID != tandem || a.State == AgreementRevoked {
			continue
		}
		if found == nil || !found.Complete() {
			found = a
		}
	}
	return found
}

// ConfidentialitySigned reports whether the agreement gate of a tandem is
// open: its confidentiality agreement is signed by both, or each partner
// has signed a personal confidentiality agreement for the programme.
func ConfidentialitySigned(t *Tandem, as []Agreement) bool {
	if a := Confidentiality(t.ID, as); a != nil && a.State == AgreementSigned {
		return true
	}
	personal := func(person ID) bool {
		return slices.ContainsFunc(as, func(a Agreement) bool {
			return a.Kind == ConfidentialityPerson && a.PersonID == person &&
				a.ProgrammeID == t.ProgrammeID && a.State == AgreementSigned
		})
	}
	return personal(t.MentorID) && personal(t.MenteeID)
}

// Paired returns the members of the programme's confirmed and active
// tandems, mentor before mentee, in tandem order: those asked for a check-in.
func (d *ProgrammeData) Paired() []ID {
	var out []ID
	for _, t := range d.Tandems {
		if t.State == TandemConfirmed || t.State == TandemActive {
			out = append(out, t.MentorID, t.MenteeID)
		}
	}
	return out
}
