package reports

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tandem/assets"
)

// style is a font style of Noto Sans.
type style uint8

const (
	regular style = iota
	bold
	italic
)

var fontFiles = [...]string{"fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/NotoSans-Italic.ttf"}

// gofpdf's style letters of the styles.
var styleNames = [...]string{"", "B", "I"}

// metrics are the advance widths of a font in thousandths of an em by
// rune (Basic Multilingual Plane only, as gofpdf prints); -1 marks a rune
// the font has no glyph for.
type metrics [1 << 16]int16

var (
	fontsOnce sync.Once
	fontData  [3][]byte
	fontWidth [3]*metrics
	fontErr   error
)

// loadFonts reads the three fonts and their widths once.
func loadFonts() error {
	fontsOnce.Do(func() {
		for i, name := range fontFiles {
			b, err := assets.Fonts.ReadFile(name)
			if err != nil {
				fontErr = err
				return
			}
			m, err := readMetrics(b)
			if err != nil {
				fontErr = errors.New(name + ": " + err.Error())
				return
			}
			fontData[i], fontWidth[i] = b, m
		}
	})
	return fontErr
}

// width returns the width of s in thousandths of an em; s must be
// sanitized.
func (m *metrics) width(s string) int {
	w := 0
	for _, r := range s {
		if r < 1<<16 && m[r] > 0 {
			w += int(m[r])
		}
	}
	return w
}

// sanitize prepares a text for printing: composed (NFC), without control
// characters, every rune one the fonts can show ("?" otherwise).
func sanitize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u202f':
			b.WriteByte(' ')
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff' || r == utf8.RuneError || unicode.IsControl(r):
		case r >= 1<<16 || fontWidth[regular][r] < 0 || fontWidth[bold][r] < 0 || fontWidth[italic][r] < 0:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// readMetrics reads the advance widths of a TrueType font from its
// tables: head (units per em), hhea and hmtx (advances) and the Unicode
// BMP cmap (format 4).
func readMetrics(b []byte) (*metrics, error) {
	tables, err := tableDir(b)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil {
		return nil, errors.New("missing font tables")
	}
	unitsPerEm := float64(binary.BigEndian.Uint16(head[18:]))
	nMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if unitsPerEm == 0 || nMetrics == 0 || len(hmtx) < 4*nMetrics {
		return nil, errors.New("bad font metrics")
	}
	advance := func(glyph int) int16 {
		g := min(glyph, nMetrics-1)
		w := float64(binary.BigEndian.Uint16(hmtx[4*g:]))
		return int16(math.Round(w * 1000 / unitsPerEm))
	}
	sub := cmapFormat4(cmap)
	if sub == nil {
		return nil, errors.New("no Unicode cmap")
	}
	m := new(metrics)
	for i := range m {
		m[i] = -1
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if len(sub) < 16+8*segs {
		return nil, errors.New("bad cmap")
	}
	u16 := func(off int) int {
		if off+2 > len(sub) {
			return 0
		}
		return int(binary.BigEndian.Uint16(sub[off:]))
	}
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for s := range segs {
		end, start, delta, ro := u16(ends+2*s), u16(starts+2*s), u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end && c < 0xffff; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xffff
			} else if g = u16(ranges + 2*s + ro + 2*(c-start)); g != 0 {
				g = (g + delta) & 0xffff
			}
			if g != 0 {
				m[c] = advance(g)
			}
		}
	}
	return m, nil
}

// tableDir returns the tables of a TrueType font by tag.
func tableDir(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, errors.New("not a font")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	tables := map[string][]byte{}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errors.New("bad table directory")
		}
		off, length := int(binary.BigEndian.Uint32(b[rec+8:])), int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || length < 0 || off+length > len(b) {
			return nil, errors.New("bad table directory")
		}
		tables[string(b[rec:rec+4])] = b[off : off+length]
	}
	return tables, nil
}

// cmapFormat4 returns the Windows Unicode BMP subtable of a cmap table.
func cmapFormat4(cmap []byte) []byte {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if platform == 3 && encoding == 1 && off+4 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			length := int(binary.BigEndian.Uint16(cmap[off+2:]))
			return cmap[off:min(len(cmap), off+length)]
		}
	}
	return nil
}
