package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// csvBook is a CSV file: one sheet named after the file, decoded to UTF-8,
// with the separator it uses.
type csvBook struct {
	name  string
	data  []byte
	comma rune
}

// Byte order marks.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// openCSV decodes a CSV file and finds its separator.
func openCSV(name string, raw []byte) (*csvBook, error) {
	data, err := decodeText(raw)
	if err == nil && bytes.IndexByte(data, 0) >= 0 {
		err = errors.New("binary data, not text")
	}
	if err != nil {
		return nil, refusal("roster.Open", "corrupt", "", err)
	}
	b := &csvBook{name: name, data: data}
	if line, rest, ok := bytes.Cut(data, []byte("\n")); ok && bytes.HasPrefix(line, []byte("sep=")) {
		// Excel's hint line: it names the separator and is not shown, so
		// the rows are numbered from the line after it.
		if sep, _ := utf8.DecodeRune(bytes.TrimSpace(line[4:])); sep != utf8.RuneError {
			b.comma, b.data = sep, rest
		}
	}
	if b.comma == 0 || !validComma(b.comma) {
		b.comma = detectSeparator(b.data)
	}
	return b, nil
}

// decodeText turns a text file into UTF-8: UTF-8 with or without byte
// order mark, UTF-16 with one (Excel's "Unicode text"), else Windows-1252,
// the encoding of German Excel's "CSV".
func decodeText(raw []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return raw[len(bomUTF8):], nil
	case bytes.HasPrefix(raw, bomUTF16LE):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	case bytes.HasPrefix(raw, bomUTF16BE):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	case utf8.Valid(raw):
		return raw, nil
	}
	return charmap.Windows1252.NewDecoder().Bytes(raw)
}

// detectSeparator picks the separator among ; tab and , that occurs most
// often outside quotes in the lines where the header may be; on a tie the
// earlier in that list wins.
func detectSeparator(data []byte) rune {
	var counts [256]int
	quoted, lines := false, 0
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		} else if !quoted {
			counts[c]++
			if c == '\n' {
				if lines++; lines == headerRows {
					break
				}
			}
		}
	}
	best := byte(';')
	for _, c := range []byte{'\t', ','} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// validComma reports whether encoding/csv accepts r as separator.
func validComma(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// sheetList names the one sheet.
func (b *csvBook) sheetList() []Sheet { return []Sheet{{Name: b.name}} }

// rows reads the records; see book. A record's row is its number as Excel
// shows the file: blank lines count, a quoted field's line breaks do not.
func (b *csvBook) rows(_ int, fn func(row int, cells []cell) error) error {
	cr := csv.NewReader(bytes.NewReader(b.data))
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord, cr.ReuseRecord = b.comma, true, -1, true
	var cells []cell
	folded := 0 // line breaks inside quoted fields so far
	for {
		rec, err := cr.Read()
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return refusal("roster.Records", "corrupt", "", err)
		}
		line, _ := cr.FieldPos(0)
		row := line - folded
		cells = cells[:0]
		for _, f := range rec[:min(len(rec), maxColumns)] { // as many as Excel shows
			cells = append(cells, cell{text: f})
			folded += strings.Count(f, "\n")
		}
		if err := fn(row, cells); err != nil {
			return err
		}
	}
}

// rowCount counts the lines, the most rows the file can have.
func (b *csvBook) rowCount(int) int { return bytes.Count(b.data, []byte("\n")) + 1 }

// merges: a CSV file has none.
func (b *csvBook) merges(int) ([]area, error) { return nil, nil }
