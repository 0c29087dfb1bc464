package store

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tandem/model"
)

// clock is a test clock that moves one minute on every reading.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 10, 9, 0, 0, 0, time.Local)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Minute)
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// openTest opens a new store in a temporary folder with a test clock.
func openTest(t testing.TB) (*Store, *clock) {
	t.Helper()
	c := newClock()
	s, err := Open(filepath.Join(t.TempDir(), "data", "tandem.db"), Options{Now: c.Now, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, c
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantKind fails unless err is a Tandem error of kind k; it returns the error.
func wantKind(t testing.TB, err error, k model.Kind) *model.Error {
	t.Helper()
	var e *model.Error
	if !errors.As(err, &e) || e.Kind != k {
		t.Fatalf("error %v, want kind %v", err, k)
	}
	return e
}

// wantProblem fails unless err has kind k and the problem.
func wantProblem(t testing.TB, err error, k model.Kind, p model.Problem) {
	t.Helper()
	e := wantKind(t, err, k)
	if !slices.Contains(e.Problems, p) {
		t.Fatalf("problems %+v, want %+v", e.Problems, p)
	}
}

var (
	firstNames = []string{"Anna", "Ben", "Chiara", "Deniz", "Emil", "Fatma", "Jörg", "Lena", "Ömer", "Zoë"}
	lastNames  = []string{"Müller", "Schulz", "Özdemir", "Becker", "Weiß", "Ährlich", "Yilmaz", "Krüger", "Adler", "Zander"}
	suffixes   = []string{"", "a", "e", "er", "mann", "ke", "i", "o", "ow", "sen"}
)

// newPerson returns a valid, unsaved person numbered i. Names repeat about
// as often as in a real company: some 1 000 last and 100 first names.
func newPerson(i int) *model.Person {
	return &model.Person{
		EmployeeNo: fmt.Sprintf("%05d", i),
		FirstName:  firstNames[i%len(firstNames)] + suffixes[i/7%len(suffixes)],
		LastName:   lastNames[i/3%len(lastNames)] + suffixes[i/11%len(suffixes)] + suffixes[i/13%len(suffixes)],
		Email:      fmt.Sprintf("person%d@example.de", i),
		Department: []string{"IT", "Vertrieb", "Personal", "Einkauf"}[i%4],
		JobTitle:   []string{"Sachbearbeiterin", "Teamleiter", "Auszubildende", "Bereichsleiter"}[i%4],
		Level:      1 + i%5,
		ManagerNo:  fmt.Sprintf("%05d", i/10+100000),
		Location:   "Köln",
		Languages:  []string{"de", "en"},
		BirthYear:  1960 + i%40,
		HireDate:   model.NewDate(2000+i%25, time.Month(1+i%12), 1+i%28),
		Source:     model.Source{File: "mitarbeiterliste.xlsx", Imported: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)},
	}
}

// fill saves n persons in one batch and returns their ids.
func fill(t testing.TB, s *Store, n int) []model.ID {
	t.Helper()
	ids := make([]model.ID, n)
	must(t, s.Batch(func(tx *Tx) error {
		for i := range ids {
			p := newPerson(i)
			if err := tx.SavePerson(p); err != nil {
				return err
			}
			ids[i] = p.ID
		}
		return nil
	}))
	return ids
}

// fixture is a small programme with two persons and their tandem.
type fixture struct {
	prog           *model.Programme
	mentor, mentee *model.Person
	tandem         *model.Tandem
}

func setup(t testing.TB, s *Store, name string, first int) fixture {
	t.Helper()
	f := fixture{prog: model.NewProgramme(name, "de"), mentor: newPerson(first), mentee: newPerson(first + 1)}
	must(t, s.SaveProgramme(f.prog))
	must(t, s.SavePerson(f.mentor))
	must(t, s.SavePerson(f.mentee))
	f.tandem = &model.Tandem{ProgrammeID: f.prog.ID, MentorID: f.mentor.ID, MenteeID: f.mentee.ID, Score: 80,
		State: model.TandemProposed}
	must(t, s.SaveTandem(f.tandem))
	return f
}

// crud creates v, reads it back, changes it, lists it, deletes it and
// expects NotFound afterwards.
func crud[T any, P record[T]](t *testing.T, v P, save func(P) error, get func(model.ID) (T, error),
	list func() ([]T, error), del func(model.ID) error, edit func(P)) {
	t.Helper()
	must(t, save(v))
	id := v.Head().ID
	if id == 0 || v.Head().Created.IsZero() {
		t.Fatalf("saved without id or time: %+v", v.Head())
	}
	got, err := get(id)
	must(t, err)
	if P(&got).Head().ID != id {
		t.Fatalf("read id %d, want %d", P(&got).Head().ID, id)
	}
	created := v.Head().Created
	edit(P(&got))
	P(&got).Head().Created = time.Time{} // the store keeps the original
	must(t, save(P(&got)))
	again, err := get(id)
	must(t, err)
	if h := P(&again).Head(); !h.Created.Equal(created) || !h.Updated.After(created) {
		t.Fatalf("times after update: %+v, created %v", h, created)
	}
	if fmt.Sprint(again) != fmt.Sprint(got) {
		t.Fatalf("after update read\n%+v\nwant\n%+v", again, got)
	}
	all, err := list()
	must(t, err)
	if !slices.ContainsFunc(all, func(x T) bool { return P(&x).Head().ID == id }) {
		t.Fatalf("list lacks %d", id)
	}
	must(t, del(id))
	_, err = get(id)
	wantKind(t, err, model.NotFound)
	wantKind(t, del(id), model.NotFound)
	ghost := got
	P(&ghost).Head().ID = id + 1000
	wantKind(t, save(P(&ghost)), model.NotFound)
}

func TestCRUD(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, s *Store, f fixture)
	}{
		{"person", func(t *testing.T, s *Store, f fixture) {
			crud(t, newPerson(50), s.SavePerson, s.Person, s.Persons, s.DeletePerson,
				func(p *model.Person) { p.JobTitle = "Entwicklerin" })
		}},
		{"programme", func(t *testing.T, s *Store, f fixture) {
			crud(t, model.NewProgramme("Zweites Programm", "en"), s.SaveProgramme, s.Programme, s.Programmes,
				s.DeleteProgramme, func(p *model.Programme) { p.Framework = "Ziele" })
		}},
		{"enrolment", func(t *testing.T, s *Store, f fixture) {
			crud(t, model.NewEnrolment(f.prog.ID, f.mentor.ID, model.Mentor), s.SaveEnrolment, s.Enrolment,
				func() ([]model.Enrolment, error) { return s.Enrolments(f.prog.ID) }, s.DeleteEnrolment,
				func(e *model.Enrolment) { e.Topics = []string{"KI"} })
		}},
		{"tandem", func(t *testing.T, s *Store, f fixture) {
			crud(t, &model.Tandem{ProgrammeID: f.prog.ID, MentorID: f.mentee.ID, MenteeID: f.mentor.ID,
				State: model.TandemProposed}, s.SaveTandem, s.Tandem,
				func() ([]model.Tandem, error) { return s.Tandems(f.prog.ID) }, s.DeleteTandem,
				func(x *model.Tandem) { x.Score = 42 })
		}},
		{"meeting", func(t *testing.T, s *Store, f fixture) {
			crud(t, &model.Meeting{TandemID: f.tandem.ID, At: time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
				Minutes: 60, State: model.MeetingPlanned}, s.SaveMeeting, s.Meeting,
				func() ([]model.Meeting, error) { return s.Meetings(f.tandem.ID) }, s.DeleteMeeting,
				func(m *model.Meeting) { m.Place = "Kantine" })
		}},
		{"agreement", func(t *testing.T, s *Store, f fixture) {
			crud(t, &model.Agreement{Kind: model.ConfidentialityTandem, ProgrammeID: f.prog.ID, TandemID: f.tandem.ID,
				State: model.AgreementDraft}, s.SaveAgreement, s.Agreement,
				func() ([]model.Agreement, error) { return s.Agreements(f.prog.ID) }, s.DeleteAgreement,
				func(a *model.Agreement) { a.State = model.AgreementPrinted })
		}},
		{"checkin", func(t *testing.T, s *Store, f fixture) {
			crud(t, &model.CheckIn{PersonID: f.mentor.ID, ProgrammeID: f.prog.ID, Moment: model.HalfTime,
				Satisfaction: 4}, s.SaveCheckIn,
				func(id model.ID) (model.CheckIn, error) { return findByID(s.CheckIns(f.prog.ID))(id) },
				func() ([]model.CheckIn, error) { return s.CheckIns(f.prog.ID) }, s.DeleteCheckIn,
				func(c *model.CheckIn) { c.Comment = "gut" })
		}},
		{"training", func(t *testing.T, s *Store, f fixture) {
			crud(t, &model.TrainingEvent{ProgrammeID: f.prog.ID, On: model.NewDate(2025, 4, 2), Title: "Auftakt",
				Attendees: []model.ID{f.mentor.ID}}, s.SaveTraining,
				func(id model.ID) (model.TrainingEvent, error) { return findByID(s.Trainings(f.prog.ID))(id) },
				func() ([]model.TrainingEvent, error) { return s.Trainings(f.prog.ID) }, s.DeleteTraining,
				func(x *model.TrainingEvent) { x.Title = "Kick-off" })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTest(t)
			tc.run(t, s, setup(t, s, "Reverse Mentoring 2025", 1))
			must(t, s.Check())
		})
	}
}

// findByID turns a list into a getter (for kinds read by parent only).
func findByID[T any, P record[T]](list []T, err error) func(model.ID) (T, error) {
	return func(id model.ID) (T, error) {
		for _, v := range list {
			if P(&v).Head().ID == id {
				return v, nil
			}
		}
		var zero T
		if err == nil {
			err = model.E(model.NotFound)
		}
		return zero, err
	}
}

func TestUniqueIndexes(t *testing.T) {
	s, _ := openTest(t)
	anna := &model.Person{EmployeeNo: "007", FirstName: "Anna", LastName: "Schulz", Email: "Anna.Schulz@Example.de"}
	must(t, s.SavePerson(anna))
	taken := func(field string) model.Problem {
		return model.Problem{Field: field, Code: "taken", Arg: "Anna Schulz"}
	}

	for _, tc := range []struct {
		name string
		p    model.Person
		want model.Problem
	}{
		{"employee number", model.Person{EmployeeNo: "007", FirstName: "B", LastName: "C"}, taken("employeeNo")},
		{"e-mail ignoring case", model.Person{FirstName: "B", LastName: "C", Email: "anna.schulz@EXAMPLE.de"}, taken("email")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.SavePerson(&tc.p)
			wantProblem(t, err, model.Conflict, tc.want)
			if tc.p.ID != 0 {
				t.Fatalf("failed create kept id %d", tc.p.ID)
			}
		})
	}

	// Finding is case-insensitive for e-mail, exact for the number.
	got, err := s.PersonByEmail(" ANNA.schulz@example.DE ")
	must(t, err)
	if got.ID != anna.ID {
		t.Fatalf("by e-mail: %d, want %d", got.ID, anna.ID)
	}
	got, err = s.PersonByEmployeeNo("007")
	must(t, err)
	if got.ID != anna.ID {
		t.Fatalf("by number: %d", got.ID)
	}
	_, err = s.PersonByEmployeeNo("7")
	wantKind(t, err, model.NotFound)

	// Changing the values frees the old ones and takes the new ones.
	anna.Email, anna.EmployeeNo = "anna@example.de", "008"
	must(t, s.SavePerson(anna))
	_, err = s.PersonByEmail("anna.schulz@example.de")
	wantKind(t, err, model.NotFound)
	must(t, s.SavePerson(&model.Person{EmployeeNo: "007", FirstName: "B", LastName: "C", Email: "anna.schulz@example.de"}))
	got, err = s.PersonByEmail("ANNA@example.de")
	must(t, err)
	if got.ID != anna.ID {
		t.Fatal("new e-mail not indexed")
	}
	// Saving unchanged is not a conflict with itself.
	must(t, s.SavePerson(anna))

	// Deleting frees them.
	must(t, s.DeletePerson(anna.ID))
	must(t, s.SavePerson(&model.Person{EmployeeNo: "008", FirstName: "D", LastName: "E", Email: "ANNA@example.de"}))

	// Programme names are unique ignoring case.
	must(t, s.SaveProgramme(model.NewProgramme("Digital 2025", "de")))
	err = s.SaveProgramme(model.NewProgramme("DIGITAL 2025", "de"))
	wantProblem(t, err, model.Conflict, model.Problem{Field: "name", Code: "taken", Arg: "Digital 2025"})
	p, err := s.ProgrammeByName("digital 2025")
	must(t, err)
	p.Name = "Digital 2026"
	must(t, s.SaveProgramme(&p))
	must(t, s.SaveProgramme(model.NewProgramme("Digital 2025", "de")))
	must(t, s.Check())
}

func TestValidationComesFromModel(t *testing.T) {
	s, _ := openTest(t)
	err := s.SavePerson(&model.Person{FirstName: "Anna"})
	e := wantKind(t, err, model.Invalid)
	if e.Entity != "person" || e.Op != "store.SavePerson" ||
		!slices.Contains(e.Problems, model.Problem{Field: "lastName", Code: "required"}) {
		t.Fatalf("error %#v", e)
	}
}

func TestReferences(t *testing.T) {
	s, _ := openTest(t)
	f := setup(t, s, "P", 1)
	for _, tc := range []struct {
		name string
		save func() error
		want model.Problem
	}{
		{"enrolment programme", func() error { return s.SaveEnrolment(model.NewEnrolment(99, f.mentor.ID, model.Mentor)) },
			model.Problem{Field: "programme", Code: "missing"}},
		{"enrolment person", func() error { return s.SaveEnrolment(model.NewEnrolment(f.prog.ID, 99, model.Mentor)) },
			model.Problem{Field: "person", Code: "missing"}},
		{"tandem mentor", func() error {
			return s.SaveTandem(&model.Tandem{ProgrammeID: f.prog.ID, MentorID: 99, MenteeID: f.mentee.ID, State: model.TandemProposed})
		}, model.Problem{Field: "mentor", Code: "missing"}},
		{"tandem mentee", func() error {
			return s.SaveTandem(&model.Tandem{ProgrammeID: f.prog.ID, MentorID: f.mentor.ID, MenteeID: 99, State: model.TandemProposed})
		}, model.Problem{Field: "mentee", Code: "missing"}},
		{"meeting tandem", func() error {
			return s.SaveMeeting(&model.Meeting{TandemID: 99, At: time.Now(), Minutes: 60, State: model.MeetingPlanned})
		}, model.Problem{Field: "tandem", Code: "missing"}},
		{"agreement tandem", func() error {
			return s.SaveAgreement(&model.Agreement{Kind: model.TandemAgreement, ProgrammeID: f.prog.ID, TandemID: 99, State: model.AgreementDraft})
		}, model.Problem{Field: "tandem", Code: "missing"}},
		{"agreement person", func() error {
			return s.SaveAgreement(&model.Agreement{Kind: model.ConfidentialityPerson, ProgrammeID: f.prog.ID, PersonID: 99, State: model.AgreementDraft})
		}, model.Problem{Field: "person", Code: "missing"}},
		{"check-in person", func() error {
			return s.SaveCheckIn(&model.CheckIn{PersonID: 99, ProgrammeID: f.prog.ID, Moment: model.AtEnd, Satisfaction: 3})
		}, model.Problem{Field: "person", Code: "missing"}},
		{"training attendee", func() error {
			return s.SaveTraining(&model.TrainingEvent{ProgrammeID: f.prog.ID, On: model.NewDate(2025, 1, 1), Title: "T",
				Attendees: []model.ID{f.mentor.ID, 98, 99}})
		}, model.Problem{Field: "attendees", Code: "missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantProblem(t, tc.save(), model.Invalid, tc.want) })
	}
}

func TestEnrolmentRules(t *testing.T) {
	s, c := openTest(t)
	f := setup(t, s, "P", 1)
	e := model.NewEnrolment(f.prog.ID, f.mentor.ID, model.Mentor)
	must(t, s.SaveEnrolment(e))
	wantProblem(t, s.SaveEnrolment(model.NewEnrolment(f.prog.ID, f.mentor.ID, model.Mentee)), model.Conflict,
		model.Problem{Field: "person", Code: "enrolled"})

	// A person whose exit date has passed is not enrolled any more …
	today := model.DateOf(c.Now())
	f.mentee.ExitDate = today
	must(t, s.SavePerson(f.mentee))
	wantProblem(t, s.SaveEnrolment(model.NewEnrolment(f.prog.ID, f.mentee.ID, model.Mentee)), model.Invalid,
		model.Problem{Field: "person", Code: "former"})
	// … one leaving tomorrow still is …
	f.mentee.ExitDate = today.AddDays(2)
	must(t, s.SavePerson(f.mentee))
	late := model.NewEnrolment(f.prog.ID, f.mentee.ID, model.Mentee)
	must(t, s.SaveEnrolment(late))
	// … and an existing enrolment of someone who has left since can still be changed.
	f.mentor.ExitDate = today.AddDays(-1)
	must(t, s.SavePerson(f.mentor))
	must(t, e.SetState(model.EnrolmentWithdrawn))
	must(t, s.SaveEnrolment(e))

	mine, err := s.EnrolmentsOfPerson(f.mentee.ID)
	must(t, err)
	if len(mine) != 1 || mine[0].ID != late.ID {
		t.Fatalf("enrolments of person: %+v", mine)
	}
}

func TestDeletePersonInUse(t *testing.T) {
	s, _ := openTest(t)
	f := setup(t, s, "Digital 2025", 1)
	inUse := model.Problem{Field: "person", Code: "in_use", Arg: "Digital 2025"}
	wantProblem(t, s.DeletePerson(f.mentee.ID), model.Conflict, inUse) // tandem member
	e := model.NewEnrolment(f.prog.ID, f.mentee.ID, model.Mentee)
	must(t, s.SaveEnrolment(e))
	must(t, s.DeleteTandem(f.tandem.ID))
	wantProblem(t, s.DeletePerson(f.mentee.ID), model.Conflict, inUse) // enrolled
	must(t, s.DeleteEnrolment(e.ID))
	must(t, s.DeletePerson(f.mentee.ID))
	must(t, s.Check())
}

func TestDeleteProgrammeCascades(t *testing.T) {
	s, _ := openTest(t)
	keep := setup(t, s, "Bleibt", 1)
	f := setup(t, s, "Geht", 3)
	for _, x := range []fixture{keep, f} {
		must(t, s.SaveEnrolment(model.NewEnrolment(x.prog.ID, x.mentor.ID, model.Mentor)))
		must(t, s.SaveMeeting(&model.Meeting{TandemID: x.tandem.ID, At: time.Now(), Minutes: 60, State: model.MeetingPlanned}))
		a := &model.Agreement{Kind: model.ConfidentialityTandem, ProgrammeID: x.prog.ID, TandemID: x.tandem.ID, State: model.AgreementDraft}
		must(t, s.SaveAgreement(a))
		must(t, s.SetScan(a.ID, "scan.pdf", "application/pdf", []byte("%PDF-1.4")))
		must(t, s.SaveAgreement(&model.Agreement{Kind: model.ConfidentialityPerson, ProgrammeID: x.prog.ID,
			PersonID: x.mentee.ID, State: model.AgreementDraft}))
		must(t, s.SaveCheckIn(&model.CheckIn{PersonID: x.mentor.ID, ProgrammeID: x.prog.ID, TandemID: x.tandem.ID,
			Moment: model.AtEnd, Satisfaction: 5}))
		must(t, s.SaveTraining(&model.TrainingEvent{ProgrammeID: x.prog.ID, On: model.NewDate(2025, 1, 1), Title: "T"}))
	}
	before, err := s.Counts()
	must(t, err)
	must(t, s.DeleteProgramme(f.prog.ID))
	after, err := s.Counts()
	must(t, err)
	want := Counts{Persons: 4, Programmes: 1, Enrolments: 1, Tandems: 1, Meetings: 1, Agreements: 2, CheckIns: 1, Trainings: 1}
	if after != want || before.Agreements != 4 {
		t.Fatalf("counts before %+v after %+v, want %+v", before, after, want)
	}
	as, err := s.Agreements(keep.prog.ID)
	must(t, err)
	if _, err := s.Scan(as[0].ID); err != nil {
		t.Fatal("scan of the other programme lost")
	}
	must(t, s.DeletePerson(f.mentor.ID)) // no longer in use
	must(t, s.Check())
}

func TestSetScan(t *testing.T) {
	s, _ := openTest(t)
	f := setup(t, s, "P", 1)
	a := &model.Agreement{Kind: model.ConfidentialityTandem, ProgrammeID: f.prog.ID, TandemID: f.tandem.ID, State: model.AgreementDraft}
	must(t, s.SaveAgreement(a))
	for _, tc := range []struct {
		name, typ string
		size      int
		want      model.Problem
	}{
		{"too large", "application/pdf", model.MaxScanBytes + 1, model.Problem{Field: "scan", Code: "scan_too_large", Arg: "10 MB"}},
		{"wrong type", "image/gif", 10, model.Problem{Field: "scan", Code: "scan_type"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantProblem(t, s.SetScan(a.ID, "x", tc.typ, make([]byte, tc.size)), model.Invalid, tc.want)
		})
	}
	wantKind(t, s.SetScan(999, "x", "image/png", []byte("png")), model.NotFound)
	_, err := s.Scan(a.ID)
	wantKind(t, err, model.NotFound)

	data := make([]byte, model.MaxScanBytes)
	data[0], data[len(data)-1] = 'J', 'Z'
	must(t, s.SetScan(a.ID, " unterschrieben.jpg ", "image/jpeg", data))
	got, err := s.Scan(a.ID)
	must(t, err)
	if len(got) != len(data) || got[0] != 'J' || got[len(got)-1] != 'Z' {
		t.Fatal("scan bytes differ")
	}
	stored, err := s.Agreement(a.ID)
	must(t, err)
	if want := (model.Scan{Name: "unterschrieben.jpg", Type: "image/jpeg", Size: len(data)}); stored.Scan == nil || *stored.Scan != want {
		t.Fatalf("scan description %+v", stored.Scan)
	}
	// The description is the store's: a save without it keeps it.
	stored.Scan = nil
	must(t, s.SaveAgreement(&stored))
	if again, _ := s.Agreement(a.ID); again.Scan == nil {
		t.Fatal("save dropped the scan description")
	}
	must(t, s.Check())
	// Empty data removes the scan.
	must(t, s.SetScan(a.ID, "", "", nil))
	if again, _ := s.Agreement(a.ID); again.Scan != nil {
		t.Fatal("scan description kept")
	}
	_, err = s.Scan(a.ID)
	wantKind(t, err, model.NotFound)
	must(t, s.SetScan(a.ID, "s.png", "image/png", []byte("png")))
	must(t, s.DeleteAgreement(a.ID))
	_, err = s.Scan(a.ID)
	wantKind(t, err, model.NotFound)
	must(t, s.Check())
}

func TestPersonsOrder(t *testing.T) {
	s, _ := openTest(t)
	names := [][2]string{{"Arnold", "Max"}, {"Müller", "Zoe"}, {"Mueller", "Anna"}, {"müller", "Anna"},
		{"Ärger", "Eva"}, {"Möller", "Uwe"}, {"Adler", "Tom"}, {"Moeller", "Jan"}, {"Maier", "Udo"}, {"mayer", "Ida"},
		{"Müller", "Anna"}}
	for _, n := range names {
		must(t, s.SavePerson(&model.Person{LastName: n[0], FirstName: n[1]}))
	}
	ps, err := s.Persons()
	must(t, err)
	var got []string
	for _, p := range ps {
		got = append(got, p.SortName())
	}
	want := []string{"Adler, Tom", "Ärger, Eva", "Arnold, Max", "Maier, Udo", "mayer, Ida", "Moeller, Jan",
		"Möller, Uwe", "Mueller, Anna", "müller, Anna", "Müller, Anna", "Müller, Zoe"}
	if !slices.Equal(got, want) {
		t.Fatalf("order\n%q\nwant\n%q", got, want)
	}
}

func TestListOrders(t *testing.T) {
	s, _ := openTest(t)
	for _, p := range []struct {
		name  string
		state model.ProgrammeState
	}{{"Zeta", model.ProgrammePlanning}, {"Alt", model.ProgrammeClosed}, {"Öl", model.ProgrammeRunning},
		{"Beta", model.ProgrammeMatching}, {"alpha", model.ProgrammePlanning}, {"Omega", model.ProgrammeRunning}} {
		prog := model.NewProgramme(p.name, "de")
		prog.State = p.state
		must(t, s.SaveProgramme(prog))
	}
	ps, err := s.Programmes()
	must(t, err)
	var got []string
	for _, p := range ps {
		got = append(got, p.Name)
	}
	if want := []string{"Öl", "Omega", "Beta", "alpha", "Zeta", "Alt"}; !slices.Equal(got, want) {
		t.Fatalf("programmes %q, want %q", got, want)
	}

	f := setup(t, s, "Meetings", 1)
	at := time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
	for _, d := range []int{3, 1, 2, 1} {
		must(t, s.SaveMeeting(&model.Meeting{TandemID: f.tandem.ID, At: at.AddDate(0, 0, d), Minutes: 30, State: model.MeetingPlanned}))
	}
	ms, err := s.Meetings(f.tandem.ID)
	must(t, err)
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.At.After(b.At) || (a.At.Equal(b.At) && a.ID > b.ID) {
			t.Fatalf("meetings out of order at %d: %v", i, ms)
		}
	}
	ts, err := s.TandemsOfPerson(f.mentee.ID)
	must(t, err)
	if len(ts) != 1 || ts[0].ID != f.tandem.ID {
		t.Fatalf("tandems of person %+v", ts)
	}
}

func TestAudit(t *testing.T) {
	s, _ := openTest(t)
	p := newPerson(1)
	must(t, s.SavePerson(p))
	p.JobTitle = "Leitung"
	must(t, s.SavePerson(p))
	must(t, s.DeletePerson(p.ID))
	prog := model.NewProgramme("P", "de")
	must(t, s.SaveProgramme(prog))
	log, err := s.Audit()
	must(t, err)
	var got []string
	for _, e := range log {
		if e.User != "tester" || e.Time.IsZero() {
			t.Fatalf("entry %+v", e)
		}
		got = append(got, fmt.Sprintf("%s %s %d %s", e.Action, e.Entity, e.EntityID, e.Summary))
	}
	want := []string{"create programme 1 Programm #1, Status planning", "delete person 1 Person #1",
		"update person 1 Person #1", "create person 1 Person #1", "migrate file 0 Schema 1: create buckets"}
	if !slices.Equal(got, want) {
		t.Fatalf("audit\n%q\nwant\n%q", got, want)
	}
}

func TestSettings(t *testing.T) {
	s, _ := openTest(t)
	st, err := s.Settings()
	must(t, err)
	if !st.Updated.IsZero() || st.CompanyName != "" {
		t.Fatalf("fresh settings %+v", st)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 32)...)
	st = model.Settings{CompanyName: "Muster GmbH", Address: "Hauptstr. 1\n50667 Köln", Logo: png}
	must(t, s.SaveSettings(&st))
	got, err := s.Settings()
	must(t, err)
	if got.CompanyName != st.CompanyName || got.Address != st.Address || string(got.Logo) != string(png) ||
		!got.Updated.Equal(st.Updated) || got.Updated.IsZero() {
		t.Fatalf("settings %+v, want %+v", got, st)
	}
	wantProblem(t, s.SaveSettings(&model.Settings{Logo: []byte("GIF89a....")}), model.Invalid, model.Problem{Field: "logo", Code: "logo_type"})
}

func TestBatchAllOrNothing(t *testing.T) {
	s, _ := openTest(t)
	boom := errors.New("boom")
	p := newPerson(1)
	err := s.Batch(func(tx *Tx) error {
		if err := tx.SavePerson(p); err != nil {
			return err
		}
		if err := tx.SaveProgramme(model.NewProgramme("P", "de")); err != nil {
			return err
		}
		if _, err := tx.Person(p.ID); err != nil { // visible inside the batch
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("batch error %v", err)
	}
	n, err := s.Counts()
	must(t, err)
	if n != (Counts{}) {
		t.Fatalf("counts after failed batch %+v", n)
	}
	empty, err := s.Empty()
	must(t, err)
	if !empty {
		t.Fatal("not empty")
	}
	// A store rule broken inside a batch undoes the batch too.
	err = s.Batch(func(tx *Tx) error {
		if err := tx.SavePerson(newPerson(2)); err != nil {
			return err
		}
		return tx.SavePerson(newPerson(2))
	})
	wantKind(t, err, model.Conflict)
	if n, _ := s.Counts(); n.Persons != 0 {
		t.Fatal("partial batch stored")
	}
	fill(t, s, 3)
	if n, _ := s.Counts(); n.Persons != 3 {
		t.Fatalf("counts %+v", n)
	}
	if empty, _ := s.Empty(); empty {
		t.Fatal("empty")
	}
}

func TestSortCollated(t *testing.T) {
	c := collate.New(language.German, collate.IgnoreCase)
	rng := rand.New(rand.NewPCG(1, 2))
	ps := make([]model.Person, 3000)
	for i := range ps {
		p := newPerson(rng.IntN(500))
		p.ID = model.ID(i + 1)
		ps[i] = *p
	}
	rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	sortCollated(ps, nil, func(p *model.Person) [2]string { return [2]string{p.LastName, p.FirstName} })
	seen := map[model.ID]bool{}
	for i, p := range ps {
		seen[p.ID] = true
		if i == 0 {
			continue
		}
		q := ps[i-1]
		if order := cmp.Or(c.CompareString(q.LastName, p.LastName), c.CompareString(q.FirstName, p.FirstName),
			cmp.Compare(q.ID, p.ID)); order >= 0 {
			t.Fatalf("at %d: %s (%d) before %s (%d)", i, q.SortName(), q.ID, p.SortName(), p.ID)
		}
	}
	if len(seen) != len(ps) {
		t.Fatalf("%d distinct records after sorting %d", len(seen), len(ps))
	}
}

func TestConcurrentUse(t *testing.T) {
	s, _ := openTest(t)
	fill(t, s, 50)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 20 {
				p := newPerson(1000 + w*100 + i)
				if err := s.SavePerson(p); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.Persons(); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Go(func() {
		if _, err := s.Backup("manual"); err != nil {
			t.Error(err)
		}
		if err := s.Check(); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	n, err := s.Counts()
	must(t, err)
	if n.Persons != 50+80 {
		t.Fatalf("%d persons", n.Persons)
	}
	must(t, s.Check())
}
