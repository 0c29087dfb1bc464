package roster

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"tandem/model"
)

// TestExportRoundTrip: importing the persons sheet of an export changes
// nothing, and the template's example row imports as one new person.
func TestExportRoundTrip(t *testing.T) {
	s := demoStore(t)
	persons, err := s.Persons()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"de", "en"} {
		t.Run(lang, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export.xlsx")
			writeFile(t, path, func(f *os.File) error { return Export(f, s, lang) })
			l := outLangOf(lang)
			layout, recs, err := ReadAll(path, Options{Today: planToday}, l.t("sheet.persons"))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range layout.Columns {
				if c.Field == Ignore && c.Header != l.t("languages") {
					t.Errorf("column %q not recognised", c.Header)
				}
			}
			// Every value comes back (not only "nothing changes" because a
			// column was read as empty).
			byNo := map[string]model.Person{}
			for _, p := range persons {
				byNo[p.EmployeeNo] = p
			}
			for i, row := range prepareRows(recs, persons) {
				if p, ok := byNo[row.EmployeeNo]; !ok || !samePerson(*row, p) || len(recs[i].Problems) > 0 {
					t.Fatalf("row %d read as %+v, problems %v; stored %+v", recs[i].Row, row, recs[i].Problems, p)
				}
			}
			pl := MakePlan(recs, persons, planToday, planSource)
			if len(pl.Unchanged) != len(persons) || len(pl.New)+len(pl.Changed)+len(pl.Rejected)+len(pl.Missing) != 0 {
				t.Fatalf("round trip of %d persons: %v", len(persons), describePlan(pl))
			}

			path = filepath.Join(t.TempDir(), "vorlage.xlsx")
			writeFile(t, path, func(f *os.File) error { return WriteTemplate(f, lang) })
			_, recs, err = ReadAll(path, Options{Today: planToday}, "")
			if err != nil {
				t.Fatal(err)
			}
			want := examplePerson(l)
			if len(recs) != 1 || len(recs[0].Problems) > 0 {
				t.Fatalf("template records %+v", recs)
			}
			pl = MakePlan(recs, nil, planToday, planSource)
			if len(pl.New) != 1 || !samePerson(*pl.New[0].Person, want) {
				t.Fatalf("template example %+v, want %+v", pl.New, want)
			}
		})
	}
}

// writeFile creates path and writes it with write.
func writeFile(t *testing.T, path string, write func(f *os.File) error) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// samePerson compares the attributes a staff list carries.
func samePerson(a, b model.Person) bool {
	return !slices.ContainsFunc(personAttrs, func(at personAttr) bool { return !at.same(&a, &b) })
}
