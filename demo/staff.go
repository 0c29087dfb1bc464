package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"tandem/model"
)

// member is a person of the example company while the roster is built.
type member struct {
	p       *model.Person
	post    post
	manager *member
	origin  string
	female  bool
	order   int // position in the chart, for stable sorting
}

// roster is the generated staff list.
type roster struct {
	all   []*model.Person          // chart order: management, then each department top-down
	byKey map[string]*model.Person // holders of keyed posts
}

// newRoster builds the company's staff as of today: the chart from org,
// names, birth years, hire dates, languages, employee numbers ordered by
// hire date and the manager of everyone but the CEO.
func newRoster(today model.Date, rng *rand.Rand) (*roster, error) {
	var all []*member
	add := func(p post, level int, dept, loc string, manager *member) *member {
		var first *member
		for range max(p.n, 1) {
			m := &member{post: p, manager: manager, order: len(all)}
			m.p = &model.Person{Level: level, Department: dept, Location: cmp.Or(p.loc, loc)}
			all = append(all, m)
			if first == nil {
				first = m
			}
		}
		return first
	}
	ceo := add(management[0], model.LevelTop, managementDept, hamburg, nil)
	for _, p := range management[1:] {
		add(p, model.LevelTop, managementDept, hamburg, ceo)
	}
	for _, u := range org {
		head := add(u.head, 2, u.dept, u.loc, ceo)
		for _, e := range u.experts {
			add(e, 3, u.dept, u.loc, head)
		}
		for _, t := range u.teams {
			lead := add(t.lead, 3, u.dept, u.loc, head)
			var trainer *member
			for _, mp := range t.members {
				if m := add(mp, 4, u.dept, cmp.Or(t.lead.loc, u.loc), lead); trainer == nil {
					trainer = m
				}
			}
			for _, tp := range t.trainees {
				add(tp, model.LevelTrainee, u.dept, cmp.Or(t.lead.loc, u.loc), cmp.Or(trainer, lead))
			}
		}
	}

	emails := map[string]bool{} // addresses taken, and names used once or twice
	// Hand-picked names first, so that no generated one takes them.
	for _, m := range all {
		if w := m.post.who; w != nil && w.first != "" {
			m.p.FirstName, m.p.LastName, m.origin = w.first, w.last, w.origin
			m.female = w.salutation == model.SalutationMs
			if !claim(emails, m.p, false) {
				return nil, fmt.Errorf("demo: duplicate name %s", m.p.FullName())
			}
		}
	}
	for _, m := range all {
		age := ageFor(rng, m)
		m.p.BirthYear = today.Year - age
		m.p.HireDate = hireDate(rng, today, m, age)
		if m.p.FirstName == "" {
			if err := nameFor(rng, today, m, emails); err != nil {
				return nil, err
			}
		}
		m.p.Salutation = model.SalutationMr
		if m.female {
			m.p.Salutation = model.SalutationMs
		}
		m.p.JobTitle = gendered(m.post.title, m.female)
		m.p.Languages = languagesOf(m.origin)
		if m.p.Department == "Logistik" && m.p.Level >= 4 && rng.IntN(100) < 35 {
			m.p.Languages = slices.DeleteFunc(m.p.Languages, func(l string) bool { return l == "Englisch" })
		}
		if rng.IntN(100) < 15 {
			m.p.Languages = append(m.p.Languages, pick(rng, extraLanguages))
		}
	}

	// Employee numbers follow the hire date, with the gaps of people who left long ago.
	byHire := slices.Clone(all)
	slices.SortStableFunc(byHire, func(a, b *member) int {
		return cmp.Or(a.p.HireDate.Compare(b.p.HireDate), cmp.Compare(a.order, b.order))
	})
	no := 100
	for _, m := range byHire {
		no += 1 + rng.IntN(3)
		m.p.EmployeeNo = fmt.Sprintf("%05d", no)
	}
	r := &roster{byKey: map[string]*model.Person{}}
	for _, m := range all {
		if m.manager != nil {
			m.p.ManagerNo = m.manager.p.EmployeeNo
		}
		if m.post.key != "" {
			r.byKey[m.post.key] = m.p
		}
		r.all = append(r.all, m.p)
	}
	if p := r.byKey["rente"]; p != nil { // retires at the end of the month after next
		p.ExitDate = endOfMonth(today.AddDays(45))
	}
	return r, nil
}

// claim records the person's e-mail address, made from the name, and
// reports whether it was still free. With picky set it also refuses a
// first or last name that two people have already, for a varied staff.
func claim(emails map[string]bool, p *model.Person, picky bool) bool {
	p.Email = translit(p.FirstName) + "." + translit(p.LastName) + "@" + domain
	first, last := "first:"+p.FirstName, "last:"+p.LastName
	if emails[p.Email] || picky && (emails[first+"#2"] || emails[last+"#2"]) {
		return false
	}
	emails[p.Email] = true
	for _, k := range []string{first, last} {
		if emails[k] {
			k += "#2"
		}
		emails[k] = true
	}
	return true
}

// nameFor gives m a generated name with a unique e-mail address.
func nameFor(rng *rand.Rand, today model.Date, m *member, emails map[string]bool) error {
	m.origin = german
	if w := m.post.who; w != nil && w.origin != "" {
		m.origin = w.origin
	} else if n := rng.IntN(100); n < 8 {
		m.origin = turkish
	} else if n < 15 {
		m.origin = polish
	}
	m.female = rng.IntN(100) < 45
	for try := range 100 {
		var female int
		if m.female {
			female = 1
		}
		m.p.FirstName, m.p.LastName = randomName(rng, m.origin, female, m.p.BirthYear, today.Year)
		if claim(emails, m.p, try < 50) {
			return nil
		}
	}
	return fmt.Errorf("demo: no free name for %s", m.post.title)
}

// ageFor returns the age of the holder of a post in the year of today.
func ageFor(rng *rand.Rand, m *member) int {
	if w := m.post.who; w != nil && w.age != 0 {
		return w.age
	}
	between := func(lo, hi int) int { return lo + rng.IntN(hi-lo+1) }
	switch m.p.Level {
	case 1:
		return between(46, 64)
	case 2:
		return between(40, 60)
	case 3:
		return between(32, 58)
	case 4:
		if rng.IntN(100) < 40 {
			return between(23, 31)
		}
		return between(32, 62)
	}
	return between(19, 22)
}

// hireDate returns a plausible first working day: trainees start on
// 1 August or 1 September and are in their first to third year; others
// joined on the first of a month after their own training. Holders of keyed
// posts take part in the programmes, so they joined well before the pilot.
func hireDate(rng *rand.Rand, today model.Date, m *member, age int) model.Date {
	keyed := m.post.key != ""
	if m.p.Level == model.LevelTrainee {
		month := time.August + time.Month(rng.IntN(2))
		var options []model.Date
		for k := range 4 {
			d := model.NewDate(today.Year-k, month, 1)
			if d.After(today) || !d.AddDays(3*365).After(today) || age-k < 16 ||
				(keyed && d.After(today.AddDays(-400))) {
				continue
			}
			options = append(options, d)
		}
		if len(options) == 0 {
			return model.NewDate(today.Year-2, month, 1)
		}
		return pick(rng, options)
	}
	start := 20
	if m.p.Level <= 3 {
		start = 25
	}
	minDays, maxDays := 60, (age-start)*365
	if keyed {
		minDays = 2 * 365
	}
	maxDays = max(min(maxDays, 30*365), minDays)
	d := today.AddDays(-(minDays + rng.IntN(maxDays-minDays+1)))
	return model.NewDate(d.Year, d.Month, 1)
}

// endOfMonth returns the last day of d's month.
func endOfMonth(d model.Date) model.Date {
	return model.NewDate(d.Year, d.Month+1, 1).AddDays(-1)
}
