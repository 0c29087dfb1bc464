package app

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// showError shows err as a translated sentence in a dialog.
func showError(win fyne.Window, err error) {
	if err == nil {
		return
	}
	showInfo(win, lang.L("dialog.error.title"), Message(err))
}

// showInfo shows a message with an OK button.
func showInfo(win fyne.Window, title, message string) {
	d := dialog.NewCustom(title, lang.L("button.ok"), wrapped(message, 460), win)
	d.Show()
}

// confirm asks a yes/no question; onYes runs when the user agrees. The
// confirming button says what will happen ("Löschen"), not just "Ja".
func confirm(win fyne.Window, title, message, yes string, onYes func()) dialog.Dialog {
	d := dialog.NewCustomConfirm(title, yes, lang.L("button.cancel"), wrapped(message, 460), func(ok bool) {
		if ok {
			onYes()
		}
	}, win)
	d.Show()
	return d
}

// wrapped is a label for dialog text that wraps at a readable width and
// tells the dialog how tall it is: Fyne sizes a wrapping label as one line.
func wrapped(message string, width float32) fyne.CanvasObject {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	pad := theme.InnerPadding()
	lineHeight := fyne.MeasureText("Ág", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	lines := wrappedLines(message, width-2*pad, func(s string) float32 {
		return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
	})
	return container.NewGridWrap(fyne.NewSize(width, float32(lines)*lineHeight+2*pad), l)
}

// wrappedLines counts the lines text takes when wrapped at word boundaries
// to width, as measured by measure.
func wrappedLines(text string, width float32, measure func(string) float32) int {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		line := ""
		for _, word := range strings.Fields(para) {
			next := word
			if line != "" {
				next = line + " " + word
			}
			if line != "" && measure(next) > width {
				lines++
				next = word
			}
			line = next
		}
	}
	return lines
}

// running counts the background work under way; the application waits for
// it before it closes the file.
var running sync.WaitGroup

// background runs work in a goroutine behind a progress dialog that keeps
// the window responsive; done runs afterwards on the UI thread.
func background(win fyne.Window, message string, work func() error, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(message, container.NewPadded(bar), win)
	d.Show()
	running.Add(1)
	go func() {
		defer running.Done()
		err := work()
		fyne.Do(func() {
			d.Hide()
			done(err)
		})
	}()
}

// chooseFile shows a file-open dialog limited to the given extensions.
func chooseFile(win fyne.Window, exts []string, onChosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(win, err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		onChosen(path)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetTitleText(lang.L("file.open.title"))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// chooseNewFile asks for a folder and then a file name for a new file
// (proposing name); onChosen gets the path. Unlike Fyne's save dialog it
// never truncates an existing file: a name that exists is refused.
func chooseNewFile(win fyne.Window, name string, onChosen func(path string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showError(win, err)
			return
		}
		if dir == nil {
			return
		}
		askFileName(win, dir.Path(), name, onChosen)
	}, win)
	d.SetTitleText(lang.L("file.folder.title"))
	d.SetConfirmText(lang.L("file.folder.choose"))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// askFileName asks for the name of a new file in dir.
func askFileName(win fyne.Window, dir, name string, onChosen func(path string)) {
	entry := widget.NewEntry()
	entry.SetText(name)
	entry.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" || strings.ContainsAny(s, `/\:*?"<>|`) {
			return errors.New(ProblemText(model.Problem{Code: "file_name"}))
		}
		if _, err := os.Stat(filepath.Join(dir, withExtension(s))); err == nil {
			return errors.New(ProblemText(model.Problem{Code: "file_exists"}))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("file.folder"), widget.NewLabel(dir)),
		widget.NewFormItem(lang.L("file.filename"), entry),
	}
	d := dialog.NewForm(lang.L("file.new.title"), lang.L("button.create"), lang.L("button.cancel"), items,
		func(ok bool) {
			if ok {
				onChosen(filepath.Join(dir, withExtension(strings.TrimSpace(entry.Text))))
			}
		}, win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// withExtension adds ".db" to a file name without a database ending.
func withExtension(name string) string {
	if slices.Contains(databaseExtensions, strings.ToLower(filepath.Ext(name))) {
		return name
	}
	return name + ".db"
}

// databaseExtensions are the file endings of Tandem database files.
var databaseExtensions = []string{".db", ".tandem"}

// saveFile asks where to save a file named name and writes it with write in
// the background, behind a progress dialog saying message; a failure is
// shown as a sentence. The file is written whole or not at all: under a
// temporary name next to the target, renamed over it once complete, so a
// failure (a full disk) leaves a file that was there untouched.
func saveFile(win fyne.Window, name, message string, write func(w io.Writer) error) {
	useAtomicFiles()
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(win, err)
			return
		}
		if wc == nil {
			return
		}
		background(win, message, func() error { return saveTo(wc, write) }, func(err error) { showError(win, err) })
	}, win)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// formDialog asks for the form items; onOK runs when the user confirms.
func formDialog(win fyne.Window, title, ok string, items []*widget.FormItem, onOK func()) {
	d := dialog.NewForm(title, ok, lang.L("button.cancel"), items, func(yes bool) {
		if yes {
			onOK()
		}
	}, win)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
}
