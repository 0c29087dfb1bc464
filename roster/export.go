package roster

import (
	"errors"
	"io"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"tandem/model"
)

// ExportSource is what Export reads (implemented by *store.Store).
type ExportSource interface {
	Persons() ([]model.Person, error)
	Programmes() ([]model.Programme, error)
	Enrolments(programme model.ID) ([]model.Enrolment, error)
	Tandems(programme model.ID) ([]model.Tandem, error)
	Meetings(tandem model.ID) ([]model.Meeting, error)
	Agreements(programme model.ID) ([]model.Agreement, error)
	Audit() ([]model.AuditEntry, error)
}

// Export writes exportData in the database as an .xlsx workbook, one sheet
// per entity: Personen, Programme, Teilnahmen, Tandems, Treffen,
// Vereinbarungen and the audit log, Änderungsprotokoll (for lang "en":
// People, Programmes, Enrolments, Tandems, Meetings, Agreements, Audit log;
// any other lang is German). Each sheet has a bold
// header with a fill, a frozen first row, an autofilter and column widths
// to suit; dates are date cells. References are resolved to names and
// states written as words. The persons sheet has the headers the importer
// recognises, so that importing it again changes nothing. The sheets are
// written with excelize's StreamWriter.
func Export(w io.Writer, s ExportSource, lang string) error {
	d, err := loadExport(s)
	if err != nil {
		return err
	}
	return writeBook(w, lang, func(b *workbook) error {
		l := b.lang
		for _, write := range []func() error{
			func() error { return writeSheet(b, l.t("sheet.persons"), exportPersonColumns(l), d.persons) },
			func() error { return writeSheet(b, l.t("sheet.programmes"), programmeColumns(l), d.programmes) },
			func() error { return writeSheet(b, l.t("sheet.enrolments"), enrolmentColumns(l, d), d.enrolments) },
			func() error { return writeSheet(b, l.t("sheet.tandems"), tandemColumns(l, d), d.tandems) },
			func() error { return writeSheet(b, l.t("sheet.meetings"), meetingColumns(l, d), d.meetings) },
			func() error { return writeSheet(b, l.t("sheet.agreements"), agreementColumns(l, d), d.agreements) },
			func() error { return writeSheet(b, l.t("sheet.audit"), auditColumns(l), d.audit) },
		} {
			if err := write(); err != nil {
				return err
			}
		}
		return nil
	})
}

// column is one column of a written sheet.
type outColumn[T any] struct {
	head  string       // the header text
	width float64      // in characters
	value func(*T) any // string, int (0 empty), model.Date, time.Time (date and time) or bool
}

// workbook is an .xlsx file being written, with its styles.
type workbook struct {
	f       *excelize.File
	lang    outLang
	sheets  int // sheets written so far
	header  int // style of header cells
	date    int // style of date cells
	stamp   int // style of date-and-time cells
	wrapped int // style of text cells that wrap
}

// writeBook makes a workbook in the language, lets fill write its sheets
// and writes the workbook to w. The temporary files excelize makes are
// removed.
func writeBook(w io.Writer, lang string, fill func(b *workbook) error) (err error) {
	b := &workbook{f: excelize.NewFile(), lang: outLangOf(lang)}
	defer func() { err = errors.Join(err, b.f.Close()) }()
	dateFmt, stampFmt := "dd.mm.yyyy", "dd.mm.yyyy hh:mm"
	if b.lang == outEN {
		dateFmt, stampFmt = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	}
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.header, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
			Alignment: &excelize.Alignment{Vertical: "center"},
		}},
		{&b.date, excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&b.stamp, excelize.Style{CustomNumFmt: &stampFmt, Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&b.wrapped, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, st := range styles {
		if *st.id, err = b.f.NewStyle(&st.s); err != nil {
			return err
		}
	}
	if err := fill(b); err != nil {
		return err
	}
	return b.f.Write(w)
}

// wrapWidth is the width from which a text column wraps its cells.
const wrapWidth = 40

// writeSheet adds a sheet with a header row and one row per item; each
// prepare function runs on the sheet before its rows are streamed, to add
// what the stream writer cannot (data validations).
func writeSheet[T any](b *workbook, name string, cols []outColumn[T], items []T, prepare ...func(sheet string) error) error {
	f := b.f
	if b.sheets == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	b.sheets++
	last, err := excelize.CoordinatesToCellName(max(len(cols), 1), len(items)+1)
	if err != nil {
		return err
	}
	// The autofilter must be set before streaming: the stream writer keeps
	// the worksheet's other parts as they are when it starts.
	if err := f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return err
	}
	for _, p := range prepare {
		if err := p(name); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Backwards: the stream writer puts each width before those set
	// earlier, and Excel wants the columns in order.
	for i := len(cols) - 1; i >= 0; i-- {
		// Room for the header and the autofilter's button.
		width := max(cols[i].width, float64(utf8.RuneCountInString(cols[i].head))+4)
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i, c := range cols {
		row[i] = excelize.Cell{StyleID: b.header, Value: c.head}
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	for n := range items {
		for i, c := range cols {
			row[i] = b.cell(c.value(&items[n]), c.width >= wrapWidth)
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cell turns a value into what the stream writer writes: nil for an empty
// value, dates and times as date cells, flags as words.
func (b *workbook) cell(v any, wrap bool) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		if wrap {
			return excelize.Cell{StyleID: b.wrapped, Value: v}
		}
		return v
	case int:
		if v == 0 {
			return nil
		}
		return v
	case model.Date:
		if v.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: b.date, Value: time.Date(v.Year, v.Month, v.Day, 0, 0, 0, 0, time.UTC)}
	case time.Time:
		if v.IsZero() {
			return nil
		}
		t := v.Local()
		return excelize.Cell{StyleID: b.stamp, Value: time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)}
	case bool:
		if v {
			return b.lang.t("yes")
		}
		return b.lang.t("no")
	}
	return v
}
