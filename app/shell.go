package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// screen is one entry of the navigation.
type screen interface {
	// id names the screen for navigation ("persons") and its translation key.
	id() string
	icon() fyne.Resource
	// view returns the screen's content, built once.
	view() fyne.CanvasObject
	// show reloads the screen's data from the file; it runs whenever the
	// screen is opened.
	show()
}

// creator is a screen that can create a record with Ctrl/Cmd+N.
type creator interface{ onNew() }

// finder is a screen with a search field for Ctrl/Cmd+F.
type finder interface{ onFind() }

// shell is the main layout: navigation on the left, the current screen on
// the right.
type shell struct {
	u       *ui
	screens []screen
	current screen
	nav     *widget.List
	body    *fyne.Container
}

func newShell(u *ui) *shell {
	s := &shell{u: u}
	agreements := newAgreementsScreen(u.st, u.win, u.today)
	openAgreement := func(programme, agreement model.ID) {
		agreements.focus(programme, agreement)
		s.goTo(agreements.id())
	}
	s.screens = []screen{
		newOverviewScreen(u.st, u.win, u.st.Path(), u.today, s.goToProgramme),
		newPersonsScreen(u.st, u.win, u.today, u.startImport, u.startExport),
		newProgrammesScreen(u.st, u.win, u.today),
		newParticipantsScreen(u.st, u.win, u.today),
		newMatchingScreen(u.st, u.win, u.today),
		newTandemsScreen(u.st, u.win, u.today, openAgreement),
		newMeetingsScreen(u.st, u.win, u.now),
		agreements,
		newReportsScreen(u.st, u.win, u.today, u.startExport),
		newSettingsScreen(u.st, u.win, u),
	}
	return s
}

// view builds the layout.
func (s *shell) view() fyne.CanvasObject {
	s.nav = widget.NewList(
		func() int { return len(s.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Teilnehmende…"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.screens[i].icon())
			row.Objects[1].(*widget.Label).SetText(lang.L("nav." + s.screens[i].id()))
		})
	s.nav.OnSelected = s.onNavSelected
	logo := canvas.NewImageFromResource(appIcon)
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(32, 32))
	brand := widget.NewLabelWithStyle("Tandem", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	file := widget.NewLabel(filepath.Base(s.u.st.Path()))
	file.Importance = widget.LowImportance
	file.Truncation = fyne.TextTruncateEllipsis
	left := container.NewBorder(
		container.NewVBox(container.NewHBox(logo, brand), widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), file),
		nil, nil, s.nav)
	s.body = container.NewStack()
	split := container.NewHSplit(left, s.body)
	split.Offset = 0.17
	return split
}

// scoped is a screen that works within one chosen programme.
type scoped interface{ scope() *programmeScope }

// goToProgramme opens the screen with the given id showing the programme
// (0: the one chosen there before).
func (s *shell) goToProgramme(id string, programme model.ID) {
	for _, sc := range s.screens {
		if c, ok := sc.(scoped); ok && sc.id() == id && programme != 0 {
			c.scope().programme = programme
		}
	}
	s.goTo(id)
}

// goTo opens the screen with the given id.
func (s *shell) goTo(id string) {
	for i, sc := range s.screens {
		if sc.id() == id {
			s.nav.Select(i)
			return
		}
	}
}

func (s *shell) onNavSelected(i widget.ListItemID) {
	s.current = s.screens[i]
	s.body.Objects = []fyne.CanvasObject{s.current.view()}
	s.body.Refresh()
	s.current.show()
}

// installShortcuts binds Ctrl/Cmd+N and Ctrl/Cmd+F to the current screen.
func (s *shell) installShortcuts(c fyne.Canvas) {
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { s.onNewShortcut() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { s.onFindShortcut() })
}

func (s *shell) onNewShortcut() {
	if c, ok := s.current.(creator); ok {
		c.onNew()
	}
}

func (s *shell) onFindShortcut() {
	if f, ok := s.current.(finder); ok {
		f.onFind()
	}
}
