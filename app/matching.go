package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// matchingStore is what the matching screen needs from the database.
type matchingStore interface {
	Programmes() ([]model.Programme, error)
	Persons() ([]model.Person, error)
	Enrolments(programme model.ID) ([]model.Enrolment, error)
	Tandems(programme model.ID) ([]model.Tandem, error)
	SaveProgramme(p *model.Programme) error
	SaveTandem(t *model.Tandem) error
	Batch(fn func(tx *store.Tx) error) error
}

// matchingScreen edits a programme's matching rules, computes suggestions
// and turns them into proposed tandems; for one person it ranks every
// candidate and allows a manual pairing that warns with each broken rule.
type matchingScreen struct {
	st    matchingStore
	win   fyne.Window
	today func() model.Date

	programmeScope
	in         *model.MatchInput // the chosen programme's matching problem
	result     *model.MatchResult
	selected   int // the suggestion in the detail area, -1 for none
	rulesDirty bool
	loading    bool // widgets are being filled, not edited

	candidates []model.Candidate // for the person select
	roles      []model.Role
	ranking    []model.Suggestion
	rankRole   model.Role // the role of the chosen person

	weights     [5]*widget.Slider
	weightVals  [5]*widget.Label
	constraints [6]*widget.Check
	mode        *widget.RadioGroup
	saveRules   *widget.Button
	computeBtn  *widget.Button
	acceptAll   *widget.Button
	summary     *widget.Label
	list        *widget.List
	detail      *widget.Label
	unmatched   *widget.List
	person      *widget.Select
	ranked      *widget.List
	content     fyne.CanvasObject
}

func newMatchingScreen(st matchingStore, win fyne.Window, today func() model.Date) *matchingScreen {
	s := &matchingScreen{st: st, win: win, today: today, selected: -1}
	s.buildUI()
	return s
}

func (s *matchingScreen) id() string              { return "matching" }
func (s *matchingScreen) icon() fyne.Resource     { return theme.ViewRefreshIcon() }
func (s *matchingScreen) view() fyne.CanvasObject { return s.content }

func (s *matchingScreen) buildUI() {
	s.choose = widget.NewSelect(nil, s.onProgrammeChosen)
	s.choose.PlaceHolder = lang.L("matching.programme.choose")
	split := container.NewHSplit(s.buildRules(), s.buildResults())
	split.Offset = 0.28
	s.content = s.frame(split)
}

// buildRules is the left column: weights, constraints, mode and buttons.
func (s *matchingScreen) buildRules() fyne.CanvasObject {
	bold := fyne.TextStyle{Bold: true}
	names := [5]string{lang.L("matching.weight.topics"), lang.L("matching.weight.interests"),
		lang.L("matching.weight.gap"), lang.L("matching.weight.location"), lang.L("matching.weight.language")}
	box := container.NewVBox(widget.NewLabelWithStyle(lang.L("matching.weights"), fyne.TextAlignLeading, bold))
	for i := range s.weights {
		val := widget.NewLabel("10")
		sl := widget.NewSlider(0, 10)
		sl.Step = 1
		sl.OnChanged = func(v float64) {
			val.SetText(strconv.Itoa(int(v)))
			s.rulesChanged()
		}
		s.weights[i], s.weightVals[i] = sl, val
		box.Add(container.NewBorder(nil, nil, nil, val, widget.NewLabel(names[i])))
		box.Add(sl)
	}
	box.Add(widget.NewSeparator())
	box.Add(widget.NewLabelWithStyle(lang.L("matching.constraints"), fyne.TextAlignLeading, bold))
	checks := [6]string{lang.L("matching.constraint.otherDepartment"), lang.L("matching.constraint.outsideReportingLine"),
		lang.L("matching.constraint.mentorLevelBelow"), lang.L("matching.constraint.capacity"),
		lang.L("matching.constraint.hrExclusions"), lang.L("matching.constraint.noRepeatPairs")}
	for i := range s.constraints {
		s.constraints[i] = widget.NewCheck(checks[i], func(bool) { s.rulesChanged() })
		box.Add(s.constraints[i])
	}
	box.Add(widget.NewSeparator())
	box.Add(widget.NewLabelWithStyle(lang.L("matching.mode"), fyne.TextAlignLeading, bold))
	s.mode = widget.NewRadioGroup([]string{lang.L("matching.mode.quality"), lang.L("matching.mode.participation")},
		func(string) { s.rulesChanged() })
	s.mode.Required = true
	box.Add(s.mode)
	s.saveRules = widget.NewButtonWithIcon(lang.L("matching.rules.save"), theme.DocumentSaveIcon(), s.onSaveRules)
	s.computeBtn = widget.NewButtonWithIcon(lang.L("matching.compute"), theme.MediaPlayIcon(), s.onCompute)
	s.computeBtn.Importance = widget.HighImportance
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), s.saveRules, s.computeBtn), nil, nil,
		container.NewVScroll(box))
}

// show loads the programmes and people, and the chosen programme's rules.
func (s *matchingScreen) show() {
	changed, err := s.refresh(s.st)
	if err != nil {
		showError(s.win, err)
		return
	}
	if changed {
		s.rulesDirty = false
	}
	s.load()
}

func (s *matchingScreen) onProgrammeChosen(name string) {
	if p, ok := s.picked(name); ok {
		askToLeave(s.win, func() bool { return s.rulesDirty }, s.current().Name, func() {
			s.programme, s.rulesDirty = p.ID, false
			s.load()
		}, s.restoreChoice)
	}
}

// load reads the chosen programme's matching problem and shows its rules
// (unless they have unsaved edits); earlier suggestions are dropped.
func (s *matchingScreen) load() {
	s.in, s.result, s.selected, s.ranking = nil, nil, -1, nil
	p := s.current()
	if p != nil {
		in, err := s.input(p)
		if err != nil {
			showError(s.win, err)
		}
		s.in = in
		if !s.rulesDirty {
			s.showRules(p.Rules)
		}
	}
	for _, o := range []fyne.Disableable{s.saveRules, s.computeBtn, s.person} {
		if p == nil {
			o.Disable()
		} else {
			o.Enable()
		}
	}
	s.fillPersons()
	s.refreshResults()
}

// input gathers the programme's matching problem like `tandem match`.
func (s *matchingScreen) input(p *model.Programme) (*model.MatchInput, error) {
	enrolments, err := s.st.Enrolments(p.ID)
	if err != nil {
		return nil, err
	}
	var tandems, earlier []model.Tandem
	for _, other := range s.programmes {
		ts, err := s.st.Tandems(other.ID)
		if err != nil {
			return nil, err
		}
		if other.ID == p.ID {
			tandems = ts
		} else {
			earlier = append(earlier, ts...)
		}
	}
	return model.MatchInputFor(p, enrolments, s.persons, tandems, earlier, s.today()), nil
}

// showRules puts rules into the widgets without marking them edited.
func (s *matchingScreen) showRules(r model.MatchingRules) {
	s.loading = true
	defer func() { s.loading = false }()
	w := r.Weights
	for i, v := range []int{w.Topics, w.Interests, w.Gap, w.Location, w.Language} {
		s.weights[i].SetValue(float64(v))
		s.weightVals[i].SetText(strconv.Itoa(v))
	}
	c := r.Constraints
	for i, on := range []bool{c.OtherDepartment, c.OutsideReportingLine, c.MentorLevelBelow, c.Capacity,
		c.HRExclusions, c.NoRepeatPairs} {
		s.constraints[i].SetChecked(on)
	}
	if r.Mode == model.MatchParticipation {
		s.mode.SetSelected(s.mode.Options[1])
	} else {
		s.mode.SetSelected(s.mode.Options[0])
	}
	s.rulesDirty = false
}

// rules returns the rules as set in the widgets, with the programme's
// excluded pairs.
func (s *matchingScreen) rules() model.MatchingRules {
	v := func(i int) int { return int(s.weights[i].Value) }
	c := func(i int) bool { return s.constraints[i].Checked }
	r := model.MatchingRules{
		Weights: model.Weights{Topics: v(0), Interests: v(1), Gap: v(2), Location: v(3), Language: v(4)},
		Constraints: model.Constraints{OtherDepartment: c(0), OutsideReportingLine: c(1), MentorLevelBelow: c(2),
			Capacity: c(3), HRExclusions: c(4), NoRepeatPairs: c(5)},
		Mode: model.MatchQuality,
	}
	if s.mode.Selected == s.mode.Options[1] {
		r.Mode = model.MatchParticipation
	}
	if p := s.current(); p != nil {
		r.Excluded = slices.Clone(p.Rules.Excluded)
	}
	return r
}

func (s *matchingScreen) rulesChanged() {
	if s.loading {
		return
	}
	s.rulesDirty = true
	if s.in != nil {
		s.in.Rules = s.rules()
		s.rank()
	}
}

func (s *matchingScreen) onSaveRules() {
	p := s.current()
	if p == nil {
		return
	}
	changed := *p
	changed.Rules = s.rules()
	if err := s.st.SaveProgramme(&changed); err != nil {
		showError(s.win, err)
		return
	}
	*p = changed
	s.rulesDirty = false
	s.summary.SetText(lang.L("matching.rules.saved"))
}

// onCompute runs matching with the rules as set, in the background.
func (s *matchingScreen) onCompute() {
	p := s.current()
	if p == nil {
		return
	}
	in, err := s.input(p)
	if err != nil {
		showError(s.win, err)
		return
	}
	in.Rules = s.rules()
	s.in = in
	work := *in // matching gets its own copy of what the screen may change
	work.Kept = slices.Clone(in.Kept)
	work.Rules.Excluded = slices.Clone(in.Rules.Excluded)
	var res model.MatchResult
	background(s.win, lang.L("matching.computing"), func() error {
		res = model.Match(&work)
		return nil
	}, func(error) {
		if s.current() == nil || s.current().ID != p.ID {
			return // another programme was chosen meanwhile
		}
		s.result, s.selected = &res, -1
		s.refreshResults()
		s.rank()
	})
}
