package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// targetGroupEditor edits whom a programme addresses in one role: levels,
// departments, locations and birth years, and says how many current staff
// fit.
type targetGroupEditor struct {
	onChange func()
	people   []model.Person
	today    model.Date

	levels      []*widget.Check
	departments *checkList
	locations   *checkList
	bornFrom    *widget.Entry
	bornTo      *widget.Entry
	fits        *widget.Label
	content     fyne.CanvasObject
}

func newTargetGroupEditor(onChange func()) *targetGroupEditor {
	g := &targetGroupEditor{onChange: onChange}
	changed := func() { g.countFits(); g.onChange() }
	levels := container.NewGridWithColumns(2)
	for l := model.LevelTop; l <= model.LevelTrainee; l++ {
		c := widget.NewCheck(levelName(l), func(bool) { changed() })
		g.levels = append(g.levels, c)
		levels.Add(c)
	}
	g.departments = newCheckList(changed)
	g.locations = newCheckList(changed)
	g.bornFrom = trackedEntry(changed)
	g.bornTo = trackedEntry(changed)
	g.bornFrom.SetPlaceHolder(lang.L("targets.year"))
	g.bornTo.SetPlaceHolder(lang.L("targets.year"))
	g.fits = widget.NewLabel("")
	g.fits.Importance = widget.LowImportance
	caption := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	}
	years := container.NewGridWithColumns(4, widget.NewLabelWithStyle(lang.L("targets.bornFrom"), fyne.TextAlignTrailing, fyne.TextStyle{}), g.bornFrom,
		widget.NewLabelWithStyle(lang.L("targets.bornTo"), fyne.TextAlignTrailing, fyne.TextStyle{}), g.bornTo)
	g.content = container.NewVBox(
		caption("targets.levels"), levels,
		caption("targets.departments"), g.departments.view(),
		caption("targets.locations"), g.locations.view(),
		caption("targets.birthYears"), years, g.fits)
	return g
}

func (g *targetGroupEditor) view() fyne.CanvasObject { return g.content }

// set shows a target group and offers the departments and locations of the staff.
func (g *targetGroupEditor) set(t model.TargetGroup, people []model.Person, today model.Date) {
	g.people, g.today = people, today
	for i, c := range g.levels {
		c.SetChecked(slices.Contains(t.Levels, i+1))
	}
	g.departments.set(model.Distinct(people, func(p *model.Person) string { return p.Department }), t.Departments)
	g.locations.set(model.Distinct(people, func(p *model.Person) string { return p.Location }), t.Locations)
	g.bornFrom.SetText(optionalInt(t.BornFrom))
	g.bornTo.SetText(optionalInt(t.BornTo))
	g.countFits()
}

// read returns the group as entered; a birth year that is not a number is a problem.
func (g *targetGroupEditor) read() (model.TargetGroup, bool) {
	var t model.TargetGroup
	for i, c := range g.levels {
		if c.Checked {
			t.Levels = append(t.Levels, i+1)
		}
	}
	t.Departments = g.departments.selected()
	t.Locations = g.locations.selected()
	var err1, err2 error
	t.BornFrom, err1 = parseOptionalInt(g.bornFrom.Text)
	t.BornTo, err2 = parseOptionalInt(g.bornTo.Text)
	return t, err1 == nil && err2 == nil
}

// countFits says how many current staff belong to the group as entered.
func (g *targetGroupEditor) countFits() {
	t, ok := g.read()
	if !ok {
		g.fits.SetText("")
		return
	}
	n := 0
	for i := range g.people {
		if !g.people[i].Former(g.today) && t.Fits(&g.people[i]) {
			n++
		}
	}
	g.fits.SetText(lang.L("targets.fits", map[string]any{"Count": strconv.Itoa(n)}))
}

// checkList is a wrapping set of check boxes over a changing list of choices.
type checkList struct {
	onChange func()
	checks   []*widget.Check
	box      *fyne.Container
}

func newCheckList(onChange func()) *checkList {
	return &checkList{onChange: onChange, box: container.NewGridWithColumns(2)}
}

func (c *checkList) view() fyne.CanvasObject { return c.box }

// set offers choices (plus any chosen value no longer among them) and ticks chosen.
func (c *checkList) set(choices, chosen []string) {
	for _, v := range chosen {
		if !slices.Contains(choices, v) {
			choices = append(choices, v)
		}
	}
	c.checks = c.checks[:0]
	c.box.Objects = c.box.Objects[:0]
	for _, v := range choices {
		ch := widget.NewCheck(v, func(bool) { c.onChange() })
		ch.Checked = slices.Contains(chosen, v)
		c.checks = append(c.checks, ch)
		c.box.Add(ch)
	}
	c.box.Refresh()
}

func (c *checkList) selected() []string {
	var out []string
	for _, ch := range c.checks {
		if ch.Checked {
			out = append(out, ch.Text)
		}
	}
	return out
}
