package model

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// Violation bits of the precomputed pair mask (capacity is per mentor).
const (
	vSamePerson uint8 = 1 << iota
	vDepartment
	vLine
	vLevel
	vExcluded
	vEarlier
)

var violationCodes = []struct {
	bit  uint8
	code string
}{
	{vSamePerson, "same_person"}, {vDepartment, "same_department"}, {vLine, "reporting_line"},
	{vLevel, "level_not_below"}, {vExcluded, "excluded"}, {vEarlier, "earlier_pair"},
}

// cohort is a matching problem prepared for the solver: mentees are rows
// (e), mentors columns (m) of flat matrices.
type cohort struct {
	in            *MatchInput
	mentors       []Candidate
	mentees       []Candidate // not taken by a kept tandem
	taken         int         // mentees taken by kept tandems
	mf, ef        []features
	room          []int // free capacity per mentor; -1 unlimited
	kept          []int // kept tandems per mentor
	score         []int32
	mask          []uint8
	participation bool
}

func (c *cohort) at(e, m int) int { return e*len(c.mentors) + m }

// eligible reports whether the solver may pair them: no hard constraint and,
// in quality mode, a score above 0 (a pair that fits in nothing is no
// suggestion; participation mode takes it to form one more tandem).
func (c *cohort) eligible(e, m int) bool {
	k := c.at(e, m)
	return c.mask[k] == 0 && (c.participation || c.score[k] > 0)
}

// uniqueSorted copies candidates sorted by person ID, dropping repeats.
func uniqueSorted(cs []Candidate) []Candidate {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b Candidate) int { return cmp.Compare(a.ID(), b.ID()) })
	return slices.CompactFunc(out, func(a, b Candidate) bool { return a.ID() == b.ID() })
}

func newCohort(in *MatchInput) *cohort {
	c := &cohort{in: in, mentors: uniqueSorted(in.Mentors), participation: in.Rules.Mode == MatchParticipation}
	takenBy := map[ID]bool{}
	keptBy := map[ID]int{}
	for _, k := range slices.Compact(slices.SortedFunc(slices.Values(in.Kept), func(a, b Pair) int {
		return cmp.Or(cmp.Compare(a.Mentor, b.Mentor), cmp.Compare(a.Mentee, b.Mentee))
	})) {
		takenBy[k.Mentee] = true
		keptBy[k.Mentor]++
	}
	for _, e := range uniqueSorted(in.Mentees) {
		if takenBy[e.ID()] {
			c.taken++
			continue
		}
		c.mentees = append(c.mentees, e)
	}
	c.room, c.kept = make([]int, len(c.mentors)), make([]int, len(c.mentors))
	for m := range c.mentors {
		c.kept[m] = keptBy[c.mentors[m].ID()]
		c.room[m] = -1
		if in.Rules.Constraints.Capacity {
			c.room[m] = max(0, c.mentors[m].capacity()-c.kept[m])
		}
	}
	fs := newVocabs().prepare(c.mentors, c.mentees)
	c.mf, c.ef = fs[0], fs[1]
	c.build()
	return c
}

// build fills the score and violation matrices.
func (c *cohort) build() {
	in, cons := c.in, c.in.Rules.Constraints
	nm, ne := len(c.mentors), len(c.mentees)
	c.score, c.mask = make([]int32, ne*nm), make([]uint8, ne*nm)
	w := weightList(in.Rules.Weights)
	sum := weightSum(&w)
	parallelRows(ne, nm, func(e int) {
		ef, eid := &c.ef[e], c.mentees[e].ID()
		row, mrow := c.score[e*nm:(e+1)*nm], c.mask[e*nm:(e+1)*nm]
		for m := range c.mentors {
			mf := &c.mf[m]
			f := fit(mf, ef)
			row[m] = int32(f.total(&w, sum))
			var v uint8
			if c.mentors[m].ID() == eid {
				v |= vSamePerson
			}
			if cons.OtherDepartment && mf.dept >= 0 && mf.dept == ef.dept {
				v |= vDepartment
			}
			if cons.MentorLevelBelow && mf.level != 0 && ef.level != 0 && mf.level <= ef.level {
				v |= vLevel
			}
			mrow[m] = v
		}
	})
	mIdx, eIdx := make(map[ID]int, nm), make(map[ID]int, ne)
	for m := range c.mentors {
		mIdx[c.mentors[m].ID()] = m
	}
	for e := range c.mentees {
		eIdx[c.mentees[e].ID()] = e
	}
	mark := func(pairs []Pair, bit uint8) {
		for _, p := range pairs {
			m, ok1 := mIdx[p.Mentor]
			e, ok2 := eIdx[p.Mentee]
			if ok1 && ok2 {
				c.mask[c.at(e, m)] |= bit
			}
		}
	}
	if cons.HRExclusions {
		mark(in.Rules.Excluded, vExcluded)
	}
	if cons.NoRepeatPairs {
		mark(in.Earlier, vEarlier)
	}
	if cons.OutsideReportingLine {
		// Walk each person's chain once and mark the counterparts met on it.
		mByNo, eByNo := map[string][]int{}, map[string][]int{}
		for m := range c.mentors {
			if no := c.mentors[m].Person.EmployeeNo; no != "" {
				mByNo[no] = append(mByNo[no], m)
			}
		}
		for e := range c.mentees {
			if no := c.mentees[e].Person.EmployeeNo; no != "" {
				eByNo[no] = append(eByNo[no], e)
			}
		}
		for m := range c.mentors {
			inLine(in.People, c.mentors[m].Person.ManagerNo, "", func(no string) bool {
				for _, e := range eByNo[no] {
					c.mask[c.at(e, m)] |= vLine
				}
				return false
			})
		}
		for e := range c.mentees {
			inLine(in.People, c.mentees[e].Person.ManagerNo, "", func(no string) bool {
				for _, m := range mByNo[no] {
					c.mask[c.at(e, m)] |= vLine
				}
				return false
			})
		}
	}
}

// parallelRows calls row for each of n rows, spread over the processors
// when the rows are many and long enough to be worth it (cols each).
func parallelRows(n, cols int, row func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n/16)
	if workers < 2 || n*cols < 1<<15 {
		for i := range n {
			row(i)
		}
		return
	}
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += per {
		hi := min(n, lo+per)
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				row(i)
			}
		})
	}
	wg.Wait()
}

// Match pairs the whole cohort at once, optimally: quality mode maximises
// the total score over pairs scoring above 0; participation mode maximises
// the number of tandems first (pairs scoring 0 allowed), then the total
// score. No pair breaks a switched-on hard constraint; kept tandems use their
// mentors' capacity and take their mentees, and are not repeated in the
// suggestions. Mentors with capacity > 1 are expanded into slots and the
// rectangular assignment solved with the Hungarian method (shortest
// augmenting paths, O(n²·m)); without the capacity constraint every mentee
// simply gets their best mentor. Ties go to the lower person IDs, so the
// result does not depend on input order. Suggestions come best first (then
// by mentor and mentee ID); Unmatched lists mentors without any tandem and
// mentees without one, each with the most specific reason.
func Match(in *MatchInput) MatchResult {
	c := newCohort(in)
	nm, ne := len(c.mentors), len(c.mentees)
	bonus := int64(0)
	if c.participation {
		bonus = 100*int64(ne) + 1 // one more tandem outweighs any difference in score
	}
	weight := func(e, m int) int64 {
		if !c.eligible(e, m) {
			return 0
		}
		return bonus + int64(c.score[c.at(e, m)])
	}
	assigned := make([]int, ne) // mentor per mentee, -1 none
	for e := range assigned {
		assigned[e] = -1
	}
	if !in.Rules.Constraints.Capacity {
		for e := range c.mentees {
			best := int64(0)
			for m := range c.mentors {
				if w := weight(e, m); w > best {
					best, assigned[e] = w, m
				}
			}
		}
	} else {
		c.assign(weight, assigned)
	}

	var res MatchResult
	got := make([]int, nm)
	for e, m := range assigned {
		if m < 0 {
			continue
		}
		got[m]++
		s, fs := explain(&c.mentors[m], &c.mentees[e], &c.mf[m], &c.ef[e], in.Rules.Weights)
		res.Suggestions = append(res.Suggestions, Suggestion{
			Pair: Pair{Mentor: c.mentors[m].ID(), Mentee: c.mentees[e].ID()}, Score: s, Factors: fs})
	}
	slices.SortFunc(res.Suggestions, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Pair.Mentor, b.Pair.Mentor),
			cmp.Compare(a.Pair.Mentee, b.Pair.Mentee))
	})
	for m := range c.mentors {
		if got[m] == 0 && c.kept[m] == 0 {
			res.Unmatched = append(res.Unmatched, c.whyMentor(m))
		}
	}
	for e := range c.mentees {
		if assigned[e] < 0 {
			res.Unmatched = append(res.Unmatched, c.whyMentee(e))
		}
	}
	return res
}

// assign solves the capacitated assignment with the Hungarian method.
func (c *cohort) assign(weight func(e, m int) int64, assigned []int) {
	// Keep only those who have at least one possible partner with room.
	var rowsE, slotM []int
	useM := make([]bool, len(c.mentors))
	for e := range c.mentees {
		ok := false
		for m := range c.mentors {
			if c.room[m] != 0 && weight(e, m) > 0 {
				ok, useM[m] = true, true
			}
		}
		if ok {
			rowsE = append(rowsE, e)
		}
	}
	for m := range c.mentors {
		if useM[m] {
			for range min(c.room[m], len(rowsE)) {
				slotM = append(slotM, m)
			}
		}
	}
	if len(rowsE) == 0 || len(slotM) == 0 {
		return
	}
	// Rows must not outnumber columns: mentees are rows unless slots are fewer.
	transpose := len(rowsE) > len(slotM)
	n, mm := len(rowsE), len(slotM)
	if transpose {
		n, mm = mm, n
	}
	cost := make([]int32, n*mm)
	for i := range n {
		row := cost[i*mm : (i+1)*mm]
		for j := range mm {
			e, m := rowsE[i], 0
			if transpose {
				e, m = rowsE[j], slotM[i]
			} else {
				m = slotM[j]
			}
			row[j] = -int32(weight(e, m))
		}
	}
	colOf := hungarian(cost, n, mm)
	for i, j := range colOf {
		e, m := 0, 0
		if transpose {
			e, m = rowsE[j], slotM[i]
		} else {
			e, m = rowsE[i], slotM[j]
		}
		if weight(e, m) > 0 {
			assigned[e] = m
		}
	}
}

// hungarian finds a minimum-cost assignment of every row of the n×m cost
// matrix (n ≤ m, row-major) to a distinct column and returns the column of
// each row. It starts from a greedy matching on tight edges (row potentials
// are the row minima) and adds each remaining row by a shortest augmenting
// path (Dijkstra on reduced costs, preferring free columns on ties, as in
// Crouse's LAPJV variant), O(n²·m) at worst.
func hungarian(cost []int32, n, m int) []int {
	const inf = int64(1) << 62
	u := make([]int64, n)
	v := make([]int64, m)
	rowOf := make([]int, m) // row matched to each column, -1 none
	colOf := make([]int, n) // column matched to each row, -1 none
	for j := range rowOf {
		rowOf[j] = -1
	}
	for i := range n {
		row := cost[i*m : (i+1)*m]
		best := row[0]
		for _, x := range row[1:] {
			best = min(best, x)
		}
		u[i], colOf[i] = int64(best), -1
		for j, x := range row {
			if x == best && rowOf[j] < 0 {
				rowOf[j], colOf[i] = i, j
				break
			}
		}
	}
	dist := make([]int64, m)
	path := make([]int, m)
	remaining := make([]int, m)
	scannedRows := make([]int, 0, n)
	scannedCols := make([]int, 0, m)
	for cur := range n {
		if colOf[cur] >= 0 {
			continue
		}
		for j := range m {
			dist[j], remaining[j] = inf, j
		}
		left := m
		scannedRows, scannedCols = scannedRows[:0], scannedCols[:0]
		minVal, i, sink := int64(0), cur, -1
		for sink < 0 {
			scannedRows = append(scannedRows, i)
			row := cost[i*m : (i+1)*m]
			base := minVal - u[i]
			lowest, at := inf, -1
			for k, j := range remaining[:left] {
				if r := base + int64(row[j]) - v[j]; r < dist[j] {
					dist[j], path[j] = r, i
				}
				if d := dist[j]; d < lowest || d == lowest && rowOf[j] < 0 {
					lowest, at = d, k
				}
			}
			minVal = lowest
			j := remaining[at]
			if rowOf[j] < 0 {
				sink = j
			} else {
				i = rowOf[j]
			}
			scannedCols = append(scannedCols, j)
			left--
			remaining[at] = remaining[left]
		}
		u[cur] += minVal
		for _, r := range scannedRows[1:] {
			u[r] += minVal - dist[colOf[r]]
		}
		for _, j := range scannedCols {
			v[j] -= minVal - dist[j]
		}
		for j := sink; ; {
			i := path[j]
			rowOf[j] = i
			j, colOf[i] = colOf[i], j
			if i == cur {
				break
			}
		}
	}
	return colOf
}

// whyMentee explains why a mentee is left over.
func (c *cohort) whyMentee(e int) Unmatched {
	u := Unmatched{Person: c.mentees[e].ID(), Role: Mentee}
	idx := make([]int, len(c.mentors))
	for m := range idx {
		idx[m] = c.at(e, m)
	}
	u.Code, u.Args = c.why(idx, func(k int) bool { return popcountAnd(c.mf[k].topics, c.ef[e].topics) > 0 },
		"no_mentor_outside_line", "capacity_full")
	return u
}

// whyMentor explains why a mentor is left without any tandem.
func (c *cohort) whyMentor(m int) Unmatched {
	u := Unmatched{Person: c.mentors[m].ID(), Role: Mentor}
	if len(c.mentees) == 0 && c.taken > 0 {
		u.Code = "candidates_taken"
		return u
	}
	idx := make([]int, len(c.mentees))
	for e := range idx {
		idx[e] = c.at(e, m)
	}
	u.Code, u.Args = c.why(idx, func(k int) bool { return popcountAnd(c.mf[m].topics, c.ef[k].topics) > 0 },
		"no_mentee_outside_line", "candidates_taken")
	return u
}

// why finds the most specific reason over the person's candidates (their
// matrix indices): none at all; all in the reporting line; all blocked;
// no topic overlap; nothing scoring above 0; otherwise the rest were taken.
func (c *cohort) why(idx []int, overlap func(k int) bool, lineCode, takenCode string) (string, []string) {
	if len(idx) == 0 {
		return "no_candidate", nil
	}
	all, line := uint8(0), true
	var allowed []int
	for k, at := range idx {
		if c.mask[at] == 0 {
			allowed = append(allowed, k)
			continue
		}
		all |= c.mask[at]
		line = line && c.mask[at]&vLine != 0
	}
	if len(allowed) == 0 {
		if line {
			return lineCode, nil
		}
		var codes []string
		for _, vc := range violationCodes {
			if all&vc.bit != 0 {
				codes = append(codes, vc.code)
			}
		}
		return "no_candidate", codes
	}
	if !c.participation && !slices.ContainsFunc(allowed, func(k int) bool { return c.score[idx[k]] > 0 }) {
		if !slices.ContainsFunc(allowed, overlap) {
			return "no_topic_overlap", nil
		}
		return "no_score", nil
	}
	return takenCode, nil
}
