package roster

import (
	"bytes"
	"io"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"tandem/model"
)

// cell is one value of a row as the file holds it.
type cell struct {
	text string     // text as stored: a string, a number's raw digits, a formula's cached value
	date model.Date // set for a number formatted as a date (then text is empty)
}

// String returns the cell as text, a date in ISO form.
func (c cell) String() string {
	if !c.date.IsZero() {
		return c.date.String()
	}
	return c.text
}

// empty reports whether the cell holds nothing.
func (c cell) empty() bool { return c.text == "" && c.date.IsZero() }

// cellStyles is what a worksheet's cells refer to outside the sheet.
type cellStyles interface {
	sharedString(i int) (string, bool)
	dateStyle(s int) bool
	serialDate(serial string) (model.Date, bool)
}

// scanSheet streams a worksheet part: fn gets each row that has cells, with
// shared strings looked up, formulas by their cached value and numbers in
// a date format as dates. It returns the last row the sheet's dimension
// names, which comes before the rows.
func scanSheet(r io.Reader, st cellStyles, fn func(row int, cells []cell) error) (lastRow int, err error) {
	s := newXMLScanner(r)
	var (
		cells    []cell
		row, col int
		c        cellXML
		inline   bool // inside <is>, an inline string
		phonetic bool // inside <rPh>, a reading hint that is no part of the text
	)
	for s.next() {
		switch string(s.name) {
		case "row":
			switch {
			case s.end:
				if len(cells) > 0 {
					if err := fn(row, cells); err != nil {
						return lastRow, err
					}
				}
			default:
				row, col, cells = intAttr(s, "r", row+1), -1, cells[:0]
			}
		case "c":
			if s.end {
				cells = put(cells, col, c.value(st))
				continue
			}
			col = c.start(s, col+1)
		case "v":
			if s.end {
				c.v = append(c.v[:0], s.text...)
			}
		case "is":
			inline = !s.end && !s.empty
		case "rPh":
			phonetic = !s.end && !s.empty
		case "t":
			if s.end && inline && !phonetic {
				c.inline = append(c.inline, s.text...)
			}
		case "dimension":
			if ref, ok := s.attr("ref"); ok {
				dim, _ := parseArea(string(ref))
				lastRow = dim.bottom
			}
		}
	}
	return lastRow, s.err
}

// cellXML collects one <c> element.
type cellXML struct {
	typ    string // the t attribute: s, str, inlineStr, b, e, d or n
	style  int
	v      []byte
	inline []byte
}

// start begins a cell at its reference, or at col when it has none; it
// returns the cell's column.
func (c *cellXML) start(s *xmlScanner, col int) int {
	c.typ, c.style, c.v, c.inline = "n", 0, c.v[:0], c.inline[:0]
	for a := s.attrs; ; {
		key, val, rest, ok := nextAttr(a)
		if !ok {
			break
		}
		switch string(key) {
		case "r":
			if n, ok := columnOf(val); ok {
				col = n
			}
		case "s":
			c.style, _ = strconv.Atoi(string(val))
		case "t":
			c.typ = cellType(val)
		}
		a = rest
	}
	if s.empty {
		c.typ = "" // <c r="B2" s="1"/>: a formatted empty cell
	}
	return col
}

// cellType returns a t attribute's value without allocating for the
// usual ones.
func cellType(t []byte) string {
	for _, known := range [...]string{"s", "n", "str", "inlineStr", "b", "e", "d"} {
		if string(t) == known {
			return known
		}
	}
	return string(t)
}

// value turns the collected element into a cell.
func (c *cellXML) value(st cellStyles) cell {
	switch c.typ {
	case "":
		return cell{}
	case "s":
		i, err := strconv.Atoi(string(c.v))
		if s, ok := st.sharedString(i); ok && err == nil {
			return cell{text: s}
		}
		return cell{}
	case "inlineStr":
		return cell{text: unescape(c.inline)}
	case "b":
		if string(c.v) == "1" {
			return cell{text: "TRUE"}
		}
		return cell{text: "FALSE"}
	case "e":
		return cell{} // #N/A and other formula errors carry no value
	case "n":
		if st.dateStyle(c.style) {
			if d, ok := st.serialDate(string(c.v)); ok {
				return cell{date: d}
			}
		}
		return cell{text: plainNumber(c.v)}
	}
	return cell{text: unescape(c.v)} // formula strings (str), ISO dates (d)
}

// plainNumber writes a whole number stored in exponent form ("1E+2") as
// Excel shows it ("100"); other numbers stay as stored.
func plainNumber(v []byte) string {
	if bytes.ContainsAny(v, "eE") {
		if f, err := strconv.ParseFloat(string(v), 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e15 {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	return string(v)
}

// put sets cells[col], growing the row with empty cells.
func put(cells []cell, col int, v cell) []cell {
	if col < 0 || col >= maxColumns || v.empty() {
		return cells
	}
	for len(cells) <= col {
		cells = append(cells, cell{})
	}
	cells[col] = v
	return cells
}

// maxColumns is the number of columns a worksheet can have (A … XFD).
const maxColumns = 16384

// columnOf reads the column of a cell reference such as "AB12" (0-based).
func columnOf(ref []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref) && i < 3; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a') + 1
	}
	if i == 0 || n > maxColumns {
		return 0, false
	}
	return n - 1, true
}

// intAttr reads a whole-number attribute, or def when it is missing.
func intAttr(s *xmlScanner, name string, def int) int {
	if v, ok := s.attr(name); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
			return n
		}
	}
	return def
}

// sharedString looks a shared string up.
func (b *xlsxBook) sharedString(i int) (string, bool) {
	if i < 0 || i >= len(b.strings) {
		return "", false
	}
	return b.strings[i], true
}

// dateStyle reports whether cell style s shows a date.
func (b *xlsxBook) dateStyle(s int) bool { return s >= 0 && s < len(b.dateStyles) && b.dateStyles[s] }

// serialDate reads a date cell's serial number in the workbook's date system.
func (b *xlsxBook) serialDate(serial string) (model.Date, bool) {
	f, err := strconv.ParseFloat(serial, 64)
	if err != nil || f < 1 || f > 2958465 { // 9999-12-31
		return model.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(f, b.date1904)
	if err != nil {
		return model.Date{}, false
	}
	return model.DateOf(t), true
}
