package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
	"tandem/reports"
)

// printer makes the documents of the open file. It renders a PDF in the
// background behind a progress bar, keeps it in Tandem's private temporary
// folder and opens it in the system's PDF viewer, from where HR prints it;
// "Speichern unter …" keeps a copy.
type printer struct {
	win      fyne.Window
	today    func() model.Date
	settings func() (model.Settings, error)
}

// render writes a document; progress may be called with (done, total).
type render func(w io.Writer, opt reports.Options, progress func(done, total int)) error

// options are the document options for today, the interface language and
// the file's company settings.
func (p *printer) options() (reports.Options, error) {
	s, err := p.settings()
	return reports.Options{Lang: Language(), Today: p.today(), Settings: s}, err
}

// print renders the document name (a file name without folder) in the
// background and opens it. done runs afterwards in the window with the
// path of the PDF, only when the document was made.
func (p *printer) print(name, message string, r render, done func(path string)) {
	opt, err := p.options()
	if err != nil {
		showError(p.win, err)
		return
	}
	var path string
	withProgress(p.win, message, func(progress func(done, total int)) error {
		var buf bytes.Buffer
		if err := r(&buf, opt, progress); err != nil {
			return err
		}
		var err error
		path, err = scratchFile(name, buf.Bytes())
		return err
	}, func(err error) {
		if err != nil {
			showError(p.win, err)
			return
		}
		if done != nil {
			done(path)
		}
		p.opened(path)
	})
}

// opened opens the PDF in the system's viewer and offers to save a copy.
func (p *printer) opened(path string) {
	if err := openFile(path); err != nil {
		showError(p.win, model.E("open", model.IO, err))
	}
	text := wrapped(lang.L("documents.opened"), 420)
	d := dialog.NewCustom(lang.L("documents.ready"), lang.L("button.close"), text, p.win)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("documents.open.again"), func() {
			if err := openFile(path); err != nil {
				showError(p.win, model.E("open", model.IO, err))
			}
		}),
		widget.NewButton(lang.L("documents.saveAs"), func() {
			d.Hide()
			p.saveCopy(path)
		}),
		widget.NewButton(lang.L("button.close"), d.Hide),
	})
	d.Show()
}

// saveCopy asks where to keep a copy of the document at path.
func (p *printer) saveCopy(path string) {
	saveFile(p.win, filepath.Base(path), lang.L("documents.saving"), func(w io.Writer) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
}

// withProgress runs work in the background behind a progress bar that
// fills as work reports (done, total); done gets work's error.
func withProgress(win fyne.Window, message string, work func(progress func(done, total int)) error, done func(error)) {
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons(message, container.NewPadded(bar), win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	var mu sync.Mutex
	shown := -1.0
	progress := func(n, total int) {
		if total <= 0 {
			return
		}
		v := float64(n) / float64(total)
		mu.Lock()
		step := v-shown >= 0.02 || n == total
		if step {
			shown = v
		}
		mu.Unlock()
		if step {
			fyne.Do(func() { bar.SetValue(v) })
		}
	}
	running.Add(1)
	go func() {
		defer running.Done()
		err := work(progress)
		fyne.Do(func() {
			d.Hide()
			done(err)
		})
	}()
}

// scratch is Tandem's private temporary folder for documents opened in
// other programs. It is created on first use, readable only by the user,
// named after the process ("tandem-documents-<pid>-<random>"), and removed
// when Tandem closes, so no personal data is left behind; the folder of a
// Tandem that crashed is removed when Tandem starts the next time.
var scratch struct {
	sync.Mutex
	dir string
}

// scratchPrefix starts the name of every scratch folder.
const scratchPrefix = "tandem-documents-"

// scratchFile writes data to a new file named name in the scratch folder
// and returns its path; an existing name gets a number added.
func scratchFile(name string, data []byte) (string, error) {
	scratch.Lock()
	defer scratch.Unlock()
	if scratch.dir == "" {
		dir, err := os.MkdirTemp("", scratchPrefix+strconv.Itoa(os.Getpid())+"-")
		if err != nil {
			return "", model.E("write", model.IO, err)
		}
		scratch.dir = dir
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(safeFileName(name), ext)
	path := filepath.Join(scratch.dir, stem+ext)
	for i := 2; ; i++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			path = filepath.Join(scratch.dir, stem+" ("+strconv.Itoa(i)+")"+ext)
			continue
		}
		if err != nil {
			return "", model.E("write", model.IO, err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
			return "", model.E("write", model.IO, err)
		}
		return path, nil
	}
}

// removeScratch removes the scratch folder with everything in it.
func removeScratch() {
	scratch.Lock()
	defer scratch.Unlock()
	if scratch.dir != "" {
		if err := os.RemoveAll(scratch.dir); err != nil {
			fyne.LogError("removing temporary documents", err)
		}
		scratch.dir = ""
	}
}

// removeStaleScratch removes the scratch folders that Tandems which no
// longer run have left behind (after a crash, or when a viewer still held
// a document open at the end). Folders of a Tandem still running stay.
func removeStaleScratch() {
	entries, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ok := scratchOwner(e.Name())
		if !ok || !e.IsDir() || pid == os.Getpid() || processRuns(pid) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(os.TempDir(), e.Name())); err != nil {
			fyne.LogError("removing temporary documents of an earlier run", err)
		}
	}
}

// scratchOwner is the process id in the name of a scratch folder.
func scratchOwner(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, scratchPrefix)
	if !ok {
		return 0, false
	}
	pid, random, ok := strings.Cut(rest, "-")
	n, err := strconv.Atoi(pid)
	if !ok || err != nil || n <= 0 || random == "" {
		return 0, false
	}
	return n, true
}

// processRuns reports whether a process with the id runs (when in doubt,
// that it does).
func processRuns(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false // Windows: there is no such process
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// safeFileName replaces the characters file systems refuse in a name.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, name)
}
