package app

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"tandem/fsx"
	"tandem/model"
)

// Fyne's save dialogs (its own and the system's) open the chosen file with
// storage.Writer, which empties an existing file at once: a failing export
// (a full disk, say) would leave it empty or half-written. Tandem replaces
// Fyne's repository of file: URIs by one whose writers write a temporary
// file next to the target and rename it over the target only when closed
// after a complete write.

// fileRepository is what Fyne's repository of file: URIs can do.
type fileRepository interface {
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// atomicFiles is Fyne's file repository with writers that write whole
// files or nothing.
type atomicFiles struct{ fileRepository }

// Writer starts writing the file at u under a temporary name.
func (r atomicFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	f, err := fsx.Create(u.Path())
	if err != nil {
		return nil, err
	}
	return &atomicWriter{File: f, uri: u}, nil
}

// atomicWriter writes a file under a temporary name; Close puts it in
// place, Abort drops it.
type atomicWriter struct {
	*fsx.File
	uri fyne.URI
}

func (w *atomicWriter) URI() fyne.URI { return w.uri }

// Close puts the file in place; after a failed write it fails and leaves
// the target as it was.
func (w *atomicWriter) Close() error { return w.Commit() }

// useAtomicFiles installs atomicFiles as the repository of file: URIs,
// unless it is already (an app made anew, as in tests, installs Fyne's
// again).
func useAtomicFiles() {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := repo.(atomicFiles); done {
		return
	}
	if files, ok := repo.(fileRepository); ok {
		repository.Register("file", atomicFiles{files})
	}
}

// saveTo writes a file the user chose with write and closes it: whole, or
// — when write or the disk fails — not at all, so that a file that was
// there stays untouched. A failure of the file system is an IO error that
// names the file.
func saveTo(wc fyne.URIWriteCloser, write func(w io.Writer) error) error {
	err := write(wc)
	if a, ok := wc.(interface{ Abort() }); ok && err != nil {
		a.Abort()
	} else if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil && model.KindOf(err) == model.Other {
		e := model.E("save", model.IO, err)
		e.Arg = wc.URI().Path()
		return e
	}
	return err
}
