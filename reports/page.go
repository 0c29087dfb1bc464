package reports

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"tandem/model"
)

// Page geometry in millimetres (A4 portrait, DIN 5008-like margins).
const (
	pageW      = 210.0
	pageH      = 297.0
	marginL    = 25.0
	marginR    = 20.0
	contentW   = pageW - marginL - marginR
	headerTop  = 14.0
	bodyBottom = 272.0 // no body text below this line
	footerRule = 279.0
	footerBase = 284.0
	ptMM       = 25.4 / 72 // millimetres per point
	logoMaxH   = 18.0
	logoMaxW   = 55.0
	fontFamily = "noto"
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The documents' colours: near-black text, greys for secondary text and
// rules, and a sober blue for charts.
var (
	black     = rgb{0x1a, 0x1a, 0x1a}
	grey      = rgb{0x5f, 0x63, 0x68}
	lightGrey = rgb{0xc8, 0xcc, 0xd0}
	paleGrey  = rgb{0xee, 0xf0, 0xf2}
	white     = rgb{0xff, 0xff, 0xff}
	blue      = rgb{0x1f, 0x4e, 0x79}
	lightBlue = rgb{0x8f, 0xaa, 0xdc}
)

// writer sets documents into one PDF. Each document has its own page
// numbers; the footers are drawn when the document ends, once its page
// count is known.
type writer struct {
	pdf   *gofpdf.Fpdf
	c     *gofpdf.Fpdf // what is drawn on: the page, or a template being made
	lb    labels
	today model.Date
	set   model.Settings

	added [3]bool // fonts added to the PDF
	pen           // the canvas's current font and fill colour

	pieces // reusable pieces of pages

	y     float64 // top of the next thing to set
	top   float64 // top of the body below the header
	first int     // first page of the current document
	note  string  // footer text after the date, such as the text version

	head header
}

// pen is the state of a canvas the writer keeps track of, so that it sets
// fonts and colours only when they change.
type pen struct {
	font   style
	size   float64
	fontOK bool
	fill   rgb
	fillOK bool
}

// header is the company's letterhead, measured once.
type header struct {
	name       []line // company name, bold
	address    []line // address lines, small and grey
	logo       bool
	logoW      float64
	logoH      float64
	ruleY      float64
	nameSize   float64
	addrSize   float64
	nameLead   float64
	addrLead   float64
	addrOffset float64
}

// sortOnce makes gofpdf sort the resources of templates too, which only
// its global default does; the output must not depend on map order.
var sortOnce sync.Once

// newWriter starts a PDF with the title in its properties.
func newWriter(opt Options, title string) (*writer, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	sortOnce.Do(func() { gofpdf.SetDefaultCatalogSort(true) })
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginL, headerTop, marginR)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCompression(false) // output compresses the streams: see deflate
	pdf.SetCatalogSort(true)
	at := opt.today().Time()
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	pdf.SetCreator("Tandem", false)
	pdf.SetProducer("Tandem", false)
	pdf.SetTitle(sanitize(title), true)
	if opt.Settings.CompanyName != "" {
		pdf.SetAuthor(sanitize(opt.Settings.CompanyName), true)
	}
	w := &writer{pdf: pdf, c: pdf, lb: labelsFor(opt.lang()), today: opt.today(), set: opt.Settings,
		pieces: newPieces()}
	w.addFont(regular)
	w.addFont(bold)
	w.measureHeader()
	return w, nil
}

// addFont embeds a style of Noto Sans the first time it is used.
func (w *writer) addFont(st style) {
	if !w.added[st] {
		w.pdf.AddUTF8FontFromBytes(fontFamily, styleNames[st], fontData[st])
		w.added[st] = true
	}
}

// setFont selects a font unless it is selected already.
func (w *writer) setFont(st style, size float64) {
	if w.fontOK && w.font == st && w.size == size {
		return
	}
	w.addFont(st)
	w.c.SetFont(fontFamily, styleNames[st], size)
	w.font, w.size, w.fontOK = st, size, true
}

// setFill selects a fill colour unless it is selected already. Text is
// set in the fill colour, so gofpdf need not save and restore the colour
// around every line.
func (w *writer) setFill(c rgb) {
	if w.fillOK && w.fill == c {
		return
	}
	w.c.SetFillColor(c.r, c.g, c.b)
	w.fill, w.fillOK = c, true
}

// textWidth returns the width of sanitized text in millimetres.
func textWidth(s string, st style, size float64) float64 {
	return float64(fontWidth[st].width(s)) * size / 1000 * ptMM
}

// text sets sanitized text with its baseline at y.
func (w *writer) text(x, y float64, s string, st style, size float64, c rgb) {
	if s == "" {
		return
	}
	w.direct()
	w.setFont(st, size)
	w.setFill(c)
	w.c.SetTextColor(c.r, c.g, c.b)
	w.c.Text(x, y, s)
}

// rule draws a horizontal line.
func (w *writer) rule(x1, x2, y, width float64, c rgb) { w.stroke(x1, y, x2, y, width, c) }

// stroke draws a line.
func (w *writer) stroke(x1, y1, x2, y2, width float64, c rgb) {
	w.direct()
	w.c.SetLineWidth(width)
	w.c.SetDrawColor(c.r, c.g, c.b)
	w.c.Line(x1, y1, x2, y2)
}

// rect fills a rectangle.
func (w *writer) rect(x, y, wd, ht float64, c rgb) {
	if wd <= 0 || ht <= 0 {
		return
	}
	w.direct()
	w.setFill(c)
	w.c.Rect(x, y, wd, ht, "F")
}

// frame draws the outline of a rectangle, such as a box to tick.
func (w *writer) frame(x, y, wd, ht, width float64, c rgb) {
	w.direct()
	w.c.SetLineWidth(width)
	w.c.SetDrawColor(c.r, c.g, c.b)
	w.c.Rect(x, y, wd, ht, "D")
}

// dot draws a circle filled with fill and outlined in line (of the given
// width; none when width is 0).
func (w *writer) dot(x, y, r float64, fill, line rgb, width float64) {
	w.direct()
	w.setFill(fill)
	if width <= 0 {
		w.c.Circle(x, y, r, "F")
		return
	}
	w.c.SetLineWidth(width)
	w.c.SetDrawColor(line.r, line.g, line.b)
	w.c.Circle(x, y, r, "FD")
}

// measureHeader lays out the letterhead: name and address left, the
// logo right, a thin rule below.
func (w *writer) measureHeader() {
	h := &w.head
	h.nameSize, h.addrSize = 11, 8
	h.nameLead, h.addrLead = 11*1.3*ptMM, 8*1.4*ptMM
	if logo, tp, ok := logoImage(w.set.Logo); ok {
		info := w.pdf.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: tp}, bytes.NewReader(logo))
		if w.pdf.Ok() && info != nil && info.Width() > 0 && info.Height() > 0 {
			h.logo = true
			h.logoH = logoMaxH
			h.logoW = info.Width() / info.Height() * h.logoH
			if h.logoW > logoMaxW {
				h.logoW, h.logoH = logoMaxW, logoMaxW*info.Height()/info.Width()
			}
		} else {
			w.pdf.ClearError()
		}
	}
	textW := contentW
	if h.logo {
		textW -= h.logoW + 8
	}
	if name := strings.TrimSpace(w.set.CompanyName); name != "" {
		h.name = wrap([]span{{text: name}}, bold, h.nameSize, textW)
	}
	for _, a := range strings.Split(strings.ReplaceAll(w.set.Address, "\r\n", "\n"), "\n") {
		if a = strings.TrimSpace(a); a != "" {
			h.address = append(h.address, wrap([]span{{text: a}}, regular, h.addrSize, textW)...)
		}
	}
	h.addrOffset = float64(len(h.name))*h.nameLead + 0.8
	bottom := headerTop + h.addrOffset + float64(len(h.address))*h.addrLead
	if h.logo {
		bottom = max(bottom, headerTop+h.logoH)
	}
	if len(h.name) == 0 && len(h.address) == 0 && !h.logo {
		w.top = headerTop + 6
		return
	}
	h.ruleY = bottom + 3
	w.top = h.ruleY + 9
}

// drawHeader draws the letterhead on the current page.
func (w *writer) drawHeader() {
	w.cached(keyOf("header"), 0, w.top, w.drawLetterhead)
}

// drawLetterhead draws the letterhead shifted down by dy.
func (w *writer) drawLetterhead(dy float64) {
	h := &w.head
	y := headerTop + dy
	for _, l := range h.name {
		w.drawLine(l, marginL, y+baseline(h.nameSize, h.nameLead), h.nameSize, black)
		y += h.nameLead
	}
	y = headerTop + dy + h.addrOffset
	for _, l := range h.address {
		w.drawLine(l, marginL, y+baseline(h.addrSize, h.addrLead), h.addrSize, grey)
		y += h.addrLead
	}
	if h.logo {
		w.c.ImageOptions("logo", pageW-marginR-h.logoW, headerTop+dy, h.logoW, h.logoH, false,
			gofpdf.ImageOptions{}, 0, "")
	}
	if h.ruleY > 0 {
		w.rule(marginL, pageW-marginR, h.ruleY+dy, 0.25, lightGrey)
	}
}

// logoImage returns the logo in a form gofpdf reads, with its type; a
// logo that is no readable PNG or JPEG is left out.
func logoImage(b []byte) ([]byte, string, bool) {
	if len(b) == 0 {
		return nil, "", false
	}
	switch http.DetectContentType(b) {
	case "image/jpeg":
		if _, _, err := image.DecodeConfig(bytes.NewReader(b)); err != nil {
			return nil, "", false
		}
		return b, "JPG", true
	case "image/png":
		// gofpdf reads 8-bit, non-interlaced PNGs; others are converted.
		if len(b) > 28 && b[24] == 8 && b[28] == 0 && b[25] != 3 {
			if _, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
				return b, "PNG", true
			}
		}
		img, _, err := image.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, "", false
		}
		rgba := image.NewNRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		var buf bytes.Buffer
		if png.Encode(&buf, rgba) != nil {
			return nil, "", false
		}
		return buf.Bytes(), "PNG", true
	}
	return nil, "", false
}

// baseline returns the distance from the top of a line box to the
// baseline, centring Noto Sans' ascender and descender in the box.
func baseline(size, lead float64) float64 {
	return (lead-size*ptMM*1.362)/2 + size*ptMM*1.069
}

// begin starts a new document on a new page; bookmark names it in the
// PDF's outline ("" for none).
func (w *writer) begin(bookmark string) {
	w.newPage()
	w.first = w.pdf.PageNo()
	if bookmark != "" {
		w.setFont(regular, 10)
		w.pdf.Bookmark(sanitize(bookmark), 0, 0)
	}
}

// newPage starts a page of the current document.
func (w *writer) newPage() {
	w.flush()
	w.pdf.AddPage()
	w.pen = pen{}
	w.drawHeader()
	w.y = w.top
}

// atTop reports whether nothing was set on the page yet.
func (w *writer) atTop() bool { return w.y <= w.top+0.01 }

// room returns the height left on the page.
func (w *writer) room() float64 { return bodyBottom - w.y }

// ensure starts a new page unless h fits on this one.
func (w *writer) ensure(h float64) {
	if h > w.room() && !w.atTop() {
		w.newPage()
	}
}

// end finishes the document: it draws the footer of each of its pages
// with "Seite x von y" counted within the document.
func (w *writer) end() {
	w.flush()
	last := w.pdf.PageCount()
	n := last - w.first + 1
	left := w.lb.date(w.today)
	if w.note != "" {
		left += "  ·  " + w.note
	}
	left = sanitize(left)
	for p := w.first; p <= last; p++ {
		w.pdf.SetPage(p)
		// The page's content stream may end in any state: set all anew.
		w.pen = pen{}
		right := sanitize(w.lb.fill("page", "x", strconv.Itoa(p-w.first+1), "y", strconv.Itoa(n)))
		left := shorten(left, contentW-textWidth(right, regular, footerSize)-8, footerSize)
		w.cached(keyOf("footer", left, right), footerRule, pageH-footerRule, func(top float64) {
			w.rule(marginL, pageW-marginR, top, 0.25, lightGrey)
			base := top + footerBase - footerRule
			w.text(marginL, base, left, regular, footerSize, grey)
			w.text(pageW-marginR-textWidth(right, regular, footerSize), base, right, regular, footerSize, grey)
		})
		w.flush()
	}
	w.pdf.SetPage(last)
	w.pen = pen{}
}

// footerSize is the size of the footer's text.
const footerSize = 8

// shorten cuts sanitized text to the width, ending it in "…", so that a
// long note in the footer does not run into the page number.
func shorten(s string, width, size float64) string {
	if textWidth(s, regular, size) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && textWidth(string(rs)+"…", regular, size) > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRight(string(rs), " ·") + "…"
}

// output writes the finished PDF to out, or nothing on an error.
func (w *writer) output(out io.Writer) error {
	if w.pdf.PageCount() == 0 {
		w.begin("")
		w.end()
	}
	w.flush()
	w.pdf.SetPage(w.pdf.PageCount())
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return model.E("reports.output", err)
	}
	pdf := buf.Bytes()
	if small, err := deflate(pdf); err == nil {
		pdf = small
	}
	if _, err := out.Write(pdf); err != nil {
		return model.E("reports.output", model.IO, err)
	}
	return nil
}
