package reports

// column describes a column of a table.
type column struct {
	title string
	share float64 // part of the content width
	right bool    // numbers: aligned right
}

// table is a measured table. Rows are never split across pages (unless
// one is taller than a page); the header repeats on every page.
type table struct {
	cols   []column
	x      []float64 // left edge of each column
	w      []float64 // text width of each column
	head   [][]line
	rows   [][][]line // row, cell, lines
	size   float64
	lh     float64
	padY   float64
	list   bool // a list of labels and values: no header, no rules, grey labels
	before float64
	after  float64
}

const cellGap = 3.0 // between the text of two columns

// newTable measures a table of text cells. The columns get their share
// of the width, but at least their longest word where that is possible.
func newTable(cols []column, rows [][]string) *table {
	return buildTable(cols, rows, smallSize, false)
}

func buildTable(cols []column, rows [][]string, size float64, list bool) *table {
	t := &table{cols: cols, size: size, padY: 1.5, before: 1, after: paraAfter + 1, list: list}
	if list {
		t.padY = 0.5
	}
	t.lh = t.size * 1.35 * ptMM
	widths := t.widths(rows)
	x := marginL
	for i := range cols {
		t.x = append(t.x, x)
		if i < len(cols)-1 {
			t.w = append(t.w, widths[i]-cellGap)
		} else {
			t.w = append(t.w, pageW-marginR-x)
		}
		x += widths[i]
	}
	for i, c := range cols {
		if !list {
			t.head = append(t.head, wrap([]span{{text: c.title}}, bold, t.size, t.w[i]))
		}
	}
	for _, r := range rows {
		cells := make([][]line, len(cols))
		for i := range cols {
			if i < len(r) {
				cells[i] = wrap([]span{{text: r[i]}}, regular, t.size, t.w[i])
			}
		}
		t.rows = append(t.rows, cells)
	}
	return t
}

// widths shares the content width among the columns: by their shares,
// widened to their longest word, taking the room from columns with
// room to spare.
func (t *table) widths(rows [][]string) []float64 {
	n := len(t.cols)
	total := 0.0
	for _, c := range t.cols {
		total += c.share
	}
	want, least := make([]float64, n), make([]float64, n)
	for i, c := range t.cols {
		want[i] = c.share / total * contentW
		if t.list {
			continue // lists keep their label column for a calm left edge
		}
		least[i] = longestWord(c.title, bold, t.size)
		for _, r := range rows {
			if i < len(r) {
				least[i] = max(least[i], longestWord(r[i], regular, t.size))
			}
		}
		if i < n-1 {
			least[i] += cellGap
		}
	}
	sumLeast, sumW := 0.0, 0.0
	for i := range want {
		sumLeast += least[i]
		want[i] = max(want[i], least[i])
		sumW += want[i]
	}
	if sumLeast > contentW {
		for i, c := range t.cols {
			want[i] = c.share / total * contentW
		}
		return want
	}
	if excess := sumW - contentW; excess > 0 {
		slack := 0.0
		for i := range want {
			slack += want[i] - least[i]
		}
		for i := range want {
			want[i] -= excess * (want[i] - least[i]) / slack
		}
	}
	return want
}

// longestWord returns the width of the widest piece of text that wrap
// cannot break.
func longestWord(s string, st style, size float64) float64 {
	m, w := 0.0, 0.0
	for _, t := range tokens([]span{{text: s}}, st, size) {
		if t.brk {
			w = 0
		}
		w += t.w
		m = max(m, w)
	}
	return m
}

// newList measures a list of labels and values.
func newList(pairs [][2]string) *table {
	rows := make([][]string, len(pairs))
	for i, p := range pairs {
		rows[i] = []string{p[0], p[1]}
	}
	return buildTable([]column{{share: 0.3}, {share: 0.7}}, rows, bodySize-0.5, true)
}

// height returns the height of a row of cells.
func (t *table) height(cells [][]line) float64 {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	return float64(max(n, 1))*t.lh + 2*t.padY
}

func (t *table) headHeight() float64 {
	if t.head == nil {
		return 0
	}
	return t.height(t.head)
}

func (t *table) lead() float64 {
	h := t.before + t.headHeight()
	if len(t.rows) > 0 {
		h += t.height(t.rows[0])
	}
	return h
}

func (t *table) draw(w *writer) {
	if !w.atTop() {
		w.y += t.before
	}
	w.ensure(t.lead() - t.before)
	t.drawHead(w)
	for _, r := range t.rows {
		h := t.height(r)
		if h > w.room() && w.y > w.top+t.headHeight()+0.01 {
			w.newPage()
			t.drawHead(w)
		}
		t.drawRow(w, r)
	}
	w.y += t.after
}

// drawHead draws the header row on a pale band.
func (t *table) drawHead(w *writer) {
	if t.head == nil {
		return
	}
	h := t.headHeight()
	w.rect(marginL, w.y, contentW, h, paleGrey)
	t.cells(w, t.head, 0, 1<<30, black)
	w.y += h
}

// drawRow draws a row, going on on a new page should it be taller than
// one page.
func (t *table) drawRow(w *writer, r [][]line) {
	n := 0
	for _, c := range r {
		n = max(n, len(c))
	}
	for from := 0; from < max(n, 1); {
		fit := max(1, int((w.room()-2*t.padY)/t.lh))
		to := min(max(n, 1), from+fit)
		t.cells(w, r, from, to, black)
		w.y += float64(to-from)*t.lh + 2*t.padY
		if !t.list {
			w.rule(marginL, pageW-marginR, w.y, 0.2, lightGrey)
		}
		from = to
		if from < n {
			w.newPage()
			t.drawHead(w)
		}
	}
}

// cells draws lines from..to of each cell at the writer's position.
func (t *table) cells(w *writer, cells [][]line, from, to int, c rgb) {
	for i, lines := range cells {
		y := w.y + t.padY
		col := c
		if t.list && i == 0 {
			col = grey
		}
		for k := from; k < min(to, len(lines)); k++ {
			x := t.x[i]
			if t.cols[i].right {
				x += t.w[i] - lines[k].w
			}
			w.drawLine(lines[k], x, y+baseline(t.size, t.lh), t.size, col)
			y += t.lh
		}
	}
}
