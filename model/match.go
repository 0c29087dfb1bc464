package model

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// Matching: scores, hard constraints and the optimal assignment of a
// programme's cohort. Everything here is pure and deterministic.
//
// Score explanation codes (ScoreFactor.Code, with Args):
//   - topics_match (the shared topics, in the mentee's order and spelling) or
//     topics_none;
//   - interests_shared (the shared interests, in the mentor's spelling) or
//     interests_none;
//   - gap_reverse (years the mentor is younger, levels the mentor is below;
//     "0" for a part not known for both) when the gap runs the reverse way,
//     gap_none (same args) when it does not (0 points), gap_unknown when
//     neither birth years nor levels are known for both; years count up to
//     25, levels up to 3, the known parts averaged;
//   - location_same (the place), location_different (mentor's and mentee's
//     place) or location_unknown (no points);
//   - language_shared (the shared languages), language_none, or
//     language_unknown when either side has no languages on record: unknown
//     is not a mismatch and earns half the factor's points.
//
// Violation codes (Violations, Suggestion.Violations): same_person,
// same_department, reporting_line, level_not_below, capacity, excluded,
// earlier_pair. Each but same_person is switched by Rules.Constraints.
//
// Unmatched codes: no_candidate (Args: the violation codes that block every
// candidate, if any), no_mentee_outside_line / no_mentor_outside_line
// (every candidate is in the person's reporting line), no_topic_overlap,
// no_score (quality mode: every allowed pair scores 0), capacity_full (a
// mentee whose possible mentors are all full), candidates_taken (a mentor
// whose possible mentees all went to others).

// Candidate is one participant as matching sees them.
type Candidate struct {
	Enrolment Enrolment
	Person    Person
}

// ID returns the person's ID, the key of every pair.
func (c *Candidate) ID() ID {
	if c.Enrolment.PersonID != 0 {
		return c.Enrolment.PersonID
	}
	return c.Person.ID
}

// capacity is how many mentees the mentor takes on (default 1).
func (c *Candidate) capacity() int {
	if c.Enrolment.Capacity < 1 {
		return 1
	}
	return c.Enrolment.Capacity
}

// MatchInput is everything one programme's matching needs. Mentors and
// Mentees are the participants to pair (the caller leaves out withdrawn and
// former ones); People is the staff by employee number, for reporting lines.
type MatchInput struct {
	Rules   MatchingRules
	Mentors []Candidate
	Mentees []Candidate
	People  map[string]Person // by employee number
	Kept    []Pair            // confirmed/active tandems: they use capacity, their mentees are taken
	Earlier []Pair            // pairs from earlier programmes
}

// Suggestion is a proposed pair with its score and explanation. Violations
// is empty in Match's results; Ranking fills it for blocked pairs.
type Suggestion struct {
	Pair       Pair          `json:"pair"`
	Score      int           `json:"score"`
	Factors    []ScoreFactor `json:"factors,omitempty"`
	Violations []string      `json:"violations,omitempty"`
}

// Unmatched is a participant left without a tandem, with the reason.
type Unmatched struct {
	Person ID       `json:"person"`
	Role   Role     `json:"role"`
	Code   string   `json:"code"`
	Args   []string `json:"args,omitempty"`
}

// MatchResult is the outcome of matching: the new pairs (kept tandems are
// not repeated) and everyone left over.
type MatchResult struct {
	Suggestions []Suggestion `json:"suggestions"`
	Unmatched   []Unmatched  `json:"unmatched"`
}

// TotalScore is the sum of the suggestions' scores.
func (r *MatchResult) TotalScore() int {
	t := 0
	for _, s := range r.Suggestions {
		t += s.Score
	}
	return t
}

// Caps of the gap factor: this many years younger and levels below earn the
// full gap points.
const (
	gapYearsCap  = 25
	gapLevelsCap = 3
)

// features is a candidate prepared for fast scoring: folded sets as bit sets
// over the cohort's vocabulary.
type features struct {
	topics, interests, langs []uint64
	loc, dept                int32 // -1 unknown
	level, birth             int
}

// vocab interns folded strings to small numbers; raw remembers the
// spellings already seen, so each is folded once.
type vocab struct {
	folded map[string]int32
	raw    map[string]int32
}

func (v *vocab) id(s string) int32 {
	if n, ok := v.raw[s]; ok {
		return n
	}
	n := int32(-1)
	if k := fold(s); k != "" {
		var ok bool
		if n, ok = v.folded[k]; !ok {
			n = int32(len(v.folded))
			v.folded[k] = n
		}
	}
	v.raw[s] = n
	return n
}

// fold is Fold with a fast path for plain ASCII.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return Fold(s)
		}
	}
	return strings.ToLower(s)
}

type vocabs struct{ topics, interests, langs, places, depts vocab }

func newVocabs() *vocabs {
	vs := &vocabs{}
	for _, v := range []*vocab{&vs.topics, &vs.interests, &vs.langs, &vs.places, &vs.depts} {
		v.folded, v.raw = map[string]int32{}, map[string]int32{}
	}
	return vs
}

// ids interns every entry of a list.
func (v *vocab) ids(list []string) []int32 {
	out := make([]int32, 0, len(list))
	for _, s := range list {
		if n := v.id(s); n >= 0 {
			out = append(out, n)
		}
	}
	return out
}

func bitset(ids []int32, words int) []uint64 {
	b := make([]uint64, words)
	for _, n := range ids {
		b[n>>6] |= 1 << (n & 63)
	}
	return b
}

func words(v *vocab) int { return (len(v.folded) + 63) / 64 }

// prepare turns candidates into features; all of them must be interned
// before the bit sets are built, so it works on the whole list at once.
func (vs *vocabs) prepare(groups ...[]Candidate) [][]features {
	type raw struct{ t, i, l []int32 }
	raws := make([][]raw, len(groups))
	out := make([][]features, len(groups))
	for g, cs := range groups {
		raws[g] = make([]raw, len(cs))
		out[g] = make([]features, len(cs))
		for k := range cs {
			c := &cs[k]
			raws[g][k] = raw{vs.topics.ids(c.Enrolment.Topics), vs.interests.ids(c.Enrolment.Interests),
				vs.langs.ids(c.Person.Languages)}
			out[g][k] = features{loc: vs.places.id(c.Person.Location), dept: vs.depts.id(c.Person.Department),
				level: c.Person.Level, birth: c.Person.BirthYear}
		}
	}
	wt, wi, wl := words(&vs.topics), words(&vs.interests), words(&vs.langs)
	for g := range groups {
		for k := range out[g] {
			r := raws[g][k]
			f := &out[g][k]
			f.topics, f.interests, f.langs = bitset(r.t, wt), bitset(r.i, wi), bitset(r.l, wl)
		}
	}
	return out
}

func popcount(a []uint64) int {
	n := 0
	for _, w := range a {
		n += bits.OnesCount64(w)
	}
	return n
}

func popcountAnd(a, b []uint64) int {
	n := 0
	for i := range a {
		n += bits.OnesCount64(a[i] & b[i])
	}
	return n
}

// Factor states, for the explanation.
const (
	stNone int8 = iota
	stMatch
	stUnknown
)

// fitting is how well a pair fits each factor (0–1) and in which state.
type fitting struct {
	fit   [5]float64 // topics, interests, gap, location, language
	state [5]int8
	years int // mentor younger by
	level int // mentor below by
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// fit measures a mentor/mentee pair.
func fit(m, e *features) fitting {
	var f fitting
	if want := popcount(e.topics); want > 0 {
		if k := popcountAnd(m.topics, e.topics); k > 0 {
			f.fit[0], f.state[0] = float64(k)/float64(want), stMatch
		}
	}
	if k := popcountAnd(m.interests, e.interests); k > 0 {
		union := popcount(m.interests) + popcount(e.interests) - k
		f.fit[1], f.state[1] = float64(k)/float64(union), stMatch
	}
	known, sum := 0, 0.0
	if m.birth != 0 && e.birth != 0 {
		f.years = m.birth - e.birth
		sum += clamp01(float64(f.years) / gapYearsCap)
		known++
	}
	if m.level != 0 && e.level != 0 {
		f.level = m.level - e.level
		sum += clamp01(float64(f.level) / gapLevelsCap)
		known++
	}
	switch {
	case known == 0:
		f.state[2] = stUnknown
	case sum > 0:
		f.fit[2], f.state[2] = sum/float64(known), stMatch
	}
	switch {
	case m.loc < 0 || e.loc < 0:
		f.state[3] = stUnknown
	case m.loc == e.loc:
		f.fit[3], f.state[3] = 1, stMatch
	}
	switch {
	case popcount(m.langs) == 0 || popcount(e.langs) == 0:
		f.fit[4], f.state[4] = 0.5, stUnknown
	case popcountAnd(m.langs, e.langs) > 0:
		f.fit[4], f.state[4] = 1, stMatch
	}
	return f
}

func weightList(w Weights) [5]float64 {
	return [5]float64{float64(w.Topics), float64(w.Interests), float64(w.Gap), float64(w.Location), float64(w.Language)}
}

// total is the 0–100 score: the weighted mean of the fits, rounded once.
func (f *fitting) total(w *[5]float64, sum float64) int {
	if sum <= 0 {
		return 0
	}
	s := 0.0
	for i := range f.fit {
		s += w[i] * f.fit[i]
	}
	return int(100*s/sum + 0.5) // s ≥ 0: rounds half up
}

func weightSum(w *[5]float64) float64 { return w[0] + w[1] + w[2] + w[3] + w[4] }

// Score rates a mentor/mentee pair 0–100 and explains each factor. Topics
// (offered ∩ wanted, over wanted), interests (Jaccard), the reverse gap,
// location and language are compared case- and accent-insensitively and
// weighted by w; the score is the weighted mean rounded once, each factor's
// Points its share rounded to a tenth (so they may sum to ±0.5 of Score).
func Score(mentor, mentee Candidate, w Weights) (int, []ScoreFactor) {
	fs := newVocabs().prepare([]Candidate{mentor, mentee})[0]
	return explain(&mentor, &mentee, &fs[0], &fs[1], w)
}

// explain scores a pair whose features are prepared and explains it.
func explain(mentor, mentee *Candidate, mf, ef *features, w Weights) (int, []ScoreFactor) {
	f := fit(mf, ef)
	wl := weightList(w)
	sum := weightSum(&wl)
	points := func(i int) float64 {
		if sum <= 0 {
			return 0
		}
		return math.Round(1000*wl[i]*f.fit[i]/sum) / 10
	}
	out := make([]ScoreFactor, 0, 5)
	add := func(i int, factor, code string, args ...string) {
		out = append(out, ScoreFactor{Factor: factor, Points: points(i), Code: code, Args: args})
	}
	if f.state[0] == stMatch {
		add(0, "topics", "topics_match", shared(mentee.Enrolment.Topics, mentor.Enrolment.Topics)...)
	} else {
		add(0, "topics", "topics_none")
	}
	if f.state[1] == stMatch {
		add(1, "interests", "interests_shared", shared(mentor.Enrolment.Interests, mentee.Enrolment.Interests)...)
	} else {
		add(1, "interests", "interests_none")
	}
	switch f.state[2] {
	case stMatch:
		add(2, "gap", "gap_reverse", strconv.Itoa(f.years), strconv.Itoa(f.level))
	case stNone:
		add(2, "gap", "gap_none", strconv.Itoa(f.years), strconv.Itoa(f.level))
	default:
		add(2, "gap", "gap_unknown")
	}
	switch f.state[3] {
	case stMatch:
		add(3, "location", "location_same", mentor.Person.Location)
	case stNone:
		add(3, "location", "location_different", mentor.Person.Location, mentee.Person.Location)
	default:
		add(3, "location", "location_unknown")
	}
	switch f.state[4] {
	case stMatch:
		add(4, "language", "language_shared", shared(mentor.Person.Languages, mentee.Person.Languages)...)
	case stNone:
		add(4, "language", "language_none")
	default:
		add(4, "language", "language_unknown")
	}
	return f.total(&wl, sum), out
}

// shared lists the entries of a that b holds too (folded), in a's order and
// spelling, without duplicates.
func shared(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, s := range b {
		in[fold(s)] = true
	}
	var out []string
	for _, s := range a {
		if k := fold(s); k != "" && in[k] {
			out = append(out, s)
			delete(in, k)
		}
	}
	return out
}

// inLine walks the manager chain above start (the first manager's employee
// number) and reports whether it reaches target. Cycles end the walk
// (Brent's cycle detection), so a broken staff list cannot hang it.
func inLine(people map[string]Person, start, target string, visit func(string) bool) bool {
	saved, power, steps := "", 1, 0
	for cur := start; cur != ""; {
		if cur == target || (visit != nil && visit(cur)) {
			return true
		}
		if cur == saved {
			return false
		}
		if steps++; steps == power {
			saved, power, steps = cur, power*2, 0
		}
		p, ok := people[cur]
		if !ok {
			return false
		}
		cur = p.ManagerNo
	}
	return false
}

// sameLine reports whether one of the two manages the other, at any depth.
func sameLine(people map[string]Person, a, b *Person) bool {
	return (b.EmployeeNo != "" && inLine(people, a.ManagerNo, b.EmployeeNo, nil)) ||
		(a.EmployeeNo != "" && inLine(people, b.ManagerNo, a.EmployeeNo, nil))
}

func containsPair(ps []Pair, p Pair) bool { return slices.Contains(ps, p) }

// keptCount is how many kept tandems the mentor has.
func keptCount(in *MatchInput, mentor ID) int {
	n := 0
	for _, k := range in.Kept {
		if k.Mentor == mentor {
			n++
		}
	}
	return n
}

// Violations lists the hard constraints the pair breaks, as codes, in a
// fixed order; the switches in in.Rules.Constraints turn them off. Unknown
// departments or levels break nothing. "capacity" means the mentor's kept
// tandems already fill their capacity (a kept pair itself never counts).
func Violations(mentor, mentee Candidate, in *MatchInput) []string {
	var out []string
	c := in.Rules.Constraints
	mp, ep := &mentor.Person, &mentee.Person
	pair := Pair{Mentor: mentor.ID(), Mentee: mentee.ID()}
	if pair.Mentor == pair.Mentee {
		out = append(out, "same_person")
	}
	if c.OtherDepartment && mp.Department != "" && fold(mp.Department) == fold(ep.Department) {
		out = append(out, "same_department")
	}
	if c.OutsideReportingLine && sameLine(in.People, mp, ep) {
		out = append(out, "reporting_line")
	}
	if c.MentorLevelBelow && mp.Level != 0 && ep.Level != 0 && mp.Level <= ep.Level {
		out = append(out, "level_not_below")
	}
	if c.Capacity && !containsPair(in.Kept, pair) && keptCount(in, pair.Mentor) >= mentor.capacity() {
		out = append(out, "capacity")
	}
	if c.HRExclusions && containsPair(in.Rules.Excluded, pair) {
		out = append(out, "excluded")
	}
	if c.NoRepeatPairs && containsPair(in.Earlier, pair) {
		out = append(out, "earlier_pair")
	}
	return out
}

// Ranking lists every candidate for one person in the given role (mentors
// for a mentee, mentees for a mentor), each with score, explanation and the
// hard constraints the pair would break: allowed pairs first, then by score
// (highest first), then by the candidate's ID. Blocked pairs are marked,
// not dropped, so a manual pairing can warn with each rule it breaks.
func Ranking(p Candidate, role Role, in *MatchInput) []Suggestion {
	others := in.Mentees
	if role == Mentee {
		others = in.Mentors
	}
	out := make([]Suggestion, 0, len(others))
	for _, o := range others {
		mentor, mentee := p, o
		if role == Mentee {
			mentor, mentee = o, p
		}
		s, fs := Score(mentor, mentee, in.Rules.Weights)
		out = append(out, Suggestion{Pair: Pair{Mentor: mentor.ID(), Mentee: mentee.ID()}, Score: s,
			Factors: fs, Violations: Violations(mentor, mentee, in)})
	}
	other := func(s *Suggestion) ID {
		if role == Mentee {
			return s.Pair.Mentor
		}
		return s.Pair.Mentee
	}
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		if (len(a.Violations) == 0) != (len(b.Violations) == 0) {
			if len(a.Violations) == 0 {
				return -1
			}
			return 1
		}
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return cmpID(other(&a), other(&b))
	})
	return out
}

func cmpID(a, b ID) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
