package cli

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"tandem/app"
	"tandem/model"
	"tandem/model/store"
)

// matchReport is the JSON answer of `tandem match --json`.
type matchReport struct {
	Programme   string            `json:"programme"`
	Mode        model.MatchMode   `json:"mode"`
	Suggestions []matchSuggestion `json:"suggestions"`
	Unmatched   []matchLeftOver   `json:"unmatched"`
	TotalScore  int               `json:"total_score"`
	Created     int               `json:"created,omitempty"` // tandems saved by --apply
}

// matchPerson names a participant in the report.
type matchPerson struct {
	ID         model.ID `json:"id"`
	Name       string   `json:"name"`
	Department string   `json:"department"`
}

type matchSuggestion struct {
	Mentor  matchPerson `json:"mentor"`
	Mentee  matchPerson `json:"mentee"`
	Score   int         `json:"score"`
	Reasons []string    `json:"reasons"`
}

type matchLeftOver struct {
	Person matchPerson `json:"person"`
	Role   model.Role  `json:"role"`
	Reason string      `json:"reason"`
}

// runMatch suggests tandems for a programme's participants and, with
// --apply, saves them as proposed tandems. The programme's proposed,
// confirmed and active tandems are kept (see model.MatchInputFor), so
// applying twice does not pair anybody twice.
func runMatch(e env, args []string) int {
	fs := newFlags("match")
	db := fs.String("db", "", "")
	name := fs.String("programme", "", "")
	mode := fs.String("mode", "", "")
	apply := fs.Bool("apply", false, "")
	asJSON := fs.Bool("json", false, "")
	if _, okArgs := parse(fs, args, 0); !okArgs || strings.TrimSpace(*name) == "" {
		return usage(e)
	}
	switch model.MatchMode(*mode) {
	case "", model.MatchQuality, model.MatchParticipation:
	default:
		return usage(e)
	}
	st, err := openStore(*db, store.Options{Now: e.now, ReadOnly: !*apply})
	if err != nil {
		return fail(e, err)
	}
	defer st.Close()
	p, err := findProgramme(st, *name)
	if err != nil {
		return fail(e, err)
	}
	if p.ID == 0 {
		return failText(e, unknownProgramme(st, *name))
	}
	in, people, err := loadMatchInput(st, &p, model.DateOf(e.now()))
	if err != nil {
		return fail(e, err)
	}
	if *mode != "" {
		in.Rules.Mode = model.MatchMode(*mode)
	}
	if in.Rules.Mode != model.MatchParticipation {
		in.Rules.Mode = model.MatchQuality
	}
	res := model.Match(in)
	report := buildMatchReport(&p, in.Rules.Mode, &res, people)
	if *apply && len(res.Suggestions) > 0 {
		if _, err := st.Backup("manual"); err != nil {
			return fail(e, err)
		}
		tandems := model.NewTandems(p.ID, res)
		err := st.Batch(func(tx *store.Tx) error {
			for i := range tandems {
				if err := tx.SaveTandem(&tandems[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fail(e, err)
		}
		report.Created = len(tandems)
	}
	if *asJSON {
		return printJSON(e, report)
	}
	printMatchReport(e, &report, *apply)
	return ok
}

// findProgramme returns the programme with the name (ignoring case); a
// programme with ID 0 when there is none.
func findProgramme(st *store.Store, name string) (model.Programme, error) {
	p, err := st.ProgrammeByName(strings.TrimSpace(name))
	if model.KindOf(err) == model.NotFound {
		return model.Programme{}, nil
	}
	return p, err
}

// unknownProgramme is the sentence for a programme name that does not
// exist, listing the names that do.
func unknownProgramme(st *store.Store, name string) string {
	ps, _ := st.Programmes()
	if len(ps) == 0 {
		return lang.L("cli.match.noprogrammes", map[string]any{"Programme": name})
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = "„" + p.Name + "“"
		if app.Language() == app.English {
			names[i] = "“" + p.Name + "”"
		}
	}
	return lang.L("cli.match.unknown", map[string]any{"Programme": name, "Names": strings.Join(names, ", ")})
}

// failText prints a sentence and returns the exit code for failure.
func failText(e env, text string) int {
	fmt.Fprintln(e.stderr, text)
	return failed
}

// loadMatchInput reads what matching the programme needs; people are all
// persons by ID, for the report.
func loadMatchInput(st *store.Store, p *model.Programme, today model.Date) (*model.MatchInput, map[model.ID]model.Person, error) {
	enrolments, err := st.Enrolments(p.ID)
	if err != nil {
		return nil, nil, err
	}
	persons, err := st.Persons()
	if err != nil {
		return nil, nil, err
	}
	tandems, err := st.Tandems(p.ID)
	if err != nil {
		return nil, nil, err
	}
	programmes, err := st.Programmes()
	if err != nil {
		return nil, nil, err
	}
	var earlier []model.Tandem
	for _, other := range programmes {
		if other.ID == p.ID {
			continue
		}
		ts, err := st.Tandems(other.ID)
		if err != nil {
			return nil, nil, err
		}
		earlier = append(earlier, ts...)
	}
	people := make(map[model.ID]model.Person, len(persons))
	for _, q := range persons {
		people[q.ID] = q
	}
	return model.MatchInputFor(p, enrolments, persons, tandems, earlier, today), people, nil
}

func buildMatchReport(p *model.Programme, mode model.MatchMode, res *model.MatchResult,
	people map[model.ID]model.Person) matchReport {
	who := func(id model.ID) matchPerson {
		q := people[id]
		return matchPerson{ID: id, Name: q.FullName(), Department: q.Department}
	}
	r := matchReport{Programme: p.Name, Mode: mode, Suggestions: []matchSuggestion{},
		Unmatched: []matchLeftOver{}, TotalScore: res.TotalScore()}
	for _, s := range res.Suggestions {
		mentee := app.AddressName(people[s.Pair.Mentee])
		reasons := make([]string, len(s.Factors))
		for i, f := range s.Factors {
			reasons[i] = app.Explain(f, mentee)
		}
		r.Suggestions = append(r.Suggestions, matchSuggestion{Mentor: who(s.Pair.Mentor),
			Mentee: who(s.Pair.Mentee), Score: s.Score, Reasons: reasons})
	}
	for _, u := range res.Unmatched {
		r.Unmatched = append(r.Unmatched, matchLeftOver{Person: who(u.Person), Role: u.Role,
			Reason: app.UnmatchedReason(u)})
	}
	return r
}

func printMatchReport(e env, r *matchReport, apply bool) {
	modeText := lang.L("cli.match.mode.quality")
	if r.Mode == model.MatchParticipation {
		modeText = lang.L("cli.match.mode.participation")
	}
	fmt.Fprintln(e.stdout, lang.L("cli.match.header", map[string]any{"Programme": r.Programme, "Mode": modeText,
		"Count": len(r.Suggestions), "Total": r.TotalScore}))
	for _, s := range r.Suggestions {
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, lang.L("cli.match.pair", map[string]any{"Mentor": s.Mentor.Name,
			"Mentee": s.Mentee.Name, "Score": s.Score}))
		for _, reason := range s.Reasons {
			fmt.Fprintln(e.stdout, "  "+reason)
		}
	}
	if len(r.Unmatched) > 0 {
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, lang.L("cli.match.unmatched", map[string]any{"Count": len(r.Unmatched)}))
		for _, u := range r.Unmatched {
			role := lang.L("match.role.mentee")
			if u.Role == model.Mentor {
				role = lang.L("match.role.mentor")
			}
			fmt.Fprintln(e.stdout, "  "+lang.L("cli.match.unmatched.person", map[string]any{"Person": u.Person.Name,
				"Role": role, "Reason": u.Reason}))
		}
	}
	if apply {
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, lang.L("cli.match.applied", map[string]any{"Count": r.Created}))
	}
}
