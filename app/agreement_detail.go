package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// agreementDetail shows one agreement below the board: its parties, where
// it stands, a row per signature and the scanned signed copy.
type agreementDetail struct {
	s         *agreementsScreen
	agreement model.Agreement

	title      *widget.Label
	parties    *widget.Label
	state      *widget.Label
	signatures *fyne.Container
	scan       *widget.Label
	attach     *widget.Button
	viewScan   *widget.Button
	dropScan   *widget.Button
	printOne   *widget.Button
	revoke     *widget.Button
	body       fyne.CanvasObject
	hint       fyne.CanvasObject
	content    *fyne.Container
}

func newAgreementDetail(s *agreementsScreen) *agreementDetail {
	d := &agreementDetail{s: s}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.parties, d.state, d.scan = wrapLabel(), wrapLabel(), wrapLabel()
	d.signatures = container.NewVBox()
	d.attach = widget.NewButtonWithIcon(lang.L("agreements.scan.attach"), theme.UploadIcon(), d.onAttach)
	d.viewScan = widget.NewButtonWithIcon(lang.L("agreements.scan.view"), theme.VisibilityIcon(), d.onViewScan)
	d.dropScan = widget.NewButtonWithIcon(lang.L("agreements.scan.remove"), theme.DeleteIcon(), d.onDropScan)
	d.printOne = widget.NewButtonWithIcon(lang.L("agreements.print.one"), theme.DocumentPrintIcon(), d.onPrint)
	d.revoke = widget.NewButtonWithIcon(lang.L("agreements.revoke"), theme.CancelIcon(), d.onRevoke)
	d.revoke.Importance = widget.DangerImportance
	scanRow := container.NewBorder(nil, nil, nil, container.NewHBox(d.attach, d.viewScan, d.dropScan), d.scan)
	left := container.NewVBox(d.title, d.parties, d.state)
	actions := container.NewVBox(container.NewHBox(d.printOne, d.revoke))
	d.body = container.NewVScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, actions, left),
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("agreements.signatures"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.signatures,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("agreements.scan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		scanRow)))
	d.hint = centredHint(lang.L("agreements.hint"))
	d.content = container.NewStack(d.hint)
	return d
}

func (d *agreementDetail) view() fyne.CanvasObject { return d.content }

// clear shows the hint instead of an agreement.
func (d *agreementDetail) clear() {
	d.agreement = model.Agreement{}
	d.content.Objects = []fyne.CanvasObject{d.hint}
	d.content.Refresh()
}

// load shows the agreement a.
func (d *agreementDetail) load(a model.Agreement) {
	d.agreement = a
	d.title.SetText(agreementKindName(a.Kind))
	d.parties.SetText(d.s.cardName(&a))
	d.state.SetText(d.stateLine())
	d.showSignatures()
	d.showScan()
	open := a.State != model.AgreementRevoked
	setEnabled(d.revoke, open)
	setEnabled(d.attach, open)
	d.content.Objects = []fyne.CanvasObject{d.body}
	d.content.Refresh()
}

// stateLine says where the paper stands and from which text it was printed.
func (d *agreementDetail) stateLine() string {
	a := &d.agreement
	line := lang.L("agreements.where." + string(a.State))
	if !a.GeneratedOn.IsZero() {
		line += " · " + lang.L("agreements.printedOn", map[string]any{"Date": formatDate(a.GeneratedOn),
			"Version": a.TemplateVersion})
	}
	return line
}

// partyName names a party of the agreement with its person.
func (d *agreementDetail) partyName(party string) string {
	a := &d.agreement
	var id model.ID
	switch party {
	case model.PartyPerson:
		id = a.PersonID
	case model.PartyMentor, model.PartyMentee:
		if t := d.s.data.Tandem(a.TandemID); t != nil {
			id = t.MentorID
			if party == model.PartyMentee {
				id = t.MenteeID
			}
		}
	case model.PartyHR:
		return lang.L("agreements.party.hr")
	}
	return lang.L("agreements.party."+party, map[string]any{"Name": d.s.fullName(id)})
}

// showSignatures builds a row per party: the date it signed, or a date
// field to record the signature.
func (d *agreementDetail) showSignatures() {
	a := &d.agreement
	parties := append(a.Parties(), model.PartyHR)
	rows := make([]fyne.CanvasObject, 0, len(parties))
	for _, party := range parties {
		name := widget.NewLabel(d.partyName(party))
		if on := a.SignedOn[party]; !on.IsZero() {
			undo := widget.NewButton(lang.L("agreements.unsign"), func() { d.onUnsign(party) })
			setEnabled(undo, a.State != model.AgreementRevoked)
			signed := widget.NewLabel(lang.L("agreements.signedOn", map[string]any{"Date": formatDate(on)}))
			rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(signed, undo), name))
			continue
		}
		date := widget.NewEntry()
		date.SetPlaceHolder(datePlaceholder())
		date.SetText(formatDate(d.s.today()))
		sign := widget.NewButtonWithIcon(lang.L("agreements.sign"), theme.ConfirmIcon(), func() { d.onSign(party, date) })
		if a.State == model.AgreementRevoked || a.State == model.AgreementDraft {
			date.Disable()
			sign.Disable()
		}
		field := container.NewGridWrap(fyne.NewSize(130, date.MinSize().Height), date)
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(field, sign), name))
	}
	if a.State == model.AgreementDraft {
		rows = append(rows, secondaryLabel(lang.L("agreements.printFirst")))
	}
	d.signatures.Objects = rows
	d.signatures.Refresh()
}

// showScan says whether a scanned copy is stored.
func (d *agreementDetail) showScan() {
	sc := d.agreement.Scan
	if sc == nil {
		d.scan.SetText(lang.L("agreements.scan.none"))
		d.attach.SetText(lang.L("agreements.scan.attach"))
	} else {
		d.scan.SetText(lang.L("agreements.scan.stored", map[string]any{"Name": sc.Name, "Size": formatSize(int64(sc.Size))}))
		d.attach.SetText(lang.L("agreements.scan.replace"))
	}
	setEnabled(d.viewScan, sc != nil)
	setEnabled(d.dropScan, sc != nil && d.agreement.State != model.AgreementRevoked)
}

// setEnabled enables or disables a button.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
