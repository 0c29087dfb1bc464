package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"tandem/fsx"
	"tandem/model"
)

// Backup is one backup copy of a Tandem file, named
// "<stem>-20061231-150405-<reason>.db" in the folder "<stem>-backups" next
// to the file.
type Backup struct {
	Path   string
	Time   time.Time
	Reason string // daily, manual, import, migration, restore
	Size   int64
}

// stampLayout is the time in backup and damaged-file names (local time).
const stampLayout = "20060102-150405"

// Rotation keeps the newest backups, the newest of each recent day and the
// newest of each recent ISO week.
const (
	keepNewest = 5
	keepDays   = 14
	keepWeeks  = 8
)

// stem is the file name without folder and extension.
func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// backupDir is the backup folder of the file at path.
func backupDir(path string) string {
	return filepath.Join(filepath.Dir(path), stem(path)+"-backups")
}

// BackupDir returns the folder that holds the file's backups.
func (s *Store) BackupDir() string { return backupDir(s.path) }

// BackupReasons are the reasons the store itself makes backups for; the
// window names each. (Callers of Backup add their own, such as "manual" and
// "import".)
var BackupReasons = []string{"daily", "migration", "restore", "password"}

// validReason accepts short lower-case words.
func validReason(r string) bool {
	return r != "" && len(r) <= 20 && strings.Trim(r, "abcdefghijklmnopqrstuvwxyz") == ""
}

// freeName returns the first name(t), name(t+1s), … that no file has yet,
// and the time it carries. (A name that cannot be looked up is returned as
// it is; writing to it then reports the error.)
func freeName(name func(time.Time) string, t time.Time) (string, time.Time) {
	for {
		if _, err := os.Lstat(name(t)); err != nil {
			return name(t), t
		}
		t = t.Add(time.Second)
	}
}

// Backup makes a consistent copy of the file in the backup folder, then
// rotates the folder. The reason is a lower-case word such as "manual".
func (s *Store) Backup(reason string) (Backup, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, err := s.backup(reason)
	if err == nil {
		err = s.logFile("backup", "Sicherung ("+reason+")")
	}
	return b, err
}

// backup copies the file (bbolt Tx.CopyFile in a read transaction) to a
// temporary name in the backup folder, syncs it and renames it into place.
func (s *Store) backup(reason string) (Backup, error) {
	const op = "store.Backup"
	if !validReason(reason) {
		return Backup{}, failure(op, model.Invalid, "backup", model.Problem{Field: "reason", Code: "choice", Arg: reason})
	}
	if s.db == nil {
		return Backup{}, fileError(op, s.path, model.Other, berrors.ErrDatabaseNotOpen)
	}
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, fileError(op, dir, model.IO, err)
	}
	path, t := freeName(func(t time.Time) string {
		return filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", stem(s.path), t.Format(stampLayout), reason))
	}, s.opt.Now().Local().Truncate(time.Second))
	if err := s.copyTo(op, path); err != nil {
		return Backup{}, err
	}
	b := Backup{Path: path, Time: t, Reason: reason}
	if fi, err := os.Stat(path); err == nil {
		b.Size = fi.Size()
	}
	if all, err := listBackups(s.path); err == nil {
		_, drop := rotate(all)
		for _, d := range drop {
			_ = os.Remove(d.Path) // a backup that cannot be removed now is removed next time
		}
	}
	return b, nil
}

// copyTo writes a consistent copy of the file to path: bbolt's
// Tx.CopyFile in a read transaction to a temporary name next to path,
// synced, then renamed.
func (s *Store) copyTo(op, path string) error {
	tmp := tempPath(path, "copy")
	err := s.db.View(func(btx *bbolt.Tx) error { return btx.CopyFile(tmp, 0o600) })
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fileError(op, path, model.IO, err)
	}
	fsx.SyncDir(filepath.Dir(path))
	return nil
}

// CopyTo writes a consistent copy of the file to path (0600), such as a
// backup the user keeps elsewhere; the backup folder is not touched. The
// open file itself is refused as the target.
func (s *Store) CopyTo(path string) error {
	const op = "store.CopyTo"
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return fileError(op, s.path, model.Other, berrors.ErrDatabaseNotOpen)
	}
	if a, err := os.Stat(path); err == nil {
		if b, err := os.Stat(s.path); err == nil && os.SameFile(a, b) {
			return failure(op, model.Invalid, "backup", model.Problem{Field: "path", Code: "same_file", Arg: path})
		}
	}
	err := s.copyTo(op, path)
	if err == nil {
		err = s.logFile("backup", "Kopie")
	}
	return err
}

// Backups lists the file's backups, newest first.
func (s *Store) Backups() ([]Backup, error) { return listBackups(s.path) }

// listBackups lists the backups of the file at path, newest first,
// ignoring files of other names.
func listBackups(path string) ([]Backup, error) {
	dir := backupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fileError("store.Backups", dir, model.IO, err)
	}
	var bs []Backup
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), stem(path)+"-")
		rest, ok2 := strings.CutSuffix(rest, ".db")
		if !ok || !ok2 || len(rest) < len(stampLayout)+2 || rest[len(stampLayout)] != '-' {
			continue
		}
		t, err := time.ParseInLocation(stampLayout, rest[:len(stampLayout)], time.Local)
		reason := rest[len(stampLayout)+1:]
		info, ierr := e.Info()
		if err != nil || ierr != nil || !validReason(reason) || !info.Mode().IsRegular() {
			continue
		}
		bs = append(bs, Backup{Path: filepath.Join(dir, e.Name()), Time: t, Reason: reason, Size: info.Size()})
	}
	newestFirst(bs)
	return bs, nil
}

// newestFirst sorts backups by time, newest first.
func newestFirst(bs []Backup) {
	slices.SortStableFunc(bs, func(a, b Backup) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
}

// rotate decides which backups to keep: the 5 newest, the newest of each of
// the 14 most recent days with backups, and the newest of each of the 8 most
// recent ISO weeks with backups. Both lists are newest first.
func rotate(backups []Backup) (keep, drop []Backup) {
	bs := slices.Clone(backups)
	newestFirst(bs)
	kept := make([]bool, len(bs))
	for i := range min(keepNewest, len(bs)) {
		kept[i] = true
	}
	newestPer(bs, kept, keepDays, func(t time.Time) string { return t.Format(time.DateOnly) })
	newestPer(bs, kept, keepWeeks, func(t time.Time) string {
		y, w := t.ISOWeek()
		return fmt.Sprint(y, w)
	})
	for i, b := range bs {
		if kept[i] {
			keep = append(keep, b)
		} else {
			drop = append(drop, b)
		}
	}
	return keep, drop
}

// newestPer marks the newest backup of each of the n most recent periods;
// bs is sorted newest first.
func newestPer(bs []Backup, kept []bool, n int, period func(time.Time) string) {
	last := ""
	for i, b := range bs {
		p := period(b.Time)
		if p == last {
			continue
		}
		if n == 0 {
			return
		}
		n--
		last, kept[i] = p, true
	}
}

// DailyBackup makes a "daily" backup unless there is a backup (of any
// reason) from today, and reports whether it made one.
func (s *Store) DailyBackup() (bool, error) {
	bs, err := s.Backups()
	if err != nil {
		return false, err
	}
	today := s.opt.Now().Local().Format(time.DateOnly)
	for _, b := range bs {
		if b.Time.Format(time.DateOnly) == today {
			return false, nil
		}
	}
	_, err = s.Backup("daily")
	return err == nil, err
}

// Restore replaces the file by the backup. The backup is checked and copied
// next to the file (synced) first, then the current state is saved as a
// "restore" backup and the copy renamed over the file. On any failure the
// file stays as it was and the store stays usable.
func (s *Store) Restore(b Backup) error {
	const op = "store.Restore"
	if err := CheckFile(b.Path); err != nil {
		return withOp(op, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writableLocked(op); err != nil {
		return err
	}
	if s.seal != nil { // a protected file does not silently lose its password
		db, h, err := openChecked(op, b.Path, time.Second)
		if err != nil {
			return err
		}
		_ = db.Close()
		if h.box == nil {
			return failure(op, model.Invalid, "backup", model.Problem{Field: "backup", Code: "backup_unprotected"})
		}
	}
	// Copied before the "restore" backup, whose rotation may remove b.
	tmp, err := stage(op, s.path, b.Path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	prev, err := s.backup("restore")
	if err != nil {
		return withOp(op, err)
	}
	if err := s.install(op, tmp); err != nil {
		if s.db == nil { // the restored copy does not open: put the previous state back
			if back, serr := stage(op, s.path, prev.Path); serr == nil {
				_ = s.install(op, back)
				_ = os.Remove(back)
			}
		}
		return err
	}
	return s.logFile("restore", restoreSummary(b))
}

// logFile appends an audit entry about the whole file (not in a read-only
// store); the caller holds s.mu.
func (s *Store) logFile(action, summary string) error {
	if s.opt.ReadOnly {
		return nil
	}
	return s.runLocked(true, func(tx *Tx) error { return tx.audit(action, "file", 0, summary) })
}

// stage copies src to a temporary file next to path, synced to disk, and
// returns its name.
func stage(op, path, src string) (string, error) {
	tmp := tempPath(path, "restore")
	if err := copyFile(tmp, src); err != nil {
		return "", fileError(op, path, model.IO, err)
	}
	return tmp, nil
}

// install closes the file, renames the staged copy over it and reopens it.
// When the rename fails, the old file is reopened.
func (s *Store) install(op, staged string) error {
	if s.db != nil {
		_ = s.db.Close()
		s.db = nil
	}
	err := os.Rename(staged, s.path)
	if err == nil {
		fsx.SyncDir(filepath.Dir(s.path))
	} else {
		err = fileError(op, s.path, model.IO, err)
	}
	if oerr := s.open(); err == nil {
		err = oerr
	}
	return err
}

// restoreSummary describes a restore for the audit log.
func restoreSummary(b Backup) string {
	return "Wiederherstellung aus " + filepath.Base(b.Path)
}

// NewestGoodBackup returns the newest backup of the file at path that
// passes CheckFile; NotFound when there is none.
func NewestGoodBackup(path string) (Backup, error) {
	bs, err := listBackups(path)
	if err != nil {
		return Backup{}, err
	}
	for _, b := range bs {
		if CheckFile(b.Path) == nil {
			return b, nil
		}
	}
	e := model.E("store.NewestGoodBackup", model.NotFound)
	e.Entity, e.Arg = "backup", path
	return Backup{}, e
}

// RestoreFile replaces the closed (damaged) file at path by the backup,
// keeping the old file as "<path>.damaged-<time>". The backup is checked
// first; the copy is synced next to the file and renamed over it.
func RestoreFile(path string, b Backup) error {
	const op = "store.RestoreFile"
	if err := CheckFile(b.Path); err != nil {
		return withOp(op, err)
	}
	tmp, err := stage(op, path, b.Path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if _, err := os.Stat(path); err == nil {
		damaged, _ := freeName(func(t time.Time) string { return path + ".damaged-" + t.Format(stampLayout) }, time.Now())
		if err := copyFile(damaged, path); err != nil {
			return fileError(op, path, model.IO, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fileError(op, path, model.IO, err)
	}
	fsx.SyncDir(filepath.Dir(path))
	s, err := Open(path, Options{})
	if model.KindOf(err) == model.PasswordRequired {
		return nil // restored; the audit entry needs the password, which the window asks next
	}
	if err != nil {
		return withOp(op, err)
	}
	err = s.logFile("restore", restoreSummary(b))
	return withOp(op, errors.Join(err, s.Close()))
}
