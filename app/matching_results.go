package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// buildResults is the centre: the suggestions with their explanation and
// the people left over, and the ranking for one person.
func (s *matchingScreen) buildResults() fyne.CanvasObject {
	s.summary = widget.NewLabel(lang.L("matching.hint"))
	s.summary.Wrapping = fyne.TextWrapWord
	s.acceptAll = widget.NewButtonWithIcon(lang.L("matching.acceptAll"), theme.ConfirmIcon(), s.onAcceptAll)
	s.list = widget.NewList(func() int { return s.suggestionCount() }, s.newSuggestionRow, s.updateSuggestionRow)
	s.list.OnSelected = func(row widget.ListItemID) { s.selected = row; s.unmatched.UnselectAll(); s.showDetail() }
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.showDetail() }
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.unmatched = widget.NewList(func() int {
		if s.result == nil {
			return 0
		}
		return len(s.result.Unmatched)
	}, func() fyne.CanvasObject {
		l := widget.NewLabel("Mustermann, Maximilian (Mentee): keine Themenüberschneidung")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		u := s.result.Unmatched[i]
		o.(*widget.Label).SetText(s.unmatchedText(u))
	})
	// A reason too long for its row is shown whole in the detail area.
	s.unmatched.OnSelected = func(i widget.ListItemID) {
		s.list.UnselectAll()
		s.detail.SetText(s.unmatchedText(s.result.Unmatched[i]))
	}
	bold := fyne.TextStyle{Bold: true}
	detail := container.NewBorder(widget.NewLabelWithStyle(lang.L("matching.detail.heading"), fyne.TextAlignLeading, bold),
		nil, nil, nil, container.NewVScroll(s.detail))
	left := container.NewBorder(widget.NewLabelWithStyle(lang.L("matching.unmatched.heading"), fyne.TextAlignLeading, bold),
		nil, nil, nil, s.unmatched)
	lower := container.NewHSplit(detail, left)
	centre := container.NewVSplit(s.list, lower)
	centre.Offset = 0.55
	suggestions := container.NewBorder(container.NewBorder(nil, nil, nil, s.acceptAll, s.summary), nil, nil, nil, centre)

	s.person = widget.NewSelect(nil, func(string) { s.rank() })
	s.person.PlaceHolder = lang.L("matching.person.choose")
	s.ranked = widget.NewList(func() int { return len(s.ranking) }, s.newRankRow, s.updateRankRow)
	one := container.NewBorder(s.person, nil, nil, nil, s.ranked)
	return container.NewAppTabs(container.NewTabItem(lang.L("matching.tab.suggestions"), suggestions),
		container.NewTabItem(lang.L("matching.tab.person"), one))
}

func (s *matchingScreen) suggestionCount() int {
	if s.result == nil {
		return 0
	}
	return len(s.result.Suggestions)
}

func (s *matchingScreen) newSuggestionRow() fyne.CanvasObject {
	pair := widget.NewLabel("Maximilian Mustermann – Erika Musterfrau")
	pair.Truncation = fyne.TextTruncateEllipsis
	score := widget.NewLabel("100 Punkte")
	accept := widget.NewButtonWithIcon(lang.L("matching.accept"), theme.ConfirmIcon(), nil)
	reject := widget.NewButtonWithIcon(lang.L("matching.reject"), theme.CancelIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(score, accept, reject), pair)
}

func (s *matchingScreen) updateSuggestionRow(row widget.ListItemID, o fyne.CanvasObject) {
	sug := s.result.Suggestions[row]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(s.pairText(sug.Pair))
	right := c.Objects[1].(*fyne.Container).Objects
	right[0].(*widget.Label).SetText(lang.L("matching.score", map[string]any{"Score": sug.Score}))
	right[1].(*widget.Button).OnTapped = func() { s.accept(sug.Pair) }
	right[2].(*widget.Button).OnTapped = func() { s.reject(sug.Pair) }
}

func (s *matchingScreen) pairText(p model.Pair) string {
	return lang.L("matching.pair", map[string]any{"Mentor": s.fullName(p.Mentor), "Mentee": s.fullName(p.Mentee)})
}

// reasons are the explanation sentences of a scored pair.
func (s *matchingScreen) reasons(sug model.Suggestion) []string {
	mentee := AddressName(s.personOf(sug.Pair.Mentee))
	out := make([]string, len(sug.Factors))
	for i, f := range sug.Factors {
		out[i] = Explain(f, mentee)
	}
	return out
}

// refreshResults shows the suggestions, the summary and the people left over.
func (s *matchingScreen) refreshResults() {
	switch {
	case s.current() == nil:
		s.summary.SetText(lang.L("matching.noProgramme"))
	case s.result == nil:
		s.summary.SetText(lang.L("matching.hint"))
	default:
		s.summary.SetText(lang.L("matching.summary", map[string]any{"Count": len(s.result.Suggestions),
			"Total": s.result.TotalScore(), "Unmatched": len(s.result.Unmatched)}))
	}
	if s.suggestionCount() == 0 {
		s.acceptAll.Disable()
	} else {
		s.acceptAll.Enable()
	}
	s.list.UnselectAll()
	s.selected = -1
	s.list.Refresh()
	s.unmatched.Refresh()
	s.showDetail()
}

// unmatchedText is "Name (Rolle): reason".
func (s *matchingScreen) unmatchedText(u model.Unmatched) string {
	return lang.L("matching.unmatched.row", map[string]any{
		"Person": s.fullName(u.Person), "Role": roleName(u.Role), "Reason": UnmatchedReason(u)})
}

func (s *matchingScreen) showDetail() {
	if s.selected < 0 || s.selected >= s.suggestionCount() {
		s.detail.SetText(lang.L("matching.detail.hint"))
		return
	}
	sug := s.result.Suggestions[s.selected]
	s.detail.SetText(s.pairText(sug.Pair) + "\n\n• " + strings.Join(s.reasons(sug), "\n• "))
}

// saveTandems stores the pairs as proposed tandems with score and
// explanation, and takes them out of the suggestions.
func (s *matchingScreen) saveTandems(sugs []model.Suggestion) bool {
	p := s.current()
	if p == nil || len(sugs) == 0 {
		return false
	}
	tandems := model.NewTandems(p.ID, model.MatchResult{Suggestions: sugs})
	err := s.st.Batch(func(tx *store.Tx) error {
		for i := range tandems {
			if err := tx.SaveTandem(&tandems[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		showError(s.win, err)
		return false
	}
	for _, sug := range sugs {
		if s.in != nil {
			s.in.Kept = append(s.in.Kept, sug.Pair)
		}
	}
	s.prune()
	return true
}

// suggestion returns the suggestion of the pair, or false.
func (s *matchingScreen) suggestion(pair model.Pair) (model.Suggestion, bool) {
	if s.result != nil {
		for _, sug := range s.result.Suggestions {
			if sug.Pair == pair {
				return sug, true
			}
		}
	}
	return model.Suggestion{}, false
}

// accept saves one suggestion as a proposed tandem.
func (s *matchingScreen) accept(pair model.Pair) {
	if sug, ok := s.suggestion(pair); ok && s.saveTandems([]model.Suggestion{sug}) {
		s.summary.SetText(lang.L("matching.accepted", map[string]any{"Pair": s.pairText(pair)}))
	}
}

func (s *matchingScreen) onAcceptAll() {
	if s.result == nil || len(s.result.Suggestions) == 0 {
		return
	}
	n := len(s.result.Suggestions)
	if s.saveTandems(slices.Clone(s.result.Suggestions)) {
		s.summary.SetText(lang.L("matching.acceptedAll", map[string]any{"Count": n}))
	}
}

// reject excludes the pair in the programme's rules and drops the suggestion.
func (s *matchingScreen) reject(pair model.Pair) {
	p := s.current()
	if p == nil {
		return
	}
	changed := *p
	changed.Rules.Excluded = append(slices.Clone(p.Rules.Excluded), pair)
	if err := s.st.SaveProgramme(&changed); err != nil {
		showError(s.win, err)
		return
	}
	*p = changed
	if s.in != nil {
		s.in.Rules.Excluded = slices.Clone(changed.Rules.Excluded)
	}
	if s.result != nil {
		s.result.Suggestions = slices.DeleteFunc(s.result.Suggestions, func(x model.Suggestion) bool { return x.Pair == pair })
	}
	s.refreshResults()
	s.rank()
	s.summary.SetText(lang.L("matching.rejected", map[string]any{"Pair": s.pairText(pair)}))
}

// prune drops the suggestions that conflict with the kept tandems: their
// mentee has a tandem, or their mentor has no room left.
func (s *matchingScreen) prune() {
	if s.result != nil && s.in != nil {
		s.result.Suggestions = slices.DeleteFunc(s.result.Suggestions, func(x model.Suggestion) bool {
			return s.taken(x.Pair)
		})
	}
	s.refreshResults()
	s.rank()
}

// taken reports whether the pair's mentee already has a kept tandem or its
// mentor's capacity is used by kept tandems.
func (s *matchingScreen) taken(pair model.Pair) bool {
	kept := 0
	for _, k := range s.in.Kept {
		if k.Mentee == pair.Mentee {
			return true
		}
		if k.Mentor == pair.Mentor {
			kept++
		}
	}
	capacity := 1
	for _, m := range s.in.Mentors {
		if m.ID() == pair.Mentor && m.Enrolment.Capacity > 1 {
			capacity = m.Enrolment.Capacity
		}
	}
	return kept >= capacity
}
