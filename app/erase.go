package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// eraseStore is what erasing personal data (Art. 17 GDPR) needs from the
// database.
type eraseStore interface {
	ErasePersons(ids []model.ID) (store.Erasure, error)
}

// confirmErase explains what erasing the personal data of the people
// means — final, figures stay, backups in the backup folder are cleaned,
// copies elsewhere are not — and erases them in the background once the
// user agrees; done runs after the erasure, also when it failed (the file
// may have changed).
func confirmErase(win fyne.Window, st eraseStore, people []model.Person, done func()) {
	if len(people) == 0 {
		return
	}
	var intro string
	if len(people) == 1 {
		intro = lang.L("erase.message.one", map[string]any{"Name": people[0].FullName()})
	} else {
		intro = lang.L("erase.message.other", map[string]any{"Count": len(people)})
	}
	const width = 520
	items := []fyne.CanvasObject{wrapped(intro, width)}
	if len(people) > 1 {
		names := widget.NewList(func() int { return len(people) }, func() fyne.CanvasObject { return widget.NewLabel("") },
			func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(people[i].SortName()) })
		items = append(items, container.NewGridWrap(fyne.NewSize(width, 160), names))
	}
	items = append(items, wrapped(lang.L("erase.message.keep"), width), wrapped(lang.L("erase.message.final"), width))
	ids := make([]model.ID, len(people))
	for i := range people {
		ids[i] = people[i].ID
	}
	d := dialog.NewCustomConfirm(lang.L("erase.title"), lang.L("erase.confirm"), lang.L("button.cancel"),
		container.NewVBox(items...), func(ok bool) {
			if ok {
				erase(win, st, ids, done)
			}
		}, win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// erase erases the persons in the background and says how it went.
func erase(win fyne.Window, st eraseStore, ids []model.ID, done func()) {
	var result store.Erasure
	background(win, lang.L("erase.running"), func() (err error) {
		result, err = st.ErasePersons(ids)
		return err
	}, func(err error) {
		done()
		if err != nil {
			showError(win, err)
			return
		}
		showInfo(win, lang.L("erase.title"), erasedText(result))
	})
}

// erasedText says what an erasure did: the file, the backups cleaned and
// the files that still hold the data, with what to do about them.
func erasedText(e store.Erasure) string {
	lines := []string{lang.L("erase.done")}
	if e.Backups > 0 {
		lines = append(lines, countText("erase.done.backups", e.Backups))
	}
	if len(e.Failed) > 0 {
		files := make([]string, len(e.Failed))
		for i, b := range e.Failed {
			files[i] = b.Path
		}
		lines = append(lines, lang.L("erase.failed", map[string]any{"Files": strings.Join(files, "\n")}))
	}
	return strings.Join(lines, "\n\n")
}
