package roster

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"tandem/model"
)

func TestWriteTemplate(t *testing.T) {
	tests := []struct {
		lang, sheet string
		headers     []string
		example     []string // the example row as shown
	}{
		{"de", "Mitarbeitende",
			[]string{"Personalnummer", "Anrede", "Vorname", "Nachname", "E-Mail", "Abteilung", "Position",
				"Führungsebene", "Vorgesetzte(r)", "Standort", "Geburtsjahr", "Eintritt", "Austritt"},
			[]string{"00042", "Frau", "Anna", "Beispiel", "anna.beispiel@example.com", "IT", "Entwicklerin", "4",
				"00007", "Köln", "1996", "01.04.2021"}},
		{"en", "Staff",
			[]string{"Employee ID", "Salutation", "First Name", "Last Name", "Email", "Department", "Job Title",
				"Level", "Manager ID", "Location", "Year of Birth", "Hire Date", "Exit Date"},
			[]string{"00042", "Ms", "Emma", "Example", "emma.example@example.com", "IT", "Developer", "4",
				"00007", "Cologne", "1996", "2021-04-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteTemplate(&buf, tc.lang); err != nil {
				t.Fatal(err)
			}
			f := openXLSX(t, buf.Bytes())
			if got := f.GetSheetList(); !slices.Equal(got, []string{tc.sheet}) {
				t.Fatalf("sheets %q", got)
			}
			checkTable(t, f, buf.Bytes(), 1, tc.sheet, tc.headers, 1)
			rows, _ := f.GetRows(tc.sheet)
			if !slices.Equal(rows[1], tc.example) {
				t.Errorf("example row %q, want %q", rows[1], tc.example)
			}
			checkDate(t, f, tc.sheet, "L2", map[string]string{"de": "dd.mm.yyyy", "en": "yyyy-mm-dd"}[tc.lang], tc.example[11])
			dvs, err := f.GetDataValidations(tc.sheet)
			if err != nil || len(dvs) != 1 {
				t.Fatalf("data validations %+v, %v", dvs, err)
			}
			dv := dvs[0]
			if dv.Type != "list" || dv.Sqref != "H2:H1000" || dv.Formula1 != `"1,2,3,4,5"` || !dv.ShowErrorMessage ||
				dv.PromptTitle == nil || *dv.PromptTitle != outLangOf(tc.lang).t("template.level.title") {
				t.Errorf("level drop-down %+v", dv)
			}
			if ex := examplePerson(outLangOf(tc.lang)); ex.Validate() != nil {
				t.Errorf("example person invalid: %v", ex.Validate())
			}
		})
	}
}

func TestWriteRejections(t *testing.T) {
	recs := []Record{
		{Row: 4, Person: staffAnna, Values: []string{"100", "Anna", "Schulz", "anna.schulz@example.de", "31.02.2020"},
			Problems: []model.Problem{{Field: "hireDate", Code: "date", Arg: "31.02.2020"}}},
		{Row: 7, Person: withChange(staffBen, func(p *model.Person) { p.Email = staffAnna.Email }), Values: []string{"101", "Ben", "Özdemir", "anna.schulz@example.de"}},
		{Row: 9, Person: withChange(staffBen, func(p *model.Person) { p.EmployeeNo = "102" }),
			Values: []string{"102", "Ben", "Özdemir", "ben@example.de", ""}},
	}
	pl := MakePlan(recs, storedPersons(staffAnna, staffBen), planToday, planSource)
	if len(pl.Rejected) != 3 {
		t.Fatalf("plan %v", describePlan(pl))
	}
	headers := []string{"Pers.-Nr.", "Vorname", "Name", "Mail", "Eintritt"}
	reason := func(p model.Problem) string { return p.Code + " " + p.Arg }
	tests := []struct {
		lang, sheet string
		added       []string
	}{
		{"de", "Fehlerliste", []string{"Zeile", "Grund"}},
		{"en", "Rejected rows", []string{"Row", "Reason"}},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteRejections(&buf, pl, headers, reason, tc.lang); err != nil {
				t.Fatal(err)
			}
			f := openXLSX(t, buf.Bytes())
			if got := f.GetSheetList(); !slices.Equal(got, []string{tc.sheet}) {
				t.Fatalf("sheets %q", got)
			}
			checkTable(t, f, buf.Bytes(), 1, tc.sheet, append(slices.Clone(headers), tc.added...), 3)
			rows, _ := f.GetRows(tc.sheet)
			want := [][]string{
				{"100", "Anna", "Schulz", "anna.schulz@example.de", "31.02.2020", "4", "date 31.02.2020"},
				{"101", "Ben", "Özdemir", "anna.schulz@example.de", "", "7", "duplicate_email 4, 7"},
				{"102", "Ben", "Özdemir", "ben@example.de", "", "9", "email_taken Ben Özdemir"},
			}
			for i, w := range want {
				if !slices.Equal(rows[i+1], w) {
					t.Errorf("row %d: %q, want %q", i+2, rows[i+1], w)
				}
			}
			if typ, _ := f.GetCellType(tc.sheet, "A2"); typ != excelize.CellTypeInlineString {
				t.Errorf("employee number cell type %v, want text", typ)
			}
		})
	}
}
