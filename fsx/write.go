// Package fsx holds the few file-system helpers that the window and the
// command line share: writing a file whole or not at all, recognising a
// full disk, and telling whether a file lies in a folder that a cloud
// service synchronises or on a network drive.
package fsx

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// File is a file being written under a temporary name next to its target.
// Commit puts it in place; Abort (or a failed Commit) removes it, and an
// existing file at the target stays as it was.
type File struct {
	f      *os.File
	target string
	mode   fs.FileMode
	err    error // the first failed write
	done   bool
}

// Create starts writing the file at path. The temporary file is readable
// only by the user; an existing file's permissions are kept on Commit. A
// symbolic link at path is followed, so its target is replaced.
func Create(path string) (*File, error) {
	target := path
	mode := fs.FileMode(0o600)
	if fi, err := os.Lstat(path); err == nil {
		if fi.Mode()&fs.ModeSymlink != 0 {
			if resolved, err := filepath.EvalSymlinks(path); err == nil {
				target = resolved
				if rfi, err := os.Stat(resolved); err == nil {
					fi = rfi
				}
			}
		}
		if fi.IsDir() {
			return nil, &fs.PathError{Op: "create", Path: path, Err: errors.New("is a directory")}
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+"-*.tmp")
	if err != nil {
		return nil, err
	}
	return &File{f: f, target: target, mode: mode}, nil
}

// Name is the path the file gets on Commit.
func (f *File) Name() string { return f.target }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, fs.ErrClosed
	}
	n, err := f.f.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// Commit syncs the temporary file to disk and renames it over the target.
// On failure the temporary file is removed and the target is untouched.
func (f *File) Commit() error {
	if f.done {
		return fs.ErrClosed
	}
	f.done = true
	err := f.err
	if err == nil {
		err = f.f.Sync()
	}
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil && f.mode != 0o600 {
		err = os.Chmod(f.f.Name(), f.mode)
	}
	if err == nil {
		err = os.Rename(f.f.Name(), f.target)
	}
	if err != nil {
		_ = os.Remove(f.f.Name())
		return err
	}
	SyncDir(filepath.Dir(f.target))
	return nil
}

// Abort drops the temporary file; the target stays as it was. It does
// nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	_ = f.f.Close()
	_ = os.Remove(f.f.Name())
}

// WriteFile writes the file at path with write, whole or not at all: into
// a temporary file next to it, synced, then renamed over path. On any error
// (a full disk, say) the temporary file is removed and an existing file at
// path is untouched.
func WriteFile(path string, write func(w io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// SyncDir makes a rename in dir durable where the system allows it
// (Windows cannot sync a folder; the rename is durable there anyway).
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
