package reports

import "strconv"

// barRow is one row of a horizontal bar chart: a label and one value per
// series with the text printed after the bar.
type barRow struct {
	label  string
	values []float64
	texts  []string
}

// hbars is a horizontal bar chart drawn with vector shapes. A short chart
// stays on one page; a long one breaks between rows, never inside one.
type hbars struct {
	rows   []barRow
	labels [][]line
	texts  [][]string // sanitized value texts
	colors []rgb
	legend [][]legendItem // rows of legend items, when there are several series
	max    float64
	span   float64 // width of the longest bar
	empty  []line  // shown instead when there are no rows
}

// legendItem is a colour key and its label.
type legendItem struct {
	l     line
	color rgb
	x     float64
}

// Geometry of bar charts, in millimetres.
const (
	barLabelW  = 60.0
	barH       = 3.6
	barGap     = 0.9
	barPad     = 1.5
	chartSize  = 8.5
	keepChartH = 75.0 // charts up to this height are not split
)

var chartLead = chartSize * 1.3 * ptMM

func newBars(lb labels, rows []barRow, colors []rgb, legend []string, maxValue float64) *hbars {
	c := &hbars{rows: rows, colors: colors, max: maxValue}
	textW := 0.0
	for _, r := range rows {
		c.labels = append(c.labels, wrap([]span{{text: r.label}}, regular, chartSize, barLabelW-3))
		for _, v := range r.values {
			c.max = max(c.max, v)
		}
		var ts []string
		for _, t := range r.texts {
			t = sanitize(t)
			ts = append(ts, t)
			textW = max(textW, textWidth(t, regular, chartSize))
		}
		c.texts = append(c.texts, ts)
	}
	c.span = contentW - barLabelW - textW - 2
	if len(legend) > 1 {
		x := 0.0
		var row []legendItem
		for i, l := range legend {
			ls := wrap([]span{{text: l}}, regular, chartSize, contentW-5)
			if len(ls) == 0 {
				continue
			}
			w := 4.5 + ls[0].w
			if x > 0 && x+w > contentW {
				c.legend, row, x = append(c.legend, row), nil, 0
			}
			row = append(row, legendItem{l: ls[0], color: colors[i%len(colors)], x: x})
			x += w + 8
		}
		c.legend = append(c.legend, row)
	}
	if len(rows) == 0 {
		c.empty = wrap([]span{{text: lb.get("chart.empty")}}, italic, bodySize, contentW)
	}
	return c
}

func (c *hbars) rowHeight(i int) float64 {
	n := float64(len(c.rows[i].values))
	return max(float64(len(c.labels[i]))*chartLead, n*barH+(n-1)*barGap) + 2*barPad
}

func (c *hbars) legendHeight() float64 {
	if len(c.legend) == 0 {
		return 0
	}
	return float64(len(c.legend))*chartLead + 2.5
}

// height is the height of the whole chart.
func (c *hbars) height() float64 {
	h := c.legendHeight()
	for i := range c.rows {
		h += c.rowHeight(i)
	}
	return h
}

func (c *hbars) lead() float64 {
	switch {
	case len(c.rows) == 0:
		return 2 + chartLead
	case c.height() <= keepChartH:
		return 2 + c.height()
	}
	return 2 + c.legendHeight() + c.rowHeight(0)
}

func (c *hbars) draw(w *writer) {
	if !w.atTop() {
		w.y += 2
	}
	if len(c.rows) == 0 {
		drawEmpty(w, c.empty)
		return
	}
	w.ensure(c.lead() - 2)
	c.drawLegend(w)
	x0 := marginL + barLabelW
	for i, r := range c.rows {
		h := c.rowHeight(i)
		page := w.pdf.PageNo()
		w.ensure(h)
		if w.pdf.PageNo() != page {
			c.drawLegend(w) // the colours explained again on the new page
		}
		top := w.y
		y := top + barPad
		for _, l := range c.labels[i] {
			w.drawLine(l, marginL, y+baseline(chartSize, chartLead), chartSize, black)
			y += chartLead
		}
		n := float64(len(r.values))
		y = top + (h-(n*barH+(n-1)*barGap))/2
		for j, v := range r.values {
			bw := 0.0
			if c.max > 0 {
				bw = c.span * v / c.max
			}
			w.rect(x0, y, bw, barH, c.colors[j%len(c.colors)])
			if j < len(c.texts[i]) {
				w.text(x0+bw+1.5, y+barH/2+chartSize*ptMM*0.35, c.texts[i][j], regular, chartSize, grey)
			}
			y += barH + barGap
		}
		w.stroke(x0, top, x0, top+h, 0.2, lightGrey)
		w.y = top + h
	}
	w.y += paraAfter + 1
}

// drawLegend explains the colours of a chart with several series.
func (c *hbars) drawLegend(w *writer) {
	for _, row := range c.legend {
		for _, it := range row {
			w.rect(marginL+it.x, w.y+0.6, 3, 3, it.color)
			w.drawLine(it.l, marginL+it.x+4.5, w.y+baseline(chartSize, chartLead), chartSize, grey)
		}
		w.y += chartLead
	}
	if len(c.legend) > 0 {
		w.y += 2.5
	}
}

// drawEmpty shows that a chart or table has no data yet.
func drawEmpty(w *writer, lines []line) {
	for _, l := range lines {
		w.ensure(bodySize * bodyLeading * ptMM)
		w.drawLine(l, marginL, w.y+baseline(bodySize, bodySize*bodyLeading*ptMM), bodySize, grey)
		w.y += bodySize * bodyLeading * ptMM
	}
	w.y += paraAfter
}

// columns is a vertical column chart of counts, such as the satisfaction
// ratings 1 to 5, with a caption below.
type columns struct {
	labels  []string
	counts  []int
	caption []line
	empty   []line
}

const columnsH = 40.0 // height of the plot area

func newColumns(lb labels, labels []string, counts []int, caption string) *columns {
	c := &columns{labels: labels, counts: counts}
	total := 0
	for _, n := range counts {
		total += n
	}
	if total == 0 {
		c.empty = wrap([]span{{text: lb.get("chart.empty")}}, italic, bodySize, contentW)
	}
	c.caption = wrap([]span{{text: caption}}, regular, chartSize, contentW)
	return c
}

func (c *columns) lead() float64 {
	if c.empty != nil {
		return 2 + chartLead
	}
	return 2 + columnsH + 12 + float64(len(c.caption))*chartLead
}

func (c *columns) draw(w *writer) {
	if !w.atTop() {
		w.y += 2
	}
	if c.empty != nil {
		drawEmpty(w, c.empty)
		return
	}
	w.ensure(c.lead() - 2)
	top := w.y + 5
	most := 1
	for _, n := range c.counts {
		most = max(most, n)
	}
	const slot, colW = 22.0, 13.0
	x := marginL + 4
	base := top + columnsH
	for i, n := range c.counts {
		h := columnsH * float64(n) / float64(most)
		cx := x + float64(i)*slot
		w.rect(cx, base-h, colW, h, blue)
		t := sanitize(strconv.Itoa(n))
		w.text(cx+(colW-textWidth(t, regular, chartSize))/2, base-h-1.5, t, regular, chartSize, grey)
		l := sanitize(c.labels[i])
		w.text(cx+(colW-textWidth(l, bold, chartSize))/2, base+4.5, l, bold, chartSize, black)
	}
	w.rule(marginL, x+float64(len(c.counts))*slot, base, 0.3, grey)
	w.y = base + 8
	for _, l := range c.caption {
		w.drawLine(l, marginL, w.y+baseline(chartSize, chartLead), chartSize, grey)
		w.y += chartLead
	}
	w.y += paraAfter + 1
}

// tile is one key figure: what it is, the figure, and a note.
type tile struct {
	label, value, note string
}

// tiles shows key figures in boxes, three to a row.
type tiles struct {
	cells [][3][]line // label, value, note
	rows  [][]int
}

const (
	tileGap   = 4.0
	tileW     = (contentW - 2*tileGap) / 3
	tilePad   = 3.0
	tileValue = 16.0
)

var tileValueLead = tileValue * 1.2 * ptMM

func newTiles(ts []tile) *tiles {
	t := &tiles{}
	inner := tileW - 2*tilePad
	for i, x := range ts {
		t.cells = append(t.cells, [3][]line{
			wrap([]span{{text: x.label}}, bold, chartSize, inner),
			wrap([]span{{text: x.value}}, bold, tileValue, inner),
			wrap([]span{{text: x.note}}, regular, chartSize, inner),
		})
		if i%3 == 0 {
			t.rows = append(t.rows, nil)
		}
		t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], i)
	}
	return t
}

func (t *tiles) rowHeight(r int) float64 {
	h := 0.0
	for _, i := range t.rows[r] {
		c := t.cells[i]
		h = max(h, float64(len(c[0])+len(c[2]))*chartLead+float64(len(c[1]))*tileValueLead+1.5)
	}
	return h + 2*tilePad
}

func (t *tiles) lead() float64 {
	if len(t.rows) == 0 {
		return 0
	}
	return 2 + t.rowHeight(0)
}

func (t *tiles) draw(w *writer) {
	if !w.atTop() {
		w.y += 2
	}
	for r, row := range t.rows {
		h := t.rowHeight(r)
		w.ensure(h)
		for k, i := range row {
			x := marginL + float64(k)*(tileW+tileGap)
			w.rect(x, w.y, tileW, h, paleGrey)
			w.rect(x, w.y, 1, h, blue)
			y := w.y + tilePad
			c := t.cells[i]
			for _, l := range c[0] {
				w.drawLine(l, x+tilePad, y+baseline(chartSize, chartLead), chartSize, grey)
				y += chartLead
			}
			y += 0.75
			for _, l := range c[1] {
				w.drawLine(l, x+tilePad, y+baseline(tileValue, tileValueLead), tileValue, blue)
				y += tileValueLead
			}
			y += 0.75
			for _, l := range c[2] {
				w.drawLine(l, x+tilePad, y+baseline(chartSize, chartLead), chartSize, grey)
				y += chartLead
			}
		}
		w.y += h + tileGap
	}
	w.y += paraAfter - tileGap + 1
}
