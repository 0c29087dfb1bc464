package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// auditStore is what the audit log needs from the database.
type auditStore interface {
	Audit() ([]model.AuditEntry, error)
}

// auditActions and auditEntities are the actions and records the store
// writes to the audit log; each has a translation "audit.action.*" or
// "audit.entity.*". One the window does not know is shown as stored.
var (
	auditActions = []string{"create", "update", "delete", "import", "backup", "restore", "migrate", "password",
		"erase", "compact"}
	auditEntities = []string{"person", "programme", "enrolment", "tandem", "meeting", "agreement", "checkin",
		"training", "settings", "file"}
)

// auditActionName is an action in words ("geändert").
func auditActionName(action string) string { return wordOr("audit.action.", auditActions, action) }

// auditEntityName names the kind of record ("Tandem").
func auditEntityName(entity string) string { return wordOr("audit.entity.", auditEntities, entity) }

// wordOr returns the translation of family+value for a known value, else
// the value itself.
func wordOr(family string, known []string, value string) string {
	if slices.Contains(known, value) {
		return lang.L(family + value)
	}
	return value
}

// auditFilter is the choice of the audit log's filters.
type auditFilter struct {
	query    string     // words that must all occur (ignoring case), in any column
	entity   string     // "" for every kind of record
	action   string     // "" for every action
	from, to model.Date // the period, both days included; zero for open
}

// apply returns the indexes of the entries that pass, in their order;
// texts[i] is the lower-case search text of entries[i].
func (f auditFilter) apply(entries []model.AuditEntry, texts []string) []int {
	words := strings.Fields(strings.ToLower(f.query))
	out := make([]int, 0, len(entries))
	for i := range entries {
		e := &entries[i]
		day := model.DateOf(e.Time.Local())
		switch {
		case f.entity != "" && e.Entity != f.entity, f.action != "" && e.Action != f.action,
			!f.from.IsZero() && day.Before(f.from), !f.to.IsZero() && day.After(f.to):
			continue
		}
		if slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(texts[i], w) }) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// auditSearchText is what the search field looks through: time, user,
// action and record in words, and the summary.
func auditSearchText(e *model.AuditEntry) string {
	return strings.ToLower(strings.Join([]string{formatTime(e.Time), e.User, auditActionName(e.Action),
		auditEntityName(e.Entity), auditSummary(e)}, " "))
}

// auditColumns are the table's columns: heading key and width.
var auditColumns = []struct {
	head  string
	width float32
}{
	{"audit.column.time", 130}, {"audit.column.user", 110}, {"audit.column.action", 140},
	{"audit.column.entity", 120}, {"audit.column.summary", 440},
}

// auditView is the audit log in a dialog: every change, newest first,
// filtered by words, kind of record, action and period. The table draws
// only the rows in sight, so a long log stays quick.
type auditView struct {
	win      fyne.Window
	all      []model.AuditEntry
	texts    []string
	shown    []int
	entities []string // the record kinds in the log, in the order of the entity choice after "all"
	actions  []string // the same for actions

	search *widget.Entry
	entity *widget.Select
	action *widget.Select
	from   *widget.Entry
	to     *widget.Entry
	table  *widget.Table
	count  *widget.Label
	dialog dialog.Dialog
}

// showAuditLog reads the audit log and shows it.
func showAuditLog(win fyne.Window, st auditStore) *auditView {
	log, err := st.Audit()
	if err != nil {
		showError(win, err)
		return nil
	}
	v := &auditView{win: win, all: log, texts: make([]string, len(log))}
	for i := range log {
		v.texts[i] = auditSearchText(&log[i])
	}
	v.buildUI()
	v.applyFilter()
	v.dialog.Show()
	return v
}

func (v *auditView) buildUI() {
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.L("audit.search"))
	v.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	v.search.OnChanged = func(string) { v.applyFilter() }
	var entityNames, actionNames []string
	v.entities, entityNames = v.choices(func(e *model.AuditEntry) string { return e.Entity }, auditEntityName)
	v.actions, actionNames = v.choices(func(e *model.AuditEntry) string { return e.Action }, auditActionName)
	v.entity = widget.NewSelect(append([]string{lang.L("audit.filter.allEntities")}, entityNames...), func(string) { v.applyFilter() })
	v.entity.SetSelectedIndex(0)
	v.action = widget.NewSelect(append([]string{lang.L("audit.filter.allActions")}, actionNames...), func(string) { v.applyFilter() })
	v.action.SetSelectedIndex(0)
	v.from, v.to = widget.NewEntry(), widget.NewEntry()
	for _, e := range []*widget.Entry{v.from, v.to} {
		e.SetPlaceHolder(datePlaceholder())
		e.Validator = func(s string) error {
			_, err := parseDate(s)
			return err
		}
		e.OnChanged = func(string) { v.applyFilter() }
	}
	period := container.NewHBox(widget.NewLabel(lang.L("audit.filter.from")), container.NewGridWrap(fyne.NewSize(130, v.from.MinSize().Height), v.from),
		widget.NewLabel(lang.L("audit.filter.to")), container.NewGridWrap(fyne.NewSize(130, v.to.MinSize().Height), v.to))
	filters := container.NewVBox(v.search, container.NewBorder(nil, nil, nil, period, container.NewGridWithColumns(2, v.entity, v.action)))

	v.table = widget.NewTableWithHeaders(func() (int, int) { return len(v.shown), len(auditColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, v.updateCell)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(auditColumns[id.Col].head))
		}
	}
	for i, c := range auditColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.count = widget.NewLabel("")
	v.count.Importance = widget.LowImportance
	hint := widget.NewLabel(lang.L("audit.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	content := container.NewBorder(container.NewVBox(hint, filters), v.count, nil, nil, v.table)
	v.dialog = dialog.NewCustom(lang.L("audit.title"), lang.L("button.close"), content, v.win)
	v.dialog.Resize(fyne.NewSize(1000, 640))
}

// choices lists the distinct values of a column in the log, ordered by
// their words, and the words.
func (v *auditView) choices(value func(*model.AuditEntry) string, word func(string) string) (values, words []string) {
	seen := map[string]bool{}
	for i := range v.all {
		if x := value(&v.all[i]); !seen[x] {
			seen[x] = true
			values = append(values, x)
		}
	}
	slices.SortFunc(values, func(a, b string) int { return strings.Compare(strings.ToLower(word(a)), strings.ToLower(word(b))) })
	words = make([]string, len(values))
	for i, x := range values {
		words[i] = word(x)
	}
	return values, words
}

// filter is the current choice of the filters; a date that cannot be read
// leaves its end of the period open.
func (v *auditView) filter() auditFilter {
	f := auditFilter{query: v.search.Text}
	if i := v.entity.SelectedIndex(); i > 0 {
		f.entity = v.entities[i-1]
	}
	if i := v.action.SelectedIndex(); i > 0 {
		f.action = v.actions[i-1]
	}
	f.from, _ = parseDate(v.from.Text)
	f.to, _ = parseDate(v.to.Text)
	return f
}

func (v *auditView) applyFilter() {
	if v.table == nil || v.count == nil {
		return
	}
	v.shown = v.filter().apply(v.all, v.texts)
	v.count.SetText(lang.L("audit.count", map[string]any{"Shown": len(v.shown), "All": len(v.all)}))
	v.table.ScrollToTop()
	v.table.Refresh()
}

func (v *auditView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row < 0 || id.Row >= len(v.shown) {
		return
	}
	e := &v.all[v.shown[id.Row]]
	var text string
	switch id.Col {
	case 0:
		text = formatTime(e.Time)
	case 1:
		text = e.User
	case 2:
		text = auditActionName(e.Action)
	case 3:
		text = auditEntityName(e.Entity)
	case 4:
		text = auditSummary(e)
	}
	o.(*widget.Label).SetText(text)
}

// auditSummary is an entry's summary in the interface language: the summary
// of a record ("Treffen #49, Status held") is rebuilt from the record's
// kind, id and state; other summaries are shown as stored.
func auditSummary(e *model.AuditEntry) string {
	if reason, ok := strings.CutPrefix(e.Summary, "Sicherung ("); ok && e.Action == "backup" {
		return lang.L("audit.summary.backup", map[string]any{"Reason": backupReason(strings.TrimSuffix(reason, ")"))})
	}
	head, state, hasState := strings.Cut(e.Summary, ", Status ")
	if e.EntityID == 0 || !strings.HasSuffix(head, fmt.Sprintf(" #%d", e.EntityID)) {
		return e.Summary
	}
	out := fmt.Sprintf("%s #%d", auditEntityName(e.Entity), e.EntityID)
	if hasState {
		key := e.Entity + ".state." + state
		if t := lang.L(key); t != key {
			state = t
		}
		out += ", " + lang.L("audit.status", map[string]any{"State": state})
	}
	return out
}
