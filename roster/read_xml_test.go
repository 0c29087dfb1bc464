package roster

import (
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens lists what the scanner yields: text before a tag, then the tag.
func tokens(input string) []string {
	s := newXMLScanner(iotest.HalfReader(strings.NewReader(input)))
	var out []string
	for s.next() {
		kind := "<"
		switch {
		case s.end:
			kind = "</"
		case s.empty:
			kind = "<>"
		}
		tok := kind + string(s.name)
		if len(s.attrs) > 0 {
			tok += "[" + strings.TrimSpace(string(s.attrs)) + "]"
		}
		if t := unescape(s.text); t != "" {
			tok = fmt.Sprintf("%q ", t) + tok
		}
		out = append(out, tok)
	}
	if s.err != nil {
		out = append(out, "error "+s.err.Error())
	}
	return out
}

// TestXMLScanner: the markup spreadsheet programs write, and the odd cases
// that cut a read short.
func TestXMLScanner(t *testing.T) {
	long := strings.Repeat("x", 200<<10) // longer than the read buffer
	tests := []struct {
		in   string
		want string
	}{
		{`<?xml version="1.0"?><x:c r="A1" t="s"><x:v>3</x:v></x:c>`, `<c[r="A1" t="s"] <v "3" </v </c`},
		{`<c r="B2" s="1"/><row>`, `<>c[r="B2" s="1"] <row`},
		{`<t>a &amp; b &lt;c&gt; &#228;&#xFC; &bogus; &#xZZ; & x</t>`, `<t "a & b <c> äü &bogus; &#xZZ; & x" </t`},
		{`<t>1 > 0</t>`, `<t "1 > 0" </t`},
		{`<c a='x>y' b="q'>r"/>`, `<>c[a='x>y' b="q'>r"]`},
		{`<t>a<!-- c > d -->b<![CDATA[<&>]]>c</t>`, `<t "ab<&>c" </t`},
		{`<t>` + long + `</t>`, `<t "` + long + `" </t`},
		{`<row><c`, `<row`},
		{`text only`, ``},
	}
	for _, tt := range tests {
		got := strings.Join(tokens(tt.in), " ")
		if got != tt.want {
			if len(got) > 200 {
				got = got[:200] + "…"
			}
			t.Errorf("%.60q:\n got %s\nwant %.200s", tt.in, got, tt.want)
		}
	}
}

// TestWorkbookFeatures: what Excel puts in a worksheet beyond plain values —
// title rows, shared strings with formatting runs and reading hints,
// inline strings, formulas with cached values, merged cells, an empty row
// inside the table, cells without references, namespace prefixes — and a
// hidden sheet that would otherwise win.
func TestWorkbookFeatures(t *testing.T) {
	shared := []string{
		"<t>Personalliste</t>", "<t>Nachname</t>", "<t>Vorname</t>", "<t>Abteilung</t>", "<t>Ebene</t>",
		`<r><rPr><b/></rPr><t xml:space="preserve">Sch</t></r><r><t>ulz</t></r><rPh sb="0" eb="1"><t>シュルツ</t></rPh>`,
		"<t>Einkauf &amp; Logistik</t>", "<t>Weber</t>", "<t>Kaya</t>", "<t>E-Mail</t>", "<t>Standort</t>",
	}
	visible := `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
		`<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c>` +
		`<c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>10</v></c></row>` +
		`<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="inlineStr"><is><t>Anna</t></is></c>` +
		`<c r="C4" t="s"><v>6</v></c><c r="D4"><f>1+1</f><v>2</v></c><c r="E4" t="str"><f>"Ul"&amp;"m"</f><v>Ulm</v></c></row>` +
		`<row r="5"><c r="A5" t="s"><v>7</v></c><c r="B5" t="inlineStr"><is><t>Jonas</t></is></c><c r="C5" s="0"/>` +
		`<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
		`<row r="6" customFormat="1" s="0"></row>` +
		`<row r="7"><c t="s"><v>8</v></c><c t="inlineStr"><is><t>Elif</t></is></c><c/><c><v>3</v></c>` +
		`<c r="E7" t="b"><v>1</v></c></row>`
	hidden := `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c>` +
		`<c r="D1" t="s"><v>4</v></c><c r="E1" t="s"><v>9</v></c><c r="F1" t="s"><v>10</v></c></row>`
	path := writeWorkbook(t, false, shared,
		testSheet{name: "Versteckt", state: "hidden", rows: hidden},
		testSheet{name: "Personal", rows: visible, merges: []string{"A1:E1", "C4:C5", "E4:E5"}})
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if s := r.Sheets(); len(s) != 2 || !s[0].Hidden || s[0].Recognised != 6 || s[1].Recognised != 5 {
		t.Errorf("sheets %+v", s)
	}
	l, err := r.Detect("")
	if err != nil || l.Sheet != "Personal" || l.HeaderRow != 3 {
		t.Fatalf("layout %+v, %v; want the visible sheet, header row 3", l, err)
	}
	var got []string
	err = r.Records(l, func(rec Record) error {
		p := rec.Person
		got = append(got, fmt.Sprintf("%d|%s|%s|%s|%d|%s|%v", rec.Row, p.LastName, p.FirstName, p.Department,
			p.Level, p.Location, rec.Problems))
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"4|Schulz|Anna|Einkauf & Logistik|2|Ulm|[]",
		"5|Weber|Jonas|Einkauf & Logistik|0|Ulm|[]",
		"7|Kaya|Elif||3|TRUE|[]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzSheetXML: whatever a worksheet part holds, scanning it ends without
// panicking, rows in order.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>`)
	f.Add(`<row><c r="XFD1"><v>1E+2</v></c><c r="ZZZZ9"/><c s="1"><v>4e4</v></c></row><mergeCell ref="A1:B2"/>`)
	f.Add(`<t><![CDATA[a]]]]><!-- -- --><c r='A1' t="d"><v>2020-01-01</v></c>`)
	book := &xlsxBook{strings: []string{"a"}, dateStyles: []bool{false, true}}
	f.Fuzz(func(t *testing.T, xml string) {
		_, err := scanSheet(strings.NewReader(xml), book, func(row int, cells []cell) error {
			if len(cells) > maxColumns {
				t.Fatalf("row %d has %d cells", row, len(cells))
			}
			return nil
		})
		if err != nil {
			t.Fatalf("scanning from memory failed: %v", err)
		}
		if _, _, err := readMerges(strings.NewReader(xml)); err != nil {
			t.Fatal(err)
		}
	})
}
