package app

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/reports"
)

// checkInStore is what recording check-ins needs from the database.
type checkInStore interface {
	CheckIns(programme model.ID) ([]model.CheckIn, error)
	SaveCheckIn(c *model.CheckIn) error
	ProgrammeData(programme model.ID) (model.ProgrammeData, error)
	Settings() (model.Settings, error)
}

func momentName(m model.Moment) string { return lang.L("checkin.moment." + string(m)) }

// tandemCheckIns is the check-in part of the tandem form: who gave
// feedback at which moment, the growth per topic from the first check-in
// to the latest, and the buttons to print the forms and record one.
type tandemCheckIns struct {
	st    checkInStore
	win   fyne.Window
	today func() model.Date
	print *printer

	tandem    model.Tandem
	programme *model.Programme
	names     map[model.ID]string // the two members by id
	checkIns  []model.CheckIn     // the two members' check-ins in the programme

	summary *widget.Label
	growth  *widget.Label
	box     fyne.CanvasObject
}

func newTandemCheckIns(st checkInStore, win fyne.Window, today func() model.Date) *tandemCheckIns {
	c := &tandemCheckIns{st: st, win: win, today: today}
	c.print = &printer{win: win, today: today, settings: st.Settings}
	c.summary, c.growth = wrapLabel(), wrapLabel()
	title := widget.NewLabelWithStyle(lang.L("checkin.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.box = container.NewVBox(title, c.summary, c.growth, container.NewHBox(
		widget.NewButtonWithIcon(lang.L("checkin.record"), theme.ContentAddIcon(), c.onRecord),
		widget.NewButtonWithIcon(lang.L("checkin.forms"), theme.DocumentPrintIcon(), c.onPrintForms)))
	return c
}

func (c *tandemCheckIns) view() fyne.CanvasObject { return c.box }

// load shows the check-ins of tandem t's members.
func (c *tandemCheckIns) load(t model.Tandem, p *model.Programme, mentor, mentee string) {
	c.tandem, c.programme = t, p
	c.names = map[model.ID]string{t.MentorID: mentor, t.MenteeID: mentee}
	all, err := c.st.CheckIns(t.ProgrammeID)
	if err != nil {
		showError(c.win, err)
	}
	c.checkIns = c.checkIns[:0]
	for _, ci := range all {
		if ci.PersonID == t.MentorID || ci.PersonID == t.MenteeID {
			c.checkIns = append(c.checkIns, ci)
		}
	}
	c.show()
}

// show writes the summary per moment and the growth per topic.
func (c *tandemCheckIns) show() {
	var lines []string
	for _, m := range model.Moments {
		var parts []string
		for _, id := range []model.ID{c.tandem.MentorID, c.tandem.MenteeID} {
			if ci := c.find(id, m); ci != nil {
				parts = append(parts, lang.L("checkin.given", map[string]any{"Name": c.names[id], "Satisfaction": ci.Satisfaction}))
			} else {
				parts = append(parts, lang.L("checkin.missing", map[string]any{"Name": c.names[id]}))
			}
		}
		lines = append(lines, momentName(m)+": "+strings.Join(parts, " · "))
	}
	c.summary.SetText(strings.Join(lines, "\n"))
	growth := model.Growth(c.checkIns)
	var gl []string
	for _, g := range growth {
		if g.StartN == 0 || g.EndN == 0 || g.StartMoment == g.EndMoment {
			continue
		}
		gl = append(gl, lang.L("checkin.growth.line", map[string]any{"Topic": g.Topic,
			"Start": formatDecimal(g.Start, 1), "End": formatDecimal(g.End, 1), "Change": signed(g.Change())}))
	}
	if len(gl) == 0 {
		c.growth.SetText(lang.L("checkin.growth.none"))
	} else {
		c.growth.SetText(lang.L("checkin.growth") + "\n" + strings.Join(gl, "\n"))
	}
}

// signed formats a change with its sign: +1,5 or −0,5.
func signed(x float64) string {
	if x < 0 {
		return "−" + formatDecimal(-x, 1)
	}
	return "+" + formatDecimal(x, 1)
}

// find returns the person's check-in at the moment, or nil.
func (c *tandemCheckIns) find(person model.ID, m model.Moment) *model.CheckIn {
	for i := range c.checkIns {
		if c.checkIns[i].PersonID == person && c.checkIns[i].Moment == m {
			return &c.checkIns[i]
		}
	}
	return nil
}

// topics are the topics a check-in asks about: the programme's catalogue.
func (c *tandemCheckIns) topics() []string {
	if c.programme == nil {
		return nil
	}
	return c.programme.Topics
}

// onPrintForms prints the blank check-in forms of both members for a moment.
func (c *tandemCheckIns) onPrintForms() {
	moment := widget.NewSelect(momentNames(), nil)
	moment.SetSelectedIndex(c.nextMoment())
	items := []*widget.FormItem{widget.NewFormItem(lang.L("field.moment"), moment)}
	formDialog(c.win, lang.L("checkin.forms"), lang.L("agreements.print.one"), items, func() {
		m := model.Moments[max(moment.SelectedIndex(), 0)]
		d, err := c.st.ProgrammeData(c.tandem.ProgrammeID)
		if err != nil {
			showError(c.win, err)
			return
		}
		people := []model.ID{c.tandem.MentorID, c.tandem.MenteeID}
		name := lang.L("checkin.forms.file", map[string]any{"Moment": momentName(m),
			"Names": c.names[c.tandem.MentorID] + ", " + c.names[c.tandem.MenteeID]}) + ".pdf"
		c.print.print(name, lang.L("reports.making"), func(w io.Writer, opt reports.Options, progress func(int, int)) error {
			return reports.CheckInForms(w, opt, &d, people, m, progress)
		}, nil)
	})
}

func momentNames() []string {
	names := make([]string, len(model.Moments))
	for i, m := range model.Moments {
		names[i] = momentName(m)
	}
	return names
}

// nextMoment is the first moment at which a member has not given feedback.
func (c *tandemCheckIns) nextMoment() int {
	for i, m := range model.Moments {
		if c.find(c.tandem.MentorID, m) == nil || c.find(c.tandem.MenteeID, m) == nil {
			return i
		}
	}
	return len(model.Moments) - 1
}

// onRecord asks for one member's filled-in form: satisfaction, a
// self-assessment per topic and a comment. An existing check-in of the same
// person and moment is edited.
func (c *tandemCheckIns) onRecord() {
	people := []model.ID{c.tandem.MentorID, c.tandem.MenteeID}
	person := widget.NewSelect([]string{
		lang.L("agreements.party.mentor", map[string]any{"Name": c.names[people[0]]}),
		lang.L("agreements.party.mentee", map[string]any{"Name": c.names[people[1]]})}, nil)
	moment := widget.NewSelect(momentNames(), nil)
	on := widget.NewEntry()
	on.SetPlaceHolder(datePlaceholder())
	satisfaction := newSegmented(ratings, nil)
	topics := c.topics()
	assess := make([]*segmented, len(topics))
	rows := make([]fyne.CanvasObject, 0, 2*len(topics))
	for i, t := range topics {
		assess[i] = newSegmented(ratings, nil)
		rows = append(rows, widget.NewLabel(t), assess[i].view())
	}
	comment := widget.NewMultiLineEntry()
	comment.Wrapping = fyne.TextWrapWord
	comment.SetMinRowsVisible(2)
	comment.SetPlaceHolder(lang.L("checkin.comment.hint"))
	problem := wrapLabel()
	problem.Importance = widget.DangerImportance

	fill := func() {
		p, m := person.SelectedIndex(), moment.SelectedIndex()
		if p < 0 || m < 0 {
			return
		}
		ci := c.find(people[p], model.Moments[m])
		if ci == nil {
			ci = &model.CheckIn{On: c.today()}
		}
		on.SetText(formatDate(ci.On))
		setRating(satisfaction, ci.Satisfaction)
		for i, t := range topics {
			setRating(assess[i], ci.SelfAssessment[t])
		}
		comment.SetText(ci.Comment)
	}
	person.OnChanged = func(string) { fill() }
	moment.OnChanged = func(string) { fill() }

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("field.person")), person,
		widget.NewLabel(lang.L("field.moment")), moment,
		widget.NewLabel(lang.L("field.on")), on,
		widget.NewLabel(lang.L("field.satisfaction")), satisfaction.view())
	scale := secondaryLabel(lang.L("checkin.scale"))
	assessBox := container.New(layout.NewFormLayout(), rows...)
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(lang.L("button.save"), theme.DocumentSaveIcon(), func() {
		p, m := person.SelectedIndex(), moment.SelectedIndex()
		if p < 0 || m < 0 {
			problem.SetText(lang.L("checkin.choose"))
			return
		}
		ci := model.CheckIn{PersonID: people[p], ProgrammeID: c.tandem.ProgrammeID, TandemID: c.tandem.ID,
			Moment: model.Moments[m], Satisfaction: readRating(satisfaction), Comment: model.Clean(comment.Text)}
		if old := c.find(people[p], model.Moments[m]); old != nil {
			ci.Meta = old.Meta
		}
		date, err := parseDate(on.Text)
		if err != nil {
			problem.SetText(fieldName("on") + ": " + ProblemText(model.Problem{Code: "date"}))
			return
		}
		ci.On = date
		for i, t := range topics {
			if n := readRating(assess[i]); n > 0 {
				if ci.SelfAssessment == nil {
					ci.SelfAssessment = map[string]int{}
				}
				ci.SelfAssessment[t] = n
			}
		}
		if err := c.st.SaveCheckIn(&ci); err != nil {
			problem.SetText(Message(err))
			return
		}
		d.Hide()
		c.load(c.tandem, c.programme, c.names[people[0]], c.names[people[1]])
	})
	save.Importance = widget.HighImportance
	body := container.NewBorder(container.NewVBox(form, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("checkin.selfassessment"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), scale),
		container.NewVBox(widget.NewLabel(lang.L("field.comment")), comment, problem), nil, nil,
		container.NewVScroll(assessBox))
	d = dialog.NewCustomWithoutButtons(lang.L("checkin.record"), body, c.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("button.cancel"), func() { d.Hide() }), save})
	person.SetSelectedIndex(0)
	moment.SetSelectedIndex(c.nextMoment())
	d.Resize(fyne.NewSize(640, 680))
	d.Show()
}
