package roster

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"tandem/model"
)

// utf16 encodes text as Excel's "Unicode text" does, with byte order mark.
func utf16(t *testing.T, e unicode.Endianness, text string) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCSVEncodings: every encoding Excel saves text in arrives intact, and
// no byte order mark ends up in the first header.
func TestCSVEncodings(t *testing.T) {
	semicolon := "Nachname;Vorname;Abteilung\r\nMüller;Jürgen;Geschäftsführung\r\n"
	tab := strings.ReplaceAll(semicolon, ";", "\t")
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(semicolon)},
		{"UTF-8 with BOM", append([]byte("\xef\xbb\xbf"), semicolon...)},
		{"Windows-1252", []byte("Nachname;Vorname;Abteilung\r\nM\xfcller;J\xfcrgen;Gesch\xe4ftsf\xfchrung\r\n")},
		{"UTF-16 LE (Unicode text)", utf16(t, unicode.LittleEndian, tab)},
		{"UTF-16 BE", utf16(t, unicode.BigEndian, tab)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, recs, err := ReadAll(writeTemp(t, "liste.txt", tt.data), Options{}, "")
			if err != nil {
				t.Fatal(err)
			}
			if l.Columns[0].Header != "Nachname" || l.Columns[0].Field != LastName {
				t.Errorf("first column %+v", l.Columns[0])
			}
			p := recs[0].Person
			if p.LastName != "Müller" || p.FirstName != "Jürgen" || p.Department != "Geschäftsführung" {
				t.Errorf("got %q %q %q", p.LastName, p.FirstName, p.Department)
			}
		})
	}
}

// TestSeparator: the separator that occurs most outside quotes wins.
func TestSeparator(t *testing.T) {
	tests := []struct {
		text string
		want rune
	}{
		{"Nachname;Vorname;E-Mail\nSchulz;Anna;a@b.de\n", ';'},
		{"Nachname,Vorname,E-Mail\nSchulz,Anna,a@b.de\n", ','},
		{"Nachname\tVorname\tE-Mail\nSchulz\tAnna\ta@b.de\n", '\t'},
		{"Nachname, Vorname;E-Mail;Ort\nSchulz, Anna;a@b.de;Ulm\n", ';'},
		{`"Name, Vorname",E-Mail` + "\n" + `"Schulz, Anna",a@b.de` + "\n", ','},
		{"Name\nSchulz\n", ';'},
	}
	for _, tt := range tests {
		if got := detectSeparator([]byte(tt.text)); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestCSVRows: quoted fields keep their line breaks and separators; the row
// numbers are Excel's, blank lines counted, Excel's "sep=" line not.
func TestCSVRows(t *testing.T) {
	text := "Mitarbeiterliste\n\nNachname;Vorname;Position\n" +
		"Schulz;Anna;\"Leitung\nEinkauf; Logistik\"\n" +
		"\n" +
		"\"Weber\";Jonas;\"Azubi \"\"IT\"\"\"\n" +
		"Kaya;\"Elif\r\nSu\";Vertrieb\n" +
		"Brandt;Lena;Marketing"
	for _, prefix := range []string{"", "sep=;\n"} {
		l, recs, err := readCSV(t, prefix+text)
		if err != nil {
			t.Fatal(err)
		}
		if l.HeaderRow != 3 {
			t.Errorf("header row %d, want 3", l.HeaderRow)
		}
		var got []string
		for _, r := range recs {
			got = append(got, strings.Join([]string{strconv.Itoa(r.Row), r.Person.LastName, r.Person.FirstName,
				r.Person.JobTitle}, "|"))
		}
		want := []string{"4|Schulz|Anna|Leitung Einkauf; Logistik", `6|Weber|Jonas|Azubi "IT"`,
			"7|Kaya|Elif Su|Vertrieb", "8|Brandt|Lena|Marketing"}
		if !slices.Equal(got, want) {
			t.Errorf("with %q: %q, want %q", prefix, got, want)
		}
	}
}

// TestDetectCSV: empty sheets and sheets without a header are told apart;
// the header is looked for in the first 20 rows.
func TestDetectCSV(t *testing.T) {
	tests := []struct {
		name, text, code string
		headerRow        int
	}{
		{"empty", "", "empty_sheet", 0},
		{"only separators", ";;;\r\n;;;\r\n\r\n", "empty_sheet", 0},
		{"no header", "a;b;c\n1;2;3\n", "no_header", 0},
		{"one header only", "Name;Bemerkung\nSchulz;x\n", "no_header", 0},
		{"header in row 20", strings.Repeat("Titel\n", 19) + "Nachname;Vorname\nSchulz;Anna\n", "", 20},
		{"header in row 21", strings.Repeat("Titel\n", 20) + "Nachname;Vorname\nSchulz;Anna\n", "no_header", 0},
		{"content only below row 20", strings.Repeat("\n", 25) + "Nachname;Vorname\n", "no_header", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _, err := readCSV(t, tt.text)
			switch {
			case tt.code != "":
				if code := refusalCode(t, err); code != tt.code {
					t.Errorf("code %q, want %q", code, tt.code)
				}
			case err != nil || l.HeaderRow != tt.headerRow:
				t.Errorf("header row %d, %v; want %d", l.HeaderRow, err, tt.headerRow)
			}
		})
	}
}

// FuzzCSV: whatever bytes a .csv file holds, reading it never panics and
// ends in records or a refusal.
func FuzzCSV(f *testing.F) {
	for _, name := range []string{"mitarbeiterliste_utf8.csv", "mitarbeiterliste_semikolon_cp1252.csv"} {
		data, err := os.ReadFile(fixture(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Nachname;Vorname;Eintritt\nSchulz;Anna;01/13/2020\nWeber;\"Jonas\n;\";02/03/2020\n"))
	f.Add([]byte("\xff\xfeN\x00a\x00m\x00e\x00\t\x00"))
	f.Add([]byte("sep=,\nName,E-Mail\n\"Schulz, Anna\",anna@x.de"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := openBytes("fuzz.csv", data, Options{Today: testToday})
		if err != nil {
			if !model.Is(err, model.Invalid) {
				t.Fatalf("Open: %v is no refusal", err)
			}
			return
		}
		l, err := r.Detect("")
		if err != nil {
			if !model.Is(err, model.Invalid) {
				t.Fatalf("Detect: %v is no refusal", err)
			}
			return
		}
		last := l.HeaderRow
		err = r.Records(l, func(rec Record) error {
			if rec.Row <= last || len(rec.Values) > len(l.Columns) {
				t.Fatalf("row %d after %d, %d values for %d columns", rec.Row, last, len(rec.Values), len(l.Columns))
			}
			last = rec.Row
			return nil
		}, nil)
		if err != nil && !model.Is(err, model.Invalid) {
			t.Fatalf("Records: %v is no refusal", err)
		}
	})
}
