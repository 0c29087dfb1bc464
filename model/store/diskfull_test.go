package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"tandem/fsx"
	"tandem/fsx/fsxtest"
	"tandem/model"
)

// TestBackupOnFullDisk fills a small disk with a Tandem file until a backup
// no longer fits: the backup and a copy fail as IO errors that say the disk
// is full, leave no partial file behind, and the file itself stays whole
// and usable.
func TestBackupOnFullDisk(t *testing.T) {
	disk := fsxtest.SmallDisk(t, 3<<20)
	path := filepath.Join(disk, "tandem.db")
	s, err := Open(path, Options{Now: newClock().Now})
	must(t, err)
	defer s.Close()
	var ids []model.ID
	for i := 0; ; i++ {
		var size int64 // the bytes a copy takes
		must(t, s.db.View(func(btx *bbolt.Tx) error { size = btx.Size(); return nil }))
		if size > 1600<<10 {
			break
		}
		if i > 100 {
			t.Fatalf("the file does not grow: %d bytes", size)
		}
		must(t, s.Batch(func(tx *Tx) error {
			for j := range 200 {
				p := newPerson(i*200 + j)
				p.JobTitle = strings.Repeat("Sachbearbeitung ", 20)
				if err := tx.SavePerson(p); err != nil {
					return err
				}
				ids = append(ids, p.ID)
			}
			return nil
		}))
	}

	_, err = s.Backup("manual")
	if e := wantKind(t, err, model.IO); !fsx.DiskFull(e) {
		t.Fatalf("Backup: %v does not say the disk is full", err)
	}
	err = s.CopyTo(filepath.Join(disk, "kopie.db"))
	if e := wantKind(t, err, model.IO); !fsx.DiskFull(e) {
		t.Fatalf("CopyTo: %v does not say the disk is full", err)
	}
	entries, err := os.ReadDir(disk)
	must(t, err)
	for _, e := range entries {
		if e.Name() != "tandem.db" && e.Name() != s.BackupDir()[len(disk)+1:] {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if bs, err := s.Backups(); err != nil || len(bs) != 0 {
		t.Errorf("backups after the failure: %v, %v", bs, err)
	}
	if entries, _ := os.ReadDir(s.BackupDir()); len(entries) != 0 {
		t.Errorf("the backup folder holds %d files", len(entries))
	}

	must(t, s.Check())
	ps, err := s.Persons()
	must(t, err)
	if len(ps) != len(ids) {
		t.Fatalf("%d persons, want %d", len(ps), len(ids))
	}
	must(t, s.Close())
	must(t, CheckFile(path))
}
