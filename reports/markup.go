package reports

import (
	"errors"
	"slices"
	"strings"
)

// blockKind is what a line of the markup makes.
type blockKind int

const (
	bTitle     blockKind = iota // # Title
	bHeading                    // ## Heading
	bSub                        // ### Sub-heading
	bPara                       // plain lines
	bBullet                     // - item
	bFill                       // ___ a line to fill in
	bDirective                  // @name args
)

// span is a piece of inline text, bold or not.
type span struct {
	text string
	bold bool
}

// block is one construct of the markup.
type block struct {
	kind  blockKind
	spans []span
	fill  bool     // a bullet whose text is a line to fill in
	dir   string   // directive name, without "@"
	args  []string // directive arguments
}

// directives lists per document the directives and their arguments
// (nil: no argument; "" in the list: the argument may be left out).
var directives = map[string]map[string][]string{
	Confidentiality:       {"signatures": {"", "hr"}, "pagebreak": nil},
	ConfidentialityPerson: {"signatures": {"", "hr"}, "pagebreak": nil},
	TandemAgreement:       {"signatures": {"", "hr"}, "pagebreak": nil},
	Certificate:           {"signatures": {"", "hr"}, "pagebreak": nil},
	CheckIn: {"pagebreak": nil, "participant": nil, "satisfaction": nil, "selfassessment": nil,
		"comment": nil},
	Report: {"pagebreak": nil, "figures": nil, "topics": nil, "agreements": nil,
		"chart": {"meetings", "states", "satisfaction", "balance", "growth", "topics"}, "table": {"tandems"}},
	Recovery: {"key": nil},
	DisclosureTemplate: {"pagebreak": nil,
		"section": {"person", "programmes", "tandems", "meetings", "agreements", "checkins", "trainings", "audit"}},
}

// parseMarkup reads the text a template produced into blocks. src is the
// template text, to name the line of a bad directive.
func parseMarkup(name, src, out string) ([]block, error) {
	var blocks []block
	open := false // the last block is a paragraph or bullet that plain lines continue
	for _, raw := range strings.Split(out, "\n") {
		line := strings.TrimSpace(raw)
		switch {
		case line == "":
			open = false
			continue
		case strings.HasPrefix(line, "@"):
			b, err := directive(name, src, line)
			if err != nil {
				return nil, err
			}
			blocks, open = append(blocks, b), false
			continue
		case isFill(line):
			blocks, open = append(blocks, block{kind: bFill}), false
			continue
		}
		kind, text := bPara, line
		for _, h := range []struct {
			prefix string
			kind   blockKind
		}{{"### ", bSub}, {"## ", bHeading}, {"# ", bTitle}, {"- ", bBullet}} {
			if strings.HasPrefix(line, h.prefix) {
				kind, text = h.kind, strings.TrimSpace(line[len(h.prefix):])
				break
			}
		}
		spans, ok := inline(text)
		if !ok {
			return nil, &TemplateError{Name: name, Line: sourceLine(src, line, "**"), Code: "unclosed",
				Detail: "**", Err: errors.New("bold text not closed with **")}
		}
		if kind == bPara && open {
			last := &blocks[len(blocks)-1]
			last.spans = append(append(last.spans, span{text: " ", bold: false}), spans...)
			continue
		}
		b := block{kind: kind, spans: spans}
		if kind == bBullet && isFill(text) {
			b.fill, b.spans = true, nil
		}
		blocks = append(blocks, b)
		open = kind == bPara || (kind == bBullet && !b.fill)
	}
	return blocks, nil
}

// directive reads a line "@name args" and checks it against the document.
func directive(name, src, line string) (block, error) {
	fields := strings.Fields(line[1:])
	b := block{kind: bDirective}
	if len(fields) > 0 {
		b.dir, b.args = fields[0], fields[1:]
	}
	args, known := directives[name][b.dir]
	switch {
	case !known:
	case args == nil && len(b.args) == 0:
		return b, nil
	case args != nil && len(b.args) == 0 && slices.Contains(args, ""):
		return b, nil
	case args != nil && len(b.args) == 1 && b.args[0] != "" && slices.Contains(args, b.args[0]):
		return b, nil
	}
	return b, &TemplateError{Name: name, Line: sourceLine(src, line, "@"+b.dir), Code: "unknown_directive",
		Detail: line, Err: errors.New("unknown directive")}
}

// isFill reports whether a line is a line of underscores to fill in.
func isFill(s string) bool {
	return len(s) >= 3 && strings.Trim(s, "_") == ""
}

// inline splits text into plain and bold spans, resolving backslash
// escapes; ok is false when a "**" is not closed.
func inline(s string) (spans []span, ok bool) {
	if !strings.ContainsAny(s, `*\`) {
		return []span{{text: s}}, true
	}
	var b strings.Builder
	bold := false
	flush := func() {
		if b.Len() > 0 {
			spans = append(spans, span{text: b.String(), bold: bold})
			b.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case s[i] == '*' && i+1 < len(s) && s[i+1] == '*':
			flush()
			bold = !bold
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	flush()
	return spans, !bold
}

// sourceLine finds the line of the template text that produced an output
// line: the line equal to it, else the first line holding hint; 0 when
// neither is found.
func sourceLine(src, out, hint string) int {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == out {
			return i + 1
		}
	}
	for i, l := range lines {
		if hint == "**" && strings.Count(l, "**")%2 == 1 || hint != "**" && hint != "" && strings.Contains(l, hint) {
			return i + 1
		}
	}
	return 0
}
