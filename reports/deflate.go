package reports

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// deflate compresses the uncompressed streams of a PDF that gofpdf wrote
// with compression off — its page contents and templates — and writes a
// new cross-reference table.
//
// gofpdf compresses every page with a new zlib writer, which allocates
// about a megabyte each time: for a batch of a thousand agreements (three
// thousand pages) that cost more than the whole rest of the work. Here one
// writer is reset for every stream. The PDF is gofpdf's own output, one
// object after another with a classic xref table; anything unexpected
// leaves the PDF as it is.
func deflate(pdf []byte) ([]byte, error) {
	offsets, xref, err := readXref(pdf)
	if err != nil {
		return nil, err
	}
	type object struct{ num, start int }
	objs := make([]object, 0, len(offsets))
	for num, off := range offsets {
		if num > 0 {
			objs = append(objs, object{num, off})
		}
	}
	slices.SortFunc(objs, func(a, b object) int { return a.start - b.start })
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	out.Write(pdf[:objs[0].start])
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.DefaultCompression)
	next := make([]int, len(offsets))
	for i, o := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].start
		}
		next[o.num] = out.Len()
		obj := pdf[o.start:end]
		dict, data, rest, ok := splitStream(obj)
		if !ok || bytes.Contains(dict, []byte("/Filter")) {
			out.Write(obj)
			continue
		}
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(data); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		l := bytes.LastIndex(dict, []byte("/Length "))
		e := l + len("/Length ")
		for e < len(dict) && dict[e] >= '0' && dict[e] <= '9' {
			e++
		}
		out.Write(dict[:l])
		out.WriteString("/Filter /FlateDecode /Length " + strconv.Itoa(z.Len()))
		out.Write(dict[e:])
		out.WriteString("stream\n")
		out.Write(z.Bytes())
		out.Write(rest)
	}
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range next[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	trailer := pdf[xref:]
	t := bytes.Index(trailer, []byte("trailer"))
	s := bytes.LastIndex(trailer, []byte("startxref"))
	if t < 0 || s < t {
		return nil, errors.New("pdf: no trailer")
	}
	out.Write(trailer[t:s])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// readXref reads the offsets of the objects from the PDF's xref table and
// returns them with the table's own offset.
func readXref(pdf []byte) ([]int, int, error) {
	bad := errors.New("pdf: unexpected cross-reference table")
	s := bytes.LastIndex(pdf, []byte("startxref\n"))
	if s < 0 {
		return nil, 0, bad
	}
	f := bytes.Fields(pdf[s+len("startxref\n"):])
	if len(f) == 0 {
		return nil, 0, bad
	}
	xref, err := strconv.Atoi(string(f[0]))
	if err != nil || xref <= 0 || xref >= s || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		return nil, 0, bad
	}
	fields := bytes.Fields(pdf[xref:s])
	if len(fields) < 3 {
		return nil, 0, bad
	}
	n, err := strconv.Atoi(string(fields[2]))
	if err != nil || n < 2 || len(fields) < 3+3*n {
		return nil, 0, bad
	}
	offsets := make([]int, n)
	for i := 1; i < n; i++ {
		off, err := strconv.Atoi(string(fields[3+3*i]))
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, bad
		}
		offsets[i] = off
	}
	return offsets, xref, nil
}

// splitStream splits an object "n 0 obj <<dict>> stream\n…\nendstream
// endobj" into the part up to the stream, the stream's data and the rest.
func splitStream(obj []byte) (dict, data, rest []byte, ok bool) {
	i := bytes.Index(obj, []byte(">>\nstream\n"))
	if i < 0 {
		return nil, nil, nil, false
	}
	dict = obj[:i+3]
	l := bytes.LastIndex(dict, []byte("/Length "))
	if l < 0 {
		return nil, nil, nil, false
	}
	f := bytes.FieldsFunc(dict[l+len("/Length "):], func(r rune) bool { return r < '0' || r > '9' })
	if len(f) == 0 {
		return nil, nil, nil, false
	}
	n, err := strconv.Atoi(string(f[0]))
	start := i + len(">>\nstream\n")
	if err != nil || start+n > len(obj) || !bytes.HasPrefix(obj[start+n:], []byte("\nendstream")) {
		return nil, nil, nil, false
	}
	return dict, obj[start : start+n], obj[start+n:], true
}
