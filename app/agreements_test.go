package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// agreementsFixture is the agreements board on the demo data with the
// running programme chosen.
type agreementsFixture struct {
	st        *store.Store
	w         fyne.Window
	s         *agreementsScreen
	programme model.Programme
}

func newAgreementsFixture(t *testing.T) *agreementsFixture {
	t.Helper()
	st, programme := demoStore(t)
	t.Cleanup(removeScratch)
	f := &agreementsFixture{st: st, programme: programme, w: testWindow(t, 1400, 900)}
	f.s = newAgreementsScreen(st, f.w, fixedToday)
	f.w.SetContent(f.s.view())
	f.s.show()
	f.s.choose.SetSelected(f.programme.Name)
	return f
}

// show selects the agreement id on the board.
func (f *agreementsFixture) show(t *testing.T, id model.ID) {
	t.Helper()
	f.s.selected = id
	f.s.arrange()
	if f.s.detail.agreement.ID != id {
		t.Fatalf("agreement %d is not shown", id)
	}
}

// confirmedTandem returns the demo's confirmed tandem and its
// confidentiality agreement.
func (f *agreementsFixture) confirmedTandem(t *testing.T) (model.Tandem, model.Agreement) {
	t.Helper()
	d, err := f.st.ProgrammeData(f.programme.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tan := range d.Tandems {
		if tan.State == model.TandemConfirmed {
			if a := model.Confidentiality(tan.ID, d.Agreements); a != nil {
				return tan, *a
			}
		}
	}
	t.Fatal("the demo has no confirmed tandem with a confidentiality agreement")
	return model.Tandem{}, model.Agreement{}
}

// TestAgreementsBoardCreatesDrafts: every confirmed or active tandem has
// both papers on the board once it is shown.
func TestAgreementsBoardCreatesDrafts(t *testing.T) {
	f := newAgreementsFixture(t)
	d, err := f.st.ProgrammeData(f.programme.ID)
	if err != nil {
		t.Fatal(err)
	}
	if missing := model.MissingAgreements(&d); len(missing) != 0 {
		t.Fatalf("after showing the board %d agreements are still missing", len(missing))
	}
	total := 0
	for i, col := range f.s.columns {
		total += len(col)
		head := f.s.heads[i].Text
		if !strings.Contains(head, "(") {
			t.Errorf("column head %q shows no count", head)
		}
	}
	if total != len(d.Agreements) {
		t.Fatalf("the board shows %d agreements, the programme has %d", total, len(d.Agreements))
	}
	f.s.kind.SetSelectedIndex(1) // confidentiality only
	for _, col := range f.s.columns {
		for _, i := range col {
			if k := f.s.data.Agreements[i].Kind; k != model.ConfidentialityTandem {
				t.Fatalf("the confidentiality filter shows a %s", k)
			}
		}
	}
}

// TestRecordSignaturesActivatesTandem: HR prints the agreement, records
// both signatures, and the tandem becomes active.
func TestRecordSignaturesActivatesTandem(t *testing.T) {
	f := newAgreementsFixture(t)
	tan, a := f.confirmedTandem(t)
	f.show(t, a.ID)
	if a.State == model.AgreementDraft {
		tapButton(t, f.w, "Drucken")
		running.Wait()
		tapButton(t, f.w, "Schließen")
	}
	for range a.Parties() {
		a, _ = f.st.Agreement(a.ID)
		if a.State == model.AgreementSigned {
			break
		}
		tapButton(t, f.w, "Unterschrift vermerken")
	}
	a, err := f.st.Agreement(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.State != model.AgreementSigned || a.SignedOn[model.PartyMentee] != testToday {
		t.Fatalf("agreement after signing: %s, %v", a.State, a.SignedOn)
	}
	if !hasText(t, f.w, "Beide haben die Vertraulichkeitsvereinbarung unterschrieben. Das Tandem ist jetzt aktiv.") {
		t.Error("no word that the tandem started")
	}
	got, _ := f.st.Tandem(tan.ID)
	if got.State != model.TandemActive {
		t.Fatalf("tandem state = %s, want active", got.State)
	}
	if col := f.s.columns[2]; !containsAgreement(f.s, col, a.ID) {
		t.Fatal("the signed agreement is not in the column Unterschrieben")
	}
}

func containsAgreement(s *agreementsScreen, col []int, id model.ID) bool {
	for _, i := range col {
		if s.data.Agreements[i].ID == id {
			return true
		}
	}
	return false
}

// TestSignatureDateChecked: a date in the future or no date is refused.
func TestSignatureDateChecked(t *testing.T) {
	f := newAgreementsFixture(t)
	_, a := f.confirmedTandem(t)
	if a.State == model.AgreementDraft {
		t.Skip("the demo's agreement is not printed yet")
	}
	f.show(t, a.ID)
	var entry *widget.Entry
	walk(t, f.s.detail.signatures, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && entry == nil && !e.Disabled() {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("no date field for a signature")
	}
	entry.SetText("01.01.2099")
	tapButton(t, f.w, "Unterschrift vermerken")
	if !hasTextContaining(t, f.w, "in der Zukunft") {
		t.Error("a signature in the future was not refused with a sentence")
	}
	got, _ := f.st.Agreement(a.ID)
	if len(got.SignedOn) != len(a.SignedOn) {
		t.Fatal("a refused signature was stored")
	}
}

// TestPrintColumn prints the column "Zu drucken" as one PDF, which moves
// its agreements to "Wartet auf Unterschrift".
func TestPrintColumn(t *testing.T) {
	f := newAgreementsFixture(t)
	drafts := len(f.s.columns[0])
	if drafts == 0 {
		t.Fatal("the demo has no agreement to print")
	}
	waiting := len(f.s.columns[1])
	tapButton(t, f.w, "Alle drucken")
	running.Wait()
	if !hasText(t, f.w, "Dokument erstellt") {
		t.Fatal("no dialog after printing")
	}
	if len(f.s.columns[0]) != 0 || len(f.s.columns[1]) != waiting+drafts {
		t.Fatalf("after printing: %d to print, %d waiting; want 0, %d", len(f.s.columns[0]), len(f.s.columns[1]), waiting+drafts)
	}
	pdfs, _ := filepath.Glob(filepath.Join(scratch.dir, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("scratch folder holds %v", pdfs)
	}
	data, err := os.ReadFile(pdfs[0])
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("the printed file is no PDF (%v)", err)
	}
	removeScratch()
	if _, err := os.Stat(pdfs[0]); !os.IsNotExist(err) {
		t.Fatal("the temporary PDF survived removeScratch")
	}
}

// TestRevokeMakesNewDraft: a revoked agreement of a running tandem is
// replaced by a new one to print.
func TestRevokeMakesNewDraft(t *testing.T) {
	f := newAgreementsFixture(t)
	_, a := f.confirmedTandem(t)
	f.show(t, a.ID)
	drafts := len(f.s.columns[0])
	tapButton(t, f.w, "Widerrufen")
	tapButton(t, f.w, "Widerrufen") // the confirmation
	got, _ := f.st.Agreement(a.ID)
	if got.State != model.AgreementRevoked {
		t.Fatalf("state after revoking = %s", got.State)
	}
	if len(f.s.columns[0]) != drafts+1 || !containsAgreement(f.s, f.s.columns[3], a.ID) {
		t.Fatalf("after revoking: %d to print (was %d), revoked column holds it: %v", len(f.s.columns[0]), drafts,
			containsAgreement(f.s, f.s.columns[3], a.ID))
	}
}

// TestReadScan accepts PDF and images up to 10 MB and refuses the rest
// before storing anything.
func TestReadScan(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, typ, _, err := readScan(write("Vertrag Müller.pdf", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n")))
	if err != nil || typ != "application/pdf" {
		t.Fatalf("PDF: %q, %v", typ, err)
	}
	big := write("gross.pdf", make([]byte, model.MaxScanBytes+1))
	if _, _, _, err := readScan(big); model.KindOf(err) != model.Invalid {
		t.Fatalf("a file over 10 MB: %v", err)
	}
	_, typ, _, _ = readScan(write("notiz.png", []byte("nur Text")))
	f := newAgreementsFixture(t)
	_, a := f.confirmedTandem(t)
	if err := f.st.SetScan(a.ID, "notiz.png", typ, []byte("nur Text")); model.KindOf(err) != model.Invalid {
		t.Fatalf("a text file posing as PNG was stored: %v", err)
	}
}
