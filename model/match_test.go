package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func cand(id ID, role Role, p Person, topics, interests []string) Candidate {
	p.ID = id
	e := Enrolment{PersonID: id, Role: role, Topics: topics, Interests: interests, Capacity: 1}
	if role == Mentee {
		e.Capacity = 0
	}
	return Candidate{Enrolment: e, Person: p}
}

func factorByName(fs []ScoreFactor, name string) ScoreFactor {
	for _, f := range fs {
		if f.Factor == name {
			return f
		}
	}
	return ScoreFactor{}
}

func TestScore(t *testing.T) {
	w := Weights{Topics: 10, Interests: 4, Gap: 3, Location: 2, Language: 2}
	mentor := cand(1, Mentor, Person{LastName: "Jung", Level: 5, BirthYear: 2000, Location: "Köln",
		Languages: []string{"Deutsch", "Englisch"}}, []string{"KI", "Social Media", "Remote Work"},
		[]string{"Laufen", "Jazz"})
	mentee := cand(2, Mentee, Person{LastName: "Groß", Salutation: SalutationMs, Level: 2, BirthYear: 1970,
		Location: "koeln", Languages: []string{"deutsch"}}, []string{"ki", "SOCIAL MEDIA"},
		[]string{"jazz", "Segeln"})
	tests := []struct {
		name         string
		mentor       Candidate
		mentee       Candidate
		w            Weights
		score        int
		factor, code string
		args         []string
	}{
		{"topics", mentor, mentee, w, -1, "topics", "topics_match", []string{"ki", "SOCIAL MEDIA"}},
		{"interests", mentor, mentee, w, -1, "interests", "interests_shared", []string{"Jazz"}},
		{"gap", mentor, mentee, w, -1, "gap", "gap_reverse", []string{"30", "3"}},
		{"location", mentor, mentee, w, -1, "location", "location_different", []string{"Köln", "koeln"}},
		{"language", mentor, mentee, w, -1, "language", "language_shared", []string{"Deutsch"}},
		{"topics only, full fit", mentor, mentee, Weights{Topics: 10}, 100, "topics", "topics_match", []string{"ki", "SOCIAL MEDIA"}},
		{"gap wrong way", mentee, mentor, Weights{Gap: 5}, 0, "gap", "gap_none", []string{"-30", "-3"}},
		{"no weights", mentor, mentee, Weights{}, 0, "topics", "topics_match", []string{"ki", "SOCIAL MEDIA"}},
	}
	noTopics := mentee
	noTopics.Enrolment.Topics = []string{"Nachhaltigkeit"}
	noTopics.Enrolment.Interests = nil
	noTopics.Person.Languages = nil
	noTopics.Person.Location = ""
	noTopics.Person.BirthYear, noTopics.Person.Level = 0, 0
	tests = append(tests,
		struct {
			name         string
			mentor       Candidate
			mentee       Candidate
			w            Weights
			score        int
			factor, code string
			args         []string
		}{"no topics", mentor, noTopics, Weights{Topics: 10}, 0, "topics", "topics_none", nil},
		struct {
			name         string
			mentor       Candidate
			mentee       Candidate
			w            Weights
			score        int
			factor, code string
			args         []string
		}{"language unknown is half", mentor, noTopics, Weights{Language: 4}, 50, "language", "language_unknown", nil},
	)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, fs := Score(tc.mentor, tc.mentee, tc.w)
			if s < 0 || s > 100 {
				t.Fatalf("score %d out of range", s)
			}
			if tc.score >= 0 && s != tc.score {
				t.Errorf("score = %d, want %d", s, tc.score)
			}
			if len(fs) != 5 {
				t.Fatalf("%d factors, want 5", len(fs))
			}
			f := factorByName(fs, tc.factor)
			if f.Code != tc.code || !reflect.DeepEqual(f.Args, tc.args) {
				t.Errorf("%s = %s %q, want %s %q", tc.factor, f.Code, f.Args, tc.code, tc.args)
			}
		})
	}
	// The default weights: topics 1, interests 1/3, gap (30y → 1, 3 levels → 1) 1,
	// location 0, language 1 → (10 + 4/3 + 3 + 0 + 2) / 21.
	if s, _ := Score(mentor, mentee, w); s != 78 {
		t.Errorf("default score = %d, want 78", s)
	}
	// Location compares folded: Köln and KÖLN are the same place.
	m2 := mentee
	m2.Person.Location = "KÖLN"
	if _, fs := Score(mentor, m2, w); factorByName(fs, "location").Code != "location_same" {
		t.Errorf("location not folded: %+v", factorByName(fs, "location"))
	}
}

func TestViolationsSwitches(t *testing.T) {
	people := map[string]Person{
		"1": {EmployeeNo: "1"},
		"2": {EmployeeNo: "2", ManagerNo: "1"},
		"3": {EmployeeNo: "3", ManagerNo: "2"},
		"4": {EmployeeNo: "4", ManagerNo: "3"},
	}
	// Mentor 4 reports to 3 → 2 → 1; the mentee is 1, three levels up.
	mentor := cand(10, Mentor, Person{EmployeeNo: "4", ManagerNo: "3", Department: "IT", Level: 2}, nil, nil)
	mentee := cand(11, Mentee, Person{EmployeeNo: "1", Department: "it", Level: 2}, nil, nil)
	pair := Pair{Mentor: 10, Mentee: 11}
	in := &MatchInput{Rules: DefaultMatchingRules(), People: people,
		Kept: []Pair{{Mentor: 10, Mentee: 99}}, Earlier: []Pair{pair}}
	in.Rules.Excluded = []Pair{pair}
	all := []string{"same_department", "reporting_line", "level_not_below", "capacity", "excluded", "earlier_pair"}
	if got := Violations(mentor, mentee, in); !reflect.DeepEqual(got, all) {
		t.Fatalf("violations = %q, want %q", got, all)
	}
	off := []func(*Constraints){
		func(c *Constraints) { c.OtherDepartment = false },
		func(c *Constraints) { c.OutsideReportingLine = false },
		func(c *Constraints) { c.MentorLevelBelow = false },
		func(c *Constraints) { c.Capacity = false },
		func(c *Constraints) { c.HRExclusions = false },
		func(c *Constraints) { c.NoRepeatPairs = false },
	}
	for i, f := range off {
		t.Run(all[i], func(t *testing.T) {
			in2 := *in
			f(&in2.Rules.Constraints)
			want := slices.Delete(slices.Clone(all), i, i+1)
			if got := Violations(mentor, mentee, &in2); !reflect.DeepEqual(got, want) {
				t.Errorf("violations = %q, want %q", got, want)
			}
			// Match agrees: with only this rule switched off the pair is
			// still blocked, with all off it is suggested (participation).
			in2.Kept = nil
			in2.Mentors, in2.Mentees = []Candidate{mentor}, []Candidate{mentee}
			if r := Match(&in2); len(r.Suggestions) != 0 {
				t.Errorf("blocked pair suggested: %+v", r.Suggestions)
			}
		})
	}
	free := *in
	free.Rules.Constraints = Constraints{}
	free.Rules.Mode = MatchParticipation
	free.Kept = nil
	free.Mentors, free.Mentees = []Candidate{mentor}, []Candidate{mentee}
	if got := Violations(mentor, mentee, &free); len(got) != 0 {
		t.Errorf("all off: %q", got)
	}
	if r := Match(&free); len(r.Suggestions) != 1 {
		t.Errorf("all off: not suggested: %+v", r)
	}
}

func TestReportingLine(t *testing.T) {
	people := map[string]Person{
		"A": {EmployeeNo: "A", ManagerNo: "B"},
		"B": {EmployeeNo: "B", ManagerNo: "C"},
		"C": {EmployeeNo: "C", ManagerNo: "D"},
		"D": {EmployeeNo: "D", ManagerNo: "B"}, // cycle B → C → D → B
		"X": {EmployeeNo: "X", ManagerNo: "X"}, // own manager
		"Y": {EmployeeNo: "Y"},
	}
	in := &MatchInput{Rules: DefaultMatchingRules(), People: people}
	in.Rules.Constraints = Constraints{OutsideReportingLine: true}
	mk := func(no string, id ID, role Role) Candidate {
		return cand(id, role, Person{EmployeeNo: no, ManagerNo: people[no].ManagerNo}, []string{"KI"}, nil)
	}
	tests := []struct {
		mentor, mentee string
		line           bool
	}{
		{"A", "D", true}, // three up, through the cycle
		{"A", "C", true},
		{"D", "A", true}, // the mentee reports to the mentor
		{"A", "Y", false},
		{"X", "Y", false}, // own manager: no hang
		{"Y", "X", false},
		{"C", "X", false},
	}
	for _, tc := range tests {
		m, e := mk(tc.mentor, 1, Mentor), mk(tc.mentee, 2, Mentee)
		got := slices.Contains(Violations(m, e, in), "reporting_line")
		if got != tc.line {
			t.Errorf("%s/%s: line = %v, want %v", tc.mentor, tc.mentee, got, tc.line)
		}
		in.Mentors, in.Mentees = []Candidate{m}, []Candidate{e}
		r := Match(in)
		if (len(r.Suggestions) == 0) != tc.line {
			t.Errorf("%s/%s: match %+v", tc.mentor, tc.mentee, r)
		}
		if tc.line {
			want := []Unmatched{{Person: 1, Role: Mentor, Code: "no_mentee_outside_line"},
				{Person: 2, Role: Mentee, Code: "no_mentor_outside_line"}}
			if !reflect.DeepEqual(r.Unmatched, want) {
				t.Errorf("%s/%s: unmatched %+v", tc.mentor, tc.mentee, r.Unmatched)
			}
		}
	}
}

func TestMatchCapacityKeptAndReasons(t *testing.T) {
	in := &MatchInput{Rules: DefaultMatchingRules()}
	in.Rules.Constraints.OutsideReportingLine = false
	in.Rules.Weights = Weights{Topics: 10}
	m1 := cand(1, Mentor, Person{Department: "IT", Level: 5}, []string{"KI"}, nil)
	m1.Enrolment.Capacity = 2
	m2 := cand(2, Mentor, Person{Department: "HR", Level: 5}, []string{"Social Media"}, nil)
	e := func(id ID, dep string, topics ...string) Candidate {
		return cand(id, Mentee, Person{Department: dep, Level: 1}, topics, nil)
	}
	in.Mentors = []Candidate{m2, m1}
	in.Mentees = []Candidate{e(10, "Sales", "KI"), e(11, "Sales", "KI"), e(12, "Sales", "KI"),
		e(13, "Sales", "Nachhaltigkeit"), e(14, "HR", "Social Media"), e(15, "Recht", "KI")}
	in.Mentees[5].Person.Level = 5
	in.Kept = []Pair{{Mentor: 1, Mentee: 10}}
	r := Match(in)
	// Mentor 1 has one slot left (one kept); 11 gets it (lower ID), 12 finds it full.
	wantPairs := []Pair{{Mentor: 1, Mentee: 11}}
	var got []Pair
	for _, s := range r.Suggestions {
		got = append(got, s.Pair)
	}
	if !reflect.DeepEqual(got, wantPairs) {
		t.Fatalf("pairs = %+v, want %+v", got, wantPairs)
	}
	want := []Unmatched{
		{Person: 2, Role: Mentor, Code: "no_topic_overlap"},
		{Person: 12, Role: Mentee, Code: "capacity_full"},
		{Person: 13, Role: Mentee, Code: "no_topic_overlap"},
		{Person: 14, Role: Mentee, Code: "no_topic_overlap"}, // mentor 2 shares the department
		{Person: 15, Role: Mentee, Code: "no_candidate", Args: []string{"level_not_below"}},
	}
	if !reflect.DeepEqual(r.Unmatched, want) {
		t.Errorf("unmatched = %+v\nwant %+v", r.Unmatched, want)
	}
	// Participation mode pairs 13 with mentor 2 at score 0 (no overlap,
	// nothing else in common) rather than leave both alone.
	in.Rules.Mode = MatchParticipation
	r = Match(in)
	if len(r.Suggestions) != 2 || r.Suggestions[1].Pair != (Pair{Mentor: 2, Mentee: 12}) &&
		r.Suggestions[1].Pair != (Pair{Mentor: 2, Mentee: 13}) {
		t.Errorf("participation: %+v", r.Suggestions)
	}
	// Without the capacity rule mentor 1 takes every mentee outside IT
	// (participation), mentor 2 none: 1 is first in ID order on ties.
	in.Rules.Constraints.Capacity = false
	if r = Match(in); len(r.Suggestions) != 4 || r.Suggestions[3].Pair.Mentor != 1 {
		t.Errorf("no capacity: %+v", r.Suggestions)
	}
}

func TestRanking(t *testing.T) {
	in := &MatchInput{Rules: DefaultMatchingRules()}
	e := cand(10, Mentee, Person{Department: "Sales", Level: 1}, []string{"KI", "Social Media"}, nil)
	in.Mentees = []Candidate{e}
	in.Mentors = []Candidate{
		cand(1, Mentor, Person{Department: "Sales", Level: 5}, []string{"KI", "Social Media"}, nil),
		cand(2, Mentor, Person{Department: "IT", Level: 5}, []string{"KI"}, nil),
		cand(3, Mentor, Person{Department: "HR", Level: 5}, []string{"KI", "Social Media"}, nil),
	}
	r := Ranking(e, Mentee, in)
	var order []ID
	for _, s := range r {
		order = append(order, s.Pair.Mentor)
	}
	if !reflect.DeepEqual(order, []ID{3, 2, 1}) {
		t.Errorf("order = %v", order)
	}
	if !reflect.DeepEqual(r[2].Violations, []string{"same_department"}) || len(r[0].Violations) != 0 {
		t.Errorf("violations: %+v", r)
	}
	if rm := Ranking(in.Mentors[1], Mentor, in); len(rm) != 1 || rm[0].Pair != (Pair{Mentor: 2, Mentee: 10}) {
		t.Errorf("mentor ranking: %+v", rm)
	}
}

// randomInstance builds a small random cohort with a random staff list
// (cycles possible), random switches, exclusions, earlier and kept pairs.
func randomInstance(r *rand.Rand, nm, ne int) *MatchInput {
	topics := []string{"KI", "Social Media", "Agiles Arbeiten", "Remote Work"}
	interests := []string{"Jazz", "Laufen", "Kochen", "Segeln", "Schach"}
	sub := func(list []string, max int) []string {
		var out []string
		for _, s := range list {
			if r.IntN(max) == 0 {
				out = append(out, s)
			}
		}
		return out
	}
	people := map[string]Person{}
	n := nm + ne + 4
	for i := range n {
		p := Person{EmployeeNo: fmt.Sprint(i)}
		if r.IntN(5) > 0 {
			p.ManagerNo = fmt.Sprint(r.IntN(n))
		}
		people[p.EmployeeNo] = p
	}
	person := func(i int) Person {
		p := people[fmt.Sprint(i)]
		p.Department = []string{"IT", "HR", "Sales", ""}[r.IntN(4)]
		p.Level = r.IntN(6)
		if r.IntN(4) > 0 {
			p.BirthYear = 1960 + r.IntN(45)
		}
		p.Location = []string{"Köln", "Berlin", ""}[r.IntN(3)]
		p.Languages = sub([]string{"de", "en"}, 2)
		return p
	}
	in := &MatchInput{People: people}
	in.Rules.Weights = Weights{r.IntN(11), r.IntN(11), r.IntN(11), r.IntN(11), r.IntN(11)}
	c := &in.Rules.Constraints
	*c = Constraints{r.IntN(2) == 0, r.IntN(2) == 0, r.IntN(2) == 0, r.IntN(4) > 0, r.IntN(2) == 0, r.IntN(2) == 0}
	in.Rules.Mode = MatchQuality
	if r.IntN(2) == 0 {
		in.Rules.Mode = MatchParticipation
	}
	for i := range nm {
		m := cand(ID(i+1), Mentor, person(i), sub(topics, 2), sub(interests, 2))
		m.Enrolment.Capacity = 1 + r.IntN(2)
		in.Mentors = append(in.Mentors, m)
	}
	for i := range ne {
		in.Mentees = append(in.Mentees, cand(ID(100+i), Mentee, person(nm+i), sub(topics, 2), sub(interests, 2)))
	}
	randPair := func() Pair { return Pair{Mentor: ID(1 + r.IntN(nm)), Mentee: ID(100 + r.IntN(ne))} }
	for range r.IntN(4) {
		in.Rules.Excluded = append(in.Rules.Excluded, randPair())
	}
	for range r.IntN(4) {
		in.Earlier = append(in.Earlier, randPair())
	}
	if r.IntN(3) == 0 {
		in.Kept = append(in.Kept, randPair())
	}
	return in
}

// bruteForce tries every assignment and returns the best (count, score)
// — count counts only in participation mode.
func bruteForce(in *MatchInput) (count, total int) {
	taken := map[ID]bool{}
	room := make([]int, len(in.Mentors))
	for m, c := range in.Mentors {
		room[m] = 1 << 30
		if in.Rules.Constraints.Capacity {
			room[m] = c.capacity() - keptCount(in, c.ID())
		}
	}
	for _, k := range in.Kept {
		taken[k.Mentee] = true
	}
	type cell struct {
		ok    bool
		score int
	}
	cells := make([][]cell, len(in.Mentees))
	for e := range in.Mentees {
		cells[e] = make([]cell, len(in.Mentors))
		for m := range in.Mentors {
			s, _ := Score(in.Mentors[m], in.Mentees[e], in.Rules.Weights)
			ok := !taken[in.Mentees[e].ID()] && len(Violations(in.Mentors[m], in.Mentees[e], in)) == 0 &&
				(in.Rules.Mode == MatchParticipation || s > 0)
			cells[e][m] = cell{ok, s}
		}
	}
	part := in.Rules.Mode == MatchParticipation
	bestC, bestS := -1, -1
	var rec func(e, cnt, sum int)
	rec = func(e, cnt, sum int) {
		if e == len(in.Mentees) {
			if !part {
				cnt = 0
			}
			if cnt > bestC || cnt == bestC && sum > bestS {
				bestC, bestS = cnt, sum
			}
			return
		}
		rec(e+1, cnt, sum)
		for m := range in.Mentors {
			if c := cells[e][m]; c.ok && room[m] > 0 {
				room[m]--
				rec(e+1, cnt+1, sum+c.score)
				room[m]++
			}
		}
	}
	rec(0, 0, 0)
	return bestC, bestS
}

func TestMatchAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	nonTrivial := 0
	for i := range 400 {
		in := randomInstance(r, 1+r.IntN(5), 1+r.IntN(6))
		res := Match(in)
		wantC, wantS := bruteForce(in)
		gotC, gotS := 0, 0
		used := map[ID]int{}
		seen := map[ID]bool{}
		for _, k := range in.Kept {
			used[k.Mentor]++
			seen[k.Mentee] = true
		}
		byID := func(cs []Candidate, id ID) Candidate {
			for _, c := range cs {
				if c.ID() == id {
					return c
				}
			}
			t.Fatalf("instance %d: unknown person %d", i, id)
			return Candidate{}
		}
		for _, s := range res.Suggestions {
			m, e := byID(in.Mentors, s.Pair.Mentor), byID(in.Mentees, s.Pair.Mentee)
			if v := Violations(m, e, in); len(v) > 0 {
				t.Fatalf("instance %d: %+v breaks %q", i, s.Pair, v)
			}
			if seen[e.ID()] {
				t.Fatalf("instance %d: mentee %d twice", i, e.ID())
			}
			seen[e.ID()] = true
			used[m.ID()]++
			if in.Rules.Constraints.Capacity && used[m.ID()] > m.capacity() {
				t.Fatalf("instance %d: mentor %d over capacity", i, m.ID())
			}
			if sc, _ := Score(m, e, in.Rules.Weights); sc != s.Score {
				t.Fatalf("instance %d: score %d, Score says %d", i, s.Score, sc)
			}
			gotC++
			gotS += s.Score
		}
		if in.Rules.Mode != MatchParticipation {
			gotC = 0
		}
		if len(res.Suggestions) > 1 {
			nonTrivial++
		}
		if gotC != wantC || gotS != wantS {
			t.Fatalf("instance %d (%s, %+v): got %d tandems/%d points, optimum %d/%d",
				i, in.Rules.Mode, in.Rules.Constraints, gotC, gotS, wantC, wantS)
		}
		// Everyone without a tandem is listed once with a reason.
		for _, u := range res.Unmatched {
			if u.Code == "" {
				t.Fatalf("instance %d: no reason for %+v", i, u)
			}
			if u.Role == Mentee && seen[u.Person] {
				t.Fatalf("instance %d: matched mentee %d listed as unmatched", i, u.Person)
			}
		}
	}
	if nonTrivial < 100 {
		t.Errorf("only %d of 400 instances have more than one tandem", nonTrivial)
	}
}

func TestMatchDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	in := benchInput(r, 60, 80)
	want := Match(in)
	for range 5 {
		r.Shuffle(len(in.Mentors), func(i, j int) { in.Mentors[i], in.Mentors[j] = in.Mentors[j], in.Mentors[i] })
		r.Shuffle(len(in.Mentees), func(i, j int) { in.Mentees[i], in.Mentees[j] = in.Mentees[j], in.Mentees[i] })
		if got := Match(in); !reflect.DeepEqual(got, want) {
			t.Fatal("result depends on input order")
		}
	}
	if len(want.Suggestions) == 0 {
		t.Fatal("no suggestions")
	}
}

// benchInput is a company-like cohort: junior mentors, executive mentees,
// a staff tree, departments, every constraint on.
func benchInput(r *rand.Rand, nm, ne int) *MatchInput {
	topics := []string{"KI", "Social Media", "Digitale Tools", "Agiles Arbeiten", "Remote Work", "Diversität", "Nachhaltigkeit"}
	interests := []string{"Jazz", "Laufen", "Kochen", "Segeln", "Schach", "Fotografie", "Reisen", "Fußball",
		"Lesen", "Gaming", "Yoga", "Theater"}
	depts := []string{"IT", "HR", "Vertrieb", "Marketing", "Finanzen", "Einkauf", "Logistik", "Recht",
		"Produktion", "Forschung"}
	pick := func(list []string, n int) []string {
		out := make([]string, 0, n)
		for _, i := range r.Perm(len(list))[:n] {
			out = append(out, list[i])
		}
		return out
	}
	people := map[string]Person{}
	in := &MatchInput{Rules: DefaultMatchingRules(), People: people}
	// Executives (levels 1–3) form the upper tree; mentors report into it.
	for i := range ne {
		p := Person{EmployeeNo: fmt.Sprintf("E%d", i), Level: 1 + min(2, i/10), Department: depts[r.IntN(len(depts))],
			BirthYear: 1960 + r.IntN(20), Location: []string{"Köln", "Berlin", "München"}[r.IntN(3)],
			Languages: []string{"Deutsch"}}
		if i > 0 {
			p.ManagerNo = fmt.Sprintf("E%d", r.IntN(i))
		}
		people[p.EmployeeNo] = p
		in.Mentees = append(in.Mentees, cand(ID(100000+i), Mentee, p, pick(topics, 1+r.IntN(3)), pick(interests, 1+r.IntN(3))))
	}
	for i := range nm {
		p := Person{EmployeeNo: fmt.Sprintf("M%d", i), Level: 4 + r.IntN(2), Department: depts[r.IntN(len(depts))],
			ManagerNo: fmt.Sprintf("E%d", r.IntN(ne)), BirthYear: 1990 + r.IntN(15),
			Location: []string{"Köln", "Berlin", "München"}[r.IntN(3)], Languages: []string{"Deutsch", "Englisch"}}
		people[p.EmployeeNo] = p
		in.Mentors = append(in.Mentors, cand(ID(1+i), Mentor, p, pick(topics, 2+r.IntN(3)), pick(interests, 1+r.IntN(3))))
	}
	for range nm / 10 {
		in.Rules.Excluded = append(in.Rules.Excluded, Pair{Mentor: ID(1 + r.IntN(nm)), Mentee: ID(100000 + r.IntN(ne))})
		in.Earlier = append(in.Earlier, Pair{Mentor: ID(1 + r.IntN(nm)), Mentee: ID(100000 + r.IntN(ne))})
	}
	return in
}

func benchmarkMatch(b *testing.B, n int) {
	in := benchInput(rand.New(rand.NewPCG(3, 4)), n, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if r := Match(in); len(r.Suggestions) == 0 {
			b.Fatal("no suggestions")
		}
	}
}

func BenchmarkMatch200x200(b *testing.B)   { benchmarkMatch(b, 200) }
func BenchmarkMatch1000x1000(b *testing.B) { benchmarkMatch(b, 1000) }

// TestHungarian checks the solver alone against every permutation on small
// matrices full of ties and negative costs.
func TestHungarian(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		n := 1 + r.IntN(5)
		m := n + r.IntN(3)
		cost := make([]int32, n*m)
		for k := range cost {
			cost[k] = -int32(r.IntN(4)) * int32(1+r.IntN(2)*100)
		}
		colOf := hungarian(cost, n, m)
		got, seen := int32(0), map[int]bool{}
		for i, j := range colOf {
			if seen[j] {
				t.Fatalf("column %d twice", j)
			}
			seen[j] = true
			got += cost[i*m+j]
		}
		best := int32(1 << 30)
		var rec func(i int, sum int32)
		used := make([]bool, m)
		rec = func(i int, sum int32) {
			if i == n {
				best = min(best, sum)
				return
			}
			for j := range m {
				if !used[j] {
					used[j] = true
					rec(i+1, sum+cost[i*m+j])
					used[j] = false
				}
			}
		}
		rec(0, 0)
		if got != best {
			t.Fatalf("%d×%d %v: cost %d, optimum %d", n, m, cost, got, best)
		}
	}
}
