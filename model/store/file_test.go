package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// rawFile writes a bbolt file at path with fn and closes it.
func rawFile(t *testing.T, path string, fn func(*bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	must(t, err)
	must(t, db.Update(fn))
	must(t, db.Close())
}

// closedStore makes a file with n persons and a "manual" backup, closes it
// and returns its path and the backup.
func closedStore(t *testing.T, n int) (string, Backup) {
	t.Helper()
	s, _ := openTest(t)
	fill(t, s, n)
	b, err := s.Backup("manual")
	must(t, err)
	must(t, s.Close())
	return s.Path(), b
}

func TestOpenNewFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neu", "ordner", "tandem.db")
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	if s.Schema() != SchemaVersion || s.Path() != path {
		t.Fatalf("schema %d path %s", s.Schema(), s.Path())
	}
	must(t, s.db.View(func(btx *bbolt.Tx) error {
		for _, name := range allBuckets() {
			if btx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		return nil
	}))
	if runtime.GOOS != "windows" {
		for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700 | os.ModeDir} {
			if fi, err := os.Stat(p); err != nil || fi.Mode() != want {
				t.Errorf("%s: mode %v, want %v (%v)", p, fi.Mode(), want, err)
			}
		}
	}
	if bs, _ := s.Backups(); len(bs) != 0 {
		t.Fatalf("a new file needs no migration backup: %v", bs)
	}
	empty, err := s.Empty()
	must(t, err)
	if !empty {
		t.Fatal("new file not empty")
	}
	must(t, s.Check())
	log, err := s.Audit()
	must(t, err)
	if len(log) != 1 || log[0].Action != "migrate" {
		t.Fatalf("audit %+v", log)
	}
}

func TestNewerFileRefused(t *testing.T) {
	path, _ := closedStore(t, 1)
	rawFile(t, path, func(btx *bbolt.Tx) error { return setSchema(btx, 99) })
	for name, err := range map[string]error{
		"open":      openErr(path, Options{}),
		"read-only": openErr(path, Options{ReadOnly: true}),
		"check":     CheckFile(path),
	} {
		if e := wantKind(t, err, model.NewerFile); e.Arg != path {
			t.Fatalf("%s: arg %q", name, e.Arg)
		}
	}
	_, err := Inspect(path)
	wantKind(t, err, model.NewerFile)
}

func openErr(path string, opt Options) error {
	s, err := Open(path, opt)
	if err == nil {
		_ = s.Close()
	}
	return err
}

func TestMigrationFromSchema0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alt.db")
	old := newPerson(1)
	old.ID = 7
	rawFile(t, path, func(btx *bbolt.Tx) error {
		meta, err := btx.CreateBucket(bucketMeta)
		must(t, err)
		must(t, meta.Put(keyApp, []byte(appMarker)))
		persons, err := btx.CreateBucket(bucketPersons)
		must(t, err)
		data, err := json.Marshal(old)
		must(t, err)
		return persons.Put(key(old.ID), data)
	})
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	if s.Schema() != 1 {
		t.Fatalf("schema %d", s.Schema())
	}
	bs, err := s.Backups()
	must(t, err)
	if len(bs) != 1 || bs[0].Reason != "migration" {
		t.Fatalf("backups %+v", bs)
	}
	// The backup is the file as it was, and checks as an older layout.
	must(t, CheckFile(bs[0].Path))
	if n, err := Inspect(bs[0].Path); err != nil || n.Persons != 1 {
		t.Fatalf("backup counts %+v %v", n, err)
	}
	// The old record is indexed and new ids come after it.
	got, err := s.PersonByEmail(old.Email)
	must(t, err)
	if got.ID != 7 {
		t.Fatalf("by e-mail %d", got.ID)
	}
	p := newPerson(2)
	must(t, s.SavePerson(p))
	if p.ID != 8 {
		t.Fatalf("new id %d, want 8", p.ID)
	}
	must(t, s.Check())
}

func TestLocked(t *testing.T) {
	s, _ := openTest(t)
	for name, open := range map[string]func() error{
		"open":      func() error { return openErr(s.Path(), Options{}) },
		"read-only": func() error { return openErr(s.Path(), Options{ReadOnly: true}) },
		"check":     func() error { return CheckFile(s.Path()) },
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			err := open()
			if e := wantKind(t, err, model.Locked); e.Arg != s.Path() {
				t.Fatalf("arg %q", e.Arg)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("took %v", d)
			}
		})
	}
	must(t, s.SavePerson(newPerson(1))) // the first store is unharmed
}

func TestReadOnly(t *testing.T) {
	path, _ := closedStore(t, 3)
	s, err := Open(path, Options{ReadOnly: true})
	must(t, err)
	defer s.Close()
	ps, err := s.Persons()
	must(t, err)
	if len(ps) != 3 {
		t.Fatalf("%d persons", len(ps))
	}
	must(t, s.Check())
	if err := s.SavePerson(newPerson(9)); err == nil {
		t.Fatal("saved in a read-only store")
	}
	// Two readers may share the file.
	r, err := Open(path, Options{ReadOnly: true})
	must(t, err)
	must(t, r.Close())
	wantKind(t, openErr(filepath.Join(t.TempDir(), "fehlt.db"), Options{ReadOnly: true}), model.NotFound)
}

func TestNotATandemFile(t *testing.T) {
	xlsx, err := os.ReadFile("/work/shared/fixtures/mitarbeiterliste.xlsx")
	if err != nil {
		xlsx = append([]byte("PK\x03\x04"), bytes.Repeat([]byte("x"), 9000)...)
	}
	foreignBolt := filepath.Join(t.TempDir(), "other.db")
	rawFile(t, foreignBolt, func(btx *bbolt.Tx) error {
		_, err := btx.CreateBucket([]byte("someone-elses"))
		return err
	})
	boltBytes, err := os.ReadFile(foreignBolt)
	must(t, err)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"short zip", []byte("PK\x03\x04 hello")},
		{"xlsx", xlsx},
		{"one page of zeros", make([]byte, 4096)}, // bbolt maps it and faults reading the second meta page
		{"bbolt file of another program", boltBytes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "liste.xlsx")
			must(t, os.WriteFile(path, tc.data, 0o600))
			for name, err := range map[string]error{
				"open": openErr(path, Options{}), "read-only": openErr(path, Options{ReadOnly: true}),
				"check": CheckFile(path),
			} {
				if e := wantKind(t, err, model.NotATandemFile); e.Arg != path {
					t.Fatalf("%s: arg %q", name, e.Arg)
				}
			}
			_, err := Inspect(path)
			wantKind(t, err, model.NotATandemFile)
			if after, _ := os.ReadFile(path); !bytes.Equal(after, tc.data) {
				t.Fatal("the foreign file was changed")
			}
		})
	}
}

func TestTruncatedFile(t *testing.T) {
	path, good := closedStore(t, 2000)
	// The file may be longer than its pages; cut into the pages.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	must(t, err)
	var half int64
	must(t, db.View(func(btx *bbolt.Tx) error {
		half = btx.Size() / 2
		return nil
	}))
	must(t, db.Close())
	must(t, os.Truncate(path, half))
	wantKind(t, openErr(path, Options{}), model.Damaged)
	wantKind(t, CheckFile(path), model.Damaged)

	b, err := NewestGoodBackup(path)
	must(t, err)
	if b.Path != good.Path {
		t.Fatalf("newest good backup %s, want %s", b.Path, good.Path)
	}
	must(t, RestoreFile(path, b))
	kept, _ := filepath.Glob(path + ".damaged-*")
	if len(kept) != 1 {
		t.Fatalf("damaged copies %v", kept)
	}
	if fi, err := os.Stat(kept[0]); err != nil || fi.Size() != half {
		t.Fatalf("damaged copy: %v %v", fi, err)
	}
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	must(t, s.Check())
	n, err := s.Counts()
	must(t, err)
	if n.Persons != 2000 {
		t.Fatalf("%d persons after restore", n.Persons)
	}
	log, err := s.Audit()
	must(t, err)
	if log[0].Action != "restore" {
		t.Fatalf("newest audit entry %+v", log[0])
	}
}

func TestEmptiedFileWithBackupsIsDamaged(t *testing.T) {
	path, _ := closedStore(t, 1)
	must(t, os.Truncate(path, 0))
	wantKind(t, openErr(path, Options{}), model.Damaged)
	must(t, os.WriteFile(path, []byte("PK\x03\x04 hello"), 0o600))
	wantKind(t, openErr(path, Options{}), model.Damaged)
}

// corrupt overwrites every copy of old in the file with junk of the same length.
func corrupt(t *testing.T, path string, old []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	if !bytes.Contains(data, old) {
		t.Fatalf("%q not in file", old)
	}
	must(t, os.WriteFile(path, bytes.ReplaceAll(data, old, bytes.Repeat([]byte{'#'}, len(old))), 0o600))
}

func TestDamagedRecordsAndIndexes(t *testing.T) {
	for _, tc := range []struct {
		name string
		harm func(t *testing.T, path string)
		code string // "page": found by Open already
	}{
		{"record bytes", func(t *testing.T, path string) { corrupt(t, path, []byte(`{"id":5,`)) }, "record"},
		{"index entry missing", func(t *testing.T, path string) {
			rawFile(t, path, func(btx *bbolt.Tx) error {
				return btx.Bucket(ixPersonEmail.bucket).Delete([]byte("person4@example.de"))
			})
		}, "index"},
		{"stray index entry", func(t *testing.T, path string) {
			rawFile(t, path, func(btx *bbolt.Tx) error { return btx.Bucket(ixTandemPerson.bucket).Put(pair(1, 99), nil) })
		}, "index"},
		{"index points elsewhere", func(t *testing.T, path string) {
			rawFile(t, path, func(btx *bbolt.Tx) error { return btx.Bucket(ixPersonEmpNo.bucket).Put([]byte("00003"), key(2)) })
		}, "index"},
		{"meta page header", func(t *testing.T, path string) { harmPage(t, path, nil) }, "page"},
		{"bucket page header", func(t *testing.T, path string) { harmPage(t, path, bucketPersons) }, "page"},
		{"free list page header", func(t *testing.T, path string) { harmPage(t, path, []byte("freelist")) }, "page"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, good := closedStore(t, 300)
			tc.harm(t, path)
			damaged := func(err error) {
				t.Helper()
				e := wantKind(t, err, model.Damaged)
				if tc.code != "page" && !slices.ContainsFunc(e.Problems, func(p model.Problem) bool { return p.Code == tc.code }) {
					t.Fatalf("problems %+v, want code %s", e.Problems, tc.code)
				}
			}
			damaged(CheckFile(path))
			s, err := Open(path, Options{})
			if tc.code == "page" {
				damaged(err)
			} else {
				must(t, err)
				damaged(s.Check())
				must(t, s.Close())
			}
			b, err := NewestGoodBackup(path)
			must(t, err)
			if b.Path != good.Path {
				t.Fatalf("backup %s", b.Path)
			}
			must(t, RestoreFile(path, b))
			must(t, CheckFile(path))
		})
	}
}

// harmPage overwrites the flags and count in the header of a page with
// junk: the root page of a bucket's tree, the free list, or (bucket nil)
// the first meta page, whose checksum does not cover its header.
func harmPage(t *testing.T, path string, bucket []byte) {
	t.Helper()
	var id uint64
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, PreLoadFreelist: true})
	must(t, err)
	pageSize := db.Info().PageSize
	must(t, db.View(func(btx *bbolt.Tx) error {
		switch string(bucket) {
		case "":
		case "freelist":
			for i := 2; ; i++ {
				if info, err := btx.Page(i); err != nil || info == nil || info.Type == "freelist" {
					id = uint64(i)
					return err
				}
			}
		default:
			id = uint64(btx.Bucket(bucket).RootPage())
		}
		return nil
	}))
	must(t, db.Close())
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	must(t, err)
	_, err = f.WriteAt([]byte{0xff, 0xff, 0xff, 0xff}, int64(id)*int64(pageSize)+8)
	must(t, err)
	must(t, f.Close())
}

func TestBackups(t *testing.T) {
	s, c := openTest(t)
	fill(t, s, 10)
	must(t, os.MkdirAll(s.BackupDir(), 0o700))
	for _, junk := range []string{"notes.txt", "tandem-kaputt.db", "other-20250101-000000-daily.db",
		"tandem-20250101-000000-Bad Reason.db"} {
		must(t, os.WriteFile(filepath.Join(s.BackupDir(), junk), []byte("x"), 0o600))
	}
	_, err := s.Backup("Keine Ahnung")
	wantKind(t, err, model.Invalid)

	made, err := s.DailyBackup()
	must(t, err)
	if !made {
		t.Fatal("no daily backup")
	}
	if made, _ := s.DailyBackup(); made {
		t.Fatal("second daily backup on one day")
	}
	b, err := s.Backup("manual")
	must(t, err)
	if want := filepath.Join(s.BackupDir(), "tandem-"+b.Time.Format(stampLayout)+"-manual.db"); b.Path != want || b.Size == 0 {
		t.Fatalf("backup %+v, want path %s", b, want)
	}
	bs, err := s.Backups()
	must(t, err)
	if len(bs) != 2 || bs[0].Path != b.Path || bs[1].Reason != "daily" || bs[0].Size != b.Size {
		t.Fatalf("backups %+v", bs)
	}
	if n, err := Inspect(b.Path); err != nil || n.Persons != 10 {
		t.Fatalf("inspect %+v %v", n, err)
	}
	// Two backups in one second get distinct names.
	fixed := time.Date(2025, 6, 2, 8, 0, 0, 0, time.Local)
	s.opt.Now = func() time.Time { return fixed }
	b1, err := s.Backup("import")
	must(t, err)
	b2, err := s.Backup("import")
	must(t, err)
	if b1.Path == b2.Path || !b2.Time.After(b1.Time) {
		t.Fatalf("same-second backups %s %s", b1.Path, b2.Path)
	}
	s.opt.Now = c.Now

	// Daily backups over ten weeks stay rotated.
	for day := range 70 {
		c.Set(time.Date(2025, 7, 1, 7, 0, 0, 0, time.Local).AddDate(0, 0, day))
		if made, err := s.DailyBackup(); err != nil || !made {
			t.Fatalf("day %d: %v %v", day, made, err)
		}
	}
	bs, err = s.Backups()
	must(t, err)
	if keep, drop := rotate(bs); len(drop) != 0 || len(keep) > keepNewest+keepDays+keepWeeks {
		t.Fatalf("after rotation %d kept, %d more to drop", len(keep), len(drop))
	}
	if len(bs) != 14+5 || bs[0].Time.Format(time.DateOnly) != "2025-09-08" {
		t.Fatalf("%d backups, newest %v", len(bs), bs[0].Time)
	}
	for _, junk := range []string{"notes.txt", "tandem-kaputt.db"} {
		if _, err := os.Stat(filepath.Join(s.BackupDir(), junk)); err != nil {
			t.Fatalf("rotation touched %s", junk)
		}
	}
	log, err := s.Audit()
	must(t, err)
	if log[0].Action != "backup" || log[0].Summary != "Sicherung (daily)" {
		t.Fatalf("audit %+v", log[0])
	}
}

func TestRotate(t *testing.T) {
	at := func(date string, hour int) Backup {
		d, err := time.ParseInLocation(time.DateOnly, date, time.Local)
		must(t, err)
		return Backup{Path: date + "-" + string(rune('a'+hour)), Time: d.Add(time.Duration(hour) * time.Hour), Reason: "daily"}
	}
	days := func(from string, n, step int) []Backup {
		d, _ := time.ParseInLocation(time.DateOnly, from, time.Local)
		var bs []Backup
		for i := range n {
			bs = append(bs, at(d.AddDate(0, 0, i*step).Format(time.DateOnly), 12))
		}
		return bs
	}
	names := func(bs []Backup) []string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Path)
		}
		return out
	}
	march := days("2025-03-01", 30, 1) // Sat 1 … Sun 30 March
	for _, tc := range []struct {
		name       string
		in         []Backup
		keep, drop []string
	}{
		{"none", nil, nil, nil},
		{"three on one day", []Backup{at("2025-03-03", 1), at("2025-03-03", 3), at("2025-03-03", 2)},
			[]string{"2025-03-03-d", "2025-03-03-c", "2025-03-03-b"}, nil},
		{"ten on one day keeps the five newest",
			[]Backup{at("2025-03-03", 1), at("2025-03-03", 2), at("2025-03-03", 3), at("2025-03-03", 4), at("2025-03-03", 5),
				at("2025-03-03", 6), at("2025-03-03", 7), at("2025-03-03", 8), at("2025-03-03", 9), at("2025-03-03", 10)},
			[]string{"2025-03-03-k", "2025-03-03-j", "2025-03-03-i", "2025-03-03-h", "2025-03-03-g"},
			[]string{"2025-03-03-f", "2025-03-03-e", "2025-03-03-d", "2025-03-03-c", "2025-03-03-b"}},
		{"three a day for three days",
			[]Backup{at("2025-03-01", 1), at("2025-03-01", 2), at("2025-03-01", 3), at("2025-03-02", 1), at("2025-03-02", 2),
				at("2025-03-02", 3), at("2025-03-03", 1), at("2025-03-03", 2), at("2025-03-03", 3)},
			[]string{"2025-03-03-d", "2025-03-03-c", "2025-03-03-b", "2025-03-02-d", "2025-03-02-c", "2025-03-01-d"},
			[]string{"2025-03-02-b", "2025-03-01-c", "2025-03-01-b"}},
		{"daily for thirty days: 14 days and the newest of each older week", march,
			[]string{"2025-03-30-m", "2025-03-29-m", "2025-03-28-m", "2025-03-27-m", "2025-03-26-m",
				"2025-03-25-m", "2025-03-24-m", "2025-03-23-m", "2025-03-22-m", "2025-03-21-m", "2025-03-20-m",
				"2025-03-19-m", "2025-03-18-m", "2025-03-17-m", "2025-03-16-m", "2025-03-09-m", "2025-03-02-m"},
			[]string{"2025-03-15-m", "2025-03-14-m", "2025-03-13-m", "2025-03-12-m", "2025-03-11-m", "2025-03-10-m",
				"2025-03-08-m", "2025-03-07-m", "2025-03-06-m", "2025-03-05-m", "2025-03-04-m", "2025-03-03-m",
				"2025-03-01-m"}},
		{"weekly for twenty weeks keeps fourteen", days("2025-01-06", 20, 7),
			names(reversed(days("2025-01-06", 20, 7))[:14]), names(reversed(days("2025-01-06", 20, 7))[14:])},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keep, drop := rotate(tc.in)
			if !slices.Equal(names(keep), tc.keep) || !slices.Equal(names(drop), tc.drop) {
				t.Fatalf("keep %q\ndrop %q\nwant keep %q\ndrop %q", names(keep), names(drop), tc.keep, tc.drop)
			}
		})
	}
}

func reversed(bs []Backup) []Backup {
	out := slices.Clone(bs)
	slices.Reverse(out)
	return out
}

func TestRestore(t *testing.T) {
	s, _ := openTest(t)
	ids := fill(t, s, 20)
	must(t, s.SaveSettings(&model.Settings{CompanyName: "Vorher GmbH"}))
	b, err := s.Backup("manual")
	must(t, err)
	want, err := s.Persons()
	must(t, err)

	must(t, s.DeletePerson(ids[3]))
	must(t, s.SavePerson(newPerson(100)))
	must(t, s.SaveSettings(&model.Settings{CompanyName: "Nachher GmbH"}))
	changed, err := s.Counts()
	must(t, err)

	must(t, s.Restore(b))
	got, err := s.Persons()
	must(t, err)
	if len(got) != len(want) {
		t.Fatalf("%d persons after restore, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID || got[i].Email != want[i].Email || !got[i].Updated.Equal(want[i].Updated) {
			t.Fatalf("person %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if st, _ := s.Settings(); st.CompanyName != "Vorher GmbH" {
		t.Fatalf("settings %+v", st)
	}
	bs, err := s.Backups()
	must(t, err)
	if bs[0].Reason != "restore" {
		t.Fatalf("newest backup %+v", bs[0])
	}
	if n, err := Inspect(bs[0].Path); err != nil || n != changed {
		t.Fatalf("restore backup holds %+v (%v), want %+v", n, err, changed)
	}
	log, err := s.Audit()
	must(t, err)
	if log[0].Action != "restore" {
		t.Fatalf("audit %+v", log[0])
	}
	must(t, s.Check())
	must(t, s.SavePerson(newPerson(101))) // usable

	// A damaged backup is refused; the store stays as it was and usable.
	bad := filepath.Join(s.BackupDir(), "tandem-20200101-000000-manual.db")
	data, err := os.ReadFile(b.Path)
	must(t, err)
	must(t, os.WriteFile(bad, data[:len(data)/2], 0o600))
	before, _ := s.Counts()
	wantKind(t, s.Restore(Backup{Path: bad}), model.Damaged)
	wantKind(t, s.Restore(Backup{Path: filepath.Join(t.TempDir(), "fehlt.db")}), model.NotFound)
	after, err := s.Counts()
	must(t, err)
	if after != before {
		t.Fatalf("counts %+v, want %+v", after, before)
	}
	must(t, s.SavePerson(newPerson(102)))
	must(t, s.Check())
}

func TestCopyTo(t *testing.T) {
	s, _ := openTest(t)
	fill(t, s, 5)
	out := filepath.Join(t.TempDir(), "kopie.db")
	must(t, s.CopyTo(out))
	must(t, CheckFile(out))
	if n, err := Inspect(out); err != nil || n.Persons != 5 {
		t.Fatalf("copy holds %+v (%v)", n, err)
	}
	must(t, s.CopyTo(out)) // replaces an older copy
	wantProblem(t, s.CopyTo(s.Path()), model.Invalid, model.Problem{Field: "path", Code: "same_file", Arg: s.Path()})
	wantKind(t, s.CopyTo(filepath.Join(t.TempDir(), "fehlt", "kopie.db")), model.IO)
	if bs, _ := s.Backups(); len(bs) != 0 {
		t.Fatalf("CopyTo made backups %v", bs)
	}
	must(t, s.Check())
}

func TestInspect(t *testing.T) {
	s, _ := openTest(t)
	f := setup(t, s, "P", 1)
	must(t, s.SaveMeeting(&model.Meeting{TandemID: f.tandem.ID, At: time.Now(), Minutes: 60, State: model.MeetingHeld}))
	b, err := s.Backup("manual")
	must(t, err)
	n, err := Inspect(b.Path)
	must(t, err)
	if want := (Counts{Persons: 2, Programmes: 1, Tandems: 1, Meetings: 1}); n != want {
		t.Fatalf("counts %+v, want %+v", n, want)
	}
	_, err = Inspect(filepath.Join(t.TempDir(), "fehlt.db"))
	wantKind(t, err, model.NotFound)
}

func TestDefaultPath(t *testing.T) {
	p, err := DefaultPath()
	must(t, err)
	if filepath.Base(p) != "tandem.db" || !filepath.IsAbs(p) {
		t.Fatalf("default path %s", p)
	}
	if runtime.GOOS == "linux" {
		t.Setenv("XDG_DATA_HOME", "/daten")
		if p, _ := DefaultPath(); p != "/daten/tandem/tandem.db" {
			t.Fatalf("with XDG_DATA_HOME: %s", p)
		}
	}
}

func TestRestoreBackupThatRotationDrops(t *testing.T) {
	s, _ := openTest(t) // the clock moves a minute a reading: all on one day
	fill(t, s, 3)
	b, err := s.Backup("manual")
	must(t, err)
	for range keepNewest - 1 {
		_, err := s.Backup("manual")
		must(t, err)
	}
	must(t, s.SavePerson(newPerson(50)))
	must(t, s.Restore(b)) // its "restore" backup pushes b out of the five newest
	if _, err := os.Stat(b.Path); err == nil {
		t.Fatal("rotation kept the restored backup; the test needs another setup")
	}
	n, err := s.Counts()
	must(t, err)
	if n.Persons != 3 {
		t.Fatalf("%d persons after restore, want 3", n.Persons)
	}
}
