package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// tandemForm shows one tandem: members, score, agreement and meetings, the
// state changes it allows, and edits goals, cadence and dates.
type tandemForm struct {
	s *tandemsScreen

	tandem    model.Tandem // as loaded
	programme *model.Programme
	mentor    *model.Person
	mentee    *model.Person
	agreement *model.Agreement
	dirty     bool
	loading   bool

	heading     *widget.Label
	members     *widget.Label
	score       *widget.Label
	explanation *widget.Label
	state       *widget.Label
	agreementL  *widget.Label
	meetings    *widget.Label
	meetingList []model.Meeting // the tandem's meetings, in time order
	series      *widget.Button
	checkIns    *tandemCheckIns
	endReason   *widget.Label
	actions     *fyne.Container
	goals       map[model.GoalDirection]*goalSection
	cadence     *widget.Entry
	start       *widget.Entry
	end         *widget.Entry
	fields      fieldSet
	saved       *widget.Label
	del         *widget.Button

	editor  fyne.CanvasObject
	content *fyne.Container
}

func newTandemForm(s *tandemsScreen) *tandemForm {
	f := &tandemForm{s: s}
	f.buildUI()
	return f
}

func wrapLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (f *tandemForm) buildUI() {
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.Wrapping = fyne.TextWrapWord
	f.members, f.score, f.explanation = wrapLabel(), wrapLabel(), wrapLabel()
	f.state, f.agreementL, f.meetings, f.endReason = wrapLabel(), wrapLabel(), wrapLabel(), wrapLabel()
	f.actions = container.NewHBox()
	f.checkIns = newTandemCheckIns(f.s.st, f.s.win, f.s.today)
	f.series = widget.NewButtonWithIcon(lang.L("tandems.series"), theme.ContentAddIcon(), f.onPlanSeries)
	meetingActions := container.NewHBox(f.series,
		widget.NewButtonWithIcon(lang.L("calendar.button"), theme.CalendarIcon(), f.onCalendar),
		widget.NewButtonWithIcon(lang.L("meetings.mail"), theme.MailComposeIcon(), f.onInvitation))
	f.goals = map[model.GoalDirection]*goalSection{
		model.MenteeLearns: newGoalSection(model.MenteeLearns, f.changed),
		model.MentorLearns: newGoalSection(model.MentorLearns, f.changed),
	}
	f.cadence = trackedEntry(f.changed)
	f.start = trackedEntry(f.changed)
	f.start.SetPlaceHolder(datePlaceholder())
	f.end = trackedEntry(f.changed)
	f.end.SetPlaceHolder(datePlaceholder())

	f.fields.add("menteeGoals", f.goals[model.MenteeLearns].view(), false)
	f.fields.add("mentorGoals", f.goals[model.MentorLearns].view(), false)
	f.fields.add("cadenceWeeks", withUnit(f.cadence, lang.L("unit.weeks")), false)
	f.fields.add("start", f.start, false)
	f.fields.add("end", f.end, false)

	_, _, del, buttons := formButtons(f.onSaveTapped, f.onRevertTapped, f.onDeleteTapped)
	f.del = del
	f.saved = widget.NewLabel("")
	f.saved.Importance = widget.SuccessImportance
	info := container.NewVBox(f.members, f.state, f.actions, f.endReason, widget.NewSeparator(),
		f.score, f.explanation, widget.NewSeparator(), f.agreementL, f.meetings, meetingActions, widget.NewSeparator(),
		f.checkIns.view(), widget.NewSeparator(), f.fields.view())
	f.editor = container.NewBorder(f.heading,
		container.NewVBox(widget.NewSeparator(), container.NewHBox(f.saved), buttons), nil, nil,
		container.NewVScroll(info))
	f.content = container.NewStack(centredHint(lang.L("tandems.hint")), container.NewPadded(f.editor))
	f.clear()
}

func (f *tandemForm) view() fyne.CanvasObject { return f.content }

// clear shows the hint instead of a tandem.
func (f *tandemForm) clear() {
	f.tandem, f.dirty = model.Tandem{}, false
	f.editor.Hide()
	f.content.Objects[0].Show()
}

// load shows tandem t of programme p.
func (f *tandemForm) load(t model.Tandem, p *model.Programme, mentor, mentee *model.Person, a *model.Agreement, meetings []model.Meeting) {
	f.loading = true
	defer func() { f.loading = false }()
	f.tandem, f.programme, f.mentor, f.mentee, f.agreement, f.dirty = t, p, mentor, mentee, a, false
	f.content.Objects[0].Hide()
	f.editor.Show()
	f.fields.clear()
	f.saved.SetText("")
	f.heading.SetText(f.s.pairName(&t))
	f.members.SetText(memberLine(model.Mentor, mentor) + "\n" + memberLine(model.Mentee, mentee))
	f.state.SetText(lang.L("tandems.state", map[string]any{"State": tandemStateName(t.State)}))
	f.endReason.SetText("")
	f.endReason.Hide()
	if t.EndReason != "" {
		f.endReason.SetText(lang.L("tandems.endReason", map[string]any{"Reason": t.EndReason}))
		f.endReason.Show()
	}
	f.score.SetText(lang.L("tandems.score", map[string]any{"Score": t.Score}))
	menteeName := lang.L("participants.unknown")
	if mentee != nil {
		menteeName = AddressName(*mentee)
	}
	lines := make([]string, 0, len(t.Explanation))
	for _, factor := range t.Explanation {
		lines = append(lines, "• "+Explain(factor, menteeName)+" ("+strconv.FormatFloat(factor.Points, 'f', 0, 64)+")")
	}
	f.explanation.SetText(strings.Join(lines, "\n"))
	f.agreementL.SetText(f.agreementLine())
	f.showMeetings(meetings)
	f.checkIns.load(t, p, personLabel(mentor), personLabel(mentee))
	f.buildActions()
	for dir, g := range f.goals {
		g.set(t.Goals, dir)
	}
	f.cadence.SetText(optionalInt(t.CadenceWeeks))
	if p != nil {
		f.cadence.SetPlaceHolder(lang.L("tandems.cadence.programme", map[string]any{"Weeks": p.CadenceWeeks}))
	}
	f.start.SetText(formatDate(t.Start))
	f.end.SetText(formatDate(t.End))
	if t.State == model.TandemProposed {
		f.del.Show()
	} else {
		f.del.Hide()
	}
	f.editor.Refresh()
}

// showMeetings counts the tandem's meetings; a series can be planned for a
// confirmed or active tandem.
func (f *tandemForm) showMeetings(meetings []model.Meeting) {
	f.meetingList = meetings
	held, planned := 0, 0
	for _, m := range meetings {
		switch m.State {
		case model.MeetingHeld:
			held++
		case model.MeetingPlanned:
			planned++
		}
	}
	f.meetings.SetText(lang.L("tandems.meetings", map[string]any{"Held": held, "Planned": planned}))
	f.series.Hidden = f.tandem.State != model.TandemConfirmed && f.tandem.State != model.TandemActive
	f.series.Refresh()
}

// memberLine is "Mentor/in: Zoë Krause · IT · Ebene 5 – Sachbearbeitung".
func memberLine(role model.Role, p *model.Person) string {
	if p == nil {
		return roleName(role) + ": " + lang.L("participants.unknown")
	}
	return lang.L("tandems.member", map[string]any{"Role": roleName(role), "Name": p.FullName(),
		"Department": p.Department, "Level": levelName(p.Level)})
}

// agreementLine says how far the confidentiality agreement has come.
func (f *tandemForm) agreementLine() string {
	var text string
	if a := f.agreement; a == nil {
		text = lang.L("tandems.agreement.none")
	} else {
		signed, _ := f.signatures()
		by := lang.L("tandems.agreement.nobody")
		if len(signed) > 0 {
			by = JoinList(signed)
		}
		text = lang.L("tandems.agreement.state", map[string]any{"State": agreementStateName(a.State), "Signed": by})
	}
	if f.programme != nil && !f.programme.AgreementRequired {
		text += " " + lang.L("tandems.agreement.optional")
	}
	return text
}

// signatures lists who has signed the confidentiality agreement (with the
// day) and who has not, by name.
func (f *tandemForm) signatures() (signed, missing []string) {
	name := func(party string) string {
		p, role := f.mentor, model.Mentor
		if party == model.PartyMentee {
			p, role = f.mentee, model.Mentee
		}
		if p == nil {
			return roleName(role)
		}
		return p.FullName() + " (" + roleName(role) + ")"
	}
	for _, party := range []string{model.PartyMentor, model.PartyMentee} {
		if f.agreement != nil && !f.agreement.SignedOn[party].IsZero() {
			signed = append(signed, lang.L("tandems.agreement.signedOn", map[string]any{
				"Name": name(party), "Date": formatDate(f.agreement.SignedOn[party])}))
		} else {
			missing = append(missing, name(party))
		}
	}
	return signed, missing
}

// buildActions puts a button for each state the tandem may move to.
func (f *tandemForm) buildActions() {
	f.actions.RemoveAll()
	for _, next := range f.tandem.NextStates() {
		var b *widget.Button
		switch next {
		case model.TandemConfirmed:
			b = widget.NewButton(lang.L("tandems.action.confirm"), f.onConfirm)
		case model.TandemActive:
			b = widget.NewButton(lang.L("tandems.action.activate"), f.onActivate)
		case model.TandemFinished:
			b = widget.NewButton(lang.L("tandems.action.finish"), f.onFinish)
		case model.TandemEndedEarly:
			b = widget.NewButton(lang.L("tandems.action.endEarly"), f.onEndEarly)
		default:
			continue
		}
		if next != model.TandemEndedEarly {
			b.Importance = widget.HighImportance
		}
		f.actions.Add(b)
	}
}

func (f *tandemForm) changed() {
	if !f.loading {
		f.dirty = true
		f.saved.SetText("")
	}
}

// read returns the tandem as entered and the fields that could not be read.
func (f *tandemForm) read() (model.Tandem, []model.Problem) {
	t := f.tandem
	var bad []model.Problem
	t.Goals = nil
	for _, dir := range []model.GoalDirection{model.MenteeLearns, model.MentorLearns} {
		goals, ok := f.goals[dir].read()
		if !ok {
			bad = append(bad, model.Problem{Field: f.goals[dir].field, Code: "goal_text"})
		}
		t.Goals = append(t.Goals, goals...)
	}
	var err error
	if t.CadenceWeeks, err = parseOptionalInt(f.cadence.Text); err != nil {
		bad = append(bad, model.Problem{Field: "cadenceWeeks", Code: "number"})
	}
	if t.Start, err = parseDate(f.start.Text); err != nil {
		bad = append(bad, model.Problem{Field: "start", Code: "date"})
	}
	if t.End, err = parseDate(f.end.Text); err != nil {
		bad = append(bad, model.Problem{Field: "end", Code: "date"})
	}
	return t, bad
}

// store saves t and shows problems next to the fields or in a dialog; it
// reports whether it worked.
func (f *tandemForm) store(t *model.Tandem) bool {
	if err := f.s.save(t); err != nil {
		ps := model.ProblemsOf(err)
		if rest := f.fields.show(ps); len(rest) > 0 || len(ps) == 0 {
			showError(f.s.win, err)
		}
		return false
	}
	f.fields.clear()
	f.saved.SetText(lang.L("form.saved"))
	return true
}

func (f *tandemForm) onSaveTapped() {
	t, bad := f.read()
	if len(bad) > 0 {
		f.fields.show(bad)
		return
	}
	f.store(&t)
}

func (f *tandemForm) onRevertTapped() { f.s.revert() }

func (f *tandemForm) onDeleteTapped() {
	if f.tandem.ID != 0 && f.tandem.State == model.TandemProposed {
		f.s.remove(f.tandem)
	}
}

// change applies a state change to the tandem as entered and saves it.
func (f *tandemForm) change(move func(t *model.Tandem) error) error {
	t, bad := f.read()
	if len(bad) > 0 {
		f.fields.show(bad)
		return nil
	}
	if err := move(&t); err != nil {
		return err
	}
	f.store(&t)
	return nil
}

func (f *tandemForm) onConfirm() {
	showError(f.s.win, f.change((*model.Tandem).Confirm))
}

func (f *tandemForm) onFinish() {
	showError(f.s.win, f.change(func(t *model.Tandem) error { return t.Finish(f.s.today()) }))
}

func (f *tandemForm) onActivate() {
	required := f.programme == nil || f.programme.AgreementRequired
	signed := model.ConfidentialitySigned(&f.tandem, f.s.agreements)
	err := f.change(func(t *model.Tandem) error { return t.Activate(f.s.today(), required, signed) })
	if err == nil {
		return
	}
	if ps := model.ProblemsOf(err); len(ps) > 0 && ps[0].Code == "agreement_unsigned" {
		d := dialog.NewCustomConfirm(lang.L("tandems.activate.refused"), lang.L("tandems.agreement.show"),
			lang.L("tandems.activate.close"), wrapped(Message(err), 460), func(show bool) {
				if show {
					f.showAgreement()
				}
			}, f.s.win)
		d.Show()
		return
	}
	showError(f.s.win, err)
}

// showAgreement opens the tandem's confidentiality agreement on the
// agreements board, where its signatures are recorded.
func (f *tandemForm) showAgreement() {
	var id model.ID
	if f.agreement != nil {
		id = f.agreement.ID
	}
	f.s.openAgreement(f.tandem.ProgrammeID, id)
}

// onEndEarly asks for the reason and ends the tandem.
func (f *tandemForm) onEndEarly() {
	reason := widget.NewMultiLineEntry()
	reason.Wrapping = fyne.TextWrapWord
	reason.SetMinRowsVisible(3)
	reason.SetPlaceHolder(lang.L("tandems.endEarly.placeholder"))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Hide()
	var d dialog.Dialog
	end := widget.NewButton(lang.L("tandems.endEarly.confirm"), func() {
		t := f.tandem
		if err := t.EndEarly(f.s.today(), reason.Text); err != nil {
			if ps := model.ProblemsOf(err); len(ps) > 0 && ps[0].Field == "endReason" {
				msg.SetText(ProblemText(ps[0]))
				msg.Show()
				return
			}
			d.Hide()
			showError(f.s.win, err)
			return
		}
		d.Hide()
		showError(f.s.win, f.change(func(t *model.Tandem) error { return t.EndEarly(f.s.today(), reason.Text) }))
	})
	end.Importance = widget.DangerImportance
	cancel := widget.NewButton(lang.L("button.cancel"), func() { d.Hide() })
	body := container.NewVBox(wrapped(lang.L("tandems.endEarly.message", map[string]any{"Pair": f.s.pairName(&f.tandem)}), 460),
		widget.NewLabel(fieldName("endReason")+" *"), reason, msg,
		container.NewHBox(layout.NewSpacer(), cancel, end))
	d = dialog.NewCustomWithoutButtons(lang.L("tandems.endEarly.title"), body, f.s.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

// goalSection edits the goals of one direction, at most
// model.MaxGoalsPerDirection.
type goalSection struct {
	dir     model.GoalDirection
	field   string
	changed func()
	rows    []*goalRow
	box     *fyne.Container
	add     *widget.Button
	content fyne.CanvasObject
}

type goalRow struct {
	text, sign *widget.Entry
	status     *widget.Select
	box        fyne.CanvasObject
}

func newGoalSection(dir model.GoalDirection, changed func()) *goalSection {
	g := &goalSection{dir: dir, field: string(dir) + "Goals", changed: changed}
	g.box = container.NewVBox()
	g.add = widget.NewButtonWithIcon(lang.L("tandems.goal.add"), theme.ContentAddIcon(), func() {
		g.addRow(model.Goal{Direction: dir, Status: model.GoalOpen})
		g.changed()
	})
	g.content = container.NewVBox(g.box, container.NewHBox(g.add))
	return g
}

func (g *goalSection) view() fyne.CanvasObject { return g.content }

// set shows the goals of the section's direction.
func (g *goalSection) set(goals []model.Goal, dir model.GoalDirection) {
	g.rows = nil
	g.box.RemoveAll()
	for _, goal := range goals {
		if goal.Direction == dir {
			g.addRow(goal)
		}
	}
	g.update()
}

func (g *goalSection) addRow(goal model.Goal) {
	if len(g.rows) >= model.MaxGoalsPerDirection {
		return
	}
	r := &goalRow{text: trackedEntry(g.changed), sign: trackedEntry(g.changed)}
	r.text.SetPlaceHolder(lang.L("tandems.goal.text"))
	r.text.SetText(goal.Text)
	r.sign.SetPlaceHolder(lang.L("tandems.goal.sign"))
	r.sign.SetText(goal.SuccessSign)
	choices := make([]string, len(model.GoalStatuses))
	selected := 0
	for i, st := range model.GoalStatuses {
		choices[i] = goalStatusName(st)
		if st == goal.Status {
			selected = i
		}
	}
	r.status = widget.NewSelect(choices, nil)
	r.status.SetSelectedIndex(selected)
	r.status.OnChanged = func(string) { g.changed() }
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	remove.OnTapped = func() {
		for i, x := range g.rows {
			if x == r {
				g.rows = append(g.rows[:i], g.rows[i+1:]...)
				break
			}
		}
		g.box.Remove(r.box)
		g.update()
		g.changed()
	}
	r.box = container.NewVBox(r.text, r.sign,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("tandems.goal.status")), remove, r.status),
		widget.NewSeparator())
	g.rows = append(g.rows, r)
	g.box.Add(r.box)
	g.update()
}

// update disables adding once the section is full.
func (g *goalSection) update() {
	if len(g.rows) >= model.MaxGoalsPerDirection {
		g.add.Disable()
	} else {
		g.add.Enable()
	}
}

// read returns the goals entered; ok is false when a goal has a sign of
// success but no text. Rows left empty are skipped.
func (g *goalSection) read() (goals []model.Goal, ok bool) {
	ok = true
	for _, r := range g.rows {
		text, sign := strings.TrimSpace(r.text.Text), strings.TrimSpace(r.sign.Text)
		if text == "" && sign == "" {
			continue
		}
		if text == "" {
			ok = false
		}
		goals = append(goals, model.Goal{Direction: g.dir, Text: text, SuccessSign: sign,
			Status: model.GoalStatuses[max(r.status.SelectedIndex(), 0)]})
	}
	return goals, ok
}

// personLabel is a person's full name, or a placeholder when unknown.
func personLabel(p *model.Person) string {
	if p == nil {
		return lang.L("participants.unknown")
	}
	return p.FullName()
}
