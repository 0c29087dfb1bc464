package roster

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
)

// area is a merged range: 1-based rows, 0-based columns, inclusive.
type area struct{ top, left, bottom, right int }

// readMerges reads the merged ranges of a worksheet, sorted by their first
// row, and counts its rows. A worksheet lists its merged ranges after all
// its rows, so it searches for the list as plain bytes instead of reading
// every tag on the way.
func readMerges(r io.Reader) (merges []area, rows int, err error) {
	rest, rows, err := skipTo(r, []byte("mergeCells"), []byte("<row "))
	if rest == nil || err != nil {
		return nil, rows, err
	}
	s := newXMLScanner(rest)
	for s.next() {
		if string(s.name) != "mergeCell" || s.end {
			continue
		}
		if ref, ok := s.attr("ref"); ok {
			if a, ok := parseArea(string(ref)); ok {
				merges = append(merges, a)
			}
		}
	}
	slices.SortStableFunc(merges, func(a, b area) int { return a.top - b.top })
	return merges, rows, s.err
}

// skipTo reads r up to the tag that contains marker and returns a reader
// from that tag's '<' on (nil when marker does not occur) and how often
// counted occurs before it.
func skipTo(r io.Reader, marker, counted []byte) (rest io.Reader, count int, err error) {
	const keep = 64 // bytes kept between reads: a marker cut in two, the tag's start
	buf := make([]byte, 0, 64<<10+keep)
	for {
		kept := len(buf)
		n, rerr := r.Read(buf[kept:cap(buf)])
		buf = buf[:kept+n]
		found := bytes.Index(buf, marker)
		upto := len(buf)
		if found >= 0 {
			upto = found
		}
		// Occurrences wholly in the kept bytes were counted before.
		count += bytes.Count(buf[max(0, kept-len(counted)+1):upto], counted)
		if found >= 0 {
			if lt := bytes.LastIndexByte(buf[:found], '<'); lt >= 0 {
				found = lt
			}
			return io.MultiReader(bytes.NewReader(buf[found:]), r), count, nil
		}
		switch {
		case rerr == io.EOF:
			return nil, count, nil
		case rerr != nil:
			return nil, count, rerr
		}
		if len(buf) > keep {
			buf = buf[:copy(buf, buf[len(buf)-keep:])]
		}
	}
}

// parseArea reads a range such as "B4:C7" (a single cell is a range too).
func parseArea(ref string) (area, bool) {
	from, to, found := strings.Cut(ref, ":")
	if !found {
		to = from
	}
	var a area
	var ok1, ok2, ok3, ok4 bool
	a.left, ok1 = columnOf([]byte(from))
	a.right, ok2 = columnOf([]byte(to))
	a.top, ok3 = rowOf(from)
	a.bottom, ok4 = rowOf(to)
	return a, ok1 && ok2 && ok3 && ok4 && a.top <= a.bottom && a.left <= a.right
}

// rowOf reads the row number of a cell reference such as "AB12".
func rowOf(ref string) (int, bool) {
	i := 0
	for i < len(ref) && (ref[i]|0x20 >= 'a' && ref[i]|0x20 <= 'z') {
		i++
	}
	n, err := strconv.Atoi(ref[i:])
	return n, err == nil && n > 0
}

// mergeFill copies the value of each merged range's top-left cell into the
// range's other cells as the rows stream past.
type mergeFill struct {
	pending []area // not reached yet, by first row
	active  []filling
	width   int // columns beyond are not read
}

// filling is a merged range being filled, with its value.
type filling struct {
	area
	value cell
}

// apply fills the row's cells that lie in merged ranges and returns them.
func (f *mergeFill) apply(row int, cells []cell) []cell {
	for len(f.pending) > 0 && f.pending[0].top <= row {
		a := f.pending[0]
		f.pending = f.pending[1:]
		if a.top == row && a.left < len(cells) && !cells[a.left].empty() {
			f.active = append(f.active, filling{a, cells[a.left]})
		}
	}
	f.active = slices.DeleteFunc(f.active, func(a filling) bool { return a.bottom < row })
	for _, a := range f.active {
		for c := a.left; c <= a.right && c < f.width; c++ {
			if (row != a.top || c != a.left) && (c >= len(cells) || cells[c].empty()) {
				cells = put(cells, c, a.value)
			}
		}
	}
	return cells
}
