package roster

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"tandem/model"
)

// xlsxBook is an .xlsx/.xlsm file read straight from its zip package: the
// sheet list, the shared strings and which cell styles show dates are read
// when it is opened; the worksheets are streamed on demand.
//
// Tandem does not read rows through excelize: its row iterator decodes with
// encoding/xml and takes 0.3 s for the 10 000-row example list alone, more
// than the whole import may take; the scanner in read_xml.go needs a tenth.
type xlsxBook struct {
	parts      map[string]*zip.File // by lower-case name
	sheets     []Sheet
	sheetParts []string
	strings    []string // shared strings
	dateStyles []bool   // per cell style: its number format shows a date
	date1904   bool     // serial numbers count from 1904 (old Mac Excel)
	lastRows   []int    // per sheet: the last row its dimension names
	unpacked   *unpackedSheet
}

// unpackedSheet is a worksheet part held in memory.
type unpackedSheet struct {
	sheet int
	data  []byte
}

// maxUnpacked is the largest worksheet held in memory for reading it twice
// (about 50 000 rows); larger ones are unpacked twice instead.
const maxUnpacked = 32 << 20

// Relationship types, by their last path element.
const (
	relOffice  = "officeDocument"
	relSheet   = "worksheet"
	relStrings = "sharedStrings"
	relStyles  = "styles"
)

// xmlRels is a part's relationships file.
type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// xmlWorkbook is the part of xl/workbook.xml Tandem needs.
type xmlWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		RelID string `xml:"id,attr"`
	} `xml:"sheets>sheet"`
}

// xmlStyles is the part of xl/styles.xml that says which cells hold dates.
type xmlStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	CellXfs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// openWorkbook reads a workbook's sheet list, shared strings and styles.
func openWorkbook(zr *zip.Reader) (*xlsxBook, error) {
	b := &xlsxBook{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		b.parts[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	if err := b.readMeta(); err != nil {
		var refused *model.Error
		if !errors.As(err, &refused) {
			err = refusal("roster.Open", "corrupt", "", err)
		}
		return nil, err
	}
	return b, nil
}

// readMeta reads the parts every sheet needs.
func (b *xlsxBook) readMeta() error {
	var root xmlRels
	if b.parts["_rels/.rels"] != nil {
		if err := b.decode("_rels/.rels", &root); err != nil {
			return err
		}
	}
	wbPart := target("", root, relOffice)
	if wbPart == "" {
		wbPart = "xl/workbook.xml"
	}
	var wb xmlWorkbook
	var rels xmlRels
	if err := b.decode(wbPart, &wb); err != nil {
		return err
	}
	relsPart := path.Join(path.Dir(wbPart), "_rels", path.Base(wbPart)+".rels")
	if err := b.decode(relsPart, &rels); err != nil {
		return err
	}
	b.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	dir := path.Dir(wbPart)
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == s.RelID && strings.HasSuffix(r.Type, "/"+relSheet) {
				b.sheets = append(b.sheets, Sheet{Name: s.Name, Hidden: s.State == "hidden" || s.State == "veryHidden"})
				b.sheetParts = append(b.sheetParts, resolve(dir, r.Target))
			}
		}
	}
	if len(b.sheets) == 0 {
		return fmt.Errorf("workbook without worksheets")
	}
	b.lastRows = make([]int, len(b.sheets))
	if err := b.readStyles(target(dir, rels, relStyles)); err != nil {
		return err
	}
	return b.readStrings(target(dir, rels, relStrings))
}

// readStyles notes for each cell style whether it shows a date.
func (b *xlsxBook) readStyles(part string) error {
	if part == "" {
		return nil
	}
	var st xmlStyles
	if err := b.decode(part, &st); err != nil {
		return err
	}
	codes := make(map[int]string, len(st.NumFmts))
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	b.dateStyles = make([]bool, len(st.CellXfs))
	for i, xf := range st.CellXfs {
		b.dateStyles[i] = isDateFormat(xf.NumFmtID, codes[xf.NumFmtID])
	}
	return nil
}

// readStrings loads the shared string table: each <si>'s text, rich-text
// runs joined, phonetic hints (<rPh>) left out.
func (b *xlsxBook) readStrings(part string) error {
	if part == "" {
		return nil
	}
	rc, err := b.open(part, maxPartSize)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newXMLScanner(rc)
	var text []byte
	phonetic := false
	for s.next() {
		switch string(s.name) {
		case "si":
			if s.end || s.empty {
				b.strings = append(b.strings, unescape(text))
			}
			text = text[:0]
		case "rPh":
			phonetic = !s.end && !s.empty
		case "t":
			if s.end && !phonetic {
				text = append(text, s.text...)
			}
		}
	}
	return s.err
}

// rows streams one worksheet; see book.
func (b *xlsxBook) rows(i int, fn func(row int, cells []cell) error) error {
	r, err := b.sheet(i)
	if err != nil {
		return err
	}
	defer r.Close()
	var fnErr error
	b.lastRows[i], err = scanSheet(r, b, func(row int, cells []cell) error {
		fnErr = fn(row, cells)
		return fnErr
	})
	switch {
	case fnErr != nil:
		return fnErr
	case err != nil:
		return refusal("roster.Records", "corrupt", "", err)
	}
	return nil
}

// rowCount returns the last row the worksheet's dimension names, or the
// number of rows merges counted when that is more.
func (b *xlsxBook) rowCount(i int) int { return b.lastRows[i] }

// merges reads a worksheet's merged ranges. A small worksheet is unpacked
// into memory on the way, for the rows to be read from there next.
func (b *xlsxBook) merges(i int) ([]area, error) {
	b.unpacked = nil
	if f := b.parts[strings.ToLower(b.sheetParts[i])]; f != nil && f.UncompressedSize64 <= maxUnpacked {
		data, err := readPart(f, maxUnpacked)
		if err != nil {
			return nil, refusal("roster.Records", "corrupt", "", err)
		}
		b.unpacked = &unpackedSheet{i, data}
	}
	var r io.ReadCloser
	if b.unpacked != nil {
		r = io.NopCloser(bytes.NewReader(b.unpacked.data))
	} else {
		var err error
		if r, err = b.sheet(i); err != nil {
			return nil, err
		}
	}
	defer r.Close()
	merges, rows, err := readMerges(r)
	b.lastRows[i] = max(b.lastRows[i], rows)
	if err != nil {
		return nil, refusal("roster.Records", "corrupt", "", err)
	}
	return merges, nil
}

// sheet opens a worksheet part, from memory once after merges unpacked it.
func (b *xlsxBook) sheet(i int) (io.ReadCloser, error) {
	if u := b.unpacked; u != nil && u.sheet == i {
		b.unpacked = nil
		return io.NopCloser(bytes.NewReader(u.data)), nil
	}
	rc, err := b.open(b.sheetParts[i], maxUnzipped)
	if err != nil {
		return nil, refusal("roster.Records", "corrupt", "", err)
	}
	return rc, nil
}

// sheetList names the worksheets.
func (b *xlsxBook) sheetList() []Sheet { return b.sheets }

// decode unmarshals a small XML part.
func (b *xlsxBook) decode(part string, v any) error {
	rc, err := b.open(part, maxPartSize)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// open opens a part of the package, refusing it beyond limit bytes.
func (b *xlsxBook) open(part string, limit uint64) (io.ReadCloser, error) {
	f := b.parts[strings.ToLower(part)]
	switch {
	case f == nil:
		return nil, fmt.Errorf("part %s missing", part)
	case f.UncompressedSize64 > limit:
		return nil, refusal("roster.Open", "too_big", unzippedText, nil)
	}
	return f.Open()
}

// readPart returns the bytes of a part up to limit bytes long.
func readPart(f *zip.File, limit uint64) ([]byte, error) {
	if f.UncompressedSize64 > limit {
		return nil, fmt.Errorf("part %s too long", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data := make([]byte, f.UncompressedSize64)
	_, err = io.ReadFull(rc, data)
	return data, err
}

// target finds the part a relationship of the given type points to.
func target(dir string, rels xmlRels, typ string) string {
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/"+typ) {
			return resolve(dir, r.Target)
		}
	}
	return ""
}

// resolve turns a relationship target into a part name.
func resolve(dir, t string) string {
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(t, "/")
	}
	return path.Join(dir, t)
}
