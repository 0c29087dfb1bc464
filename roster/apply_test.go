package roster

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tandem/model"
	"tandem/model/store"
)

// openStore opens a new store in a temporary folder whose clock stands at
// noon of planToday.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	now := planToday.Time()
	s, err := store.Open(filepath.Join(t.TempDir(), "tandem.db"),
		store.Options{Now: func() time.Time { return now }, User: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// saved stores the persons and returns them as stored.
func saved(t testing.TB, s *store.Store, ps ...model.Person) []model.Person {
	t.Helper()
	for i := range ps {
		ps[i].Source = planEarlier
		if err := s.SavePerson(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Persons()
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestApply(t *testing.T) {
	tests := []struct {
		name string
		// spoil prepares the store for the case after the plan is made.
		spoil func(t *testing.T, s *store.Store)
		kind  model.Kind // of the error; Other for none
	}{
		{"applied", nil, model.Other},
		{"backup fails", func(t *testing.T, s *store.Store) {
			// A file where the backup folder should be: no backup can be made.
			if err := os.WriteFile(s.BackupDir(), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, model.IO},
		{"someone took the e-mail address since", func(t *testing.T, s *store.Store) {
			p := model.Person{FirstName: "Erika", LastName: "Schnell", Email: "clara@example.de"}
			if err := s.SavePerson(&p); err != nil {
				t.Fatal(err)
			}
		}, model.Conflict},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t)
			existing := saved(t, s, staffAnna, staffBen)
			pl := MakePlan(recordsOf(withChange(staffAnna, func(p *model.Person) { p.Department = "Personal" }), staffClara),
				existing, planToday, planSource)
			if len(pl.New) != 1 || len(pl.Changed) != 1 || len(pl.Missing) != 1 {
				t.Fatalf("plan %v", describePlan(pl))
			}
			if tc.spoil != nil {
				tc.spoil(t, s)
			}
			before, err := s.Persons()
			if err != nil {
				t.Fatal(err)
			}
			err = Apply(s, pl, []model.ID{pl.Missing[0].ID}, planToday)
			after, _ := s.Persons()
			if tc.kind != model.Other {
				if !model.Is(err, tc.kind) {
					t.Fatalf("Apply: %v, want kind %v", err, tc.kind)
				}
				if !slices.EqualFunc(before, after, func(a, b model.Person) bool { return a.Updated.Equal(b.Updated) }) {
					t.Fatal("a failed Apply wrote persons")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Apply let the written persons go; what callers report stays.
			if n, c := pl.New[0], pl.Changed[0]; n.Person != nil || c.Person != nil || n.Row != 3 || c.Row != 2 ||
				len(c.Changes) != 1 || len(pl.Unchanged)+len(pl.Rejected) != 0 || len(pl.Missing) != 1 {
				t.Fatalf("plan after Apply: %+v", pl)
			}
			got := map[string]model.Person{}
			for _, p := range after {
				got[p.FirstName] = p
			}
			if len(after) != 3 || got["Anna"].Department != "Personal" || got["Anna"].Source != planSource ||
				got["Clara"].Source != planSource || got["Ben"].ExitDate != planToday {
				t.Fatalf("persons after Apply: %+v", after)
			}
			bs, err := s.Backups()
			if err != nil || len(bs) != 1 || bs[0].Reason != "import" {
				t.Fatalf("backups %+v, %v", bs, err)
			}
			log, err := s.Audit()
			if err != nil {
				t.Fatal(err)
			}
			if e := log[0]; e.Action != "import" || e.Entity != "person" ||
				e.Summary != "Import aus liste.xlsx: 1 neu, 1 geändert, 1 als ausgeschieden markiert" {
				t.Fatalf("audit %+v", e)
			}
		})
	}
}
