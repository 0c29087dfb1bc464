package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"tandem/fsx"
	"tandem/fsx/fsxtest"
	"tandem/model"
	"tandem/model/store"
)

// damagedFile makes a file with two persons and a good backup, then a
// third person and a newer backup that is itself damaged; it closes the
// file and returns it with the good backup.
func damagedFile(t *testing.T) (string, store.Backup) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tandem.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	savePeople(t, st, model.Person{FirstName: "Anna", LastName: "Schulz"}, model.Person{FirstName: "Ben", LastName: "Weber"})
	good, err := st.Backup("manual")
	if err != nil {
		t.Fatal(err)
	}
	savePeople(t, st, model.Person{FirstName: "Clara", LastName: "Yilmaz"})
	bad, err := st.Backup("manual")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(bad.Path, 4096); err != nil {
		t.Fatal(err)
	}
	return path, good
}

// personCount is the number of persons in the open file.
func personCount(t *testing.T, u *ui) int {
	t.Helper()
	if u.st == nil {
		t.Fatal("no file is open")
	}
	c, err := u.st.Counts()
	if err != nil {
		t.Fatal(err)
	}
	return c.Persons
}

// TestTruncatedFileAtStartOffersNewestGoodBackup opens a file cut short: the
// window explains it, offers the newest backup that is whole (not the
// newer, damaged one) and, when asked, restores it and opens the file,
// keeping the damaged file next to it.
func TestTruncatedFileAtStartOffersNewestGoodBackup(t *testing.T) {
	path, good := damagedFile(t)
	// The file is longer than its pages (it grows in steps of 1 MB): keep
	// only the two meta pages.
	if err := os.Truncate(path, 8192); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.open(path)
	if u.st != nil || !hasText(t, u.win, lang.L("openproblem.title")) {
		t.Fatal("a truncated file is not explained")
	}
	if !hasTextContaining(t, u.win, "beschädigt") {
		t.Fatal("the explanation does not say the file is damaged")
	}
	tapButton(t, u.win, lang.L("damaged.offer.button", map[string]any{"Time": formatTime(good.Time)}))
	running.Wait()
	if n := personCount(t, u); n != 2 {
		t.Fatalf("%d persons after restoring, want the backup's 2", n)
	}
	if err := u.st.Check(); err != nil {
		t.Fatal(err)
	}
	if kept, _ := filepath.Glob(path + ".damaged-*"); len(kept) != 1 {
		t.Fatalf("damaged copies kept: %v", kept)
	}
}

// TestGarbledFileAtStartOffersNewestGoodBackup opens a file whose records
// are garbled: it opens, its check finds the damage, and the window offers
// the newest good backup.
func TestGarbledFileAtStartOffersNewestGoodBackup(t *testing.T) {
	path, good := damagedFile(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	garbled := bytes.ReplaceAll(data, []byte(`"firstName":"Anna"`), []byte(`"firstName":#Anna"`))
	if bytes.Equal(garbled, data) {
		t.Fatal("the record is not in the file")
	}
	if err := os.WriteFile(path, garbled, 0o600); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.open(path)
	running.Wait()
	offer := lang.L("damaged.offer", map[string]any{"Time": formatTime(good.Time)})
	if !hasText(t, u.win, lang.L("damaged.title")) || !hasTextContaining(t, u.win, offer) {
		t.Fatal("the damage found by the check is not shown with the offer of the good backup")
	}
	tapButton(t, u.win, lang.L("damaged.restore"))
	running.Wait()
	if n := personCount(t, u); n != 2 {
		t.Fatalf("%d persons after restoring, want the backup's 2", n)
	}
	if err := u.st.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestDiskFullMessage: a full disk is named as the cause, whatever layer
// reports it.
func TestDiskFullMessage(t *testing.T) {
	newTestApp(t)
	full := &os.PathError{Op: "write", Path: "/x/export.xlsx", Err: syscall.ENOSPC}
	want := lang.L("error.disk_full")
	for _, err := range []error{full, model.E("store.Backup", model.IO, full), model.E("save", model.Other, full)} {
		if got := Message(err); got != want {
			t.Errorf("Message(%v) = %q", err, got)
		}
	}
	if got := Message(model.E("save", model.IO, os.ErrPermission)); got == want {
		t.Error("a refused permission is reported as a full disk")
	}
	if !strings.Contains(want, "Platz") {
		t.Errorf("the message does not mention the space: %q", want)
	}
}

// writeChosen writes a file as saveFile does once the user has chosen it:
// through Fyne's storage, as the save dialog opens it.
func writeChosen(t *testing.T, path string, write func(io.Writer) error) error {
	t.Helper()
	useAtomicFiles()
	wc, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return saveTo(wc, write)
}

// dirNames lists a folder.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestSaveKeepsTheOriginalOnFailure: a file saved over an existing one
// replaces it only once written completely; a failing write leaves it as
// it was, and no temporary file.
func TestSaveKeepsTheOriginalOnFailure(t *testing.T) {
	newTestApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "Export.xlsx")
	if err := os.WriteFile(path, []byte("original"), 0o600); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("the export broke off")
	err := writeChosen(t, path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half of it"); err != nil {
			return err
		}
		return broken
	})
	var e *model.Error
	if !errors.Is(err, broken) || !errors.As(err, &e) || e.Kind != model.IO || e.Arg != path {
		t.Fatalf("error %#v, want an IO error naming the file", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "original" {
		t.Fatalf("after a failed save the file holds %q", got)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"Export.xlsx"}) {
		t.Fatalf("the folder holds %v", names)
	}
	if err := writeChosen(t, path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("after saving the file holds %q", got)
	}
}

// TestSaveOnFullDisk fills a real disk while saving over a file: the
// message says the disk is full, the file is untouched and no temporary
// file is left.
func TestSaveOnFullDisk(t *testing.T) {
	newTestApp(t)
	dir := fsxtest.SmallDisk(t, 256<<10)
	path := filepath.Join(dir, "Fehlerliste.xlsx")
	if err := os.WriteFile(path, []byte("original"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := writeChosen(t, path, func(w io.Writer) error {
		_, err := w.Write(bytes.Repeat([]byte("Zeile "), 100_000))
		return err
	})
	if !fsx.DiskFull(err) || Message(err) != lang.L("error.disk_full") {
		t.Fatalf("error %v (%q), want a full disk", err, Message(err))
	}
	if got, _ := os.ReadFile(path); string(got) != "original" {
		t.Fatalf("the file holds %d bytes, want the original", len(got))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"Fehlerliste.xlsx"}) {
		t.Fatalf("the disk holds %v", names)
	}
}

// TestLocationWarning opens a file in a Dropbox folder: the window warns
// with the reason, and not again once the user has accepted it for this
// file. A file on this computer gets no warning.
func TestLocationWarning(t *testing.T) {
	u := newTestUI(t)
	local := filepath.Join(t.TempDir(), "lokal.db")
	if w := LocationWarning(local); w != "" {
		t.Fatalf("a local file gets the warning %q", w)
	}
	path := filepath.Join(t.TempDir(), "Dropbox", "HR", "tandem.db")
	u.open(path)
	running.Wait()
	if !hasText(t, u.win, lang.L("location.title")) || !hasTextContaining(t, u.win, "Dropbox synchronisiert") ||
		!hasTextContaining(t, u.win, "tandem-backups") {
		t.Fatal("no warning about the Dropbox folder")
	}
	var accept *widget.Check
	for _, o := range everything(u.win) {
		walk(t, o, func(o fyne.CanvasObject) {
			if c, ok := o.(*widget.Check); ok && c.Text == lang.L("location.accept") {
				accept = c
			}
		})
	}
	if accept == nil {
		t.Fatal("no choice to accept the location")
	}
	accept.SetChecked(true)
	tapButton(t, u.win, lang.L("button.ok"))
	u.open(path)
	running.Wait()
	if hasText(t, u.win, lang.L("location.title")) {
		t.Fatal("the warning comes again after it was accepted")
	}
}

// TestStaleScratchFolders: at the start Tandem removes the document folders
// of Tandems that no longer run, and only those.
func TestStaleScratchFolders(t *testing.T) {
	tmp := t.TempDir()
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, tmp)
	}
	if os.TempDir() != tmp {
		t.Skip("the temporary folder cannot be moved here")
	}
	// A process that has ended: its id is free.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	folder := func(pid int) string { return scratchPrefix + strconv.Itoa(pid) + "-123" }
	for _, name := range []string{folder(dead), folder(os.Getpid()), folder(os.Getppid()), "tandem-other", "tandem-documents-x-1"} {
		if err := os.MkdirAll(filepath.Join(tmp, name), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, name, "Vereinbarung.pdf"), []byte("%PDF-"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleScratch()
	want := []string{folder(os.Getpid()), folder(os.Getppid()), "tandem-documents-x-1", "tandem-other"}
	slices.Sort(want)
	if got := dirNames(t, tmp); !slices.Equal(got, want) {
		t.Fatalf("left %v, want %v", got, want)
	}

	// The folder of this run carries its process id and goes at the end.
	removeScratch()
	t.Cleanup(removeScratch)
	path, err := scratchFile("Urkunde.pdf", []byte("%PDF-"))
	if err != nil {
		t.Fatal(err)
	}
	if pid, ok := scratchOwner(filepath.Base(filepath.Dir(path))); !ok || pid != os.Getpid() {
		t.Fatalf("scratch folder %s does not name this process", filepath.Dir(path))
	}
	removeScratch()
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatal("the scratch folder survived removeScratch")
	}
}
