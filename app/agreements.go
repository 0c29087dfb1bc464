package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// agreementStore is what the agreements screen needs from the database.
type agreementStore interface {
	programmeStaff
	EnsureAgreements(programme model.ID) (model.ProgrammeData, int, error)
	MarkPrinted(ids []model.ID, on model.Date, version string) error
	SignAgreement(id model.ID, party string, on model.Date) (bool, error)
	Agreement(id model.ID) (model.Agreement, error)
	SaveAgreement(a *model.Agreement) error
	SetScan(agreement model.ID, name, mediaType string, data []byte) error
	Scan(agreement model.ID) ([]byte, error)
	Settings() (model.Settings, error)
}

// boardColumns are the columns of the board, in the order paper travels.
var boardColumns = []model.AgreementState{model.AgreementDraft, model.AgreementPrinted,
	model.AgreementSigned, model.AgreementRevoked}

// kindFilters are the choices of the kind filter: all, then each kind.
var kindFilters = []model.AgreementKind{"", model.ConfidentialityTandem, model.TandemAgreement,
	model.ConfidentialityPerson}

// agreementsScreen is the board of a programme's agreements: to print,
// waiting for signatures, signed, revoked. Below the board one agreement
// is shown with its signatures and scanned copy.
type agreementsScreen struct {
	st    agreementStore
	win   fyne.Window
	today func() model.Date
	print *printer

	programmeScope
	data     model.ProgrammeData
	columns  [][]int // per board column, indexes into data.Agreements, in board order
	selected model.ID

	kind    *widget.Select
	lists   []*widget.List
	heads   []*widget.Label
	batch   []*widget.Button
	detail  *agreementDetail
	content fyne.CanvasObject
}

func newAgreementsScreen(st agreementStore, win fyne.Window, today func() model.Date) *agreementsScreen {
	s := &agreementsScreen{st: st, win: win, today: today}
	s.print = &printer{win: win, today: today, settings: st.Settings}
	s.buildUI()
	return s
}

func (s *agreementsScreen) id() string              { return "agreements" }
func (s *agreementsScreen) icon() fyne.Resource     { return theme.DocumentIcon() }
func (s *agreementsScreen) view() fyne.CanvasObject { return s.content }

func agreementKindName(k model.AgreementKind) string { return lang.L("agreement.kind." + string(k)) }

func (s *agreementsScreen) buildUI() {
	s.makeChoice(s.onProgrammeChosen)
	kinds := make([]string, len(kindFilters))
	kinds[0] = lang.L("agreements.filter.all")
	for i, k := range kindFilters[1:] {
		kinds[i+1] = agreementKindName(k)
	}
	s.kind = widget.NewSelect(kinds, func(string) { s.arrange() })
	s.kind.SetSelectedIndex(0)
	personal := widget.NewButtonWithIcon(lang.L("agreements.personal"), theme.ContentAddIcon(), s.onPersonal)
	kind := container.NewGridWrap(fyne.NewSize(360, s.kind.MinSize().Height), s.kind)
	bar := container.NewBorder(nil, nil, kind, personal)

	cols := make([]fyne.CanvasObject, len(boardColumns))
	for i, st := range boardColumns {
		s.heads = append(s.heads, widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		list := widget.NewList(func() int { return len(s.columns[i]) },
			func() fyne.CanvasObject {
				return recordRow("Maximilian Mustermann", "Vertraulichkeit · 01.01.2026", true)
			},
			func(row widget.ListItemID, o fyne.CanvasObject) { s.updateCard(i, row, o) })
		list.OnSelected = func(row widget.ListItemID) { s.onCardSelected(i, row) }
		s.lists = append(s.lists, list)
		var foot fyne.CanvasObject
		if st == model.AgreementDraft || st == model.AgreementPrinted {
			b := widget.NewButtonWithIcon(lang.L("agreements.print."+string(st)), theme.DocumentPrintIcon(),
				func() { s.onPrintColumn(i) })
			s.batch = append(s.batch, b)
			foot = b
		}
		cols[i] = widget.NewCard("", "", container.NewBorder(s.heads[i], foot, nil, nil, list))
	}
	s.columns = make([][]int, len(boardColumns))
	board := container.NewGridWithColumns(len(cols), cols...)

	s.detail = newAgreementDetail(s)
	split := container.NewVSplit(container.NewBorder(bar, nil, nil, nil, board), s.detail.view())
	split.Offset = 0.55
	s.content = s.frame(split)
}

// show loads the programmes and the chosen programme's agreements.
func (s *agreementsScreen) show() { s.reload(s.st, s.win, s.load) }

// load creates the drafts the programme's tandems lack and reads the
// programme's agreements.
func (s *agreementsScreen) load() {
	s.data = model.ProgrammeData{}
	if p := s.current(); p != nil {
		d, _, err := s.st.EnsureAgreements(p.ID)
		if err != nil {
			showError(s.win, err)
		}
		s.data = d
	}
	s.arrange()
}

// arrange sorts the agreements that pass the kind filter into the columns.
func (s *agreementsScreen) arrange() {
	if s.lists == nil {
		return // still building
	}
	kind := kindFilters[max(s.kind.SelectedIndex(), 0)]
	for i := range s.columns {
		s.columns[i] = s.columns[i][:0]
	}
	for i, a := range s.data.Agreements {
		if kind != "" && a.Kind != kind {
			continue
		}
		col := slices.Index(boardColumns, a.State)
		s.columns[col] = append(s.columns[col], i)
	}
	for i, col := range s.columns {
		slices.SortStableFunc(col, func(a, b int) int {
			return strings.Compare(s.cardName(&s.data.Agreements[a]), s.cardName(&s.data.Agreements[b]))
		})
		s.heads[i].SetText(lang.L("agreements.column."+string(boardColumns[i]), map[string]any{"Count": len(col)}))
		s.lists[i].UnselectAll()
		s.lists[i].Refresh()
	}
	for i, b := range s.batch {
		if len(s.columns[i]) == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	s.reselect()
}

// reselect selects the shown agreement on the board again, or clears the
// detail when it is gone.
func (s *agreementsScreen) reselect() {
	for c, col := range s.columns {
		for row, i := range col {
			if s.data.Agreements[i].ID == s.selected {
				s.lists[c].Select(row)
				s.detail.load(s.data.Agreements[i])
				return
			}
		}
	}
	s.selected = 0
	s.detail.clear()
}

// cardName names an agreement by its parties: mentor and mentee, or the person.
func (s *agreementsScreen) cardName(a *model.Agreement) string {
	if a.Kind == model.ConfidentialityPerson {
		return s.fullName(a.PersonID)
	}
	if t := s.data.Tandem(a.TandemID); t != nil {
		return s.fullName(t.MentorID) + " · " + s.fullName(t.MenteeID)
	}
	return lang.L("participants.unknown")
}

// cardDetail is the second line of a card: kind and the latest date.
func cardDetail(a *model.Agreement) string {
	text := lang.L("agreement.kind.short." + string(a.Kind))
	var last model.Date
	for _, d := range a.SignedOn {
		if d.After(last) {
			last = d
		}
	}
	if a.State == model.AgreementPrinted && !a.GeneratedOn.IsZero() && last.IsZero() {
		last = a.GeneratedOn
	}
	if !last.IsZero() {
		text += " · " + formatDate(last)
	}
	return text
}

func (s *agreementsScreen) updateCard(col int, row widget.ListItemID, o fyne.CanvasObject) {
	a := &s.data.Agreements[s.columns[col][row]]
	setRecordRow(o, s.cardName(a), cardDetail(a))
}

func (s *agreementsScreen) onCardSelected(col int, row widget.ListItemID) {
	a := s.data.Agreements[s.columns[col][row]]
	for i, l := range s.lists {
		if i != col {
			l.UnselectAll()
		}
	}
	s.selected = a.ID
	s.detail.load(a)
}

// focus makes the board show the programme with the agreement selected
// the next time it is shown.
func (s *agreementsScreen) focus(programme, agreement model.ID) {
	s.programme, s.selected = programme, agreement
}

func (s *agreementsScreen) onProgrammeChosen(name string) {
	if p, ok := s.picked(name); ok {
		s.programme, s.selected = p.ID, 0
		s.load()
	}
}
