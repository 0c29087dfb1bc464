package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"tandem/model"
)

// boltMagic starts the meta page of every bbolt file (at byte 16).
const boltMagic = 0xED0CDAED

var errStop = errors.New("stop")

// fileError is an error about the file at path.
func fileError(op, path string, kind model.Kind, err error) error {
	e := model.E(op, kind, err)
	e.Arg = path
	return e
}

// openError classifies an error of bbolt.Open. An error that is not the
// file system's means bbolt refused the content (such as "file size too
// small").
func openError(op, path string, err error) error {
	kind := ioKind(err)
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		kind = model.Locked
	case errors.Is(err, berrors.ErrInvalid):
		kind = foreignOr(path, model.NotATandemFile)
	case errors.Is(err, berrors.ErrVersionMismatch):
		kind = model.NotATandemFile
	case errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
		kind = model.Damaged
	case errors.Is(err, fs.ErrNotExist):
		kind = model.NotFound
	case kind == model.Other:
		kind = foreignOr(path, model.NotATandemFile)
	}
	return fileError(op, path, kind, err)
}

// foreignOr decides between NotATandemFile and Damaged for a file bbolt
// cannot read: a file that starts like a bbolt file, or one that has Tandem
// backups next to it, is a damaged Tandem file; anything else is foreign
// and reported as kind.
func foreignOr(path string, kind model.Kind) model.Kind {
	if bs, _ := listBackups(path); len(bs) > 0 {
		return model.Damaged
	}
	f, err := os.Open(path)
	if err != nil {
		return kind
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err == nil && binary.LittleEndian.Uint32(head[16:]) == boltMagic {
		return model.Damaged
	}
	return kind
}

// guard turns a panic of bbolt on a damaged file (including a memory fault
// in the mapped file, made a panic by debug.SetPanicOnFault) into an error
// in *err, and restores the fault setting: Damaged, or for a file bbolt did
// not recognise (kind NotATandemFile) the kind foreignOr decides. Use it as
//
//	defer guard(op, path, model.Damaged, &err, debug.SetPanicOnFault(true))
func guard(op, path string, kind model.Kind, err *error, panicOnFault bool) {
	if r := recover(); r != nil {
		*err = fileError(op, path, foreignOr(path, kind), fmt.Errorf("unreadable pages: %v", r))
	}
	debug.SetPanicOnFault(panicOnFault)
}

// openFile opens the bbolt file at path, waiting at most timeout for the
// lock, and classifies what goes wrong.
func openFile(op, path string, timeout time.Duration, readOnly bool) (db *bbolt.DB, err error) {
	var file *os.File
	defer func() {
		if db == nil && file != nil {
			_ = file.Close() // after a panic: release the lock bbolt took
		}
	}()
	defer guard(op, path, model.NotATandemFile, &err, debug.SetPanicOnFault(true))
	// The free list is loaded here, where guard recovers, not later in
	// bbolt's check goroutine.
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: timeout, ReadOnly: readOnly, PreLoadFreelist: true,
		InitialMmapSize: initialMmapSize(), OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		}})
	if err != nil {
		return nil, openError(op, path, err)
	}
	db.AllocSize = allocSize
	return db, nil
}

// initialMmapSize is the address space mapped at the start. A transaction
// that outgrows the mapping makes bbolt remap and copy every page it has
// changed so far; with 64 MB mapped, even a large import does that once or
// never (an import of 100 000 people allocated 1.1 GB for it without).
// Mapping beyond the end of the file costs nothing on Unix; on Windows the
// file would grow to the mapped size, so there bbolt keeps its default.
func initialMmapSize() int {
	if runtime.GOOS == "windows" {
		return 0
	}
	return 64 << 20
}

// allocSize is the step in which the file grows once the mapping is larger
// than the file: small, so that a small file stays small on disk and on a
// USB stick (bbolt's 16 MB default made even an empty file 16 MB).
const allocSize = 1 << 20

// header is what the meta bucket says about a file.
type header struct {
	schema int
	fresh  bool   // no buckets at all: a new file
	box    []byte // the key box of a password-protected file; nil when none
}

// readHeader checks that the file is a whole Tandem file of a schema this
// program knows and returns its header. It reads every page of every bucket
// (about 1 ms for 10 000 persons), so that damaged pages are found here and
// not by a panic in later work.
func readHeader(op, path string, db *bbolt.DB) (h header, err error) {
	defer guard(op, path, model.Damaged, &err, debug.SetPanicOnFault(true))
	err = db.View(func(btx *bbolt.Tx) error {
		if p := truncated(path, btx); p != "" {
			return fileError(op, path, model.Damaged, errors.New(p))
		}
		var c checker
		if c.headers(path, btx); c.total > 0 {
			return c.err(op, path)
		}
		readAll(btx.Cursor())
		meta := btx.Bucket(bucketMeta)
		if meta == nil {
			h.fresh = btx.ForEach(func([]byte, *bbolt.Bucket) error { return errStop }) == nil
			if !h.fresh {
				return fileError(op, path, model.NotATandemFile, errors.New("no Tandem marker"))
			}
			return nil
		}
		if string(meta.Get(keyApp)) != appMarker {
			return fileError(op, path, model.NotATandemFile, errors.New("no Tandem marker"))
		}
		h.schema = schemaOf(meta)
		h.box = bytes.Clone(meta.Get(keyBoxName))
		if h.schema > SchemaVersion {
			return fileError(op, path, model.NewerFile, fmt.Errorf("schema %d, this program knows %d", h.schema, SchemaVersion))
		}
		return nil
	})
	return h, err
}

// truncated describes a file shorter than its pages ("" when it is not);
// reading such pages would fault.
func truncated(path string, btx *bbolt.Tx) string {
	fi, err := os.Stat(path)
	if err != nil {
		return err.Error()
	}
	if fi.Size() < btx.Size() {
		return fmt.Sprintf("file has %d bytes, its pages need %d: truncated", fi.Size(), btx.Size())
	}
	return ""
}

// openChecked opens an existing file read-only and checks its header: the
// way CheckFile, Inspect and Open's first look see a file.
func openChecked(op, path string, timeout time.Duration) (*bbolt.DB, header, error) {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, header{}, openError(op, path, err)
	case fi.Size() == 0:
		return nil, header{}, fileError(op, path, foreignOr(path, model.NotATandemFile), errors.New("empty file"))
	}
	db, err := openFile(op, path, timeout, true)
	if err != nil {
		return nil, header{}, err
	}
	h, err := readHeader(op, path, db)
	if err != nil {
		_ = db.Close()
		return nil, header{}, err
	}
	return db, h, nil
}

// copyFile copies src to a new file dst (0600) and syncs it to disk.
func copyFile(dst, src string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err = io.Copy(out, in); err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(dst)
	}
	return err
}

// syncFile flushes a file to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// tempPath returns a free name for a temporary file next to path.
func tempPath(path, purpose string) string {
	return filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.%s-%d.tmp", filepath.Base(path), purpose, time.Now().UnixNano()))
}
