package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// programmeScope is what the screens that work within one programme
// (Teilnehmende, Matching, Tandems) share: the programme select on top, the
// programmes and staff of the file, and which programme is chosen.
type programmeScope struct {
	programmes []model.Programme
	programme  model.ID // the programme chosen last
	persons    []model.Person
	people     map[model.ID]*model.Person
	choose     *widget.Select
}

// programmeStaff is what a programme scope reads from the file.
type programmeStaff interface {
	Programmes() ([]model.Programme, error)
	Persons() ([]model.Person, error)
}

// makeChoice creates the programme select; onChosen gets the picked name.
func (c *programmeScope) makeChoice(onChosen func(name string)) {
	c.choose = widget.NewSelect(nil, onChosen)
	c.choose.PlaceHolder = lang.L("participants.programme.choose")
}

// refresh reads the programmes and staff and offers the programmes in the
// select, keeping the choice; it reports whether the chosen programme changed.
func (c *programmeScope) refresh(st programmeStaff) (changed bool, err error) {
	programmes, err := st.Programmes()
	if err != nil {
		return false, err
	}
	persons, err := st.Persons()
	if err != nil {
		return false, err
	}
	c.programmes, c.persons, c.people = programmes, persons, peopleByID(persons)
	id := offerProgrammes(c.choose, programmes, c.programme)
	changed = id != c.programme
	c.programme = id
	return changed, nil
}

// reload reads the programmes and staff and then runs load for the chosen
// programme; a failure is shown instead.
func (c *programmeScope) reload(st programmeStaff, win fyne.Window, load func()) {
	if _, err := c.refresh(st); err != nil {
		showError(win, err)
		return
	}
	load()
}

// frame puts the programme select above a screen's content.
func (c *programmeScope) frame(content fyne.CanvasObject) fyne.CanvasObject {
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("field.programme")), nil, c.choose)
	return container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, content)
}

// scope returns the scope itself, so the shell can choose the programme of
// any screen that embeds one.
func (c *programmeScope) scope() *programmeScope { return c }

// current returns the chosen programme, or nil.
func (c *programmeScope) current() *model.Programme { return findProgramme(c.programmes, c.programme) }

// picked returns the programme the user picked by name, unless it is the
// chosen one already.
func (c *programmeScope) picked(name string) (model.Programme, bool) {
	for _, p := range c.programmes {
		if p.Name == name && p.ID != c.programme {
			return p, true
		}
	}
	return model.Programme{}, false
}

// restoreChoice shows the chosen programme in the select again, after the
// user decided to stay.
func (c *programmeScope) restoreChoice() {
	if p := c.current(); p != nil {
		c.choose.SetSelected(p.Name)
	}
}

// personOf returns a person of the file by ID (the zero Person if unknown).
func (c *programmeScope) personOf(id model.ID) model.Person {
	if p := c.people[id]; p != nil {
		return *p
	}
	return model.Person{}
}

// personName is the sort name of a person, or a placeholder if unknown.
func (c *programmeScope) personName(id model.ID) string {
	if p := c.people[id]; p != nil {
		return p.SortName()
	}
	return lang.L("participants.unknown")
}

// fullName is a person's first and last name, or a placeholder if unknown.
func (c *programmeScope) fullName(id model.ID) string {
	if p := c.people[id]; p != nil {
		return p.FullName()
	}
	return lang.L("participants.unknown")
}

// offerProgrammes fills the programme select on top of a screen that works
// within one programme. It keeps the programme chosen before, or takes the
// first (running programmes come first), and returns the chosen ID (0 when
// there is no programme).
func offerProgrammes(sel *widget.Select, programmes []model.Programme, chosen model.ID) model.ID {
	names := make([]string, len(programmes))
	at := -1
	for i := range programmes {
		names[i] = programmes[i].Name
		if programmes[i].ID == chosen {
			at = i
		}
	}
	if at < 0 && len(programmes) > 0 {
		at = 0
	}
	sel.Options = names
	defer sel.Refresh()
	if at < 0 {
		sel.ClearSelected()
		return 0
	}
	sel.Selected = names[at]
	return programmes[at].ID
}

// findProgramme returns the programme with the given ID, or nil.
func findProgramme(programmes []model.Programme, id model.ID) *model.Programme {
	for i := range programmes {
		if programmes[i].ID == id {
			return &programmes[i]
		}
	}
	return nil
}

// peopleByID indexes people by their ID.
func peopleByID(persons []model.Person) map[model.ID]*model.Person {
	m := make(map[model.ID]*model.Person, len(persons))
	for i := range persons {
		m[persons[i].ID] = &persons[i]
	}
	return m
}
