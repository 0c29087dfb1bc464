package roster

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"tandem/model"
)

// TestParseDate: the text forms of a date, in either order of a column.
func TestParseDate(t *testing.T) {
	d := model.NewDate
	tests := []struct {
		in    string
		order dateOrder
		want  model.Date
	}{
		{"07.09.1993", dayFirst, d(1993, 9, 7)},
		{"7.9.93", dayFirst, d(1993, 9, 7)},
		{"7.9.93", monthFirst, d(1993, 9, 7)}, // dots are always day first
		{"1.4.29", dayFirst, d(2029, 4, 1)},
		{"1.4.30", dayFirst, d(1930, 4, 1)},
		{"1993-09-07", monthFirst, d(1993, 9, 7)},
		{"1993-9-7", dayFirst, d(1993, 9, 7)},
		{"1993-09-07T00:00:00Z", dayFirst, d(1993, 9, 7)},
		{"07.09.1993 08:30", dayFirst, d(1993, 9, 7)},
		{"19930907", dayFirst, d(1993, 9, 7)},
		{"07/09/1993", dayFirst, d(1993, 9, 7)},
		{"09/07/1993", monthFirst, d(1993, 9, 7)},
		{"09-07-93", monthFirst, d(1993, 9, 7)},
		{"29.02.2024", dayFirst, d(2024, 2, 29)},
		{"29.02.2023", dayFirst, model.Date{}},
		{"13/13/2020", dayFirst, model.Date{}},
		{"31.04.2020", dayFirst, model.Date{}},
		{"7.9.993", dayFirst, model.Date{}},
		{"1993-09", dayFirst, model.Date{}},
		{"34219", dayFirst, model.Date{}},
		{"7. September 1993", dayFirst, model.Date{}},
		{"07.09-1993", dayFirst, model.Date{}},
		{"", dayFirst, model.Date{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in, tt.order)
		if got != tt.want || ok != !tt.want.IsZero() {
			t.Errorf("parseDate(%q, %d) = %v, %v; want %v", tt.in, tt.order, got, ok, tt.want)
		}
	}
}

// TestDateFormats: which number formats make a number a date cell.
func TestDateFormats(t *testing.T) {
	tests := []struct {
		id   int
		code string
		want bool
	}{
		{0, "", false}, {1, "", false}, {4, "", false}, {14, "", true}, {17, "", true}, {22, "", true},
		{45, "", true}, {49, "", false},
		{164, "General", false},
		{164, "[$-407]dd/mm/yyyy", true},
		{164, `dd\.mm\.yyyy;@`, true},
		{165, "DD.MM.YY", true},
		{166, "mmmm yyyy", true},
		{167, `#,##0.00\ "€"`, false},
		{168, `0" Tage"`, false},
		{169, "[Red]0.00", false},
		{170, "h:mm:ss", false},
		{171, "@", false},
		{14, "0.00", false}, // the file's own code counts over the built-in id
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.id, tt.code); got != tt.want {
			t.Errorf("isDateFormat(%d, %q) = %v, want %v", tt.id, tt.code, got, tt.want)
		}
	}
}

// TestDateColumnOrder decides per column: a first part over 12 makes it day
// first (also for the rows before it); US only when a second part is over
// 12 and no first part is; ambiguous columns are day first. The records
// still come in row order.
func TestDateColumnOrder(t *testing.T) {
	rows := [][3]string{ // Eintritt (day first, proven late), Austritt (US), Geburtsdatum (ambiguous)
		{"03/04/2020", "03/04/2021", "01/02/1980"},
		{"05/06/2020", "", "03/04/1981"},
		{"1.2.2020", "", ""},
		{"14/03/2020", "12/31/2021", "05/06/1982"},
		{"07/08/2020", "06/07/2022", ""},
	}
	var b strings.Builder
	b.WriteString("Nachname;Vorname;Eintritt;Austritt;Geburtsdatum\n")
	for i, r := range rows {
		fmt.Fprintf(&b, "N%d;V%d;%s;%s;%s\n", i, i, r[0], r[1], r[2])
	}
	_, recs, err := readCSV(t, b.String())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprintf("%d %s %s %d %v", r.Row, r.Person.HireDate, r.Person.ExitDate,
			r.Person.BirthYear, r.Problems))
	}
	want := []string{
		"2 2020-04-03 2021-03-04 1980 []",
		"3 2020-06-05  1981 []",
		"4 2020-02-01  0 []",
		"5 2020-03-14 2021-12-31 1982 []",
		"6 2020-08-07 2022-06-07 0 []",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDateCellsAndText: dates from date cells (built-in and custom formats),
// ISO date cells and text in one workbook; numbers in other formats stay
// numbers.
func TestDateCellsAndText(t *testing.T) {
	path := writeWorkbook(t, false, []string{"<t>Nachname</t>", "<t>Vorname</t>", "<t>Eintritt</t>",
		"<t>Austritt</t>", "<t>Personalnr.</t>", "<t>07.09.1993</t>"},
		testSheet{name: "Liste", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
			`<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>B</t></is></c>` +
			`<c r="C2" s="1"><v>34219</v></c><c r="D2" s="2"><v>34219.5</v></c><c r="E2" s="3"><v>100</v></c></row>` +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>C</t></is></c><c r="B3" t="inlineStr"><is><t>D</t></is></c>` +
			`<c r="C3" t="s"><v>5</v></c><c r="D3" t="d"><v>1993-09-07T00:00:00</v></c><c r="E3"><v>1E+2</v></c></row>` +
			`<row r="4"><c r="A4" t="inlineStr"><is><t>E</t></is></c><c r="B4" t="inlineStr"><is><t>F</t></is></c>` +
			`<c r="C4" s="3"><v>34219</v></c></row>`})
	_, recs, err := ReadAll(path, Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	sept7 := model.NewDate(1993, 9, 7)
	if p := recs[0].Person; p.HireDate != sept7 || p.ExitDate != sept7 || p.EmployeeNo != "100" {
		t.Errorf("date cells: %v %v %q", p.HireDate, p.ExitDate, p.EmployeeNo)
	}
	if p := recs[1].Person; p.HireDate != sept7 || p.ExitDate != sept7 || p.EmployeeNo != "100" {
		t.Errorf("text and ISO dates, number in exponent form: %v %v %q", p.HireDate, p.ExitDate, p.EmployeeNo)
	}
	if ps := recs[2].Problems; !slices.Equal(ps, []model.Problem{{Field: "hireDate", Code: "date", Arg: "34219"}}) {
		t.Errorf("a plain number as hire date: %v", ps)
	}
	if v := recs[0].Values; v[2] != "1993-09-07" || v[4] != "100" {
		t.Errorf("values %q", v)
	}
}
