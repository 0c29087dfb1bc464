package store_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/demo"
	"tandem/model"
	"tandem/model/store"
)

func init() { store.KDFTarget = time.Millisecond }

var today = model.NewDate(2026, 11, 27)

// openDemo opens a new file holding the example company.
func openDemo(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Personal Müller", "tandem.db")
	s, err := store.Open(path, store.Options{User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(s, today); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// secrets are personal values of the example company that no protected
// file may show: names and e-mail addresses, and the company's name.
func secrets(t *testing.T, s *store.Store) []string {
	t.Helper()
	ps, err := s.Persons()
	if err != nil || len(ps) < 10 {
		t.Fatalf("persons: %d, %v", len(ps), err)
	}
	// Every person's full name and e-mail address, and the surnames long
	// enough that random sealed bytes cannot spell them by chance.
	var out []string
	for _, p := range ps {
		out = append(out, p.Email, p.FirstName+" "+p.LastName)
		if len(p.LastName) >= 6 {
			out = append(out, p.LastName)
		}
	}
	st, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	return append(out, st.CompanyName)
}

// leaks returns the secrets found in the raw bytes of the file at path.
func leaks(t *testing.T, path string, secrets []string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, s := range secrets {
		if s != "" && bytes.Contains(raw, []byte(s)) {
			found = append(found, s)
		}
	}
	return found
}

func kindOf(t *testing.T, err error, want model.Kind) {
	t.Helper()
	if model.KindOf(err) != want {
		t.Fatalf("error %v: kind %v, want %v", err, model.KindOf(err), want)
	}
}

func TestPasswordProtectsFileAndBackups(t *testing.T) {
	s, path := openDemo(t)
	words := secrets(t, s)
	if len(leaks(t, path, words)) == 0 {
		t.Fatal("the unprotected file should show the names: the test would prove nothing")
	}
	if _, err := s.Backup("manual"); err != nil {
		t.Fatal(err)
	}
	before, err := s.Persons()
	if err != nil {
		t.Fatal(err)
	}

	_, err = s.SetPassword("kurz")
	kindOf(t, err, model.Invalid)
	recovery, err := s.SetPassword("Geheimnis 2026")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Protected() || len(recovery) != 39 {
		t.Fatalf("protected %v, recovery key %q", s.Protected(), recovery)
	}
	if found := leaks(t, path, words); len(found) > 0 {
		t.Fatalf("the protected file shows %q", found)
	}
	backups, err := s.Backups()
	if err != nil || len(backups) < 2 {
		t.Fatalf("backups: %v, %v", backups, err)
	}
	for _, b := range backups {
		if found := leaks(t, b.Path, words); len(found) > 0 {
			t.Fatalf("backup %s shows %q", b.Path, found)
		}
	}
	// Everything still reads, indexes included, and the file checks out.
	after, err := s.Persons()
	if err != nil || len(after) != len(before) {
		t.Fatalf("persons after: %d of %d, %v", len(after), len(before), err)
	}
	if p, err := s.PersonByEmail(strings.ToUpper(before[3].Email)); err != nil || p.ID != before[3].ID {
		t.Fatalf("by e-mail: %v, %v", p.ID, err)
	}
	dup := after[4]
	dup.ID, dup.EmployeeNo = 0, "X-1"
	kindOf(t, s.SavePerson(&dup), model.Conflict) // same e-mail as after[4]
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	for _, b := range backups {
		if err := store.CheckFile(b.Path); err != nil {
			t.Fatalf("backup %s: %v", b.Path, err)
		}
	}
	audit, err := s.Audit()
	if err != nil || audit[0].Action != "password" {
		t.Fatalf("audit: %v, %v", audit[:1], err)
	}
	must(t, s.Close())

	// Opening: without, with a wrong and with the right password, and with
	// the recovery key as it might be typed.
	_, err = store.Open(path, store.Options{})
	kindOf(t, err, model.PasswordRequired)
	_, err = store.Open(path, store.Options{Password: "geheimnis 2026"})
	kindOf(t, err, model.WrongPassword)
	s2, err := store.Open(path, store.Options{Password: "Geheimnis 2026"})
	if err != nil {
		t.Fatal(err)
	}
	if s2.Recovered() {
		t.Fatal("opened with the password, not the recovery key")
	}
	must(t, s2.Close())
	typed := strings.ToLower(strings.ReplaceAll(recovery, "-", " "))
	s3, err := store.Open(path, store.Options{Password: typed})
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	if !s3.Recovered() {
		t.Fatal("opened with the recovery key")
	}
	// After a recovery the password is replaced without knowing it.
	must(t, s3.ChangePassword("", "Neues Passwort!"))
	if s3.Recovered() {
		t.Fatal("still marked as recovered")
	}
	kindOf(t, s3.CheckPassword("Geheimnis 2026"), model.WrongPassword)
	must(t, s3.CheckPassword("Neues Passwort!"))
	must(t, s3.CheckPassword(recovery)) // the recovery key stays valid
	ps, err := s3.Persons()
	if err != nil || len(ps) != len(before) {
		t.Fatalf("persons after the change: %d, %v", len(ps), err)
	}
	if found := leaks(t, path, words); len(found) > 0 {
		t.Fatalf("the file shows %q after the change", found)
	}
}

func TestPasswordChangeAndRemove(t *testing.T) {
	s, path := openDemo(t)
	words := secrets(t, s)
	_, err := s.SetPassword("erstes Passwort")
	must(t, err)
	kindOf(t, s.ChangePassword("falsch geraten", "zweites Passwort"), model.WrongPassword)
	_, err = s.SetPassword("noch eines!")
	kindOf(t, err, model.Transition)
	must(t, s.ChangePassword("erstes Passwort", "zweites Passwort"))
	// Backups follow the file: the new password opens them.
	backups, err := s.Backups()
	must(t, err)
	b, err := store.Open(backups[len(backups)-1].Path, store.Options{Password: "zweites Passwort", ReadOnly: true})
	must(t, err)
	must(t, b.Close())

	kindOf(t, s.RemovePassword("erstes Passwort"), model.WrongPassword)
	must(t, s.RemovePassword("zweites Passwort"))
	if s.Protected() {
		t.Fatal("still protected")
	}
	must(t, s.Check())
	if len(leaks(t, path, words)) == 0 {
		t.Fatal("the unprotected file should read plainly again")
	}
	must(t, s.Close())
	s2, err := store.Open(path, store.Options{})
	must(t, err)
	backups, err = s2.Backups()
	must(t, err)
	must(t, s2.Close())
	for _, b := range backups {
		must(t, store.CheckFile(b.Path))
		if b2, err := store.Open(b.Path, store.Options{ReadOnly: true}); err != nil {
			t.Fatalf("backup %s after removing the password: %v", b.Path, err)
		} else {
			must(t, b2.Close())
		}
	}
}

// TestProtectedFileSequencesContinue: ids go on after the rewrite.
func TestProtectedFileSequencesContinue(t *testing.T) {
	s, _ := openDemo(t)
	ps, err := s.Persons()
	must(t, err)
	last := ps[0].ID
	for _, p := range ps {
		last = max(last, p.ID)
	}
	_, err = s.SetPassword("Geheimnis 2026")
	must(t, err)
	p := model.Person{FirstName: "Neu", LastName: "Angelegt", EmployeeNo: "N-1"}
	must(t, s.SavePerson(&p))
	if p.ID != last+1 {
		t.Fatalf("new person got id %d, want %d", p.ID, last+1)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestProtectedFileRestoredAfterDamage: a damaged protected file gets its
// newest good backup back, which opens with the password.
func TestProtectedFileRestoredAfterDamage(t *testing.T) {
	s, path := openDemo(t)
	_, err := s.SetPassword("Geheimnis 2026")
	must(t, err)
	ps, err := s.Persons()
	must(t, err)
	must(t, s.Close())
	fi, err := os.Stat(path)
	must(t, err)
	must(t, os.Truncate(path, fi.Size()/2))
	_, err = store.Open(path, store.Options{Password: "Geheimnis 2026"})
	kindOf(t, err, model.Damaged)
	b, err := store.NewestGoodBackup(path)
	must(t, err)
	must(t, store.RestoreFile(path, b))
	s2, err := store.Open(path, store.Options{Password: "Geheimnis 2026"})
	must(t, err)
	defer s2.Close()
	after, err := s2.Persons()
	if err != nil || len(after) != len(ps) {
		t.Fatalf("restored %d of %d persons: %v", len(after), len(ps), err)
	}
}

// TestProtectedFileRefusesUnprotectedBackup: restoring a backup without a
// password into a protected file is refused; the file keeps its password.
func TestProtectedFileRefusesUnprotectedBackup(t *testing.T) {
	s, path := openDemo(t)
	plain := filepath.Join(t.TempDir(), "ohne-passwort.db")
	must(t, s.CopyTo(plain))
	_, err := s.SetPassword("Geheimnis 2026")
	must(t, err)
	err = s.Restore(store.Backup{Path: plain})
	kindOf(t, err, model.Invalid)
	if !s.Protected() {
		t.Fatal("the file lost its password")
	}
	must(t, s.Close())
	_, err = store.Open(path, store.Options{})
	kindOf(t, err, model.PasswordRequired)
}
