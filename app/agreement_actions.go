package app

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/reports"
)

// printAgreements makes one PDF of the agreements and opens it. Those still
// to print or waiting for signatures are then recorded as printed today.
func (s *agreementsScreen) printAgreements(as []model.Agreement, name string) {
	data := s.data
	s.print.print(name, lang.L("agreements.printing", map[string]any{"Count": len(as)}),
		func(w io.Writer, opt reports.Options, progress func(int, int)) error {
			return reports.Agreements(w, opt, &data, as, progress)
		},
		func(string) {
			settings, err := s.st.Settings()
			if err != nil {
				showError(s.win, err)
				return
			}
			ids := make([]model.ID, len(as))
			for i, a := range as {
				ids[i] = a.ID
			}
			if err := s.st.MarkPrinted(ids, s.today(), reports.VersionOf(settings, Language())); err != nil {
				showError(s.win, err)
			}
			s.load()
		})
}

// onPrintColumn prints every agreement of a board column as one PDF.
func (s *agreementsScreen) onPrintColumn(col int) {
	as := make([]model.Agreement, len(s.columns[col]))
	for i, at := range s.columns[col] {
		as[i] = s.data.Agreements[at]
	}
	if len(as) == 0 {
		return
	}
	s.printAgreements(as, lang.L("agreements.file.batch", map[string]any{"Programme": s.data.Programme.Name})+".pdf")
}

// onPersonal creates a personal confidentiality agreement for a
// participant who has none yet.
func (s *agreementsScreen) onPersonal() {
	if s.current() == nil {
		return
	}
	has := map[model.ID]bool{}
	for _, a := range s.data.Agreements {
		if a.Kind == model.ConfidentialityPerson && a.State != model.AgreementRevoked {
			has[a.PersonID] = true
		}
	}
	var ids []model.ID
	var names []string
	for _, e := range s.data.Enrolments {
		if !has[e.PersonID] && e.State != model.EnrolmentWithdrawn {
			ids = append(ids, e.PersonID)
			names = append(names, s.personName(e.PersonID))
		}
	}
	if len(ids) == 0 {
		showInfo(s.win, lang.L("agreements.personal"), lang.L("agreements.personal.nobody"))
		return
	}
	choice := widget.NewSelect(names, nil)
	choice.PlaceHolder = lang.L("agreements.personal.choose")
	items := []*widget.FormItem{widget.NewFormItem(lang.L("field.person"), choice)}
	formDialog(s.win, lang.L("agreements.personal"), lang.L("button.create"), items, func() {
		at := choice.SelectedIndex()
		if at < 0 {
			return
		}
		a := model.PersonalAgreement(s.data.Programme.ID, ids[at])
		if err := s.st.SaveAgreement(&a); err != nil {
			showError(s.win, err)
			return
		}
		s.selected = a.ID
		s.load()
	})
}

func (d *agreementDetail) onPrint() {
	a := d.agreement
	name := agreementKindName(a.Kind) + " – " + d.s.cardName(&a) + ".pdf"
	d.s.printAgreements([]model.Agreement{a}, name)
}

func (d *agreementDetail) onSign(party string, date *widget.Entry) {
	on, err := parseDate(date.Text)
	if err != nil || on.IsZero() {
		showError(d.s.win, model.E("sign", model.Invalid, model.Problem{Field: "signedOn", Code: "date"}))
		return
	}
	if on.After(d.s.today()) {
		showError(d.s.win, model.E("sign", model.Invalid, model.Problem{Field: "signedOn", Code: "date_future"}))
		return
	}
	activated, err := d.s.st.SignAgreement(d.agreement.ID, party, on)
	if err != nil {
		showError(d.s.win, err)
		return
	}
	d.s.load()
	if activated {
		showInfo(d.s.win, lang.L("agreements.activated.title"), lang.L("agreements.activated"))
	}
}

// change loads the agreement afresh, applies edit and saves it.
func (d *agreementDetail) change(edit func(a *model.Agreement) error) {
	a, err := d.s.st.Agreement(d.agreement.ID)
	if err == nil {
		err = edit(&a)
	}
	if err == nil {
		err = d.s.st.SaveAgreement(&a)
	}
	if err != nil {
		showError(d.s.win, err)
	}
	d.s.load()
}

func (d *agreementDetail) onUnsign(party string) {
	d.change(func(a *model.Agreement) error { return a.Unsign(party) })
}

func (d *agreementDetail) onRevoke() {
	confirm(d.s.win, lang.L("agreements.revoke.title"), lang.L("agreements.revoke.question"),
		lang.L("agreements.revoke"), func() { d.change((*model.Agreement).Revoke) })
}

// scanTypes are the file endings a scanned copy may have.
var scanTypes = []string{".pdf", ".jpg", ".jpeg", ".png"}

func (d *agreementDetail) onAttach() {
	id := d.agreement.ID
	chooseFile(d.s.win, scanTypes, func(path string) {
		name, mediaType, data, err := readScan(path)
		if err == nil {
			err = d.s.st.SetScan(id, name, mediaType, data)
		}
		if err != nil {
			showError(d.s.win, err)
			return
		}
		d.s.load()
	})
}

// readScan reads a scanned copy, refusing files over model.MaxScanBytes
// before reading them and files whose content is no PDF, JPEG or PNG.
func readScan(path string) (name, mediaType string, data []byte, err error) {
	const op = "scan"
	info, err := os.Stat(path)
	if err != nil {
		return "", "", nil, model.E(op, model.IO, err)
	}
	if info.Size() > model.MaxScanBytes {
		return "", "", nil, model.E(op, model.Invalid, model.Problem{Field: "scan", Code: "scan_too_large", Arg: "10 MB"})
	}
	if data, err = os.ReadFile(path); err != nil {
		return "", "", nil, model.E(op, model.IO, err)
	}
	mediaType = http.DetectContentType(data)
	if i := strings.IndexByte(mediaType, ';'); i >= 0 {
		mediaType = mediaType[:i]
	}
	return filepath.Base(path), mediaType, data, nil
}

func (d *agreementDetail) onViewScan() {
	a := d.agreement
	data, err := d.s.st.Scan(a.ID)
	var path string
	if err == nil {
		path, err = scratchFile(a.Scan.Name, data)
	}
	if err == nil {
		err = openFile(path)
	}
	if err != nil {
		showError(d.s.win, err)
	}
}

func (d *agreementDetail) onDropScan() {
	id := d.agreement.ID
	confirm(d.s.win, lang.L("agreements.scan.remove.title"), lang.L("agreements.scan.remove.question"),
		lang.L("agreements.scan.remove"), func() {
			if err := d.s.st.SetScan(id, "", "", nil); err != nil {
				showError(d.s.win, err)
			}
			d.s.load()
		})
}
