package app

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/model/store"
)

// passwordPage asks for the password of a protected file: at the start
// (open) and when the idle lock has locked the window. try checks a
// password in the background and returns nil, WrongPassword or another
// error; done runs on the UI thread after a success.
type passwordPage struct {
	entry   *widget.Entry
	problem *fyne.Container // the sentence about a wrong password, when there is one
	button  *widget.Button
	busy    *widget.Activity
	content fyne.CanvasObject
}

// newPasswordPage builds the page: a title, what it is about, the entry,
// the button and, below, the other ways out.
func newPasswordPage(title, message, action string, try func(password string) error,
	done func(), other func(err error), extra ...fyne.CanvasObject) *passwordPage {
	p := &passwordPage{entry: widget.NewPasswordEntry(), problem: container.NewStack(), busy: widget.NewActivity()}
	p.entry.SetPlaceHolder(lang.L("unlock.placeholder"))
	p.busy.Hide()
	submit := func() {
		password := p.entry.Text
		if password == "" {
			return
		}
		p.button.Disable()
		p.entry.Disable()
		p.problem.RemoveAll()
		p.busy.Show()
		p.busy.Start()
		running.Add(1)
		go func() {
			defer running.Done()
			err := try(password) // the key derivation takes about half a second
			fyne.Do(func() {
				p.busy.Stop()
				p.busy.Hide()
				p.button.Enable()
				p.entry.Enable()
				switch model.KindOf(err) {
				case model.WrongPassword:
					p.problem.Add(wrappedWith(Message(err), pageWidth, widget.DangerImportance))
					p.content.Refresh()
					p.entry.SetText("")
					focus(p.entry)
				default:
					if err != nil {
						other(err)
						return
					}
					done()
				}
			})
		}()
	}
	p.entry.OnSubmitted = func(string) { submit() }
	p.button = widget.NewButtonWithIcon(action, theme.LoginIcon(), submit)
	p.button.Importance = widget.HighImportance

	icon := container.NewGridWrap(fyne.NewSize(56, 56), widget.NewIcon(theme.AccountIcon()))
	head := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	head.SizeName = theme.SizeNameHeadingText
	hint := wrappedWith(lang.L("unlock.forgotten"), pageWidth, widget.LowImportance)
	body := container.NewVBox(container.NewCenter(icon), head, wrapped(message, pageWidth),
		p.entry, p.problem, container.NewHBox(p.button, p.busy), hint)
	if len(extra) > 0 {
		body.Add(widget.NewSeparator())
		body.Add(container.NewCenter(container.NewHBox(extra...)))
	}
	p.content = container.NewCenter(body)
	return p
}

// pageWidth is the width of the password page's text.
const pageWidth = 460

// wrappedWith is wrapped with the label's importance (its colour).
func wrappedWith(message string, width float32, importance widget.Importance) fyne.CanvasObject {
	o := wrapped(message, width)
	o.(*fyne.Container).Objects[0].(*widget.Label).Importance = importance
	return o
}

// focus gives the entry the keyboard focus, if it is in a window.
func focus(e *widget.Entry) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// showUnlock asks for the password of the protected file at path and opens
// it with that.
func (u *ui) showUnlock(path string) {
	u.shell = nil
	var st *store.Store // the file the password opened
	p := newPasswordPage(lang.L("unlock.title"),
		lang.L("unlock.message", map[string]any{"File": filepath.Base(path)}), lang.L("unlock.open"),
		func(password string) (err error) {
			st, err = openStore(path, u.now, password)
			return err
		},
		func() { u.opened(path, st) },
		func(err error) { u.showOpenProblem(path, err) },
		widget.NewButtonWithIcon(lang.L("settings.file.open"), theme.FolderOpenIcon(), u.openOtherFile),
		widget.NewButton(lang.L("button.quit"), u.quit))
	u.win.SetContent(p.content)
	u.win.Canvas().Focus(p.entry)
}

// activityWatcher holds the window's content and notes the mouse moving
// over it: Fyne asks every object under the pointer for its cursor.
type activityWatcher struct {
	widget.BaseWidget
	content fyne.CanvasObject
	moved   func()
}

func newActivityWatcher(content fyne.CanvasObject, moved func()) *activityWatcher {
	w := &activityWatcher{content: content, moved: moved}
	w.ExtendBaseWidget(w)
	return w
}

// Cursor notes the movement; the objects inside choose the cursor.
func (w *activityWatcher) Cursor() desktop.Cursor {
	w.moved()
	return desktop.DefaultCursor
}

func (w *activityWatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(w.content)
}

// idleLock locks the window of a protected file after the time set in the
// settings without input, until the password (or the recovery key) is
// entered again. Input is the mouse moving over the window, the keyboard
// focus moving, and the text of the focused entry changing.
type idleLock struct {
	u      *ui
	last   time.Time // the last input seen
	after  time.Duration
	locked bool
	// What the lock covers: the content and the dialogs open at the time.
	content  fyne.CanvasObject
	overlays []fyne.CanvasObject
	focused  fyne.Focusable
	text     string
	stop     chan struct{}
}

// idleTick is how often the lock looks for input.
const idleTick = 5 * time.Second

// startIdleLock watches the window of the open file; a file without a
// password is not locked.
func (u *ui) startIdleLock() {
	u.stopIdleLock()
	if u.st == nil || !u.st.Protected() {
		return
	}
	l := &idleLock{u: u, last: u.now(), stop: make(chan struct{})}
	l.readSetting()
	u.idle = l
	go func() {
		t := time.NewTicker(idleTick)
		defer t.Stop()
		for {
			select {
			case <-l.stop:
				return
			case <-t.C:
				fyne.Do(l.tick)
			}
		}
	}()
}

// stopIdleLock ends the watch of the file being closed.
func (u *ui) stopIdleLock() {
	if u.idle != nil {
		close(u.idle.stop)
		u.idle = nil
	}
}

// activity notes input now.
func (l *idleLock) activity() {
	if !l.locked {
		l.last = l.u.now()
	}
}

// readSetting reads the time from the settings.
func (l *idleLock) readSetting() {
	if st, err := l.u.st.Settings(); err == nil {
		l.after = st.IdleLock()
	}
}

// tick looks for input since the last tick and locks when there was none
// for long enough.
func (l *idleLock) tick() {
	if l.locked || l.u.idle != l { // a tick that was on its way when the file closed
		return
	}
	focused := l.u.win.Canvas().Focused()
	text := ""
	if e, ok := focused.(*widget.Entry); ok {
		text = e.Text
	}
	if focused != l.focused || text != l.text {
		l.focused, l.text = focused, text
		l.activity()
	}
	if l.after > 0 && l.u.now().Sub(l.last) >= l.after {
		l.lock()
	}
}

// lock covers the window: the dialogs are hidden, the content replaced by
// the password page.
func (l *idleLock) lock() {
	c := l.u.win.Canvas()
	l.locked = true
	l.content = l.u.win.Content()
	l.overlays = nil
	for _, o := range c.Overlays().List() {
		if o.Visible() {
			o.Hide()
			l.overlays = append(l.overlays, o)
		}
	}
	st := l.u.st
	p := newPasswordPage(lang.L("lock.title"),
		lang.L("lock.message", map[string]any{"Minutes": int(l.after / time.Minute)}), lang.L("lock.unlock"),
		st.CheckPassword, l.unlock, func(err error) { showError(l.u.win, err) })
	l.u.win.SetContent(p.content)
	l.u.win.Canvas().Focus(p.entry)
}

// unlock shows the window as it was.
func (l *idleLock) unlock() {
	l.locked = false
	l.last = l.u.now()
	l.u.win.SetContent(l.content)
	for _, o := range l.overlays {
		o.Show()
	}
	l.overlays, l.content = nil, nil
}
