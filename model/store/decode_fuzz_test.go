package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"tandem/model"
)

// fuzzSlots are the stored values FuzzRecordDecoding replaces: the first
// record of every entity bucket, the settings, the first audit entry and a
// scan.
var fuzzSlots = []struct {
	bucket string
	key    []byte
}{
	{"persons", key(1)}, {"programmes", key(1)}, {"enrolments", key(1)}, {"tandems", key(1)},
	{"meetings", key(1)}, {"agreements", key(1)}, {"checkins", key(1)}, {"trainings", key(1)},
	{"settings", []byte("settings")}, {"audit", key(1)}, {"scans", key(1)},
}

// fuzzFile is a small file with a record in every bucket, made once per
// process: its bytes and the stored values of fuzzSlots.
var fuzzFile = struct {
	once   sync.Once
	data   []byte
	values [][]byte
	err    error
}{}

// fuzzTemplate makes fuzzFile.
func fuzzTemplate(t testing.TB) ([]byte, [][]byte) {
	fuzzFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "tandem-fuzz-")
		if err != nil {
			fuzzFile.err = err
			return
		}
		defer os.RemoveAll(dir)
		fuzzFile.data, fuzzFile.values, fuzzFile.err = makeFuzzFile(filepath.Join(dir, "tandem.db"))
	})
	if fuzzFile.err != nil {
		t.Fatal(fuzzFile.err)
	}
	return fuzzFile.data, fuzzFile.values
}

func makeFuzzFile(path string) ([]byte, [][]byte, error) {
	c := newClock()
	s, err := Open(path, Options{Now: c.Now, User: "fuzz"})
	if err != nil {
		return nil, nil, err
	}
	prog := model.NewProgramme("Fuzz", "de")
	mentor, mentee := newPerson(1), newPerson(2)
	errs := []error{s.SaveProgramme(prog), s.SavePerson(mentor), s.SavePerson(mentee)}
	errs = append(errs,
		s.SaveEnrolment(&model.Enrolment{ProgrammeID: prog.ID, PersonID: mentor.ID, Role: model.Mentor, Capacity: 1,
			State: model.EnrolmentConfirmed}),
		s.SaveEnrolment(&model.Enrolment{ProgrammeID: prog.ID, PersonID: mentee.ID, Role: model.Mentee,
			State: model.EnrolmentConfirmed}))
	tandem := &model.Tandem{ProgrammeID: prog.ID, MentorID: mentor.ID, MenteeID: mentee.ID, Score: 80, State: model.TandemProposed}
	errs = append(errs, s.SaveTandem(tandem), tandem.Confirm(), s.SaveTandem(tandem),
		s.SaveMeeting(&model.Meeting{TandemID: tandem.ID, At: time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC), Minutes: 60,
			State: model.MeetingPlanned}),
		s.SaveCheckIn(&model.CheckIn{PersonID: mentee.ID, ProgrammeID: prog.ID, Moment: model.AtEnd, Satisfaction: 4}),
		s.SaveTraining(&model.TrainingEvent{ProgrammeID: prog.ID, On: model.NewDate(2025, 4, 2), Title: "Auftakt"}))
	_, _, err = s.EnsureAgreements(prog.ID)
	errs = append(errs, err, s.SetScan(1, "scan.pdf", "application/pdf", []byte("%PDF-1.4\n%%EOF\n")))
	errs = append(errs, s.SaveSettings(&model.Settings{CompanyName: "Muster GmbH"}))
	if err := errors.Join(errs...); err != nil {
		_ = s.Close()
		return nil, nil, err
	}
	values := make([][]byte, len(fuzzSlots))
	err = s.view(func(tx *Tx) error {
		for i, slot := range fuzzSlots {
			if b := tx.tx.Bucket([]byte(slot.bucket)); b != nil {
				values[i] = bytes.Clone(b.Get(slot.key))
			}
			if values[i] == nil {
				return fmt.Errorf("%s/%x: no value", slot.bucket, slot.key)
			}
		}
		return nil
	})
	if err := errors.Join(err, s.Close()); err != nil {
		return nil, nil, err
	}
	data, err := os.ReadFile(path)
	return data, values, err
}

// FuzzRecordDecoding stores arbitrary bytes as a value of the file and
// opens, checks and reads it: nothing panics, Check finds nothing or
// reports Damaged, every read either works or fails with Damaged or
// NotFound, and a read that meets a damaged value is one that Check
// reports.
func FuzzRecordDecoding(f *testing.F) {
	_, values := fuzzTemplate(f)
	for i, v := range values {
		f.Add(uint8(i), v)
		for _, s := range []string{"", "null", "{}", "[]", `"x"`, "1e999", `{"id":1}`, `{"id":2}`, `{"id":"1"}`,
			`{"id":1,"created":"gestern"}`, strings.Repeat("[", 10000), "\xff\xfe"} {
			f.Add(uint8(i), []byte(s))
		}
		if len(v) > 2 {
			f.Add(uint8(i), v[:len(v)/2])
			f.Add(uint8(i), bytes.Replace(v, []byte(`"id":1`), []byte(`"id":7`), 1))
		}
	}
	f.Fuzz(func(t *testing.T, slot uint8, value []byte) {
		data, _ := fuzzTemplate(t)
		path := filepath.Join(t.TempDir(), "tandem.db")
		must(t, os.WriteFile(path, data, 0o600))
		target := fuzzSlots[int(slot)%len(fuzzSlots)]
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, NoSync: true})
		must(t, err)
		must(t, db.Update(func(btx *bbolt.Tx) error {
			return btx.Bucket([]byte(target.bucket)).Put(target.key, value)
		}))
		must(t, db.Close())

		s, err := Open(path, Options{Now: newClock().Now})
		if err != nil {
			if !model.Is(err, model.Damaged) {
				t.Fatalf("Open: %v is not Damaged", err)
			}
			return
		}
		defer s.Close()
		checkErr := s.Check()
		if checkErr != nil && (!model.Is(checkErr, model.Damaged) || len(model.ProblemsOf(checkErr)) == 0) {
			t.Fatalf("Check: %v is not Damaged with problems", checkErr)
		}
		reads := map[string]func() error{
			"Persons":            func() error { _, err := s.Persons(); return err },
			"Person":             func() error { _, err := s.Person(1); return err },
			"PersonByEmail":      func() error { _, err := s.PersonByEmail("person1@example.de"); return err },
			"Programmes":         func() error { _, err := s.Programmes(); return err },
			"Programme":          func() error { _, err := s.Programme(1); return err },
			"Enrolments":         func() error { _, err := s.Enrolments(1); return err },
			"EnrolmentsOfPerson": func() error { _, err := s.EnrolmentsOfPerson(1); return err },
			"Tandems":            func() error { _, err := s.Tandems(1); return err },
			"TandemsOfPerson":    func() error { _, err := s.TandemsOfPerson(1); return err },
			"Meetings":           func() error { _, err := s.Meetings(1); return err },
			"Agreements":         func() error { _, err := s.Agreements(1); return err },
			"Scan":               func() error { _, err := s.Scan(1); return err },
			"CheckIns":           func() error { _, err := s.CheckIns(1); return err },
			"Trainings":          func() error { _, err := s.Trainings(1); return err },
			"Settings":           func() error { _, err := s.Settings(); return err },
			"Audit":              func() error { _, err := s.Audit(); return err },
			"Counts":             func() error { _, err := s.Counts(); return err },
			"ProgrammeData":      func() error { _, err := s.ProgrammeData(1); return err },
			"PersonData":         func() error { _, err := s.PersonData(1); return err },
		}
		for name, read := range reads {
			err := read()
			switch {
			case err == nil, model.Is(err, model.NotFound):
			case model.Is(err, model.Damaged):
				if checkErr == nil {
					t.Fatalf("%s: %v, but Check found nothing (%s/%x = %q)", name, err, target.bucket, target.key, value)
				}
			default:
				t.Fatalf("%s: %v is neither Damaged nor NotFound (%s/%x = %q)", name, err, target.bucket, target.key, value)
			}
		}
	})
}
