package app

import (
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
	"tandem/reports"
)

// passwordStore is what the password settings need from the database.
type passwordStore interface {
	Path() string
	Settings() (model.Settings, error)
	SaveSettings(s *model.Settings) error
	Protected() bool
	Recovered() bool
	SetPassword(password string) (string, error)
	ChangePassword(current, password string) error
	RemovePassword(current string) error
}

// passwordCard is the part of Einstellungen that protects the file with a
// password: set, change or remove it, and when the window locks.
type passwordCard struct {
	st      passwordStore
	win     fyne.Window
	changed func() // after the protection or the lock time changed
	print   *printer

	status  *widget.Label
	set     *widget.Button
	change  *widget.Button
	remove  *widget.Button
	lock    *widget.Select
	content fyne.CanvasObject
}

func newPasswordCard(st passwordStore, win fyne.Window, today func() model.Date, changed func()) *passwordCard {
	c := &passwordCard{st: st, win: win, changed: changed,
		print: &printer{win: win, today: today, settings: st.Settings}}
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.set = widget.NewButtonWithIcon(lang.L("password.set"), theme.AccountIcon(), c.onSet)
	c.change = widget.NewButton(lang.L("password.change"), c.onChange)
	c.remove = widget.NewButton(lang.L("password.remove"), c.onRemove)
	c.lock = widget.NewSelect(lockNames(), func(string) { c.onLock() })
	lockRow := container.NewHBox(widget.NewLabel(lang.L("password.lock")),
		container.NewGridWrap(fyne.NewSize(280, c.lock.MinSize().Height), c.lock))
	c.content = widget.NewCard(lang.L("password.title"), lang.L("password.hint"), container.NewVBox(c.status,
		container.NewHBox(c.set, c.change, c.remove), lockRow))
	return c
}

// lockValues are the idle lock's choices in the order shown: the minutes,
// then never.
func lockValues() []int { return append(append([]int(nil), model.LockChoices...), model.NeverLock) }

func lockNames() []string {
	var names []string
	for _, m := range lockValues() {
		if m == model.NeverLock {
			names = append(names, lang.L("password.lock.never"))
		} else {
			names = append(names, lang.L("password.lock.minutes", map[string]any{"Minutes": m}))
		}
	}
	return names
}

// show brings the card up to date with the file.
func (c *passwordCard) show() {
	protected := c.st.Protected()
	if protected {
		c.status.SetText(lang.L("password.status.on"))
		c.set.Hide()
		c.change.Show()
		c.remove.Show()
		c.lock.Enable()
	} else {
		c.status.SetText(lang.L("password.status.off"))
		c.set.Show()
		c.change.Hide()
		c.remove.Hide()
		c.lock.Disable()
	}
	minutes := model.DefaultLockMinutes
	if st, err := c.st.Settings(); err == nil && st.LockMinutes != 0 {
		minutes = st.LockMinutes
	}
	for i, m := range lockValues() {
		if m == minutes {
			c.lock.OnChanged = nil
			c.lock.SetSelectedIndex(i)
			c.lock.OnChanged = func(string) { c.onLock() }
		}
	}
}

// onLock saves the chosen lock time.
func (c *passwordCard) onLock() {
	i := c.lock.SelectedIndex()
	if i < 0 {
		return
	}
	minutes := lockValues()[i]
	if _, err := updateSettings(c.st, func(st *model.Settings) { st.LockMinutes = minutes }); err != nil {
		showError(c.win, err)
		return
	}
	c.changed()
}

// newPasswordEntries returns the entries of a new password and its
// repetition, each checked as it is typed.
func newPasswordEntries() (password, repeat *widget.Entry) {
	password, repeat = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	password.Validator = func(s string) error {
		if utf8.RuneCountInString(s) < store.MinPasswordLength {
			return errors.New(ProblemText(model.Problem{Code: "password_short", Arg: strconv.Itoa(store.MinPasswordLength)}))
		}
		return nil
	}
	repeat.Validator = func(s string) error {
		if s != password.Text {
			return errors.New(lang.L("password.mismatch"))
		}
		return nil
	}
	password.OnChanged = func(string) { _ = repeat.Validate() }
	return password, repeat
}

// onSet asks for a new password, protects the file with it and shows the
// recovery key.
func (c *passwordCard) onSet() {
	password, repeat := newPasswordEntries()
	items := []*widget.FormItem{
		{Widget: wrapped(lang.L("password.set.explain"), 440)},
		{Text: lang.L("password.new"), Widget: password, HintText: lang.L("password.new.hint", map[string]any{"Min": store.MinPasswordLength})},
		{Text: lang.L("password.repeat"), Widget: repeat},
	}
	formDialog(c.win, lang.L("password.set.title"), lang.L("password.set.ok"), items, func() {
		var recovery string
		background(c.win, lang.L("password.set.running"), func() error {
			var err error
			recovery, err = c.st.SetPassword(password.Text)
			return err
		}, func(err error) {
			c.show()
			if err != nil {
				showError(c.win, err)
				if recovery == "" { // not protected
					return
				}
			}
			c.changed()
			c.showRecoveryKey(recovery) // the file is protected: its key must be shown
		})
	})
}

// showRecoveryKey shows the recovery key once, with the sheet to print.
func (c *passwordCard) showRecoveryKey(key string) {
	keyLabel := widget.NewLabelWithStyle(key, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	keyLabel.SizeName = theme.SizeNameSubHeadingText
	var d dialog.Dialog
	printSheet := widget.NewButtonWithIcon(lang.L("password.recovery.print"), theme.DocumentPrintIcon(), func() {
		path := c.st.Path()
		c.print.print(lang.L("password.recovery.file"), lang.L("password.recovery.printing"),
			func(w io.Writer, opt reports.Options, _ func(int, int)) error {
				return reports.RecoverySheet(w, opt, path, key)
			}, nil)
	})
	printSheet.Importance = widget.HighImportance
	done := widget.NewButton(lang.L("password.recovery.done"), func() { d.Hide() })
	body := container.NewVBox(wrapped(lang.L("password.recovery.explain"), 520), keyLabel,
		container.NewCenter(container.NewHBox(printSheet, done)))
	d = dialog.NewCustomWithoutButtons(lang.L("password.recovery.title"), body, c.win)
	d.Show()
}

// onChange asks for the current and a new password; after opening with
// the recovery key only for the new one.
func (c *passwordCard) onChange() {
	current := widget.NewPasswordEntry()
	password, repeat := newPasswordEntries()
	var items []*widget.FormItem
	if !c.st.Recovered() {
		items = append(items, &widget.FormItem{Text: lang.L("password.current"), Widget: current})
	}
	items = append(items,
		&widget.FormItem{Text: lang.L("password.new"), Widget: password, HintText: lang.L("password.new.hint", map[string]any{"Min": store.MinPasswordLength})},
		&widget.FormItem{Text: lang.L("password.repeat"), Widget: repeat})
	formDialog(c.win, lang.L("password.change.title"), lang.L("password.change.ok"), items, func() {
		c.apply("password.change", func() error { return c.st.ChangePassword(current.Text, password.Text) })
	})
}

// onRemove asks for the password and takes the protection off.
func (c *passwordCard) onRemove() {
	current := widget.NewPasswordEntry()
	items := []*widget.FormItem{{Widget: wrapped(lang.L("password.remove.explain"), 440)}}
	if !c.st.Recovered() {
		items = append(items, &widget.FormItem{Text: lang.L("password.current"), Widget: current})
	}
	formDialog(c.win, lang.L("password.remove.title"), lang.L("password.remove.ok"), items, func() {
		c.apply("password.remove", func() error { return c.st.RemovePassword(current.Text) })
	})
}

// apply runs a change of the protection in the background behind the
// message key+".running", then says key+".done" (under key+".title") or
// what went wrong.
func (c *passwordCard) apply(key string, work func() error) {
	background(c.win, lang.L(key+".running"), work, func(err error) {
		c.show()
		if err != nil {
			showError(c.win, err)
			return
		}
		c.changed()
		showInfo(c.win, lang.L(key+".title"), lang.L(key+".done"))
	})
}

// askNewPassword follows an opening with the recovery key: the user sets
// a new password (or keeps the old one, which is then still unknown).
func askNewPassword(st passwordStore, win fyne.Window, today func() model.Date, changed func()) {
	c := newPasswordCard(st, win, today, changed)
	confirm(win, lang.L("password.recovered.title"), lang.L("password.recovered.message"),
		lang.L("password.change.ok"), c.onChange)
}
