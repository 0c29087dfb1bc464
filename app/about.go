package app

import (
	"regexp"
	"runtime"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/assets"
	"tandem/model"
)

// aboutDialog shows Tandem's version, the data file in use and the
// licences of the software Tandem is built from.
type aboutDialog struct {
	win    fyne.Window
	path   string                  // the data file in use
	reveal func(path string) error // shows a file in the file manager

	licences []assets.Licence
	list     *widget.List
	text     *widget.Label // the chosen licence's text
	textBox  *container.Scroll
	dialog   dialog.Dialog
}

// aboutCard is the settings' entry to the about dialog.
func (s *settingsScreen) aboutCard() fyne.CanvasObject {
	open := widget.NewButtonWithIcon(lang.L("about.open"), theme.InfoIcon(), func() {
		newAboutDialog(s.win, s.st.Path(), showInFolder).show()
	})
	return widget.NewCard(lang.L("about.title"), lang.L("about.hint", map[string]any{"Version": Version}),
		container.NewHBox(open))
}

func newAboutDialog(win fyne.Window, path string, reveal func(string) error) *aboutDialog {
	a := &aboutDialog{win: win, path: path, reveal: reveal}
	a.licences, _ = assets.Licences() // embedded; its test makes sure it reads
	return a
}

// show opens the dialog with the first licence chosen.
func (a *aboutDialog) show() {
	a.dialog = dialog.NewCustom(lang.L("about.title"), lang.L("button.close"), a.buildUI(), a.win)
	a.dialog.Resize(fyne.NewSize(860, 640))
	a.dialog.Show()
	if len(a.licences) > 0 {
		a.list.Select(0)
	}
}

func (a *aboutDialog) buildUI() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(appIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	name := widget.NewLabelWithStyle("Tandem", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	version := widget.NewLabel(lang.L("about.version", map[string]any{"Version": Version}))
	tagline := widget.NewLabel(lang.L("about.tagline"))
	head := container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, version, tagline))

	path := widget.NewLabel(a.path)
	path.Wrapping = fyne.TextWrapBreak
	reveal := widget.NewButtonWithIcon(lang.L("about.file.show"), theme.FolderOpenIcon(), a.onReveal)
	file := widget.NewCard(lang.L("about.file"), lang.L("about.file.hint"),
		container.NewBorder(nil, nil, nil, reveal, path))

	a.list = widget.NewList(func() int { return len(a.licences) }, a.newLicenceRow, a.updateLicenceRow)
	a.list.OnSelected = a.onLicenceSelected
	a.text = widget.NewLabel(lang.L("about.licences.choose"))
	if len(a.licences) == 0 {
		a.text.SetText(lang.L("about.licences.missing"))
	}
	a.text.Wrapping = fyne.TextWrapWord
	a.textBox = container.NewVScroll(a.text)
	split := container.NewHSplit(a.list, a.textBox)
	split.Offset = 0.4
	licences := widget.NewCard(lang.L("about.licences"), lang.L("about.licences.hint"),
		container.NewGridWrap(fyne.NewSize(800, 260), split))

	return container.NewVBox(head, file, licences)
}

func (a *aboutDialog) newLicenceRow() fyne.CanvasObject {
	name := widget.NewLabel("github.com/xuri/excelize/v2")
	name.Truncation = fyne.TextTruncateEllipsis
	licence := widget.NewLabelWithStyle("BSD-3-Clause · v2.10.1", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	licence.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, licence)
}

func (a *aboutDialog) updateLicenceRow(i widget.ListItemID, o fyne.CanvasObject) {
	l := a.licences[i]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(l.Name)
	cells[1].(*widget.Label).SetText(joinNonEmpty(" · ", l.Licence, a.versionOf(l)))
}

// versionOf is the version of a module, or of Go that built Tandem.
func (a *aboutDialog) versionOf(l assets.Licence) string {
	if l.Name == "Go" {
		return runtime.Version()
	}
	return l.Version
}

func (a *aboutDialog) onLicenceSelected(i widget.ListItemID) {
	text, err := a.licences[i].Text()
	if err != nil {
		text = lang.L("about.licences.missing")
	}
	a.text.SetText(reflow(text))
	a.textBox.ScrollToTop()
}

func (a *aboutDialog) onReveal() {
	if err := a.reveal(a.path); err != nil {
		showError(a.win, model.E("open", model.IO, err))
	}
}

// listItem matches the start of a list item in a licence: "* ", "- ",
// "1. ", "2) ", "(a) ".
var listItem = regexp.MustCompile(`^(\*|-|•|\d+[.)]|\([a-z0-9]+\))\s`)

// reflow joins the hard-wrapped lines of a licence text into paragraphs, so
// the label can wrap them to its width; blank lines, list items and lines
// without letters (rules of dashes) keep their line breaks.
func reflow(text string) string {
	hasLetter := func(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
	var b strings.Builder
	prev := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t")
		trimmed := strings.TrimSpace(line)
		switch {
		case i == 0:
		case prev != "" && trimmed != "" && hasLetter(prev) && hasLetter(trimmed) && !listItem.MatchString(trimmed):
			b.WriteByte(' ')
			line = trimmed
		default:
			b.WriteByte('\n')
		}
		b.WriteString(line)
		prev = trimmed
	}
	return b.String()
}
