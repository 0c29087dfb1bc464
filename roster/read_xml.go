package roster

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner is a small pull parser for the parts of a workbook Tandem
// streams (worksheets, shared strings). It yields each tag — local name
// without prefix, raw attributes — and the raw text before it. Text and tag
// usually stay in the read buffer, so nothing is copied or allocated per
// token. It reads what spreadsheet programs write: elements, attributes in
// either quote, entities, CDATA, comments and processing instructions; it
// ignores DTDs and does not check that tags nest.
type xmlScanner struct {
	r     *bufio.Reader
	name  []byte // local name of the current tag
	attrs []byte // raw attributes of the current start tag
	end   bool   // the tag closes an element (</c>)
	empty bool   // the start tag closes itself (<c/>)
	text  []byte // raw text between the previous tag and this one
	own   []byte // text and tag, when they had to be collected from several reads
	err   error  // the read error that ended the scan; nil at the end of input
}

// newXMLScanner scans r.
func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next moves to the next tag. It returns false at the end of the input or
// on a read error (then s.err is set). Each read ends at a '>'; when that
// '>' does not end a tag — it stands in text, in a quoted attribute value
// or in a comment — or the buffer is full, the bytes are collected in
// s.own and reading goes on.
func (s *xmlScanner) next() bool {
	s.own = s.own[:0]
	owned, kept := false, 0 // s.own[:kept] is text already taken
	for {
		chunk, err := s.r.ReadSlice('>')
		switch err {
		case nil:
		case bufio.ErrBufferFull:
			s.own, owned = append(s.own, chunk...), true
			continue
		case io.EOF:
			return false
		default:
			s.err = err
			return false
		}
		raw := chunk
		if owned {
			s.own = append(s.own, chunk...)
			raw = s.own[kept:]
		}
		lt := bytes.IndexByte(raw, '<')
		var tag []byte // between '<' and the closing '>'
		if lt >= 0 {
			tag = raw[lt+1 : len(raw)-1]
		}
		if lt < 0 || !tagComplete(tag) {
			if !owned {
				s.own, owned = append(s.own, chunk...), true
			}
			continue
		}
		if len(tag) == 0 || tag[0] != '!' && tag[0] != '?' {
			s.text = raw[:lt]
			if owned {
				s.text = s.own[:kept+lt]
			}
			return s.element(tag)
		}
		// A comment, CDATA section or declaration: its text (CDATA's,
		// escaped so that unescape restores it) joins the text around it.
		var data []byte
		if bytes.HasPrefix(tag, []byte("![CDATA[")) {
			data = bytes.ReplaceAll(tag[8:len(tag)-2], []byte("&"), []byte("&amp;"))
		}
		if !owned {
			s.own, owned = append(s.own, raw[:lt]...), true
		} else {
			s.own = s.own[:kept+lt]
		}
		s.own = append(s.own, data...)
		kept = len(s.own)
	}
}

// tagComplete reports whether the bytes between < and a > are the whole
// tag, not cut short by a > inside it.
func tagComplete(tag []byte) bool {
	switch {
	case len(tag) == 0:
		return true
	case bytes.HasPrefix(tag, []byte("!--")):
		return len(tag) >= 5 && bytes.HasSuffix(tag, []byte("--"))
	case bytes.HasPrefix(tag, []byte("![CDATA[")):
		return len(tag) >= 10 && bytes.HasSuffix(tag, []byte("]]"))
	}
	return !quoteOpen(tag)
}

// element splits an element tag into name and attributes.
func (s *xmlScanner) element(tag []byte) bool {
	if len(tag) > 0 && tag[0] == '/' {
		s.end, s.empty, s.attrs = true, false, nil
		s.name = localName(trimSpace(tag[1:]))
		return true
	}
	t := trimSpace(tag)
	s.end, s.empty = false, len(t) > 0 && t[len(t)-1] == '/'
	if s.empty {
		t = t[:len(t)-1]
	}
	n := 0
	for n < len(t) && !isSpace(t[n]) {
		n++
	}
	s.name, s.attrs = localName(t[:n]), t[n:]
	return true
}

// attr returns the raw value of the current tag's attribute with the
// given local name.
func (s *xmlScanner) attr(name string) ([]byte, bool) {
	for a := s.attrs; ; {
		var key, val []byte
		var ok bool
		if key, val, a, ok = nextAttr(a); !ok {
			return nil, false
		}
		if string(key) == name {
			return val, true
		}
	}
}

// nextAttr splits the first attribute off raw attributes: its local name,
// its raw value and the rest.
func nextAttr(a []byte) (key, val, rest []byte, ok bool) {
	eq := bytes.IndexByte(a, '=')
	if eq < 0 {
		return nil, nil, nil, false
	}
	key = localName(trimSpace(a[:eq]))
	a = trimSpace(a[eq+1:])
	if len(a) == 0 || a[0] != '"' && a[0] != '\'' {
		return nil, nil, nil, false
	}
	end := bytes.IndexByte(a[1:], a[0])
	if end < 0 {
		return nil, nil, nil, false
	}
	return key, a[1 : 1+end], a[2+end:], true
}

// quoteOpen reports whether a start tag ends inside a quoted value.
func quoteOpen(tag []byte) bool {
	if bytes.IndexByte(tag, '\'') < 0 {
		return bytes.Count(tag, []byte{'"'})%2 == 1
	}
	var q byte
	for _, c := range tag {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q != 0
}

// isSpace reports XML white space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// trimSpace drops XML white space at both ends.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// localName drops a namespace prefix (x:c → c).
func localName(b []byte) []byte {
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// xmlEntities are the entities XML predefines.
var xmlEntities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// unescape decodes entity and character references; an unknown or broken
// reference is kept as written.
func unescape(b []byte) string {
	i := bytes.IndexByte(b, '&')
	if i < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for ; i >= 0; i = bytes.IndexByte(b, '&') {
		out.Write(b[:i])
		b = b[i:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 {
			break
		}
		if r, ok := reference(string(b[1:semi])); ok {
			out.WriteString(r)
			b = b[semi+1:]
			continue
		}
		out.WriteByte('&')
		b = b[1:]
	}
	out.Write(b)
	return out.String()
}

// reference decodes the inside of one reference: "amp", "#228", "#xE4".
func reference(ref string) (string, bool) {
	if s, ok := xmlEntities[ref]; ok {
		return s, true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return "", false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}
