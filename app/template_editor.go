package app

import (
	"errors"
	"io"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/reports"
)

// documentLanguages are the languages a document text exists in, in the
// order the editor offers them.
var documentLanguages = []string{German, English}

// templateEditor lets HR rewrite the texts of the agreements and the
// certificate: each text is checked as it is typed, can be previewed as a
// PDF, and can be reset to the text Tandem ships.
type templateEditor struct {
	st    settingsStore
	win   fyne.Window
	print *printer

	name, lang string // the text being edited
	dirty      bool

	document *widget.Select
	language *widget.Select
	text     *widget.Entry
	status   *widget.Label
	custom   *widget.Label
	fields   *widget.Label
	save     *widget.Button
	dialog   dialog.Dialog
}

func newTemplateEditor(st settingsStore, win fyne.Window, today func() model.Date) *templateEditor {
	e := &templateEditor{st: st, win: win, name: reports.Editable[0], lang: Language()}
	e.print = &printer{win: win, today: today, settings: st.Settings}
	return e
}

func documentName(name string) string { return lang.L("document." + name) }

// show opens the editor.
func (e *templateEditor) show() {
	names := make([]string, len(reports.Editable))
	for i, n := range reports.Editable {
		names[i] = documentName(n)
	}
	e.document = widget.NewSelect(names, nil)
	e.language = widget.NewSelect([]string{"Deutsch", "English"}, nil)
	e.text = widget.NewMultiLineEntry()
	e.text.TextStyle = fyne.TextStyle{Monospace: true}
	e.text.Wrapping = fyne.TextWrapWord
	e.text.OnChanged = func(string) { e.dirty = true; e.check() }
	e.status = wrapLabel()
	e.custom = widget.NewLabel("")
	e.custom.Importance = widget.LowImportance
	e.fields = widget.NewLabel("")
	e.fields.TextStyle = fyne.TextStyle{Monospace: true}
	help := container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("templates.fields"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.fields,
		widget.NewLabelWithStyle(lang.L("templates.markup"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(lang.L("templates.markup.text"), 250)))
	fixed := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("templates.document")),
		fixed(360, e.document), widget.NewLabel(lang.L("templates.language")), fixed(150, e.language)), nil, e.custom)
	e.save = widget.NewButtonWithIcon(lang.L("button.save"), theme.DocumentSaveIcon(), e.onSave)
	e.save.Importance = widget.HighImportance
	closeButton := widget.NewButton(lang.L("button.close"), e.onClose)
	buttons := container.NewBorder(nil, nil, nil, closeButton, container.NewHBox(
		widget.NewButtonWithIcon(lang.L("templates.preview"), theme.VisibilityIcon(), e.onPreview),
		widget.NewButtonWithIcon(lang.L("templates.reset"), theme.HistoryIcon(), e.onReset),
		e.save))
	split := container.NewHSplit(e.text, help)
	split.Offset = 0.72
	body := container.NewBorder(top, container.NewVBox(e.status, buttons), nil, nil, split)

	d := dialog.NewCustomWithoutButtons(lang.L("templates.title"), body, e.win)
	e.dialog = d
	e.document.SetSelectedIndex(0)
	e.language.SetSelectedIndex(max(0, slices.Index(documentLanguages, e.lang)))
	e.document.OnChanged = func(string) { e.switchTo(reports.Editable[e.document.SelectedIndex()], e.lang) }
	e.language.OnChanged = func(string) { e.switchTo(e.name, documentLanguages[e.language.SelectedIndex()]) }
	e.load()
	d.Resize(fyne.NewSize(1040, 680))
	d.Show()
}

// switchTo edits another text, after asking whether to drop unsaved changes.
func (e *templateEditor) switchTo(name, language string) {
	if name == e.name && language == e.lang {
		return
	}
	askToLeave(e.win, func() bool { return e.dirty }, documentName(e.name), func() {
		e.name, e.lang = name, language
		e.load()
	}, func() {
		e.document.SetSelectedIndex(slices.Index(reports.Editable, e.name))
		e.language.SetSelectedIndex(slices.Index(documentLanguages, e.lang))
	})
}

// load shows the stored text of the chosen document and language.
func (e *templateEditor) load() {
	s, err := e.st.Settings()
	if err != nil {
		showError(e.win, err)
	}
	e.text.SetText(reports.Text(s, e.name, e.lang))
	e.fields.SetText(strings.Join(reports.Fields(e.name), "\n"))
	e.dirty = false
	e.showCustom(s)
	e.check()
}

// showCustom says whether HR's own text or Tandem's is in use.
func (e *templateEditor) showCustom(s model.Settings) {
	if _, own := s.Templates[e.key()]; own {
		e.custom.SetText(lang.L("templates.custom"))
	} else {
		e.custom.SetText(lang.L("templates.default"))
	}
}

func (e *templateEditor) key() string { return e.name + "." + e.lang }

// check shows whether the text makes a document, or where it goes wrong.
func (e *templateEditor) check() bool {
	err := reports.CheckText(e.name, e.lang, e.text.Text)
	if err != nil {
		e.status.Importance = widget.DangerImportance
		e.status.SetText(Message(err))
		e.save.Disable()
		return false
	}
	e.status.Importance = widget.SuccessImportance
	e.status.SetText(lang.L("templates.ok"))
	e.save.Enable()
	return true
}

// onClose closes the editor, after asking whether to drop unsaved changes.
func (e *templateEditor) onClose() {
	askToLeave(e.win, func() bool { return e.dirty }, documentName(e.name), e.dialog.Hide, func() {})
}

func (e *templateEditor) onSave() {
	if !e.check() {
		return
	}
	s, err := e.st.Settings()
	if err != nil {
		showError(e.win, err)
		return
	}
	s.Templates = maps.Clone(s.Templates)
	if s.Templates == nil {
		s.Templates = map[string]string{}
	}
	if e.text.Text == reports.DefaultText(e.name, e.lang) {
		delete(s.Templates, e.key())
	} else {
		s.Templates[e.key()] = e.text.Text
	}
	if err := e.st.SaveSettings(&s); err != nil {
		showError(e.win, err)
		return
	}
	e.dirty = false
	e.showCustom(s)
	e.status.SetText(lang.L("templates.saved"))
}

func (e *templateEditor) onReset() {
	confirm(e.win, lang.L("templates.reset"), lang.L("templates.reset.question"), lang.L("templates.reset"), func() {
		e.text.SetText(reports.DefaultText(e.name, e.lang))
		e.dirty = true
		e.check()
	})
}

func (e *templateEditor) onPreview() {
	name, text := e.name, e.text.Text
	if !e.check() {
		return
	}
	e.print.print(lang.L("templates.preview.file", map[string]any{"Document": documentName(name)})+".pdf",
		lang.L("reports.making"), func(w io.Writer, opt reports.Options, _ func(int, int)) error {
			opt.Lang = e.lang
			return reports.Preview(w, opt, name, text)
		}, nil)
}

// templateMessage is the sentence for a template that makes no document.
func templateMessage(err error) (string, bool) {
	var te *reports.TemplateError
	if !errors.As(err, &te) {
		return "", false
	}
	return lang.L("template.error."+te.Code, map[string]any{"Line": te.Line, "Detail": te.Detail}), true
}
