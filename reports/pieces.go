package reports

import (
	"hash/maphash"
	"math"

	"github.com/jung-kurt/gofpdf"
)

// pieceKey identifies a piece of a page by what it shows.
type pieceKey [2]uint64

// Seeds of the piece keys; keys are only looked up, never printed, so
// their values may differ from run to run.
var seed1, seed2 = maphash.MakeSeed(), maphash.MakeSeed()

// hasher computes a piece key.
type hasher struct{ a, b maphash.Hash }

func (h *hasher) start() {
	h.a.SetSeed(seed1)
	h.b.SetSeed(seed2)
}

func (h *hasher) str(s string) {
	h.a.WriteString(s)
	h.b.WriteString(s)
	h.a.WriteByte(0)
	h.b.WriteByte(0)
}

// num adds numbers, rounded to thousandths of a millimetre.
func (h *hasher) num(vs ...float64) {
	for _, v := range vs {
		h.bits(math.Float64bits(math.Round(v*1000) / 1000))
	}
}

func (h *hasher) bits(u uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(u >> (8 * i))
	}
	h.a.Write(b[:])
	h.b.Write(b[:])
}

func (h *hasher) flag(f bool) {
	if f {
		h.str("1")
	} else {
		h.str("0")
	}
}

func (h *hasher) sum() pieceKey { return pieceKey{h.a.Sum64(), h.b.Sum64()} }

// keyOf returns the key of a piece named by strings.
func keyOf(parts ...string) pieceKey {
	var h hasher
	h.start()
	for _, p := range parts {
		h.str(p)
	}
	return h.sum()
}

// piece is a part of a page that looks the same wherever it stands: a
// paragraph, a heading, the letterhead. draw sets it with its top at the
// given y; top and h are its place on the page.
type piece struct {
	key    pieceKey
	top, h float64
	draw   func(top float64)
}

// pieces keeps a page's pieces until something else is drawn and makes
// every piece (or run of pieces) seen twice a reusable Form XObject, which
// keeps a batch of a thousand agreements small: their common text is in
// the PDF once.
type pieces struct {
	pending []piece
	seen    map[pieceKey]bool
	tpls    map[pieceKey]gofpdf.Template
	inPiece bool                // drawing a piece: primitives draw directly
	lines   map[pieceKey][]line // paragraphs set before, by text and measure
}

func newPieces() pieces {
	return pieces{seen: map[pieceKey]bool{}, tpls: map[pieceKey]gofpdf.Template{}, lines: map[pieceKey][]line{}}
}

// tplPad is the margin around a reusable piece, so that nothing of it is
// clipped by the template's bounding box.
const tplPad = 3.0

// cached queues a piece; consecutive pieces of a page become one.
func (w *writer) cached(key pieceKey, top, h float64, draw func(top float64)) {
	if w.inPiece {
		draw(top)
		return
	}
	w.pending = append(w.pending, piece{key, top, h, draw})
}

// direct is called before anything is drawn that is no piece: the
// pieces before it are set first.
func (w *writer) direct() {
	if !w.inPiece && len(w.pending) > 0 {
		w.flush()
	}
}

// flush sets the queued pieces as one piece.
func (w *writer) flush() {
	ps := w.pending
	if len(ps) == 0 {
		return
	}
	w.pending = w.pending[:0]
	if len(ps) == 1 {
		w.place(ps[0])
		return
	}
	var h hasher
	h.start()
	top, bottom := ps[0].top, ps[0].top+ps[0].h
	for _, p := range ps {
		h.bits(p.key[0])
		h.bits(p.key[1])
		h.num(p.top - top)
		bottom = max(bottom, p.top+p.h)
	}
	parts := append([]piece(nil), ps...)
	w.place(piece{key: h.sum(), top: top, h: bottom - top, draw: func(t float64) {
		for _, p := range parts {
			p.draw(t + p.top - top)
		}
	}})
}

// place draws a piece: directly the first time, from a template after.
func (w *writer) place(p piece) {
	w.inPiece = true
	defer func() { w.inPiece = false }()
	t, ok := w.tpls[p.key]
	if !ok {
		if !w.seen[p.key] {
			w.seen[p.key] = true
			p.draw(p.top)
			return
		}
		size := gofpdf.SizeType{Wd: pageW, Ht: p.h + 2*tplPad}
		t = w.pdf.CreateTemplateCustom(gofpdf.PointType{}, size, func(tpl *gofpdf.Tpl) {
			page := w.pen
			w.c, w.pen = &tpl.Fpdf, pen{}
			p.draw(tplPad)
			w.c, w.pen = w.pdf, page
		})
		w.tpls[p.key] = t
		delete(w.seen, p.key)
	}
	_, size := t.Size()
	w.pdf.UseTemplateScaled(t, gofpdf.PointType{Y: p.top - tplPad}, size)
}
