package reports

import (
	"io"
	"slices"
	"strings"

	"tandem/model"
)

// CheckInForms writes one check-in form per person id for the moment,
// each its own document with its own page numbers and the person's name
// in the footer, as one PDF: who fills it in and with whom in a tandem
// (confirmed, active or finished), satisfaction with the tandem and a
// self-assessment per topic to tick (1–5), lines for a comment, and what
// HR does with the form. The topics are the person's from the enrolment,
// else the programme's catalogue. A moment not in model.Moments gives a
// model.Invalid error. progress (may be nil) is called after each form
// with (done, total). On any error nothing is written.
func CheckInForms(w io.Writer, opt Options, d *model.ProgrammeData, people []model.ID, moment model.Moment,
	progress func(done, total int)) error {
	const op = "reports.CheckInForms"
	if !slices.Contains(model.Moments, moment) {
		return model.E(op, model.Invalid, model.Problem{Field: "moment", Code: "choice", Arg: string(moment)})
	}
	lb := labelsFor(opt.lang())
	pw, err := newWriter(opt, lb.get("title.checkins")+" – "+lb.get("moment."+string(moment)))
	if err != nil {
		return model.E(op, err)
	}
	b := newBatch(pw, opt)
	for i, id := range people {
		dc, err := checkInDoc(lb, opt, d, id, moment)
		if err != nil {
			return model.E(op, err)
		}
		// The name on every page, should the pages of a form come apart.
		person := d.Persons[id]
		pw.note = person.FullName()
		if err := b.add(dc); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(people))
		}
	}
	return pw.output(w)
}

// checkInDoc gathers what a person's check-in form shows.
func checkInDoc(lb labels, opt Options, d *model.ProgrammeData, id model.ID, moment model.Moment) (doc, error) {
	if d == nil {
		return doc{}, notFound("programme", 0)
	}
	person, ok := d.Persons[id]
	if !ok {
		return doc{}, notFound("person", id)
	}
	p := &d.Programme
	data := common(lb, opt, p)
	e := d.Enrolment(id)
	role := model.Mentee
	if e != nil {
		role = e.Role
	}
	// The partners of the tandems that got going; a mentor may have several.
	var partners []model.Person
	var partnerRoles []string
	for _, t := range d.Tandems {
		if t.State != model.TandemConfirmed && t.State != model.TandemActive && t.State != model.TandemFinished {
			continue
		}
		other, otherRole := t.MenteeID, model.Mentee
		switch id {
		case t.MentorID:
			if e == nil {
				role = model.Mentor
			}
		case t.MenteeID:
			other, otherRole = t.MentorID, model.Mentor
		default:
			continue
		}
		if q, ok := d.Persons[other]; ok {
			partners = append(partners, q)
			partnerRoles = append(partnerRoles, roleLabel(lb, otherRole, &q))
		}
	}
	data.Role = roleLabel(lb, role, &person)
	data.Person = party(person, data.Role)
	var names []string
	for i := range partners {
		names = append(names, partners[i].FullName())
	}
	partner := joinNames(lb, names)
	switch len(partners) {
	case 0:
	case 1:
		data.Partner = party(partners[0], partnerRoles[0])
	default:
		data.Partner = Party{Name: escape(partner), Role: partnerRoles[0]}
	}
	data.Moment = lb.get("moment." + string(moment))
	var topics []string
	if e != nil {
		topics = model.CleanList(e.Topics)
	}
	if len(topics) == 0 {
		topics = model.CleanList(p.Topics)
	}
	data.Topics = escapeAll(topics)

	f := &checkInForm{lb: lb, programme: p.Name, person: person.FullName(), topics: topics}
	f.role = data.Role
	for _, s := range []string{person.JobTitle, person.Department} {
		if s = strings.TrimSpace(s); s != "" {
			f.role += ", " + s
		}
	}
	if partner != "" {
		f.partner = partner
		if len(partners) == 1 {
			f.partner += " (" + partnerRoles[0] + ")"
		}
		f.tandem = lb.fill("tandem.with", "name", partner)
	}
	return doc{name: CheckIn, data: data, dir: f.element,
		bookmark: lb.get("doc.checkin") + " – " + person.FullName()}, nil
}

// joinNames joins names as a sentence does: "A", "A und B", "A, B und C".
func joinNames(lb labels, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + lb.get("checkin.and") + names[len(names)-1]
}

// checkInForm renders the directives of a check-in form.
type checkInForm struct {
	lb        labels
	programme string
	person    string
	role      string // role, job title and department
	partner   string // the partners' names, "" when in no tandem
	tandem    string // "Tandem mit …", "" when in no tandem
	topics    []string
}

func (f *checkInForm) element(b block) []element {
	lb := f.lb
	switch b.dir {
	case "participant":
		pairs := [][2]string{{lb.get("tandem.programme"), f.programme}, {lb.get("person.name"), f.person},
			{lb.get("enrolment.role"), f.role}}
		if f.partner != "" {
			pairs = append(pairs, [2]string{lb.get("tandem.partner"), f.partner})
		}
		return []element{newList(pairs), newDateLine(lb.get("checkin.date"))}
	case "satisfaction":
		row := f.tandem
		if row == "" {
			row = lb.get("checkin.tandem.none")
		}
		return []element{newRatingGrid("", lb.get("checkin.satisfied.low"), lb.get("checkin.satisfied.high"),
			[]string{row}, 0, "")}
	case "selfassessment":
		blank := 1
		if len(f.topics) == 0 {
			blank = 3
		}
		return []element{newRatingGrid(lb.get("checkin.topic"), lb.get("checkin.confident.low"),
			lb.get("checkin.confident.high"), f.topics, blank, lb.get("checkin.otherTopic"))}
	case "comment":
		return []element{ruledLines(4)}
	}
	return nil
}

// Geometry of the rating grids, in millimetres: five columns of boxes at
// the right, the labels of the rows at the left.
const (
	rateColW    = 15.0
	rateX0      = pageW - marginR - 5*rateColW
	rateLabelW  = rateX0 - marginL - cellGap
	rateSize    = bodySize - 0.5
	rateAnchor  = 7.5 // size of the meanings of 1 and 5
	ratePad     = 1.8
	rateHeadPad = 1.2
	boxSide     = 4.6
	blankRowH   = 11.0 // a row to write a topic into
)

var (
	rateLead       = rateSize * 1.35 * ptMM
	rateAnchorLead = rateAnchor * 1.3 * ptMM
)

// ratingGrid is a grid of rows with five boxes each to tick 1 to 5, under a
// header with the numbers and what 1 and 5 mean. Rows are never split; the
// header repeats on a new page.
type ratingGrid struct {
	head      []line   // title of the label column; may be empty
	low, high string   // what 1 and 5 mean, sanitized
	rows      [][]line // the rows' labels
	blank     int      // rows to write a label into, after the others
	blankText []line   // printed before the line of such a row
}

func newRatingGrid(head, low, high string, rows []string, blank int, blankText string) *ratingGrid {
	g := &ratingGrid{low: sanitize(low), high: sanitize(high), blank: blank}
	if head != "" {
		g.head = wrap([]span{{text: head}}, bold, rateSize, rateLabelW)
	}
	for _, r := range rows {
		g.rows = append(g.rows, wrap([]span{{text: r}}, regular, rateSize, rateLabelW))
	}
	if blankText != "" {
		g.blankText = wrap([]span{{text: blankText}}, regular, rateSize, rateLabelW/2)
	}
	return g
}

func (g *ratingGrid) headHeight() float64 {
	return float64(max(len(g.head), 1))*rateLead + rateAnchorLead + 2*rateHeadPad
}

// rowHeight is the height of row i; rows past the labelled ones are blank.
func (g *ratingGrid) rowHeight(i int) float64 {
	if i >= len(g.rows) {
		return blankRowH
	}
	return max(float64(len(g.rows[i]))*rateLead, boxSide+1) + 2*ratePad
}

func (g *ratingGrid) lead() float64 { return 2 + g.headHeight() + g.rowHeight(0) }

func (g *ratingGrid) draw(w *writer) {
	if !w.atTop() {
		w.y += 2
	}
	w.ensure(g.headHeight() + g.rowHeight(0))
	g.drawHead(w)
	for i := range len(g.rows) + g.blank {
		h := g.rowHeight(i)
		if h > w.room() && !w.atTop() {
			w.newPage()
			g.drawHead(w)
		}
		top := w.y
		if i < len(g.rows) {
			ls := g.rows[i]
			y := top + (h-float64(len(ls))*rateLead)/2
			for _, l := range ls {
				w.drawLine(l, marginL, y+baseline(rateSize, rateLead), rateSize, black)
				y += rateLead
			}
		} else {
			base := top + h - ratePad - 0.8
			x := marginL
			for _, l := range g.blankText {
				w.drawLine(l, marginL, base, rateSize, grey)
				x = max(x, marginL+l.w+2)
			}
			w.rule(x, rateX0-cellGap, base+0.6, 0.3, grey)
		}
		yc := top + h/2
		for k := range 5 {
			cx := rateX0 + (float64(k)+0.5)*rateColW
			w.frame(cx-boxSide/2, yc-boxSide/2, boxSide, boxSide, 0.35, black)
		}
		w.rule(marginL, pageW-marginR, top+h, 0.2, lightGrey)
		w.y = top + h
	}
	w.y += paraAfter + 1
}

// drawHead draws the header: the label column's title, the numbers 1 to 5
// over the boxes, and below them what 1 and 5 mean.
func (g *ratingGrid) drawHead(w *writer) {
	h := g.headHeight()
	w.rect(marginL, w.y, contentW, h, paleGrey)
	y := w.y + rateHeadPad
	for i, l := range g.head {
		w.drawLine(l, marginL, y+float64(i)*rateLead+baseline(rateSize, rateLead), rateSize, black)
	}
	for k := range 5 {
		n := string(rune('1' + k))
		cx := rateX0 + (float64(k)+0.5)*rateColW
		w.text(cx-textWidth(n, bold, rateSize)/2, y+baseline(rateSize, rateLead), n, bold, rateSize, black)
	}
	y += float64(max(len(g.head), 1)) * rateLead
	base := y + baseline(rateAnchor, rateAnchorLead)
	inset := (rateColW - boxSide) / 2
	w.text(rateX0+inset, base, g.low, regular, rateAnchor, grey)
	w.text(pageW-marginR-inset-textWidth(g.high, regular, rateAnchor), base, g.high, regular, rateAnchor, grey)
	w.y += h
}

// dateLine is a label and a line to write the date on, in line with the
// values of a list before it.
type dateLine struct{ label []line }

const dateLineH = 6.0

func newDateLine(label string) *dateLine {
	return &dateLine{label: wrap([]span{{text: label}}, regular, bodySize-0.5, 0.3*contentW-cellGap)}
}

func (d *dateLine) lead() float64 { return dateLineH }

func (d *dateLine) draw(w *writer) {
	w.ensure(dateLineH)
	base := w.y + 5
	for i, l := range d.label {
		w.drawLine(l, marginL, base+float64(i)*rateLead, bodySize-0.5, grey)
	}
	x := marginL + 0.3*contentW
	w.rule(x, x+60, base+0.8, 0.3, grey)
	w.y += max(dateLineH, 1+float64(len(d.label))*rateLead) + paraAfter
}

// ruledLines are lines to write on, kept on one page.
type ruledLines int

const ruledGap = 7.5

func (r ruledLines) lead() float64 { return 1 + float64(r)*ruledGap }

func (r ruledLines) draw(w *writer) {
	if !w.atTop() {
		w.y++
	}
	w.ensure(float64(r) * ruledGap)
	for range int(r) {
		w.y += ruledGap
		w.rule(marginL, pageW-marginR, w.y, 0.3, grey)
	}
	w.y += paraAfter
}
