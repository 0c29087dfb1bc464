package store_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tandem/model"
	"tandem/model/store"
)

// figures computes the key figures and topic growth of every programme.
func figures(t *testing.T, s *store.Store) map[model.ID]any {
	t.Helper()
	ps, err := s.Programmes()
	if err != nil {
		t.Fatal(err)
	}
	out := map[model.ID]any{}
	for _, p := range ps {
		d, err := s.ProgrammeData(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[p.ID] = []any{model.ComputeFigures(&d, today), model.Growth(d.CheckIns), len(d.Enrolments),
			len(d.Agreements), len(d.Trainings)}
	}
	return out
}

// eraseCandidate returns a mentee of the example company with held
// meetings in which the mentee logged a learning, a check-in with a
// comment, and a tandem agreement; and that agreement.
func eraseCandidate(t *testing.T, s *store.Store) (model.Person, model.Agreement) {
	t.Helper()
	ps, err := s.Programmes()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		d, err := s.ProgrammeData(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, tandem := range d.Tandems {
			learned := slices.ContainsFunc(d.Meetings[tandem.ID], func(m model.Meeting) bool { return m.MenteeLearned != "" })
			commented := slices.ContainsFunc(d.CheckIns, func(c model.CheckIn) bool {
				return c.PersonID == tandem.MenteeID && c.Comment != ""
			})
			i := slices.IndexFunc(d.Agreements, func(a model.Agreement) bool { return a.TandemID == tandem.ID })
			if learned && commented && i >= 0 && len(tandem.Goals) > 0 && d.Persons[tandem.MenteeID].EmployeeNo != "" {
				return d.Persons[tandem.MenteeID], d.Agreements[i]
			}
		}
	}
	t.Fatal("the example company has nobody to erase")
	return model.Person{}, model.Agreement{}
}

func TestErasePerson(t *testing.T) {
	s, path := openDemo(t)
	p, agreement := eraseCandidate(t, s)
	// A report names the person as manager; a scanned copy carries the name.
	all, err := s.Persons()
	must(t, err)
	report := all[0]
	if report.ID == p.ID {
		report = all[1]
	}
	report.ManagerNo = p.EmployeeNo
	must(t, s.SavePerson(&report))
	scan := []byte("%PDF-1.4 Vertraulichkeitsvereinbarung, unterschrieben von " + p.FullName())
	must(t, s.SetScan(agreement.ID, p.LastName+".pdf", "application/pdf", scan))
	signed, err := s.Agreement(agreement.ID)
	must(t, err)

	traces := []string{p.FullName(), p.Email, `"` + p.EmployeeNo + `"`}
	if len(leaks(t, path, traces)) != len(traces) {
		t.Fatalf("the file should show %q before the erasure: the test would prove nothing", traces)
	}
	older, err := s.Backup("manual")
	must(t, err)
	before := figures(t, s)
	counts, err := s.Counts()
	must(t, err)

	must(t, s.ErasePerson(p.ID))

	if found := leaks(t, path, traces); len(found) > 0 {
		t.Fatalf("the file still shows %q", found)
	}
	if found := leaks(t, older.Path, traces); len(found) > 0 {
		t.Fatalf("the backup made before the erasure still shows %q", found)
	}
	newer, err := s.Backup("manual")
	must(t, err)
	if found := leaks(t, newer.Path, traces); len(found) > 0 {
		t.Fatalf("a backup made after the erasure shows %q", found)
	}
	if after := figures(t, s); !reflect.DeepEqual(after, before) {
		t.Fatalf("figures changed:\n%v\nwas\n%v", after, before)
	}
	if c, err := s.Counts(); err != nil || c != counts {
		t.Fatalf("counts %+v, was %+v (%v)", c, counts, err)
	}

	got, err := s.Person(p.ID)
	must(t, err)
	if got.FullName() != "Person #"+itoa(p.ID) || got.Email != "" || got.EmployeeNo != "" || got.Erased.IsZero() {
		t.Fatalf("placeholder %+v", got)
	}
	_, err = s.PersonByEmail(p.Email)
	kindOf(t, err, model.NotFound)
	_, err = s.PersonByEmployeeNo(p.EmployeeNo)
	kindOf(t, err, model.NotFound)
	if r, err := s.Person(report.ID); err != nil || r.ManagerNo != "" {
		t.Fatalf("report still names the manager: %q, %v", r.ManagerNo, err)
	}
	a, err := s.Agreement(agreement.ID)
	must(t, err)
	_, err = s.Scan(agreement.ID)
	kindOf(t, err, model.NotFound)
	if a.Scan != nil || a.State != signed.State || !maps.Equal(a.SignedOn, signed.SignedOn) {
		t.Fatalf("agreement after the erasure %+v, was %+v", a, signed)
	}
	d, err := s.PersonData(p.ID)
	must(t, err)
	for _, e := range d.Enrolments {
		if e.Motivation != "" || e.Interests != nil {
			t.Fatalf("enrolment keeps %q, %q", e.Motivation, e.Interests)
		}
	}
	for _, c := range d.CheckIns {
		if c.Comment != "" {
			t.Fatalf("check-in keeps %q", c.Comment)
		}
	}
	must(t, s.Check())
	must(t, store.CheckFile(older.Path))

	log, err := s.Audit()
	must(t, err)
	i := slices.IndexFunc(log, func(e model.AuditEntry) bool { return e.Action == "erase" && e.Entity == "person" })
	if i < 0 || log[i].EntityID != p.ID || log[i].Summary != "Person #"+itoa(p.ID) {
		t.Fatalf("no erase entry: %+v", log[:3])
	}
	for _, e := range log {
		for _, w := range append(traces, p.LastName, p.EmployeeNo) {
			if strings.Contains(e.Summary, strings.Trim(w, `"`)) {
				t.Fatalf("audit entry %+v names the person", e)
			}
		}
	}

	// Erasing again changes nothing; an unknown person is refused.
	must(t, s.ErasePerson(p.ID))
	kindOf(t, s.ErasePerson(999999), model.NotFound)
	// The file goes on: new records get new ids.
	np := model.Person{FirstName: "Neu", LastName: "Person", Email: p.Email, EmployeeNo: p.EmployeeNo}
	must(t, s.SavePerson(&np))
	if np.ID <= all[len(all)-1].ID && np.ID <= p.ID {
		t.Fatalf("new person got id %d", np.ID)
	}
}

// TestErasePersonsInProtectedFile erases in a password-protected file and
// its backups, whose values stay sealed.
func TestErasePersonsInProtectedFile(t *testing.T) {
	s, path := openDemo(t)
	p, _ := eraseCandidate(t, s)
	_, err := s.SetPassword("Geheimnis 2026")
	must(t, err)
	before := figures(t, s)
	e, err := s.ErasePersons([]model.ID{p.ID})
	must(t, err)
	if e.Backups == 0 || len(e.Failed) > 0 {
		t.Fatalf("backups: %+v", e)
	}
	if after := figures(t, s); !reflect.DeepEqual(after, before) {
		t.Fatal("figures changed")
	}
	must(t, s.Check())
	must(t, s.Close())
	s2, err := store.Open(path, store.Options{Password: "Geheimnis 2026"})
	must(t, err)
	defer s2.Close()
	got, err := s2.Person(p.ID)
	if err != nil || got.Erased.IsZero() {
		t.Fatalf("person after reopening: %+v, %v", got, err)
	}
	backups, err := s2.Backups()
	must(t, err)
	for _, b := range backups {
		bs, err := store.Open(b.Path, store.Options{Password: "Geheimnis 2026", ReadOnly: true})
		must(t, err)
		bp, err := bs.Person(p.ID)
		must(t, bs.Close())
		if err != nil || bp.Erased.IsZero() {
			t.Fatalf("backup %s: %+v, %v", b.Path, bp, err)
		}
	}
}

func itoa(id model.ID) string { return fmt.Sprint(id) }

// TestEraseReportsBackupsItCannotClean: a backup that does not open is
// left as it is and named; the file, the other backups and a damaged copy
// kept next to the file (that opens) are erased all the same.
func TestEraseReportsBackupsItCannotClean(t *testing.T) {
	s, path := openDemo(t)
	p, _ := eraseCandidate(t, s)
	good, err := s.Backup("manual")
	must(t, err)
	bad := filepath.Join(s.BackupDir(), "tandem-20200101-120000-daily.db")
	must(t, os.WriteFile(bad, []byte("kein Tandem: "+p.FullName()), 0o600))
	damaged := path + ".damaged-20200101-120000"
	raw, err := os.ReadFile(good.Path)
	must(t, err)
	must(t, os.WriteFile(damaged, raw, 0o600))
	e, err := s.ErasePersons([]model.ID{p.ID})
	must(t, err)
	if e.Backups != 2 || len(e.Failed) != 1 || e.Failed[0].Path != bad {
		t.Fatalf("erasure %+v", e)
	}
	if found := leaks(t, damaged, []string{p.FullName()}); len(found) > 0 {
		t.Fatal("the damaged copy still shows the name")
	}
	if found := leaks(t, path, []string{p.FullName()}); len(found) > 0 {
		t.Fatal("the file still shows the name")
	}
	if found := leaks(t, good.Path, []string{p.FullName()}); len(found) > 0 {
		t.Fatal("the good backup still shows the name")
	}
	log, err := s.Audit()
	must(t, err)
	if log[0].Action != "erase" || log[0].Entity != "file" || log[0].Summary != "Sicherungen: 2 bereinigt, 1 nicht bereinigt" {
		t.Fatalf("audit %+v", log[0])
	}
	// ErasePerson says so as an error naming the backup.
	q, err := s.Persons()
	must(t, err)
	err = s.ErasePerson(q[len(q)-1].ID)
	kindOf(t, err, model.IO)
	if !strings.Contains(err.Error(), filepath.Base(bad)) {
		t.Fatalf("error %v does not name the backup", err)
	}
}

// TestEraseReachesProgrammesLeft: a person whose enrolment was deleted
// keeps no agreement scan and no check-in comment after the erasure.
func TestEraseReachesProgrammesLeft(t *testing.T) {
	s, _ := openDemo(t)
	ps, err := s.Programmes()
	must(t, err)
	prog := ps[0]
	p := model.Person{FirstName: "Paula", LastName: "Ehemalige", EmployeeNo: "E-77"}
	must(t, s.SavePerson(&p))
	e := model.Enrolment{PersonID: p.ID, ProgrammeID: prog.ID, Role: model.Mentee, State: model.EnrolmentNominated}
	must(t, s.SaveEnrolment(&e))
	a := model.Agreement{Kind: model.ConfidentialityPerson, ProgrammeID: prog.ID, PersonID: p.ID, State: model.AgreementDraft}
	must(t, s.SaveAgreement(&a))
	must(t, s.SetScan(a.ID, "Ehemalige.pdf", "application/pdf", []byte("%PDF-1.4 Unterschrift Paula Ehemalige")))
	c := model.CheckIn{PersonID: p.ID, ProgrammeID: prog.ID, Moment: model.AfterFirstMeeting, Satisfaction: 4,
		Comment: "Paula Ehemalige schreibt Vertrauliches"}
	must(t, s.SaveCheckIn(&c))
	must(t, s.DeleteEnrolment(e.ID))

	if err := s.ErasePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Scan(a.ID); model.KindOf(err) != model.NotFound {
		t.Fatalf("the scan of the erased person's agreement is still there: %v", err)
	}
	cs, err := s.CheckIns(prog.ID)
	must(t, err)
	for _, x := range cs {
		if x.ID == c.ID && strings.Contains(x.Comment, "Vertrauliches") {
			t.Fatalf("the check-in comment survived: %q", x.Comment)
		}
	}
}

// TestDeletePersonWithLeftTraces: a person whose enrolment was deleted but
// who still has a check-in cannot simply be deleted (the erasure removes
// it all).
func TestDeletePersonWithLeftTraces(t *testing.T) {
	s, _ := openDemo(t)
	ps, err := s.Programmes()
	must(t, err)
	p := model.Person{FirstName: "Paul", LastName: "Spurensucher", EmployeeNo: "E-78"}
	must(t, s.SavePerson(&p))
	e := model.Enrolment{PersonID: p.ID, ProgrammeID: ps[0].ID, Role: model.Mentee, State: model.EnrolmentNominated}
	must(t, s.SaveEnrolment(&e))
	c := model.CheckIn{PersonID: p.ID, ProgrammeID: ps[0].ID, Moment: model.AfterFirstMeeting, Satisfaction: 3}
	must(t, s.SaveCheckIn(&c))
	must(t, s.DeleteEnrolment(e.ID))
	kindOf(t, s.DeletePerson(p.ID), model.Conflict)
	must(t, s.ErasePerson(p.ID))
}
