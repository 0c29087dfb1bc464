package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"tandem/model"
)

// Options tune Open.
type Options struct {
	Timeout  time.Duration    // lock wait; 0 means 1 s
	Now      func() time.Time // clock; nil means time.Now
	User     string           // OS user for the audit log; "" means the current OS user
	ReadOnly bool             // open without writing: no migration, shared lock
	// Password opens a password-protected file; its recovery key does too.
	Password string
}

// withDefaults fills in the zero options.
func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.User == "" {
		o.User = osUser()
	}
	return o
}

// osUser names the current operating-system user: from os/user, else from
// $USER or $USERNAME, else "?".
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if name := os.Getenv(v); name != "" {
			return name
		}
	}
	return "?"
}

// Store is an open Tandem file. Its methods are safe for concurrent use;
// each write is one bbolt transaction, synced to disk before it returns.
type Store struct {
	path   string
	opt    Options
	mu     sync.RWMutex // held for writing only while Restore swaps the file
	db     *bbolt.DB
	schema int
	seal   *sealer // the file's sealer when it is protected by a password
	box    []byte  // the stored key box seal was made from
	// recovered tells that the file was opened with its recovery key.
	recovered bool
}

// DefaultPath returns where Tandem keeps its file: %APPDATA%\Tandem on
// Windows, ~/Library/Application Support/Tandem on macOS, and
// $XDG_DATA_HOME/tandem or ~/.local/share/tandem elsewhere.
func DefaultPath() (string, error) {
	const op = "store.DefaultPath"
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", model.E(op, model.IO, err)
		}
		return filepath.Join(dir, "Tandem", "tandem.db"), nil
	}
	if dir := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "tandem", "tandem.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", model.E(op, model.IO, err)
	}
	return filepath.Join(home, ".local", "share", "tandem", "tandem.db"), nil
}

// Open opens the Tandem file at path, creating it (and its folder, 0700)
// when missing, and brings it to the current schema. A file held by another
// Tandem gives Locked after opt.Timeout; a foreign file NotATandemFile; a
// file whose pages cannot be read Damaged; a file of a newer Tandem
// NewerFile. Open never writes to a file it has not first recognised.
func Open(path string, opt Options) (*Store, error) {
	s := &Store{path: path, opt: opt.withDefaults()}
	if err := s.open(); err != nil {
		return nil, err
	}
	return s, nil
}

// open opens s.path into s.db. An existing file is first opened read-only
// and its header checked; only then, unless read-only, it is reopened for
// writing and migrated.
func (s *Store) open() error {
	const op = "store.Open"
	fi, err := os.Stat(s.path)
	switch {
	case err == nil && fi.Size() > 0:
		db, h, err := openChecked(op, s.path, s.opt.Timeout)
		if err == nil {
			err = s.unlock(op, h)
		}
		if err != nil {
			if db != nil {
				_ = db.Close()
			}
			return err
		}
		if s.opt.ReadOnly {
			s.db, s.schema = db, h.schema
			return nil
		}
		if err := db.Close(); err != nil {
			return fileError(op, s.path, model.IO, err)
		}
	case s.opt.ReadOnly:
		_, _, err := openChecked(op, s.path, s.opt.Timeout)
		return err
	case err == nil:
		// An empty file: new, unless backups show that it held data.
		if bs, _ := listBackups(s.path); len(bs) > 0 {
			return fileError(op, s.path, model.Damaged, errors.New("empty file"))
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
			return fileError(op, s.path, model.IO, err)
		}
	default:
		return fileError(op, s.path, model.IO, err)
	}
	db, err := openFile(op, s.path, s.opt.Timeout, false)
	if err != nil {
		return err
	}
	h, err := readHeader(op, s.path, db)
	if err == nil {
		err = s.unlock(op, h)
	}
	if err == nil {
		s.db, s.schema = db, h.schema
		err = s.migrate(!h.fresh)
	}
	if err != nil {
		_ = db.Close()
		s.db = nil
	}
	return err
}

// migrate runs the pending migrations in order, each in its own
// transaction with an audit entry, after a "migration" backup of a file
// that already held data.
func (s *Store) migrate(hasData bool) error {
	const op = "store.Open"
	backedUp := !hasData
	for _, m := range migrations {
		if m.version <= s.schema {
			continue
		}
		if !backedUp {
			if _, err := s.backup("migration"); err != nil {
				return err
			}
			backedUp = true
		}
		err := s.db.Update(func(btx *bbolt.Tx) error {
			tx := s.newTx(btx)
			if err := m.run(tx); err != nil {
				return err
			}
			if err := setSchema(btx, m.version); err != nil {
				return err
			}
			return tx.audit("migrate", "file", 0, fmt.Sprintf("Schema %d: %s", m.version, m.name))
		})
		if err != nil {
			return fileError(op, s.path, ioKind(err), fmt.Errorf("migration %d: %w", m.version, err))
		}
		s.schema = m.version
	}
	return nil
}

// Close closes the file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fileError("store.Close", s.path, model.IO, err)
	}
	return nil
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// Schema returns the file's schema version.
func (s *Store) Schema() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.schema
}

// Batch runs fn in one write transaction: everything fn saves or deletes is
// stored together, or nothing when fn (or the commit) fails. Records saved
// in a failed batch may keep the ids they were given.
func (s *Store) Batch(fn func(tx *Tx) error) error { return s.update(fn) }

// view runs fn in a read transaction.
func (s *Store) view(fn func(*Tx) error) error { return s.run(false, fn) }

// update runs fn in a write transaction, synced to disk on success.
func (s *Store) update(fn func(*Tx) error) error { return s.run(true, fn) }

func (s *Store) run(write bool, fn func(*Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.runLocked(write, fn)
}

// runLocked is run for a caller that holds s.mu.
func (s *Store) runLocked(write bool, fn func(*Tx) error) error {
	if s.db == nil {
		return fileError("store", s.path, model.Other, berrors.ErrDatabaseNotOpen)
	}
	body := func(btx *bbolt.Tx) error { return fn(s.newTx(btx)) }
	var err error
	if write {
		err = s.db.Update(body)
	} else {
		err = s.db.View(body)
	}
	var e *model.Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	return fileError("store", s.path, ioKind(err), err)
}

// writableLocked refuses a closed or read-only store; the caller holds s.mu.
func (s *Store) writableLocked(op string) error {
	if s.db == nil || s.opt.ReadOnly {
		return fileError(op, s.path, model.Other, berrors.ErrDatabaseReadOnly)
	}
	return nil
}

// ioKind is IO for errors of the file system, else Other.
func ioKind(err error) model.Kind {
	var pe *fs.PathError
	var errno syscall.Errno
	if errors.As(err, &pe) || errors.As(err, &errno) {
		return model.IO
	}
	return model.Other
}
