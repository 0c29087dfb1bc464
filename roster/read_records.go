package roster

import (
	"errors"

	"tandem/model"
)

// errClosed is the error for reading after Close.
var errClosed = errors.New("the staff list is closed")

// progressEvery is how many rows pass between two progress reports.
const progressEvery = 500

// Records streams the data rows below the header row using the given
// (possibly edited) layout: empty rows are skipped (not the end), merged
// cells filled with the value of the range's top-left cell, formulas read
// by their cached value, dates taken from date cells (1900 and 1904 date
// systems) or text (dd.mm.yyyy, d.m.yy, yyyy-mm-dd; US mm/dd/yyyy or
// mm-dd-yy only when the whole column can only be read that way — rows
// waiting for that are held back, see dateOrders). fn returning an error
// stops reading and Records returns that error. progress (may be nil) is
// called every 500 rows with the rows read so far.
func (r *Reader) Records(l Layout, fn func(Record) error, progress func(rows int)) error {
	sheet, err := r.sheetIndex(l.Sheet)
	if err != nil {
		return err
	}
	if r.book == nil {
		return model.E("roster.Records", errClosed)
	}
	merges, err := r.book.merges(sheet)
	if err != nil {
		return err
	}
	m := newColumnMap(l, r.today)
	fill := mergeFill{pending: merges, width: m.width()}
	n := 0
	emit := func(row int, cells []cell) error {
		if err := fn(m.record(row, cells)); err != nil {
			return err
		}
		if n++; progress != nil && n%progressEvery == 0 {
			progress(n)
		}
		return nil
	}
	err = r.book.rows(sheet, func(row int, cells []cell) error {
		has := row > l.HeaderRow && m.mapped(cells) // own values, before filling
		cells = fill.apply(row, cells)
		if !has {
			return nil
		}
		return m.dates.pass(row, cells, emit)
	})
	if err == nil {
		err = m.dates.flush(emit)
	}
	if err == nil && progress != nil {
		progress(n)
	}
	return err
}
