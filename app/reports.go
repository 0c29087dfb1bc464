package app

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/reports"
)

// reportStore is what the reports screen needs from the database.
type reportStore interface {
	programmeStaff
	ProgrammeData(programme model.ID) (model.ProgrammeData, error)
	PersonData(person model.ID) (model.PersonData, error)
	Settings() (model.Settings, error)
}

// reportsScreen makes the documents that go to management and to the
// participants: the programme report, certificates of participation, the
// personal-data report (Art. 15 GDPR), and the Excel export.
type reportsScreen struct {
	st     reportStore
	win    fyne.Window
	today  func() model.Date
	export func()
	print  *printer

	programmeScope
	data     model.ProgrammeData
	finished []model.ID

	searchText []string
	matches    []int // indexes into persons
	person     model.ID

	report       *widget.Button
	certificates *widget.Button
	certInfo     *widget.Label
	moment       *widget.Select
	forms        *widget.Button
	search       *widget.Entry
	found        *widget.List
	list         *fyne.Container // the found people, shown while there are any
	disclosure   *widget.Button
	chosen       *widget.Label
	content      fyne.CanvasObject
}

func newReportsScreen(st reportStore, win fyne.Window, today func() model.Date, export func()) *reportsScreen {
	s := &reportsScreen{st: st, win: win, today: today, export: export}
	s.print = &printer{win: win, today: today, settings: st.Settings}
	s.buildUI()
	return s
}

func (s *reportsScreen) id() string              { return "reports" }
func (s *reportsScreen) icon() fyne.Resource     { return theme.FileTextIcon() }
func (s *reportsScreen) view() fyne.CanvasObject { return s.content }

// maxMatches is how many people the Auskunft search lists at most.
const maxMatches = 5

func (s *reportsScreen) buildUI() {
	s.makeChoice(s.onProgrammeChosen)

	s.report = widget.NewButtonWithIcon(lang.L("reports.report.make"), theme.DocumentPrintIcon(), s.onReport)
	s.report.Importance = widget.HighImportance
	s.certificates = widget.NewButtonWithIcon(lang.L("reports.certificates.make"), theme.DocumentPrintIcon(), s.onCertificates)
	s.certInfo = wrapLabel()

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("reports.disclosure.search"))
	s.search.OnChanged = func(string) { s.filter() }
	s.found = widget.NewList(func() int { return len(s.matches) },
		func() fyne.CanvasObject { return recordRow("Maximilian Mustermann", "Vertrieb · 0815", false) },
		func(row widget.ListItemID, o fyne.CanvasObject) {
			p := &s.persons[s.matches[row]]
			setRecordRow(o, p.SortName(), joinNonEmpty(" · ", p.Department, p.EmployeeNo))
		})
	s.found.OnSelected = func(row widget.ListItemID) {
		s.person = s.persons[s.matches[row]].ID
		s.chosen.SetText(lang.L("reports.disclosure.chosen", map[string]any{"Name": s.persons[s.matches[row]].FullName()}))
		s.disclosure.Enable()
	}
	s.chosen = wrapLabel()
	s.disclosure = widget.NewButtonWithIcon(lang.L("reports.disclosure.make"), theme.DocumentPrintIcon(), s.onDisclosure)
	s.disclosure.Disable()
	rowHeight := recordRow("M", "M", false).MinSize().Height + theme.Padding()
	s.list = container.NewGridWrap(fyne.NewSize(560, rowHeight*maxMatches), s.found)
	s.list.Hide()

	card := func(title, text string, body ...fyne.CanvasObject) fyne.CanvasObject {
		items := append([]fyne.CanvasObject{wrapped(text, 560)}, body...)
		return widget.NewCard(title, "", container.NewVBox(items...))
	}
	s.moment = widget.NewSelect(momentNames(), nil)
	s.moment.SetSelectedIndex(0)
	s.forms = widget.NewButtonWithIcon(lang.L("reports.checkins.make"), theme.DocumentPrintIcon(), s.onCheckInForms)
	exportButton := widget.NewButtonWithIcon(lang.L("reports.export.make"), theme.DownloadIcon(), s.export)
	cards := container.NewVBox(
		card(lang.L("reports.report"), lang.L("reports.report.text"), container.NewHBox(s.report)),
		card(lang.L("reports.certificates"), lang.L("reports.certificates.text"), s.certInfo,
			container.NewHBox(s.certificates)),
		card(lang.L("reports.checkins"), lang.L("reports.checkins.text"),
			container.NewHBox(widget.NewLabel(lang.L("field.moment")), s.moment, s.forms)),
		card(lang.L("reports.disclosure"), lang.L("reports.disclosure.text"), s.search, s.list, s.chosen,
			container.NewHBox(s.disclosure)),
		card(lang.L("reports.export"), lang.L("reports.export.text"), container.NewHBox(exportButton)),
	)
	s.content = s.frame(container.NewVScroll(container.NewPadded(cards)))
}

// show reads the programmes, the staff and the chosen programme.
func (s *reportsScreen) show() {
	if _, err := s.refresh(s.st); err != nil {
		showError(s.win, err)
		return
	}
	s.searchText = make([]string, len(s.persons))
	for i := range s.persons {
		s.searchText[i] = s.persons[i].SearchText()
	}
	s.load()
	s.filter()
}

// load reads the chosen programme and who finished it.
func (s *reportsScreen) load() {
	s.data, s.finished = model.ProgrammeData{}, nil
	if p := s.current(); p != nil {
		d, err := s.st.ProgrammeData(p.ID)
		if err != nil {
			showError(s.win, err)
		}
		s.data, s.finished = d, reports.Finished(&d)
	}
	setEnabled(s.report, s.current() != nil)
	setEnabled(s.certificates, len(s.finished) > 0)
	setEnabled(s.forms, len(s.data.Paired()) > 0)
	s.certInfo.SetText(lang.L("reports.certificates.count", map[string]any{"Count": len(s.finished)}))
}

// filter lists the people whose names match the search, former staff included.
func (s *reportsScreen) filter() {
	s.matches = s.matches[:0]
	if s.search.Text != "" {
		f := model.PersonFilter{Query: s.search.Text, IncludeFormer: true, Today: s.today()}
		all := f.Apply(s.persons, s.searchText)
		s.matches = append(s.matches, all[:min(len(all), maxMatches)]...)
	}
	s.found.UnselectAll()
	if len(s.matches) == 0 {
		s.list.Hide()
	} else {
		s.list.Show()
	}
	s.found.Refresh()
	s.person = 0
	s.chosen.SetText("")
	s.disclosure.Disable()
}

func (s *reportsScreen) onProgrammeChosen(name string) {
	if p, ok := s.picked(name); ok {
		s.programme = p.ID
		s.load()
	}
}

func (s *reportsScreen) onReport() {
	d := s.data
	s.print.print(lang.L("reports.report.file", map[string]any{"Programme": d.Programme.Name})+".pdf",
		lang.L("reports.making"), func(w io.Writer, opt reports.Options, _ func(int, int)) error {
			return reports.ProgrammeReport(w, opt, &d)
		}, nil)
}

func (s *reportsScreen) onCertificates() {
	d, people := s.data, s.finished
	s.print.print(lang.L("reports.certificates.file", map[string]any{"Programme": d.Programme.Name})+".pdf",
		lang.L("reports.making"), func(w io.Writer, opt reports.Options, progress func(int, int)) error {
			return reports.Certificates(w, opt, &d, people, progress)
		}, nil)
}

func (s *reportsScreen) onDisclosure() {
	d, err := s.st.PersonData(s.person)
	if err != nil {
		showError(s.win, err)
		return
	}
	s.print.print(lang.L("reports.disclosure.file", map[string]any{"Name": d.Person.FullName()})+".pdf",
		lang.L("reports.making"), func(w io.Writer, opt reports.Options, _ func(int, int)) error {
			return reports.Disclosure(w, opt, &d)
		}, nil)
}

func (s *reportsScreen) onCheckInForms() {
	d, m := s.data, model.Moments[max(s.moment.SelectedIndex(), 0)]
	people := d.Paired()
	s.print.print(lang.L("reports.checkins.file", map[string]any{"Programme": d.Programme.Name, "Moment": momentName(m)})+".pdf",
		lang.L("reports.making"), func(w io.Writer, opt reports.Options, progress func(int, int)) error {
			return reports.CheckInForms(w, opt, &d, people, m, progress)
		}, nil)
}
