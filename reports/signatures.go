package reports

// signer is someone who signs a document.
type signer struct {
	name string // printed under the signature line; may be empty
	role string // printed under the name
}

// Measures of the signature block, in millimetres.
const (
	sigGap      = 16.0 // between the two columns
	sigColW     = (contentW - sigGap) / 2
	sigWrite    = 13.0 // room above a line to write on
	sigBefore   = 9.0
	sigRowGap   = 7.0
	sigNameSize = 9.5
	sigNoteSize = 8.0
)

// signatures is the signature block: for each signer a line for place
// and date and a line for the signature with name and role below, two
// signers side by side. It is never split across pages.
type signatures struct {
	place string // printed on the place-and-date line, if set
	label string // "Ort, Datum"
	rows  [][]sigCol
	h     float64
}

// sigCol is one signer's column, measured.
type sigCol struct {
	name []line
	role []line
}

func newSignatures(w *writer, signers []signer, place string) *signatures {
	s := &signatures{place: sanitize(place), label: sanitize(w.lb.get("sig.placeDate"))}
	for i := 0; i < len(signers); i += 2 {
		var row []sigCol
		for _, sg := range signers[i:min(i+2, len(signers))] {
			row = append(row, sigCol{
				name: wrap([]span{{text: sg.name}}, bold, sigNameSize, sigColW),
				role: wrap([]span{{text: sg.role}}, regular, sigNoteSize, sigColW),
			})
		}
		s.rows = append(s.rows, row)
	}
	s.h = sigBefore
	for i, row := range s.rows {
		if i > 0 {
			s.h += sigRowGap
		}
		s.h += s.rowHeight(row)
	}
	return s
}

func (s *signatures) lead() float64 { return s.h }

// Line heights of names and notes.
var (
	sigNameLead = sigNameSize * 1.35 * ptMM
	sigNoteLead = sigNoteSize * 1.4 * ptMM
)

// rowHeight is the height of a row of one or two signers.
func (s *signatures) rowHeight(row []sigCol) float64 {
	h := 0.0
	for _, c := range row {
		h = max(h, float64(len(c.name))*sigNameLead+float64(len(c.role))*sigNoteLead)
	}
	return 2*sigWrite + 2*sigNoteLead + 2 + h
}

func (s *signatures) draw(w *writer) {
	if !w.atTop() {
		if s.h > w.room() {
			w.newPage()
		} else {
			w.y += sigBefore
		}
	}
	for i, row := range s.rows {
		if i > 0 {
			w.y += sigRowGap
		}
		top := w.y
		for j, c := range row {
			x := marginL + float64(j)*(sigColW+sigGap)
			y := top + sigWrite
			if s.place != "" {
				w.text(x, y-1.5, s.place, regular, bodySize, black)
			}
			w.rule(x, x+sigColW, y, 0.3, grey)
			w.text(x, y+baseline(sigNoteSize, sigNoteLead)+0.6, s.label, regular, sigNoteSize, grey)
			y += sigNoteLead + 1 + sigWrite
			w.rule(x, x+sigColW, y, 0.3, grey)
			y += 1
			for _, l := range c.name {
				w.drawLine(l, x, y+baseline(sigNameSize, sigNameLead), sigNameSize, black)
				y += sigNameLead
			}
			for _, l := range c.role {
				w.drawLine(l, x, y+baseline(sigNoteSize, sigNoteLead), sigNoteSize, grey)
				y += sigNoteLead
			}
		}
		w.y = top + s.rowHeight(row)
	}
}
