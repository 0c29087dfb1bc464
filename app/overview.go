package app

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// overviewStore is what the overview needs from the database.
type overviewStore interface {
	Counts() (store.Counts, error)
	Backups() ([]store.Backup, error)
	Programmes() ([]model.Programme, error)
	ProgrammeData(programme model.ID) (model.ProgrammeData, error)
	Settings() (model.Settings, error)
	eraseStore
}

// todoScreens says where each finding of "Was ist zu tun?" is dealt with.
var todoScreens = map[string]string{
	model.TodoOverdueMeeting:    "meetings",
	model.TodoAgreementUnsigned: "agreements",
	model.TodoNoFirstMeeting:    "meetings",
	model.TodoProgrammeEnding:   "reports",
	model.TodoUnmatched:         "matching",
	model.TodoUntrained:         "participants",
	model.TodoNoBackup:          "settings",
}

// overviewScreen is the Monday-morning page: what needs doing, each with a
// button that goes there, and the key figures and timeline of every
// programme that is not closed.
type overviewScreen struct {
	st    overviewStore
	win   fyne.Window
	path  string
	today func() model.Date
	goTo  func(screen string, programme model.ID)
	data  []model.ProgrammeData // as shown: the programmes the rules looked at

	todos      *fyne.Container
	programmes *fyne.Container
	counts     *widget.Label
	file       *widget.Label
	backup     *widget.Label
	content    fyne.CanvasObject
}

func newOverviewScreen(st overviewStore, win fyne.Window, path string, today func() model.Date,
	goTo func(screen string, programme model.ID)) *overviewScreen {
	s := &overviewScreen{st: st, win: win, path: path, today: today, goTo: goTo}
	s.buildUI()
	return s
}

func (s *overviewScreen) id() string              { return "overview" }
func (s *overviewScreen) icon() fyne.Resource     { return theme.HomeIcon() }
func (s *overviewScreen) view() fyne.CanvasObject { return s.content }

func (s *overviewScreen) buildUI() {
	heading := widget.NewLabelWithStyle(lang.L("overview.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	s.todos = container.NewVBox(widget.NewLabel(lang.L("overview.todo.loading")))
	todoCard := widget.NewCard(lang.L("overview.todo"), "", s.todos)
	s.programmes = container.NewVBox()
	s.counts, s.file, s.backup = wrapLabel(), wrapLabel(), wrapLabel()
	s.file.Wrapping = fyne.TextWrapBreak
	fileCard := widget.NewCard(lang.L("overview.file"), "", container.NewVBox(s.counts, s.file, s.backup,
		container.NewHBox(widget.NewButton(lang.L("overview.open.settings"), func() { s.goTo("settings", 0) }))))
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(heading, todoCard, s.programmes, fileCard)))
}

// show reads the file's counts at once and works out the rest in the
// background, so a large file does not hold up the window.
func (s *overviewScreen) show() {
	c, err := s.st.Counts()
	if err != nil {
		s.counts.SetText(Message(err))
	} else {
		s.counts.SetText(lang.L("overview.counts", map[string]any{"Persons": c.Persons, "Programmes": c.Programmes,
			"Tandems": c.Tandems, "Meetings": c.Meetings}))
	}
	s.file.SetText(s.path)
	backups, err := s.st.Backups()
	var last time.Time
	switch {
	case err != nil:
		s.backup.SetText(Message(err))
	case len(backups) == 0:
		s.backup.SetText(lang.L("overview.backup.none"))
	default:
		last = backups[0].Time
		s.backup.SetText(lang.L("overview.backup.last", map[string]any{"Time": formatTime(last)}))
	}
	today := s.today()
	st := s.st
	running.Add(1)
	go func() {
		defer running.Done()
		var data []model.ProgrammeData
		settings, err := st.Settings()
		if err == nil {
			data, err = loadProgrammes(st, settings.Retention(), today)
		}
		todos := model.Todos(data, last, settings.Retention(), today)
		fyne.Do(func() {
			if err != nil {
				showErrorIn(s.todos, err)
				s.content.Refresh()
				return
			}
			s.data = data
			s.showTodos(todos)
			s.showProgrammes(data, today)
			s.content.Refresh() // the boxes changed size
		})
	}()
}

// loadProgrammes reads every programme that is not closed and, when the
// retention period of a closed one has run out (model.RetentionDue), the
// closed ones too: the retention rule needs to know who else still takes
// part.
func loadProgrammes(st overviewStore, retention int, today model.Date) ([]model.ProgrammeData, error) {
	ps, err := st.Programmes()
	if err != nil {
		return nil, err
	}
	skipClosed := !slices.ContainsFunc(ps, func(p model.Programme) bool { return model.RetentionDue(&p, retention, today) })
	var out []model.ProgrammeData
	for _, p := range ps {
		if p.State == model.ProgrammeClosed && skipClosed {
			continue
		}
		d, err := st.ProgrammeData(p.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// showErrorIn replaces a box's content with the sentence for err.
func showErrorIn(box *fyne.Container, err error) {
	l := wrapLabel()
	l.SetText(Message(err))
	box.Objects = []fyne.CanvasObject{l}
	box.Refresh()
}

// showTodos lists what needs doing, most urgent first.
func (s *overviewScreen) showTodos(todos []model.Todo) {
	rows := make([]fyne.CanvasObject, 0, len(todos))
	for _, t := range todos {
		icon := theme.WarningIcon()
		if t.Code == model.TodoProgrammeEnding || t.Code == model.TodoUntrained || t.Code == model.TodoRetention {
			icon = theme.InfoIcon()
		}
		text := wrapLabel()
		text.SetText(TodoText(t))
		action := func() { s.goTo(todoScreens[t.Code], t.Programme) }
		if t.Code == model.TodoRetention {
			action = func() { s.onRetention(t) }
		}
		open := widget.NewButton(lang.L("overview.todo.go."+t.Code), action)
		rows = append(rows, container.NewBorder(nil, nil, widget.NewIcon(icon), open, text))
	}
	if len(rows) == 0 {
		rows = append(rows, container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil,
			widget.NewLabel(lang.L("overview.todo.none"))))
	}
	s.todos.Objects = rows
	s.todos.Refresh()
}

// TodoText is the sentence for one finding of "Was ist zu tun?".
func TodoText(t model.Todo) string {
	args := map[string]any{"Programme": t.ProgrammeName, "Count": t.Count, "Days": t.Days,
		"Date": formatDate(t.Due)}
	key := "todo." + t.Code
	switch t.Code {
	case model.TodoProgrammeEnding:
		if t.Days == 0 {
			key += ".today"
		}
	case model.TodoNoBackup:
		if t.Due.IsZero() {
			key += ".never"
		}
	default:
		if t.Count == 1 {
			key += ".one"
		} else {
			key += ".other"
		}
	}
	return lang.L(key, args)
}

// onRetention offers to erase the personal data of the participants whose
// retention period has run out (a retention finding), then looks again.
func (s *overviewScreen) onRetention(t model.Todo) {
	var people []model.Person
	for i := range s.data {
		if s.data[i].Programme.ID != t.Programme {
			continue
		}
		for _, id := range t.Items {
			if p, ok := s.data[i].Persons[id]; ok {
				people = append(people, p)
			}
		}
	}
	slices.SortStableFunc(people, func(a, b model.Person) int { return strings.Compare(a.SortName(), b.SortName()) })
	confirmErase(s.win, s.st, people, s.show)
}

// showProgrammes shows a card per programme that is not closed, with its
// timeline and key figures.
func (s *overviewScreen) showProgrammes(data []model.ProgrammeData, today model.Date) {
	cards := make([]fyne.CanvasObject, 0, len(data))
	for i := range data {
		d := &data[i]
		if d.Programme.State == model.ProgrammeClosed {
			continue
		}
		f := model.ComputeFigures(d, today)
		tile := func(value, caption string) fyne.CanvasObject {
			v := widget.NewLabelWithStyle(value, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
			v.SizeName = theme.SizeNameSubHeadingText
			return container.NewVBox(v, widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{}))
		}
		satisfaction := "–"
		if f.SatisfactionN > 0 {
			satisfaction = formatDecimal(f.Satisfaction, 1)
		}
		balance := lang.L("overview.balance.value", map[string]any{
			"Mentee": percent(f.Balance.MenteeShare()), "Mentor": percent(f.Balance.MentorShare())})
		tiles := container.NewGridWithColumns(3,
			tile(strconv.Itoa(f.ActiveTandems), lang.L("overview.figure.active")),
			tile(fmt.Sprintf("%d / %d", f.MeetingsHeld, f.MeetingsPlanned), lang.L("overview.figure.meetings")),
			tile(fmt.Sprintf("%d / %d", f.AgreementsSigned, f.AgreementsNeeded), lang.L("overview.figure.agreements")),
			tile(satisfaction, lang.L("overview.figure.satisfaction")),
			tile(balance, lang.L("overview.figure.balance")))
		items := []fyne.CanvasObject{programmeTimeline(&d.Programme, today), tiles}
		if f.OneSided > 0 {
			note := wrapLabel()
			note.SetText(countText("overview.onesided", f.OneSided))
			items = append(items, note)
		}
		title := d.Programme.Name + " · " + programmeStateName(d.Programme.State)
		cards = append(cards, widget.NewCard(title, "", container.NewVBox(items...)))
	}
	s.programmes.Objects = cards
	s.programmes.Refresh()
}

// programmeTimeline shows how far the programme has come between its start
// and end, with today's position.
func programmeTimeline(p *model.Programme, today model.Date) fyne.CanvasObject {
	if p.Start.IsZero() || p.End.IsZero() {
		return secondaryLabel(lang.L("overview.timeline.nodates"))
	}
	total := max(p.Start.DaysUntil(p.End), 1)
	done := min(max(p.Start.DaysUntil(today), 0), total)
	bar := widget.NewProgressBar()
	bar.SetValue(float64(done) / float64(total))
	bar.TextFormatter = func() string {
		switch {
		case today.Before(p.Start):
			return lang.L("overview.timeline.before", map[string]any{"Days": today.DaysUntil(p.Start)})
		case today.After(p.End):
			return lang.L("overview.timeline.after")
		}
		return lang.L("overview.timeline.running", map[string]any{"Week": done/7 + 1, "Weeks": (total + 6) / 7,
			"Days": today.DaysUntil(p.End)})
	}
	return container.NewBorder(nil, nil, widget.NewLabel(formatDate(p.Start)), widget.NewLabel(formatDate(p.End)), bar)
}

// percent formats a share 0–1 as a whole percentage.
func percent(share float64) string { return strconv.Itoa(int(math.Round(share*100))) + " %" }
