package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model/store"
)

// overviewStore is what the overview needs from the database.
type overviewStore interface {
	Counts() (store.Counts, error)
	Backups() ([]store.Backup, error)
}

// overviewScreen shows the figures of the open file at a glance and leads
// to the screens where the work is done.
type overviewScreen struct {
	st   overviewStore
	path string
	goTo func(screen string)

	persons    *widget.Label
	programmes *widget.Label
	tandems    *widget.Label
	meetings   *widget.Label
	file       *widget.Label
	backup     *widget.Label
	content    fyne.CanvasObject
}

func newOverviewScreen(st overviewStore, path string, goTo func(string)) *overviewScreen {
	s := &overviewScreen{st: st, path: path, goTo: goTo}
	s.buildUI()
	return s
}

func (s *overviewScreen) id() string              { return "overview" }
func (s *overviewScreen) icon() fyne.Resource     { return theme.HomeIcon() }
func (s *overviewScreen) view() fyne.CanvasObject { return s.content }

func (s *overviewScreen) buildUI() {
	figure := func() *widget.Label {
		l := widget.NewLabelWithStyle("0", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.SizeName = theme.SizeNameHeadingText
		return l
	}
	s.persons, s.programmes, s.tandems, s.meetings = figure(), figure(), figure(), figure()
	card := func(value *widget.Label, key, target string) fyne.CanvasObject {
		caption := widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignCenter, fyne.TextStyle{})
		items := []fyne.CanvasObject{value, caption}
		if target != "" {
			items = append(items, widget.NewButton(lang.L("overview.open."+target), func() { s.goTo(target) }))
		}
		return widget.NewCard("", "", container.NewVBox(items...))
	}
	figures := container.NewGridWithColumns(4,
		card(s.persons, "overview.persons", "persons"),
		card(s.programmes, "overview.programmes", "programmes"),
		card(s.tandems, "overview.tandems", ""),
		card(s.meetings, "overview.meetings", ""))
	s.file = widget.NewLabel("")
	s.file.Wrapping = fyne.TextWrapBreak
	s.backup = widget.NewLabel("")
	s.backup.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle(lang.L("overview.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	fileCard := widget.NewCard(lang.L("overview.file"), "", container.NewVBox(s.file, s.backup,
		container.NewHBox(widget.NewButton(lang.L("overview.open.settings"), func() { s.goTo("settings") }))))
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(heading, figures, fileCard)))
}

// show reads the figures of the file.
func (s *overviewScreen) show() {
	c, err := s.st.Counts()
	if err != nil {
		s.file.SetText(Message(err))
		return
	}
	s.persons.SetText(strconv.Itoa(c.Persons))
	s.programmes.SetText(strconv.Itoa(c.Programmes))
	s.tandems.SetText(strconv.Itoa(c.Tandems))
	s.meetings.SetText(strconv.Itoa(c.Meetings))
	s.file.SetText(s.path)
	backups, err := s.st.Backups()
	switch {
	case err != nil:
		s.backup.SetText(Message(err))
	case len(backups) == 0:
		s.backup.SetText(lang.L("overview.backup.none"))
	default:
		s.backup.SetText(lang.L("overview.backup.last", map[string]any{"Time": formatTime(backups[0].Time)}))
	}
}
