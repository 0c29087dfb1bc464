package reports

import (
	"strings"
	"unicode/utf8"
)

// run is a piece of a line in one style, x from the line's start.
type run struct {
	s  string
	st style
	x  float64
}

// line is a line of set text and its width.
type line struct {
	runs []run
	w    float64
}

// token is a piece of text that is set as a whole: a word, or a part of a
// hyphenated word, or a part of a word in another style.
type token struct {
	s     string
	st    style
	w     float64
	space bool // a space goes before it
	brk   bool // the line may break before it
}

// tokens splits spans into tokens; base is the style of plain spans.
func tokens(spans []span, base style, size float64) []token {
	out := make([]token, 0, 16)
	space := false
	for _, sp := range spans {
		st := base
		if sp.bold {
			st = bold
		}
		text := sanitize(sp.text)
		for i := 0; i <= len(text); {
			j := strings.IndexByte(text[i:], ' ')
			if j < 0 {
				j = len(text) - i
			}
			word := text[i : i+j]
			if word != "" {
				out = appendWord(out, word, st, size, space)
				space = false
			}
			if i+j < len(text) {
				space = true
			}
			i += j + 1
		}
	}
	return out
}

// appendWord adds the tokens of a word: its parts after which the line
// may break, after a hyphen or slash with at least three letters on
// either side.
func appendWord(out []token, word string, st style, size float64, space bool) []token {
	first := true
	start := 0
	emit := func(part string) {
		t := token{s: part, st: st, w: textWidth(part, st, size), brk: true}
		if first {
			t.space, t.brk = space && len(out) > 0, space || len(out) == 0
		}
		out = append(out, t)
		first = false
	}
	if strings.ContainsAny(word, "-/") {
		for i := 0; i < len(word); i++ {
			if c := word[i]; (c == '-' || c == '/') && utf8.RuneCountInString(word[start:i]) >= 3 &&
				utf8.RuneCountInString(word[i+1:]) >= 3 {
				emit(word[start : i+1])
				start = i + 1
			}
		}
	}
	emit(word[start:])
	return out
}

// wrap sets spans into lines no wider than width (mm). A word longer than
// a line is broken between letters.
func wrap(spans []span, base style, size, width float64) []line {
	toks := tokens(spans, base, size)
	var lines []line
	var cur line
	spaceW := [3]float64{}
	for i := range spaceW {
		spaceW[i] = textWidth(" ", style(i), size)
	}
	var text []byte // the text of the line's runs, one after the other
	var ends []int  // where each run's text ends
	add := func(t token, lead float64) {
		x := cur.w + lead
		if n := len(cur.runs); n > 0 && cur.runs[n-1].st == t.st {
			if lead > 0 {
				text = append(text, ' ')
			}
		} else {
			cur.runs = append(cur.runs, run{st: t.st, x: x})
			ends = append(ends, 0)
		}
		text = append(text, t.s...)
		ends[len(ends)-1] = len(text)
		cur.w = x + t.w
	}
	flush := func() {
		if len(cur.runs) > 0 {
			all, start := string(text), 0
			for i := range cur.runs {
				cur.runs[i].s = all[start:ends[i]]
				start = ends[i]
			}
			lines = append(lines, cur)
		}
		cur, text, ends = line{}, text[:0], ends[:0]
	}
	for i := 0; i < len(toks); {
		// A word: tokens up to the next break opportunity.
		j, ww := i+1, toks[i].w
		for j < len(toks) && !toks[j].brk {
			ww += toks[j].w
			j++
		}
		lead := 0.0
		if toks[i].space && len(cur.runs) > 0 {
			lead = spaceW[toks[i].st]
		}
		switch {
		case cur.w+lead+ww <= width+1e-9:
			for k := i; k < j; k++ {
				add(toks[k], lead)
				lead = 0
			}
		case len(cur.runs) > 0:
			flush()
			continue
		default:
			for k := i; k < j; k++ {
				for _, piece := range breakToken(toks[k], width-cur.w, width, size) {
					if cur.w+piece.w > width+1e-9 && len(cur.runs) > 0 {
						flush()
					}
					add(piece, 0)
				}
			}
		}
		i = j
	}
	flush()
	return lines
}

// breakToken cuts a token that does not fit into pieces: the first at
// most first wide, the others at most width.
func breakToken(t token, first, width, size float64) []token {
	if t.w <= first {
		return []token{t}
	}
	var out []token
	limit := first
	start, w := 0, 0.0
	for i, r := range t.s {
		rw := textWidth(string(r), t.st, size)
		if w+rw > limit && i > start {
			out = append(out, token{s: t.s[start:i], st: t.st, w: w})
			start, w, limit = i, 0, width
		}
		w += rw
	}
	return append(out, token{s: t.s[start:], st: t.st, w: w})
}

// drawLine sets a line with its start at x and its baseline at y.
func (w *writer) drawLine(l line, x, y, size float64, c rgb) {
	for _, r := range l.runs {
		w.text(x+r.x, y, r.s, r.st, size, c)
	}
}
