package fsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"tandem/fsx"
	"tandem/fsx/fsxtest"
)

// onlyFiles fails unless dir holds exactly the named files.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if e.Name() != "lost+found" {
			got = append(got, e.Name())
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(names) {
		t.Fatalf("%s holds %v, want %v", dir, got, names)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.xlsx")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := fsx.WriteFile(path, write("eins")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "eins" {
		t.Fatalf("the new file holds %q", got)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("a new file gets mode %v, want 0600", fi.Mode().Perm())
	}
	// Replacing a file keeps its permissions.
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := fsx.WriteFile(path, write("zwei")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "zwei" {
		t.Fatalf("the replaced file holds %q", got)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
		t.Errorf("the replaced file has mode %v, want 0640", fi.Mode().Perm())
	}
	// A failing writer leaves the old file as it was and no temporary file.
	full := &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
	err := fsx.WriteFile(path, func(w io.Writer) error {
		_, _ = io.WriteString(w, "halb")
		return full
	})
	if !errors.Is(err, full) || !fsx.DiskFull(err) {
		t.Fatalf("error %v, want the writer's", err)
	}
	if got := readFile(t, path); got != "zwei" {
		t.Fatalf("after a failed write the file holds %q", got)
	}
	onlyFiles(t, dir, "export.xlsx")
	// A folder is not replaced.
	if err := fsx.WriteFile(dir, write("x")); err == nil {
		t.Fatal("a folder was replaced by a file")
	}
}

func TestWriteFileThroughLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "ziel.ics")
	if err := os.WriteFile(target, []byte("alt"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.ics")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := fsx.WriteFile(link, func(w io.Writer) error { _, err := io.WriteString(w, "neu"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got := readFile(t, target); got != "neu" {
		t.Fatalf("the link's target holds %q", got)
	}
}

func TestFileAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	f, err := fsx.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != path {
		t.Errorf("Name %q, want %q", f.Name(), path)
	}
	if _, err := f.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	f.Abort()
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	onlyFiles(t, dir)
}

func TestDiskFull(t *testing.T) {
	if fsx.DiskFull(nil) || fsx.DiskFull(errors.New("no space left on device")) || fsx.DiskFull(os.ErrPermission) {
		t.Error("DiskFull says yes to other errors")
	}
}

// TestWriteFileDiskFull fills a real disk: the write fails as DiskFull,
// the file that was there is untouched and no temporary file is left.
func TestWriteFileDiskFull(t *testing.T) {
	dir := fsxtest.SmallDisk(t, 256<<10)
	path := filepath.Join(dir, "rejected.xlsx")
	if err := os.WriteFile(path, []byte("original"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("Tandem "), 100_000)
	err := fsx.WriteFile(path, func(w io.Writer) error { _, err := w.Write(big); return err })
	if !fsx.DiskFull(err) {
		t.Fatalf("error %v, want a full disk", err)
	}
	if got := readFile(t, path); got != "original" {
		t.Fatalf("the file holds %d bytes, want the original", len(got))
	}
	onlyFiles(t, dir, "rejected.xlsx")
}
