package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// fillPersons offers the programme's mentors and mentees in the person
// select, keeping the chosen person when still there.
func (s *matchingScreen) fillPersons() {
	chosen := s.person.SelectedIndex()
	var keep model.ID
	if chosen >= 0 && chosen < len(s.candidates) {
		keep = s.candidates[chosen].ID()
	}
	s.candidates, s.roles = nil, nil
	if s.in != nil {
		for _, group := range []struct {
			cs   []model.Candidate
			role model.Role
		}{{s.in.Mentors, model.Mentor}, {s.in.Mentees, model.Mentee}} {
			cs := slices.Clone(group.cs)
			slices.SortStableFunc(cs, func(a, b model.Candidate) int {
				return strings.Compare(a.Person.SortName(), b.Person.SortName())
			})
			for _, c := range cs {
				s.candidates = append(s.candidates, c)
				s.roles = append(s.roles, group.role)
			}
		}
	}
	options := make([]string, len(s.candidates))
	index := -1
	for i, c := range s.candidates {
		options[i] = lang.L("matching.person.option", map[string]any{"Name": c.Person.SortName(), "Role": roleName(s.roles[i])})
		if keep != 0 && c.ID() == keep {
			index = i
		}
	}
	s.person.Options = options
	s.person.OnChanged = nil
	if index >= 0 {
		s.person.SetSelectedIndex(index)
	} else {
		s.person.ClearSelected()
	}
	s.person.OnChanged = func(string) { s.rank() }
	s.rank()
}

// choosePerson selects a participant for the ranking by person.
func (s *matchingScreen) choosePerson(id model.ID, role model.Role) bool {
	for i, c := range s.candidates {
		if c.ID() == id && s.roles[i] == role {
			s.person.SetSelectedIndex(i)
			return true
		}
	}
	return false
}

// rank lists every candidate for the chosen person with the current rules.
func (s *matchingScreen) rank() {
	s.ranking = nil
	i := s.person.SelectedIndex()
	if s.in != nil && i >= 0 && i < len(s.candidates) {
		s.rankRole = s.roles[i]
		s.ranking = model.Ranking(s.candidates[i], s.rankRole, s.in)
	}
	s.ranked.Refresh()
}

func (s *matchingScreen) newRankRow() fyne.CanvasObject {
	name := widget.NewLabel("Mustermann, Maximilian")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	score := widget.NewLabel("100 Punkte")
	rules := widget.NewLabel("Beide arbeiten in derselben Abteilung.")
	rules.Truncation = fyne.TextTruncateEllipsis
	pair := widget.NewButton(lang.L("matching.manual"), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(score, pair), container.NewGridWithColumns(2, name, rules))
}

// other is the candidate of a ranked pair (not the chosen person).
func (s *matchingScreen) other(sug model.Suggestion) model.ID {
	if s.rankRole == model.Mentee {
		return sug.Pair.Mentor
	}
	return sug.Pair.Mentee
}

func (s *matchingScreen) updateRankRow(row widget.ListItemID, o fyne.CanvasObject) {
	sug := s.ranking[row]
	c := o.(*fyne.Container)
	cells := c.Objects[0].(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(s.fullName(s.other(sug)))
	rules := cells[1].(*widget.Label)
	if len(sug.Violations) == 0 {
		rules.SetText(lang.L("matching.noViolation"))
		rules.Importance = widget.SuccessImportance
	} else {
		rules.SetText(violationTexts(sug.Violations))
		rules.Importance = widget.DangerImportance
	}
	rules.Refresh()
	right := c.Objects[1].(*fyne.Container).Objects
	right[0].(*widget.Label).SetText(lang.L("matching.score", map[string]any{"Score": sug.Score}))
	right[1].(*widget.Button).OnTapped = func() { s.manual(sug.Pair) }
}

// violationTexts joins the sentences of the broken rules.
func violationTexts(codes []string) string {
	texts := make([]string, len(codes))
	for i, c := range codes {
		texts[i] = ViolationText(c)
	}
	return strings.Join(texts, " ")
}

// manual pairs the two as a proposed tandem; when the pair breaks rules it
// first asks, listing each of them.
func (s *matchingScreen) manual(pair model.Pair) {
	var sug model.Suggestion
	found := false
	for _, r := range s.ranking {
		if r.Pair == pair {
			sug, found = r, true
		}
	}
	if !found {
		return
	}
	save := func() {
		if s.saveTandems([]model.Suggestion{sug}) {
			s.summary.SetText(lang.L("matching.accepted", map[string]any{"Pair": s.pairText(pair)}))
		}
	}
	var lines []string
	for _, c := range sug.Violations {
		lines = append(lines, "• "+ViolationText(c))
	}
	if s.in != nil {
		for _, k := range s.in.Kept {
			switch {
			case k == pair:
				showInfo(s.win, lang.L("matching.manual.title"), lang.L("matching.manual.exists",
					map[string]any{"Pair": s.pairText(pair)}))
				return
			case k.Mentee == pair.Mentee:
				lines = append(lines, "• "+lang.L("matching.manual.menteeTaken",
					map[string]any{"Mentee": s.fullName(pair.Mentee)}))
			}
		}
	}
	if len(lines) == 0 {
		save()
		return
	}
	confirm(s.win, lang.L("matching.manual.title"), lang.L("matching.manual.message", map[string]any{
		"Pair": s.pairText(pair), "Rules": strings.Join(lines, "\n")}), lang.L("matching.manual.confirm"), save)
}
