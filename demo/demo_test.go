package demo

import (
	"bytes"
	"errors"
	"image/png"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/model"
	"tandem/model/store"
)

// open returns a new store in a temporary folder.
func open(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"), store.Options{User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// must returns v, and stops the test with a panic on a read error.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestLoad loads the example as of several days of the year and checks it.
func TestLoad(t *testing.T) {
	days := []model.Date{model.DateOf(time.Now()), model.NewDate(2026, 1, 5), model.NewDate(2026, 7, 31),
		model.NewDate(2026, 8, 15)}
	for _, today := range days {
		t.Run(today.String(), func(t *testing.T) {
			s := open(t)
			if err := Load(s, today); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(); err != nil {
				t.Fatalf("Check: %v", err)
			}
			w := read(t, s)
			checkStaff(t, w, today)
			checkProgrammes(t, w, today)
		})
	}
}

// world is everything Load wrote.
type world struct {
	persons    []model.Person
	byID       map[model.ID]model.Person
	byNo       map[string]model.Person
	programmes []model.Programme
	enrolments []model.Enrolment
	tandems    []model.Tandem
	meetings   map[model.ID][]model.Meeting // by tandem
	agreements []model.Agreement
	checkIns   []model.CheckIn
	trainings  []model.TrainingEvent
}

func read(t *testing.T, s *store.Store) *world {
	w := &world{byID: map[model.ID]model.Person{}, byNo: map[string]model.Person{}, meetings: map[model.ID][]model.Meeting{}}
	w.persons = must(s.Persons())
	for _, p := range w.persons {
		w.byID[p.ID], w.byNo[p.EmployeeNo] = p, p
	}
	w.programmes = must(s.Programmes())
	for _, p := range w.programmes {
		w.enrolments = append(w.enrolments, must(s.Enrolments(p.ID))...)
		w.tandems = append(w.tandems, must(s.Tandems(p.ID))...)
		w.agreements = append(w.agreements, must(s.Agreements(p.ID))...)
		w.checkIns = append(w.checkIns, must(s.CheckIns(p.ID))...)
		w.trainings = append(w.trainings, must(s.Trainings(p.ID))...)
	}
	for _, tan := range w.tandems {
		w.meetings[tan.ID] = must(s.Meetings(tan.ID))
	}
	return w
}

var emailRE = regexp.MustCompile(`^[a-z-]+\.[a-z-]+@lindenberg-logistik\.de$`)

func checkStaff(t *testing.T, w *world, today model.Date) {
	if n := len(w.persons); n < 60 || n > 120 {
		t.Errorf("%d persons, want 60–120", n)
	}
	var ceos, former, leaving int
	var names strings.Builder
	for _, p := range w.persons {
		names.WriteString(p.FullName() + " ")
		if len(p.EmployeeNo) != 5 || p.EmployeeNo[0] != '0' {
			t.Errorf("%s: employee number %q", p.FullName(), p.EmployeeNo)
		}
		if !emailRE.MatchString(p.Email) {
			t.Errorf("%s: e-mail %q", p.FullName(), p.Email)
		}
		if p.Level < 1 || p.Level > 5 || p.Department == "" || p.JobTitle == "" || p.Location == "" ||
			len(p.Languages) == 0 || p.HireDate.IsZero() || p.HireDate.After(today) {
			t.Errorf("%s: incomplete: %+v", p.FullName(), p)
		}
		if age := today.Year - p.BirthYear; p.Level == 5 && (age < 18 || age > 23) || p.Level == 1 && (age < 45 || age > 65) {
			t.Errorf("%s: level %d at age %d", p.FullName(), p.Level, age)
		}
		switch {
		case p.Former(today):
			former++
		case !p.ExitDate.IsZero():
			leaving++
		}
		if p.ManagerNo == "" {
			ceos++
			continue
		}
		m, ok := w.byNo[p.ManagerNo]
		if !ok {
			t.Errorf("%s: manager %s does not exist", p.FullName(), p.ManagerNo)
			continue
		}
		if m.Level != p.Level-1 && (m.Level != 1 || p.Level != 1) {
			t.Errorf("%s (level %d): manager %s has level %d", p.FullName(), p.Level, m.FullName(), m.Level)
		}
		if p.Level > 2 && m.Department != p.Department {
			t.Errorf("%s: manager %s in %s", p.FullName(), m.FullName(), m.Department)
		}
		if chain(w, p) == nil {
			t.Errorf("%s: reporting line has a cycle", p.FullName())
		}
	}
	if ceos != 1 || former != 2 || leaving != 1 {
		t.Errorf("%d without manager, %d former, %d leaving; want 1, 2, 1", ceos, former, leaving)
	}
	for _, s := range []string{"Jürgen Groß", "Sören Müller", "Björn Weiß", "Zoë Kästner", "Łukasz Wójcik",
		"Agnieszka Dąbrowska", "Çelik", "Şahin", "Öztürk"} {
		if !strings.Contains(names.String(), s) {
			t.Errorf("no %s among the staff", s)
		}
	}
}

// chain returns the employee numbers above p up to the top; nil on a cycle.
func chain(w *world, p model.Person) []string {
	var up []string
	for p.ManagerNo != "" {
		if slices.Contains(up, p.ManagerNo) || len(up) > len(w.persons) {
			return nil
		}
		up = append(up, p.ManagerNo)
		p = w.byNo[p.ManagerNo]
	}
	return append(up, "")
}

func checkProgrammes(t *testing.T, w *world, today model.Date) {
	if len(w.programmes) != 2 || w.programmes[0].State != model.ProgrammeRunning ||
		w.programmes[1].State != model.ProgrammeClosed {
		t.Fatalf("programmes: %+v", w.programmes)
	}
	states := map[model.TandemState]int{}
	meetingStates := map[model.MeetingState]int{}
	agreementStates := map[model.AgreementState]int{}
	for _, a := range w.agreements {
		agreementStates[a.State]++
	}
	var oneSided, overdue bool
	for _, tan := range w.tandems {
		states[tan.State]++
		checkPair(t, w, tan)
		ms := w.meetings[tan.ID]
		var held, mentorLogs, planned int
		var last model.Date
		for _, m := range ms {
			meetingStates[m.State]++
			h := m.At.In(berlin()).Hour()
			if h < 8 || h > 17 || m.At.Weekday() == time.Saturday || m.At.Weekday() == time.Sunday {
				t.Errorf("meeting at %v", m.At)
			}
			switch m.State {
			case model.MeetingHeld:
				held++
				last = model.DateOf(m.At)
				if m.MentorLearned != "" {
					mentorLogs++
				}
				if !model.DateOf(m.At).Before(today) || len(m.Topics) == 0 {
					t.Errorf("held meeting %+v", m)
				}
			case model.MeetingPlanned:
				planned++
			case model.MeetingMoved:
				if i := slices.IndexFunc(ms, func(r model.Meeting) bool { return r.ID == m.MovedTo }); i < 0 {
					t.Errorf("moved meeting %d points to %d, not a meeting of its tandem", m.ID, m.MovedTo)
				}
			case model.MeetingCancelled:
				if m.CancelledBy == "" {
					t.Errorf("cancelled meeting %d without who", m.ID)
				}
			}
		}
		if tan.State == model.TandemActive && held > 1 && mentorLogs == 0 {
			oneSided = true
		}
		if tan.State == model.TandemActive && planned == 0 && last.AddDays(7*4+7).Before(today) {
			overdue = true
		}
		if tan.State != model.TandemProposed {
			checkAgreement(t, w, tan)
		}
	}
	if len(states) < 4 || !oneSided || !overdue {
		t.Errorf("tandem states %v, one-sided %v, overdue %v", states, oneSided, overdue)
	}
	for _, s := range model.MeetingStates {
		if meetingStates[s] == 0 {
			t.Errorf("no %s meeting: %v", s, meetingStates)
		}
	}
	if agreementStates[model.AgreementSigned] == 0 || agreementStates[model.AgreementPrinted] == 0 {
		t.Errorf("agreements: %v", agreementStates)
	}
	moments := map[model.Moment]int{}
	for _, c := range w.checkIns {
		moments[c.Moment]++
	}
	if moments[model.AfterFirstMeeting] < 8 || moments[model.HalfTime] == 0 {
		t.Errorf("check-ins: %v", moments)
	}
	for _, ev := range w.trainings {
		var want []model.ID
		for _, e := range w.enrolments {
			if e.ProgrammeID == ev.ProgrammeID && e.TrainedOn == ev.On {
				want = append(want, e.PersonID)
			}
		}
		if !slices.Equal(ev.Attendees, want) {
			t.Errorf("training %q: attendees %v, trained %v", ev.Title, ev.Attendees, want)
		}
	}
}

// checkPair checks a tandem's members against the hard matching rules.
func checkPair(t *testing.T, w *world, tan model.Tandem) {
	mentor, mentee := w.byID[tan.MentorID], w.byID[tan.MenteeID]
	name := mentor.FullName() + " → " + mentee.FullName()
	if mentor.Department == mentee.Department || mentor.Level <= mentee.Level {
		t.Errorf("%s: %s level %d, %s level %d", name, mentor.Department, mentor.Level, mentee.Department, mentee.Level)
	}
	if slices.Contains(chain(w, mentor), mentee.EmployeeNo) || slices.Contains(chain(w, mentee), mentor.EmployeeNo) {
		t.Errorf("%s: in one reporting line", name)
	}
	if tan.Score < 55 || tan.Score > 95 || len(tan.Explanation) != 5 {
		t.Errorf("%s: score %d, explanation %v", name, tan.Score, tan.Explanation)
	}
	roles := map[model.ID]model.Role{}
	for _, e := range w.enrolments {
		if e.ProgrammeID == tan.ProgrammeID {
			roles[e.PersonID] = e.Role
		}
	}
	if roles[mentor.ID] != model.Mentor || roles[mentee.ID] != model.Mentee {
		t.Errorf("%s: enrolled as %q and %q", name, roles[mentor.ID], roles[mentee.ID])
	}
}

// checkAgreement checks that a tandem past proposal has its confidentiality
// agreement, signed before the start if it started.
func checkAgreement(t *testing.T, w *world, tan model.Tandem) {
	for _, a := range w.agreements {
		if a.TandemID != tan.ID || a.Kind != model.ConfidentialityTandem {
			continue
		}
		if tan.Start.IsZero() {
			return
		}
		if a.State != model.AgreementSigned || !a.SignedOn[model.PartyMentee].Before(tan.Start) ||
			!a.SignedOn[model.PartyMentor].Before(tan.Start) {
			t.Errorf("tandem %d started %s: agreement %+v", tan.ID, tan.Start, a)
		}
		return
	}
	t.Errorf("tandem %d (%s) has no confidentiality agreement", tan.ID, tan.State)
}

// TestLoadRefusesData checks that Load leaves a file with data alone.
func TestLoadRefusesData(t *testing.T) {
	today := model.DateOf(time.Now())
	s := open(t)
	if err := Load(s, today); err != nil {
		t.Fatal(err)
	}
	before := must(s.Counts())
	audit := len(must(s.Audit()))
	err := Load(s, today)
	var e *model.Error
	if !model.Is(err, model.Conflict) || !errors.As(err, &e) || e.Entity != "file" ||
		!reflect.DeepEqual(e.Problems, []model.Problem{{Field: "file", Code: "not_empty"}}) {
		t.Fatalf("second Load: %v", err)
	}
	if after := must(s.Counts()); after != before || len(must(s.Audit())) != audit {
		t.Errorf("counts changed from %+v to %+v", before, after)
	}

	s = open(t)
	if err := s.SavePerson(&model.Person{FirstName: "Anna", LastName: "Schulz"}); err != nil {
		t.Fatal(err)
	}
	if err := Load(s, today); !model.Is(err, model.Conflict) {
		t.Fatalf("Load into a file with a person: %v", err)
	}
}

// TestDeterministic checks that the same day gives the same data.
func TestDeterministic(t *testing.T) {
	today := model.NewDate(2026, 3, 16)
	var got [2]*world
	for i := range got {
		s := open(t)
		if err := Load(s, today); err != nil {
			t.Fatal(err)
		}
		got[i] = read(t, s)
		for j := range got[i].persons {
			got[i].persons[j].Meta = model.Meta{ID: got[i].persons[j].ID}
		}
		for j := range got[i].tandems {
			got[i].tandems[j].Meta = model.Meta{ID: got[i].tandems[j].ID}
		}
	}
	if !reflect.DeepEqual(got[0].persons, got[1].persons) {
		t.Error("persons differ between two loads")
	}
	if !reflect.DeepEqual(got[0].tandems, got[1].tandems) {
		t.Error("tandems differ between two loads")
	}
}

func TestTranslit(t *testing.T) {
	for in, want := range map[string]string{"Jürgen": "juergen", "Groß": "gross", "Zoë": "zoe",
		"Łukasz": "lukasz", "Wójcik": "wojcik", "Dąbrowska": "dabrowska", "Öztürk": "oeztuerk",
		"Şahin": "sahin", "Çelik": "celik", "Kılıç": "kilic", "Anna-Lena": "anna-lena", "Céline": "celine"} {
		if got := translit(in); got != want {
			t.Errorf("translit(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLogo(t *testing.T) {
	b, err := logo()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 || len(b) > model.MaxLogoBytes {
		t.Fatalf("logo: %v, %d bytes", err, len(b))
	}
}
