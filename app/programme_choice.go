package app

import (
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

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
