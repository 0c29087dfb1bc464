package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// showOpenProblem explains why a file could not be opened and offers what
// can be done: try again (when another window has it open), restore the
// newest good backup (when it is damaged), open or create another file, quit.
func (u *ui) showOpenProblem(path string, err error) {
	u.shell = nil
	icon := widget.NewIcon(theme.WarningIcon())
	iconBox := container.NewGridWrap(fyne.NewSize(64, 64), icon)
	title := widget.NewLabelWithStyle(lang.L("openproblem.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	text := Message(err)
	var buttons []fyne.CanvasObject
	switch model.KindOf(err) {
	case model.Locked:
		retry := widget.NewButtonWithIcon(lang.L("openproblem.retry"), theme.ViewRefreshIcon(), func() { u.open(path) })
		retry.Importance = widget.HighImportance
		buttons = append(buttons, retry)
	case model.Damaged:
		if b, berr := store.NewestGoodBackup(path); berr == nil {
			restore := widget.NewButtonWithIcon(
				lang.L("damaged.offer.button", map[string]any{"Time": formatTime(b.Time)}),
				theme.HistoryIcon(), func() {
					if rerr := store.RestoreFile(path, b); rerr != nil {
						showError(u.win, rerr)
						return
					}
					u.open(path)
				})
			restore.Importance = widget.HighImportance
			buttons = append(buttons, restore)
		} else {
			text += "\n\n" + lang.L("damaged.nobackup")
		}
	}
	if model.KindOf(err) != model.NotFound {
		// A synchronised folder or a network drive may be why the file
		// cannot be opened; a file that is not there yet needs no advice.
		if w := LocationWarning(path); w != "" {
			text += "\n\n" + w
		}
	}
	msg := wrapped(text, 600)
	buttons = append(buttons,
		widget.NewButtonWithIcon(lang.L("settings.file.open"), theme.FolderOpenIcon(), u.openOtherFile),
		widget.NewButtonWithIcon(lang.L("settings.file.new"), theme.FileIcon(), u.newFile),
		widget.NewButton(lang.L("button.quit"), u.quit))

	width := canvas.NewRectangle(nil)
	width.SetMinSize(fyne.NewSize(640, 0))
	body := container.NewVBox(width, container.NewCenter(iconBox), title, container.NewCenter(msg),
		container.NewCenter(container.NewHBox(buttons...)))
	u.win.SetContent(container.NewCenter(body))
}
