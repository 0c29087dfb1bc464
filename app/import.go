package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
	"tandem/roster"
)

// importStore is what the import wizard needs from the database.
type importStore interface {
	Persons() ([]model.Person, error)
	Backup(reason string) (store.Backup, error)
	ImportPersons(creates, updates []model.Person, formers []model.ID, summary string) error
}

// importWizard takes a staff list from Excel or CSV into the database in
// three steps: choose the file, check the table and its columns, look at
// what will change. Nothing is written before the last step's button.
type importWizard struct {
	st    importStore
	win   fyne.Window
	prefs preferences
	today func() model.Date
	done  func() // runs after a successful import

	path     string
	password string
	reader   *roster.Reader
	layout   roster.Layout
	plan     *roster.Plan
	former   map[model.ID]bool // missing people to mark as former

	dlg  *dialog.CustomDialog
	body *fyne.Container
}

// errCancelled stops reading when the user cancels.
var errCancelled = errors.New("cancelled")

func newImportWizard(st importStore, win fyne.Window, prefs preferences, today func() model.Date, done func()) *importWizard {
	return &importWizard{st: st, win: win, prefs: prefs, today: today, done: done}
}

// start is step 1: what the import takes, the file to choose, and the
// template for those who have no list yet.
func (w *importWizard) start() {
	intro := widget.NewLabel(lang.L("import.intro"))
	intro.Wrapping = fyne.TextWrapWord
	choose := widget.NewButton(lang.L("import.choose"), func() {
		chooseFile(w.win, []string{".xlsx", ".xlsm", ".csv", ".txt"}, w.openFile)
	})
	choose.Importance = widget.HighImportance
	template := widget.NewButton(lang.L("import.template"), w.onSaveTemplate)
	w.show(container.NewBorder(nil,
		container.NewHBox(template, layout.NewSpacer(), widget.NewButton(lang.L("button.cancel"), w.close), choose),
		nil, nil, container.NewVBox(intro)))
}

// onSaveTemplate writes an empty staff list with the expected headers.
func (w *importWizard) onSaveTemplate() {
	saveFile(w.win, lang.L("import.templateFile"), lang.L("saving"), func(wc io.Writer) error {
		return roster.WriteTemplate(wc, Language())
	})
}

// openFile opens the chosen list; an encrypted workbook asks for its password.
func (w *importWizard) openFile(path string) {
	w.path = path
	r, err := roster.Open(path, roster.Options{Password: w.password, Today: w.today()})
	if err != nil {
		if code := problemCode(err); code == "password_needed" || code == "password_wrong" {
			w.askPassword(code == "password_wrong")
			return
		}
		showError(w.win, err)
		return
	}
	w.reader = r
	w.detect("")
}

// problemCode is the first problem code of err, or "".
func problemCode(err error) string {
	if ps := model.ProblemsOf(err); len(ps) > 0 {
		return ps[0].Code
	}
	return ""
}

func (w *importWizard) askPassword(wrong bool) {
	entry := widget.NewPasswordEntry()
	text := lang.L("import.password.text", map[string]any{"File": filepath.Base(w.path)})
	if wrong {
		text = lang.L("problem.password_wrong")
	}
	note := widget.NewLabel(text)
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem(lang.L("import.password"), entry)}
	d := dialog.NewForm(lang.L("import.password.title"), lang.L("button.open"), lang.L("button.cancel"), items,
		func(ok bool) {
			if ok {
				w.password = entry.Text
				w.openFile(w.path)
			}
		}, w.win)
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	w.win.Canvas().Focus(entry)
}

// detect finds the table on a sheet and maps its columns, taking the
// mapping the user chose last time for a list with the same headers.
func (w *importWizard) detect(sheet string) {
	l, err := w.reader.Detect(sheet)
	if err != nil {
		w.close()
		showError(w.win, err)
		return
	}
	w.layout = w.remembered(l)
	w.showMapping()
}

// mappingKey is the preference key under which the mapping of a list with
// these headers is remembered.
func mappingKey(l roster.Layout) string {
	sum := sha256.Sum256([]byte(l.Key()))
	return "importMapping." + hex.EncodeToString(sum[:8])
}

func (w *importWizard) remembered(l roster.Layout) roster.Layout {
	var fields []roster.Field
	if err := json.Unmarshal([]byte(w.prefs.p.String(mappingKey(l))), &fields); err != nil || len(fields) != len(l.Columns) {
		return l
	}
	for i := range l.Columns {
		l.Columns[i].Field = fields[i]
	}
	return l
}

func (w *importWizard) remember(l roster.Layout) {
	fields := make([]roster.Field, len(l.Columns))
	for i, c := range l.Columns {
		fields[i] = c.Field
	}
	data, _ := json.Marshal(fields)
	w.prefs.p.SetString(mappingKey(l), string(data))
}

// show puts a step into the wizard's dialog, opening it the first time.
func (w *importWizard) show(step fyne.CanvasObject) {
	if w.dlg == nil {
		w.body = container.NewStack()
		w.dlg = dialog.NewCustomWithoutButtons(lang.L("import.title"), w.body, w.win)
		w.dlg.Resize(fyne.NewSize(960, 640))
		w.dlg.SetOnClosed(w.closeReader)
	}
	w.body.Objects = []fyne.CanvasObject{step}
	w.body.Refresh()
	w.dlg.Show()
}

// close ends the wizard without writing anything.
func (w *importWizard) close() {
	if w.dlg != nil {
		w.dlg.Hide()
	}
	w.closeReader()
}

func (w *importWizard) closeReader() {
	if w.reader != nil {
		if err := w.reader.Close(); err != nil {
			fyne.LogError("closing the staff list", err)
		}
		w.reader = nil
	}
}

// stepButtons is the row at the bottom of a step.
func stepButtons(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)...)
}

// showMapping is step 2: which sheet, where the header is, what each column means.
func (w *importWizard) showMapping() {
	var sheets []string
	for _, s := range w.reader.Sheets() {
		if !s.Hidden {
			sheets = append(sheets, s.Name)
		}
	}
	sheet := widget.NewSelect(sheets, nil)
	sheet.SetSelected(w.layout.Sheet)
	sheet.OnChanged = func(name string) {
		if name != w.layout.Sheet {
			w.detect(name)
		}
	}
	intro := widget.NewLabel(lang.L("import.mapping.intro", map[string]any{
		"File": w.reader.Name(), "Row": w.layout.HeaderRow}))
	intro.Wrapping = fyne.TextWrapWord

	choices := make([]string, len(roster.Fields)+1)
	choices[0] = lang.L("import.field.ignore")
	for i, f := range roster.Fields {
		choices[i+1] = fieldName(string(f))
	}
	grid := container.NewVBox()
	for i, c := range w.layout.Columns {
		sel := widget.NewSelect(choices, nil)
		sel.SetSelectedIndex(fieldIndex(c.Field))
		sel.OnChanged = func(string) {
			idx := sel.SelectedIndex()
			w.layout.Columns[i].Field = roster.Ignore
			if idx > 0 {
				w.layout.Columns[i].Field = roster.Fields[idx-1]
			}
		}
		header := widget.NewLabel("„" + c.Header + "“")
		header.Truncation = fyne.TextTruncateEllipsis
		grid.Add(container.NewGridWithColumns(2, header, sel))
	}
	next := widget.NewButton(lang.L("import.next"), w.onRead)
	next.Importance = widget.HighImportance
	top := container.NewVBox(intro, container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("import.sheet")), sheet),
		widget.NewLabelWithStyle(lang.L("import.columns"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	w.show(container.NewBorder(top,
		stepButtons(widget.NewButton(lang.L("button.cancel"), w.close), next), nil, nil,
		container.NewVScroll(grid)))
}

func fieldIndex(f roster.Field) int {
	for i, g := range roster.Fields {
		if g == f {
			return i + 1
		}
	}
	return 0
}

// onRead reads every row in the background, then compares it with the file.
func (w *importWizard) onRead() {
	w.remember(w.layout)
	var cancelled atomic.Bool
	status := widget.NewLabel(lang.L("import.reading", map[string]any{"Rows": 0}))
	bar := widget.NewProgressBarInfinite()
	w.show(container.NewVBox(layout.NewSpacer(), status, bar,
		stepButtons(widget.NewButton(lang.L("button.cancel"), func() { cancelled.Store(true) })), layout.NewSpacer()))

	r, l, today := w.reader, w.layout, w.today()
	source := model.Source{File: r.Name(), Imported: today.Time()}
	running.Add(1)
	go func() {
		defer running.Done()
		var records []roster.Record
		err := r.Records(l, func(rec roster.Record) error {
			if cancelled.Load() {
				return errCancelled
			}
			records = append(records, rec)
			return nil
		}, func(rows int) {
			fyne.Do(func() { status.SetText(lang.L("import.reading", map[string]any{"Rows": rows})) })
		})
		var plan *roster.Plan
		if err == nil {
			var existing []model.Person
			if existing, err = w.st.Persons(); err == nil {
				plan = roster.MakePlan(records, existing, today, source)
			}
		}
		fyne.Do(func() {
			switch {
			case errors.Is(err, errCancelled):
				w.close()
			case err != nil:
				w.close()
				showError(w.win, err)
			default:
				w.plan = plan
				w.former = map[model.ID]bool{}
				w.showPreview()
			}
		})
	}()
}

// showPreview is step 3: exactly what will change, before anything is written.
func (w *importWizard) showPreview() {
	p := w.plan
	summary := widget.NewLabel(lang.L("import.summary", map[string]any{
		"New": len(p.New), "Changed": len(p.Changed), "Unchanged": len(p.Unchanged),
		"Former": p.Former(), "Rejected": len(p.Rejected), "Missing": len(p.Missing)}))
	summary.Wrapping = fyne.TextWrapWord

	tabs := container.NewAppTabs(
		previewTab("import.tab.new", entryLines(p.New, false)),
		previewTab("import.tab.changed", entryLines(p.Changed, true)),
		previewTab("import.tab.unchanged", entryLines(p.Unchanged, false)),
		previewTab("import.tab.rejected", rejectionLines(p.Rejected)),
		container.NewTabItem(tabTitle("import.tab.missing", len(p.Missing)), w.missingList()))

	apply := widget.NewButton(lang.L("import.apply"), w.onApply)
	apply.Importance = widget.HighImportance
	if len(p.New)+len(p.Changed) == 0 && len(p.Missing) == 0 {
		apply.Disable()
	}
	saveErrors := widget.NewButton(lang.L("import.saveRejected"), w.onSaveRejected)
	if len(p.Rejected) == 0 {
		saveErrors.Disable()
	}
	back := widget.NewButton(lang.L("import.back"), w.showMapping)
	w.show(container.NewBorder(summary,
		container.NewHBox(saveErrors, layout.NewSpacer(), widget.NewButton(lang.L("button.cancel"), w.close), back, apply),
		nil, nil, tabs))
}

// tabTitle is "Neu (12)".
func tabTitle(key string, n int) string { return lang.L(key) + " (" + strconv.Itoa(n) + ")" }

// previewTab lists lines in a virtualised list.
func previewTab(key string, lines []string) *container.TabItem {
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	var content fyne.CanvasObject = list
	if len(lines) == 0 {
		content = centredHint(lang.L("import.tab.empty"))
	}
	return container.NewTabItem(tabTitle(key, len(lines)), content)
}

// entryLines describes people of the list: "Zeile 7: Müller, Anna", with
// the changed fields when asked.
func entryLines(entries []roster.Entry, changes bool) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		line := lang.L("import.row", map[string]any{"Row": e.Row}) + " " + e.Person.SortName()
		if e.Former {
			line += " (" + lang.L("persons.status.former", map[string]any{"Date": formatDate(e.Person.ExitDate)}) + ")"
		}
		if changes {
			for j, c := range e.Changes {
				sep := " — "
				if j > 0 {
					sep = "; "
				}
				line += fmt.Sprintf("%s%s: %s → %s", sep, fieldName(c.Field), orDash(c.Old), orDash(c.New))
			}
		}
		out[i] = line
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// rejectionLines gives each rejected row with its reason.
func rejectionLines(rs []roster.Rejection) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = lang.L("import.row", map[string]any{"Row": r.Row}) + " " + fieldName(r.Problem.Field) + ": " + ProblemText(r.Problem)
	}
	return out
}

// missingList offers the people no longer in the list to be marked as former.
func (w *importWizard) missingList() fyne.CanvasObject {
	missing := w.plan.Missing
	if len(missing) == 0 {
		return centredHint(lang.L("import.tab.empty"))
	}
	list := widget.NewList(func() int { return len(missing) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			p := missing[i]
			c.OnChanged = nil
			c.SetText(p.SortName() + "  ·  " + p.Department)
			c.SetChecked(w.former[p.ID])
			c.OnChanged = func(on bool) { w.former[p.ID] = on }
		})
	hint := widget.NewLabel(lang.L("import.missing.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewBorder(hint, nil, nil, nil, list)
}

// onSaveRejected writes the rejected rows with their reasons as .xlsx.
func (w *importWizard) onSaveRejected() {
	headers := make([]string, len(w.layout.Columns))
	for i, c := range w.layout.Columns {
		headers[i] = c.Header
	}
	plan := w.plan
	saveFile(w.win, lang.L("import.rejectedFile"), lang.L("saving"), func(wc io.Writer) error {
		return roster.WriteRejections(wc, plan, headers, ProblemText, Language())
	})
}

// onApply writes the import in one transaction after a backup.
func (w *importWizard) onApply() {
	var formers []model.ID
	for id, on := range w.former {
		if on {
			formers = append(formers, id)
		}
	}
	plan, today := w.plan, w.today()
	w.close()
	background(w.win, lang.L("import.applying"), func() error {
		return roster.Apply(w.st, plan, formers, today)
	}, func(err error) {
		if err != nil {
			showError(w.win, err)
			return
		}
		showInfo(w.win, lang.L("import.done.title"), lang.L("import.done", map[string]any{
			"New": len(plan.New), "Changed": len(plan.Changed), "Former": len(formers)}))
		w.done()
	})
}
