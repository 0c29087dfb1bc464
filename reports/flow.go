package reports

import (
	"strconv"
	"strings"
)

// element is a measured piece of a document, ready to be drawn.
type element interface {
	// lead is the height that must stay on the page with a heading
	// before the element.
	lead() float64
	// draw sets the element at the writer's position, starting new pages
	// where needed, and moves the position below it.
	draw(w *writer)
}

// Sizes of the body text, in points, and spaces, in millimetres.
const (
	bodySize    = 10.0
	bodyLeading = 1.45
	paraAfter   = 2.8
	itemAfter   = 1.0
	smallSize   = 8.5
)

// textBlock is a paragraph or a bullet item: lines set at an indent.
type textBlock struct {
	lines  []line
	indent float64
	bullet bool
	size   float64
	lh     float64 // line height
	before float64
	after  float64
	color  rgb
	keep   bool    // all lines on one page (a title, the text before the signatures)
	keepN  float64 // height of what must follow on the same page
}

// newText measures a paragraph or bullet item.
func newText(spans []span, base style, size, leading, indent float64) *textBlock {
	return &textBlock{lines: wrap(spans, base, size, contentW-indent), indent: indent, size: size,
		lh: size * leading * ptMM, color: black}
}

// newText measures a paragraph like newText, reusing the lines of an equal
// paragraph set before: a batch sets the same paragraphs a thousand times.
func (w *writer) newText(spans []span, base style, size, leading, indent float64) *textBlock {
	return &textBlock{lines: w.wrap(spans, base, size, contentW-indent), indent: indent, size: size,
		lh: size * leading * ptMM, color: black}
}

// wrap is wrap with the writer's memory of lines set before.
func (w *writer) wrap(spans []span, base style, size, width float64) []line {
	var h hasher
	h.start()
	h.num(float64(base), size, width)
	for _, s := range spans {
		h.flag(s.bold)
		h.str(s.text)
	}
	k := h.sum()
	if ls, ok := w.lines[k]; ok {
		return ls
	}
	ls := wrap(spans, base, size, width)
	w.lines[k] = ls
	return ls
}

func (t *textBlock) lead() float64 {
	if t.keep {
		return t.before + float64(len(t.lines))*t.lh + t.keepN
	}
	// A paragraph of three lines cannot be split two and two.
	n := len(t.lines)
	if n > 3 {
		n = 2
	}
	return t.before + float64(n)*t.lh
}

func (t *textBlock) draw(w *writer) {
	if !w.atTop() {
		w.y += t.before
	}
	n := len(t.lines)
	if t.keep {
		w.ensure(float64(n)*t.lh + t.keepN)
	}
	for i := 0; i < n; {
		fit, rest := int((w.room()+1e-6)/t.lh), n-i
		k := rest
		if fit < rest && !t.keep {
			// Split with at least two lines on either page.
			k = fit
			if rest-k < 2 && rest > 2 {
				k = rest - 2
			}
			if i == 0 && k < 2 {
				k = 0
			}
		}
		if k <= 0 {
			if !w.atTop() {
				w.newPage()
				continue
			}
			k = min(rest, max(fit, 1))
		}
		chunk, first := t.lines[i:i+k], i == 0
		w.cached(t.key(chunk, first), w.y, float64(k)*t.lh, func(top float64) {
			for j, l := range chunk {
				w.drawLine(l, marginL+t.indent, top+float64(j)*t.lh+baseline(t.size, t.lh), t.size, t.color)
			}
			if first && t.bullet {
				w.text(marginL+t.indent-4.2, top+baseline(t.size, t.lh), "•", regular, t.size, t.color)
			}
		})
		w.y += float64(k) * t.lh
		i += k
		if i < n {
			w.newPage()
		}
	}
	w.y += t.after
}

// isFigure reports whether an element is a chart or a table, which the
// text before it explains.
func isFigure(e element) bool {
	switch e.(type) {
	case *hbars, *columns, *tiles, *table, *dumbbells, *ratingGrid, *dateLine, ruledLines:
		return true
	}
	return false
}

// introduces reports whether the text ends in a colon.
func (t *textBlock) introduces() bool {
	if len(t.lines) == 0 {
		return false
	}
	runs := t.lines[len(t.lines)-1].runs
	return len(runs) > 0 && strings.HasSuffix(runs[len(runs)-1].s, ":")
}

// key identifies a chunk of the block's lines for reuse.
func (t *textBlock) key(lines []line, first bool) pieceKey {
	return linesKey(t.bullet && first, t.indent, t.lh, t.size, t.color, lines)
}

// linesKey identifies lines of text as drawn.
func linesKey(mark bool, indent, lh, size float64, c rgb, lines []line) pieceKey {
	var h hasher
	h.start()
	h.flag(mark)
	h.num(indent, lh, size, float64(c.r), float64(c.g), float64(c.b))
	for _, l := range lines {
		for _, r := range l.runs {
			h.num(float64(r.st), r.x)
			h.str(r.s)
		}
		h.str("\n")
	}
	return h.sum()
}

// heading is a section heading, with its number in contracts.
type heading struct {
	number string
	lines  []line
	size   float64
	lh     float64
	before float64
	after  float64
	numW   float64
	next   float64 // lead of what follows, kept with the heading
}

func (h *heading) lead() float64 { return h.before + float64(len(h.lines))*h.lh + h.after }

func (h *heading) draw(w *writer) {
	w.ensure(h.before + float64(len(h.lines))*h.lh + h.after + h.next)
	if !w.atTop() {
		w.y += h.before
	}
	base := baseline(h.size, h.lh)
	w.cached(linesKey(false, h.numW, h.lh, h.size, black, append([]line{{runs: []run{{s: h.number}}}}, h.lines...)), w.y, float64(len(h.lines))*h.lh, func(top float64) {
		if h.number != "" {
			w.text(marginL, top+base, h.number, bold, h.size, black)
		}
		for j, l := range h.lines {
			w.drawLine(l, marginL+h.numW, top+float64(j)*h.lh+base, h.size, black)
		}
	})
	w.y += float64(len(h.lines))*h.lh + h.after
}

// fill is a line to fill in by hand.
type fill struct{ indent float64 }

func (f fill) lead() float64 { return 9 }

func (f fill) draw(w *writer) {
	w.ensure(9)
	w.y += 8
	w.rule(marginL+f.indent, pageW-marginR, w.y, 0.3, grey)
	w.y += 1
}

// pageBreak starts a new page unless the page is still empty.
type pageBreak struct{}

func (pageBreak) lead() float64 { return 0 }

func (pageBreak) draw(w *writer) {
	if !w.atTop() {
		w.newPage()
	}
}

// topSpace is vertical space, also at the top of a page.
type topSpace float64

func (s topSpace) lead() float64 { return float64(s) }

func (s topSpace) draw(w *writer) { w.y += float64(s) }

// directiveFunc turns a directive into the elements that show it.
type directiveFunc func(b block) []element

// look is the typography of a kind of document.
type look struct {
	size, leading, after    float64 // body text: size (pt), leading, space after a paragraph (mm)
	title, before, titleGap float64 // title size (pt), space above and below it (mm)
	numbered                bool    // sections numbered "§ 1" (German) or "1." (English)
}

// looks are the documents' typography: contracts with numbered sections,
// the certificate larger and airier.
var looks = map[string]look{
	Confidentiality:       {bodySize, bodyLeading, paraAfter, 17, 0, 5, true},
	ConfidentialityPerson: {bodySize, bodyLeading, paraAfter, 17, 0, 5, true},
	TandemAgreement:       {bodySize, bodyLeading, paraAfter, 17, 0, 5, true},
	Certificate:           {11, 1.55, 4.2, 24, 16, 11, false},
	CheckIn:               {bodySize, bodyLeading, paraAfter, 16, 0, 2, false},
	Report:                {bodySize, bodyLeading, paraAfter, 17, 0, 5, false},
	DisclosureTemplate:    {bodySize, bodyLeading, paraAfter, 17, 0, 5, false},
	Recovery:              {11, 1.5, 3.2, 20, 8, 6, false},
}

// layout measures the blocks of a document in its look.
func (w *writer) layout(blocks []block, lk look, dir directiveFunc) []element {
	var els []element
	section := 0
	for i, b := range blocks {
		switch b.kind {
		case bTitle:
			t := w.newText(b.spans, bold, lk.title, 1.22, 0)
			t.after, t.keep = lk.titleGap, true
			if lk.before > 0 {
				els = append(els, topSpace(lk.before))
			}
			els = append(els, t)
		case bHeading, bSub:
			h := &heading{size: 11, before: 5.5, after: 1.6}
			if b.kind == bSub {
				h.size, h.before, h.after = bodySize, 3.2, 0.8
			} else if lk.numbered {
				section++
				h.number = w.lb.fill("section", "n", strconv.Itoa(section))
				h.numW = max(10, textWidth(h.number, bold, h.size)+3)
			}
			h.lh = h.size * 1.3 * ptMM
			h.lines = w.wrap(b.spans, bold, h.size, contentW-h.numW)
			els = append(els, h)
		case bPara, bBullet:
			indent := 0.0
			if b.kind == bBullet {
				indent = 6
			}
			t := w.newText(b.spans, regular, lk.size, lk.leading, indent)
			t.bullet, t.after = b.kind == bBullet, lk.after
			if t.bullet && i+1 < len(blocks) && blocks[i+1].kind == bBullet {
				t.after = itemAfter * lk.after / paraAfter
			}
			if b.fill {
				els = append(els, bulletFill{})
				continue
			}
			els = append(els, t)
		case bFill:
			els = append(els, fill{})
		case bDirective:
			if b.dir == "pagebreak" {
				els = append(els, pageBreak{})
			} else if dir != nil {
				els = append(els, dir(b)...)
			}
		}
	}
	// The signatures keep the text before them on their page: a page of
	// signatures alone could be swapped. A text ending in a colon, or
	// followed by a chart or table, stays with what it introduces.
	for i, e := range els {
		if s, ok := e.(*signatures); ok && i > 0 {
			if t, ok := els[i-1].(*textBlock); ok {
				t.keep, t.keepN = true, t.after+s.lead()
			}
		}
	}
	for i := len(els) - 2; i >= 0; i-- {
		if t, ok := els[i].(*textBlock); ok && !t.keep && (t.introduces() || isFigure(els[i+1])) {
			t.keep, t.keepN = true, t.after+els[i+1].lead()
		}
	}
	for i, e := range els {
		if h, ok := e.(*heading); ok && i+1 < len(els) {
			h.next = els[i+1].lead()
		}
	}
	return els
}

// bulletFill is a bullet with a line to fill in.
type bulletFill struct{}

func (bulletFill) lead() float64 { return 9 }

func (bulletFill) draw(w *writer) {
	w.ensure(9)
	w.y += 8
	w.text(marginL+6-4.2, w.y-0.3, "•", regular, bodySize, black)
	w.rule(marginL+6, pageW-marginR, w.y, 0.3, grey)
	w.y += 1
}

// render draws the elements.
func (w *writer) render(els []element) {
	for _, e := range els {
		e.draw(w)
	}
}
