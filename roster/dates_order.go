package roster

import (
	"slices"
	"strconv"
)

// dateOrder says how a column writes dates with / or -.
type dateOrder uint8

// The orders a column's slash and dash dates can have. Dotted dates are
// always day first, ISO dates year first.
const (
	dayFirst   dateOrder = iota // 07/09/1993 is 7 September 1993
	monthFirst                  // 09/07/1993 is 7 September 1993 (US)
)

// orderVotes collects what a column's slash and dash dates say about their
// order: a first part over 12 can only be a day, a second part over 12 only
// a day in US order.
type orderVotes struct{ firstOver12, secondOver12 bool }

// add counts one value of the column; it reports whether the value is a
// date whose order is in question (slash or dash, day or month first).
func (v *orderVotes) add(s string) bool {
	p, sep, ok := dateParts(datePart(s))
	if !ok || sep == '.' || len(p[0]) == 4 {
		return false
	}
	a, _ := strconv.Atoi(p[0])
	b, _ := strconv.Atoi(p[1])
	v.firstOver12 = v.firstOver12 || a > 12
	v.secondOver12 = v.secondOver12 || b > 12
	return true
}

// order is US only when the whole column can only be read that way.
func (v orderVotes) order() dateOrder {
	if v.secondOver12 && !v.firstOver12 {
		return monthFirst
	}
	return dayFirst
}

// dateOrders decides, while the rows stream past, the order of each date
// column's slash and dash dates. Day first is certain as soon as a first
// part over 12 turns up; US order only at the end of the sheet. So a row
// with such a date in a column not yet decided is held back — and every
// row after it, to keep the order — until its columns are decided or the
// sheet ends. Dotted, ISO and date-cell values never wait, so in practice
// nothing is held; a whole list of US dates is held until its end.
type dateOrders struct {
	cols    []int // the date columns
	votes   []orderVotes
	pending []bool // the column has a slash or dash date
	held    []heldRow
}

// heldRow is a row waiting for its date columns' order.
type heldRow struct {
	row   int
	cells []cell
}

// newDateOrders watches the given date columns.
func newDateOrders(cols []int) *dateOrders {
	return &dateOrders{cols: cols, votes: make([]orderVotes, len(cols)), pending: make([]bool, len(cols))}
}

// pass hands a row to emit — together with the held rows before it once
// they can be read — or holds it.
func (d *dateOrders) pass(row int, cells []cell, emit func(row int, cells []cell) error) error {
	waits := false
	for i, c := range d.cols {
		if c < len(cells) && cells[c].text != "" && d.votes[i].add(cells[c].text) {
			d.pending[i] = true
			waits = waits || !d.votes[i].firstOver12
		}
	}
	if len(d.held) == 0 && !waits {
		return emit(row, cells)
	}
	d.held = append(d.held, heldRow{row, slices.Clone(cells)})
	for i := range d.cols {
		if d.pending[i] && !d.votes[i].firstOver12 {
			return nil
		}
	}
	return d.flush(emit)
}

// flush emits the held rows; at the end of the sheet every order is final.
func (d *dateOrders) flush(emit func(row int, cells []cell) error) error {
	held := d.held
	d.held = nil
	for _, h := range held {
		if err := emit(h.row, h.cells); err != nil {
			return err
		}
	}
	return nil
}

// order returns the order of a column's slash and dash dates as far as
// the rows so far tell; final for every row emitted.
func (d *dateOrders) order(col int) dateOrder {
	if i := slices.Index(d.cols, col); i >= 0 {
		return d.votes[i].order()
	}
	return dayFirst
}
