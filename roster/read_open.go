package roster

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Signatures at the start of the files Open tells apart.
var (
	zipMagic = []byte("PK\x03\x04")
	// oleMagic starts a Compound File: an old .xls, or an encrypted .xlsx,
	// which Excel wraps in the same container.
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// openBook recognises the file by its content, then by its extension, and
// opens it as a workbook or a CSV file.
func openBook(name string, data []byte, password string) (book, error) {
	const op = "roster.Open"
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return openCompound(data, password)
	case bytes.HasPrefix(data, zipMagic):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, refusal(op, "corrupt", "", err)
		}
		return openPackage(zr)
	case ext == ".xls" || ext == ".ods" || ext == ".numbers":
		return nil, refusal(op, ext[1:], "", nil)
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		cb, err := openCSV(strings.TrimSuffix(name, filepath.Ext(name)), data)
		if err != nil {
			return nil, err
		}
		return cb, nil
	}
	return nil, refusal(op, "corrupt", "", fmt.Errorf("%s is no spreadsheet", name))
}

// openPackage opens a zip file: an .xlsx workbook, or one of the formats
// Tandem names for the user (OpenDocument, Numbers).
func openPackage(zr *zip.Reader) (book, error) {
	const op = "roster.Open"
	var unzipped uint64
	for _, f := range zr.File {
		switch {
		case f.Name == "mimetype" && f.UncompressedSize64 < 100:
			if mt, _ := readPart(f, 100); strings.HasPrefix(string(mt), "application/vnd.oasis.opendocument.spreadsheet") {
				return nil, refusal(op, "ods", "", nil)
			}
		case f.Name == "Index/Document.iwa":
			return nil, refusal(op, "numbers", "", nil)
		}
		unzipped += f.UncompressedSize64
	}
	if unzipped > maxUnzipped {
		return nil, refusal(op, "too_big", unzippedText, nil)
	}
	wb, err := openWorkbook(zr)
	if err != nil {
		return nil, err
	}
	return wb, nil
}

// openCompound opens a Compound File: an encrypted .xlsx when it holds an
// EncryptionInfo stream, else an Excel 97–2003 workbook (or something else
// that is no staff list).
func openCompound(data []byte, password string) (book, error) {
	const op = "roster.Open"
	switch {
	case !bytes.Contains(data, utf16Name("EncryptionInfo")):
		if bytes.Contains(data, utf16Name("Workbook")) || bytes.Contains(data, utf16Name("Book")) {
			return nil, refusal(op, "xls", "", nil)
		}
		return nil, refusal(op, "corrupt", "", fmt.Errorf("compound file without a workbook"))
	case password == "":
		return nil, refusal(op, "password_needed", "", nil)
	}
	plain, err := decrypt(data, password)
	if err != nil {
		return nil, refusal(op, "corrupt", "", err)
	}
	// A wrong password decrypts into noise, not into a zip file.
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil || !bytes.HasPrefix(plain, zipMagic) {
		return nil, refusal(op, "password_wrong", "", err)
	}
	return openPackage(zr)
}

// decrypt unwraps an encrypted workbook with excelize, which trusts the
// container's length fields; a damaged file makes it panic, which is turned
// into an error here.
func decrypt(data []byte, password string) (plain []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged encrypted workbook: %v", p)
		}
	}()
	return excelize.Decrypt(data, &excelize.Options{Password: password})
}

// utf16Name is a stream name as a Compound File's directory stores it.
func utf16Name(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		b = append(b, c, 0)
	}
	return b
}
