package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Erasure under Art. 17 GDPR: what becomes of a person's records when HR
// erases the person's personal data. The person record stays as an
// anonymous placeholder ("Person #12"), so that enrolments, tandems,
// meetings, check-ins and agreements keep their reference and every figure
// of a programme stays as it was. What the person wrote is removed; where a
// text counts for a figure (a learning logged, a goal set) it is replaced by
// ErasedText, so the figure stays. The person's name, e-mail address and
// employee number are taken out of the texts the partner wrote.

// ErasedText stands in for a text an erasure removed.
const ErasedText = "—"

// Erase turns the person into the anonymous placeholder "Person #id": every
// personal field is emptied. The placeholder counts as a former employee
// from that day, so it is neither enrolled again nor reported missing by a
// staff list import.
func (p *Person) Erase(on Date) {
	*p = Person{Meta: p.Meta, LastName: fmt.Sprintf("Person #%d", p.ID), ExitDate: on, Erased: on}
}

// Traces returns what identifies the person in a text: full name, e-mail
// address, employee number, last and first name — longest first, those of
// fewer than two letters left out.
func (p *Person) Traces() []string {
	var out []string
	for _, s := range []string{p.FullName(), p.SortName(), p.Email, p.EmployeeNo, p.LastName, p.FirstName} {
		if s = Clean(s); utf8.RuneCountInString(s) >= 2 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// ScrubTraces replaces every occurrence of the traces in text that stands
// as a word of its own (ignoring case) by ErasedText.
func ScrubTraces(text string, traces []string) string {
	for _, t := range traces {
		if text == "" {
			break
		}
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(t))
		var b strings.Builder
		last := 0
		for _, m := range re.FindAllStringIndex(text, -1) {
			if m[0] < last || !wordEdge(text, m[0], m[1]) {
				continue
			}
			b.WriteString(text[last:m[0]])
			b.WriteString(ErasedText)
			last = m[1]
		}
		if last > 0 {
			b.WriteString(text[last:])
			text = b.String()
		}
	}
	return text
}

// wordEdge reports whether text[i:j] is not part of a longer word: no
// letter or digit right before or after it.
func wordEdge(text string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	inWord := func(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return !inWord(before) && !inWord(after)
}

// erased returns ErasedText for a text that was set, "" for an empty one.
func erased(s string) string {
	if Clean(s) == "" {
		return ""
	}
	return ErasedText
}

// EraseMember removes from the enrolment what its person wrote: the
// motivation and the interests.
func (e *Enrolment) EraseMember() { e.Motivation, e.Interests = "", nil }

// EraseMember removes the member in role r from the tandem's texts: the
// goals of that side become ErasedText (their number and status stay, the
// other side's goals lose the member's traces), the end reason becomes
// ErasedText, and the matching explanation is dropped, since it names
// interests, places and the age gap.
func (t *Tandem) EraseMember(r Role, traces []string) {
	own := MenteeLearns
	if r == Mentor {
		own = MentorLearns
	}
	for i := range t.Goals {
		g := &t.Goals[i]
		if g.Direction == own {
			g.Text, g.SuccessSign = ErasedText, erased(g.SuccessSign)
		} else {
			g.Text, g.SuccessSign = ScrubTraces(g.Text, traces), ScrubTraces(g.SuccessSign, traces)
		}
	}
	t.EndReason = erased(t.EndReason)
	t.Explanation = nil
}

// EraseMember removes the member in role r from a meeting of the tandem:
// what the member learned and the agenda (written for both) become
// ErasedText, so the learning balance stays; the place and what the partner
// learned lose the member's traces.
func (m *Meeting) EraseMember(r Role, traces []string) {
	if r == Mentor {
		m.MentorLearned = erased(m.MentorLearned)
		m.MenteeLearned = ScrubTraces(m.MenteeLearned, traces)
	} else {
		m.MenteeLearned = erased(m.MenteeLearned)
		m.MentorLearned = ScrubTraces(m.MentorLearned, traces)
	}
	m.Agenda = erased(m.Agenda)
	m.Place = ScrubTraces(m.Place, traces)
}

// EraseMember removes the comment of a check-in the erased person gave;
// the ratings stay for the figures. A check-in of the partner loses the
// person's traces instead.
func (c *CheckIn) EraseMember(person ID, traces []string) {
	if c.PersonID == person {
		c.Comment = ""
		return
	}
	c.Comment = ScrubTraces(c.Comment, traces)
}
