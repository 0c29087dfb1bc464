package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// welcomeActions are the ways to start from an empty file.
type welcomeActions interface {
	startImport()
	loadExample()
	openOtherFile()
	startEmpty()
}

// welcomePage greets the user on an empty file and offers the ways to start.
type welcomePage struct {
	act  welcomeActions
	path string
}

// view builds the page: a greeting and one card per way to start.
func (w *welcomePage) view() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(appIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabelWithStyle(lang.L("welcome.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(lang.L("welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter

	option := func(key string, icon fyne.Resource, action func(), primary bool) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(lang.L("welcome."+key), icon, action)
		if primary {
			b.Importance = widget.HighImportance
		}
		text := widget.NewLabel(lang.L("welcome." + key + ".text"))
		text.Wrapping = fyne.TextWrapWord
		card := widget.NewCard("", "", container.NewBorder(nil, b, nil, nil, text))
		// A fixed cell: a wrapping label cannot tell a grid how tall it will be.
		return container.NewGridWrap(fyne.NewSize(356, 160), card)
	}
	options := container.NewGridWithColumns(2,
		option("import", theme.DownloadIcon(), w.act.startImport, true),
		option("example", theme.MediaPlayIcon(), w.act.loadExample, false),
		option("open", theme.FolderOpenIcon(), w.act.openOtherFile, false),
		option("empty", theme.ContentAddIcon(), w.act.startEmpty, false))
	file := widget.NewLabel(lang.L("welcome.file", map[string]any{"File": w.path}))
	file.Importance = widget.LowImportance
	file.Alignment = fyne.TextAlignCenter
	file.Wrapping = fyne.TextWrapBreak

	body := container.NewVBox(container.NewCenter(icon), title,
		container.NewGridWrap(fyne.NewSize(720, 64), intro), options, file)
	width := canvas.NewRectangle(nil)
	width.SetMinSize(fyne.NewSize(720, 0))
	return container.NewCenter(container.NewVBox(width, body))
}

// showWelcome shows the welcome page for the open, empty file.
func (u *ui) showWelcome() {
	u.shell = nil
	page := &welcomePage{act: u, path: u.st.Path()}
	u.win.SetContent(page.view())
}

// startEmpty goes to the staff screen of the empty file.
func (u *ui) startEmpty() { u.showShell("persons") }
