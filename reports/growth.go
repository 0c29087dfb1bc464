package reports

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tandem/model"
)

// minGroup is the least number of self-assessments at each of the two
// moments for a topic to show in the programme report: a mean of one or
// two would tell the management how individuals rated themselves.
const minGroup = 3

// growth charts the growth per topic: the mean self-assessment at the first
// and at the last moment, for the topics assessed at two moments by enough
// participants.
func (s *stats) growth(lb labels) element {
	var shown []model.TopicGrowth
	twice, hidden := 0, 0
	for _, g := range model.Growth(s.d.CheckIns) {
		if g.StartMoment == g.EndMoment {
			continue
		}
		twice++
		if g.StartN < minGroup || g.EndN < minGroup {
			hidden++
			continue
		}
		shown = append(shown, g)
	}
	switch {
	case twice == 0:
		return newNote(lb.get("chart.growth.none"))
	case len(shown) == 0:
		return newNote(lb.fill("chart.growth.few", "min", strconv.Itoa(minGroup)))
	}
	c := collate.New(language.German, collate.IgnoreCase)
	slices.SortStableFunc(shown, func(a, b model.TopicGrowth) int {
		if r := cmp.Compare(math.Round(b.Change()*10), math.Round(a.Change()*10)); r != 0 {
			return r
		}
		return c.CompareString(a.Topic, b.Topic)
	})
	var rows []dumbbellRow
	for _, g := range shown {
		rows = append(rows, dumbbellRow{label: g.Topic, from: g.Start, to: g.End,
			text: lb.fill("chart.growth.value", "start", lb.decimal(g.Start), "end", lb.decimal(g.End),
				"change", signed(lb, g.Change()))})
	}
	caption := lb.get("chart.growth.caption")
	if hidden > 0 {
		caption += " " + lb.fill("chart.growth.hidden", "min", strconv.Itoa(minGroup), "n", strconv.Itoa(hidden))
	}
	return newDumbbells(rows, lb.get("chart.growth.start"), lb.get("chart.growth.end"), caption)
}

// signed formats a change with its sign: +1,2, –0,4, ±0,0 (the fonts have
// no minus sign; the en dash stands in for it, as in German print).
func signed(lb labels, v float64) string {
	d := lb.decimal(math.Abs(v))
	switch {
	case math.Round(v*10) > 0:
		return "+" + d
	case math.Round(v*10) < 0:
		return "–" + d
	}
	return "±" + d
}

// newNote is a sentence in place of a chart that has nothing to show.
func newNote(s string) element {
	t := newText([]span{{text: s}}, italic, bodySize, bodyLeading, 0)
	t.color, t.after = grey, paraAfter
	return t
}

// dumbbellRow is one row of a dumbbell chart: a value at the start and one
// at the end on the scale 1 to 5, and the text printed after them.
type dumbbellRow struct {
	label    string
	from, to float64
	text     string
}

// dumbbells shows per row how a value on the scale 1–5 moved: a hollow dot
// at the start, a full one at the end, a bar between. A short chart stays on
// one page; a long one breaks between rows, the scale repeated.
type dumbbells struct {
	rows    []dumbbellRow
	labels  [][]line
	texts   []string
	legend  [2]line
	caption []line
	x0      float64 // where the scale's 1 is
	span    float64 // from 1 to 5
	textX   float64
}

// Geometry of the dumbbell chart, in millimetres.
const (
	dotR      = 1.5
	dumbRowH  = 4.0 // least height of a row between its pads
	legendGap = 8.0
)

func newDumbbells(rows []dumbbellRow, start, end, caption string) *dumbbells {
	c := &dumbbells{rows: rows}
	textW := 0.0
	for _, r := range rows {
		c.labels = append(c.labels, wrap([]span{{text: r.label}}, regular, chartSize, barLabelW-3))
		t := sanitize(r.text)
		c.texts = append(c.texts, t)
		textW = max(textW, textWidth(t, regular, chartSize))
	}
	c.x0 = marginL + barLabelW + dotR + 1
	c.textX = pageW - marginR - textW
	c.span = c.textX - 4 - dotR - c.x0
	for i, l := range []string{start, end} {
		if ls := wrap([]span{{text: l}}, regular, chartSize, contentW/2-legendGap); len(ls) > 0 {
			c.legend[i] = ls[0]
		}
	}
	c.caption = wrap([]span{{text: caption}}, regular, chartSize, contentW)
	return c
}

// x returns where a value of the scale 1–5 lies.
func (c *dumbbells) x(v float64) float64 { return c.x0 + (min(max(v, 1), 5)-1)/4*c.span }

func (c *dumbbells) rowHeight(i int) float64 {
	return max(float64(len(c.labels[i]))*chartLead, dumbRowH) + 2*barPad
}

// headHeight is the height of the legend and the scale above the rows.
func (c *dumbbells) headHeight() float64 { return 2*chartLead + 2.5 }

func (c *dumbbells) height() float64 {
	h := c.headHeight() + float64(len(c.caption))*chartLead + 2
	for i := range c.rows {
		h += c.rowHeight(i)
	}
	return h
}

func (c *dumbbells) lead() float64 {
	if c.height() <= keepChartH {
		return 2 + c.height()
	}
	return 2 + c.headHeight() + c.rowHeight(0)
}

func (c *dumbbells) draw(w *writer) {
	if !w.atTop() {
		w.y += 2
	}
	if c.height() <= keepChartH {
		w.ensure(c.height())
	} else {
		w.ensure(c.lead() - 2)
	}
	c.drawHead(w)
	for i := range c.rows {
		h := c.rowHeight(i)
		if h > w.room() && !w.atTop() {
			w.newPage()
			c.drawHead(w)
		}
		top := w.y
		y := top + barPad
		for _, l := range c.labels[i] {
			w.drawLine(l, marginL, y+baseline(chartSize, chartLead), chartSize, black)
			y += chartLead
		}
		for v := 1; v <= 5; v++ {
			x := c.x(float64(v))
			w.stroke(x, top, x, top+h, 0.2, lightGrey)
		}
		yc := top + h/2
		r := c.rows[i]
		w.stroke(c.x(r.from), yc, c.x(r.to), yc, 1.6, lightBlue)
		w.dot(c.x(r.from), yc, dotR, white, blue, 0.5)
		w.dot(c.x(r.to), yc, dotR, blue, blue, 0)
		w.text(c.textX, yc+chartSize*ptMM*0.35, c.texts[i], regular, chartSize, grey)
		w.y = top + h
	}
	w.y += 2
	w.ensure(float64(len(c.caption)) * chartLead)
	for _, l := range c.caption {
		w.drawLine(l, marginL, w.y+baseline(chartSize, chartLead), chartSize, grey)
		w.y += chartLead
	}
	w.y += paraAfter + 1
}

// drawHead draws the legend and the numbers of the scale.
func (c *dumbbells) drawHead(w *writer) {
	base := w.y + baseline(chartSize, chartLead)
	x := marginL + dotR
	for i, l := range c.legend {
		if i == 0 {
			w.dot(x, base-chartSize*ptMM*0.35, dotR, white, blue, 0.5)
		} else {
			w.dot(x, base-chartSize*ptMM*0.35, dotR, blue, blue, 0)
		}
		w.drawLine(l, x+dotR+1.5, base, chartSize, grey)
		x += dotR + 1.5 + l.w + legendGap
	}
	w.y += chartLead + 2.5
	base = w.y + baseline(chartSize, chartLead)
	for v := 1; v <= 5; v++ {
		n := strconv.Itoa(v)
		w.text(c.x(float64(v))-textWidth(n, regular, chartSize)/2, base, n, regular, chartSize, grey)
	}
	w.y += chartLead
}
