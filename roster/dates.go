package roster

import (
	"strconv"
	"strings"
	"time"

	"tandem/model"
)

// isDateFormat reports whether a number format shows a date: a built-in
// date (or time) format by its id, a custom one by its code.
func isDateFormat(id int, code string) bool {
	if code == "" {
		return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
	}
	return dateCode(code)
}

// dateCode reports whether a custom number format code shows a date: it has
// a day, month or year part outside quoted text, escapes and [brackets]. An
// m among hours or seconds means minutes.
func dateCode(code string) bool {
	var day, month, year, hour, second bool
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		case '\\', '_', '*':
			i++ // the next character is literal, padding or fill
		case 'd', 'D':
			day = true
		case 'm', 'M':
			month = true
		case 'y', 'Y':
			year = true
		case 'h', 'H':
			hour = true
		case 's', 'S':
			second = true
		}
	}
	return day || year || month && !hour && !second
}

// parseDate reads a date written as text: yyyy-mm-dd, dd.mm.yyyy, d.m.yy,
// yyyymmdd, or with / or - in the column's order; a time after the date is
// ignored. Two-digit years are read as Excel does: 00–29 → 2000–2029,
// 30–99 → 1930–1999.
func parseDate(s string, order dateOrder) (model.Date, bool) {
	s = datePart(s)
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	p, sep, ok := dateParts(s)
	if !ok {
		return model.Date{}, false
	}
	n := [3]int{}
	for i := range p {
		n[i], _ = strconv.Atoi(p[i])
	}
	var y, m, d int
	switch {
	case len(p[0]) == 4:
		y, m, d = n[0], n[1], n[2]
	case len(p[2]) != 2 && len(p[2]) != 4:
		return model.Date{}, false
	case sep == '.' || order == dayFirst:
		d, m, y = n[0], n[1], n[2]
	default:
		m, d, y = n[0], n[1], n[2]
	}
	if len(p[0]) != 4 && len(p[2]) == 2 {
		y += 1900
		if y < 1930 {
			y += 100
		}
	}
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return model.Date{}, false
	}
	return model.Date{Year: y, Month: time.Month(m), Day: d}, true
}

// datePart drops a time of day after a date ("2020-01-05T10:00",
// "05.01.2020 10:00").
func datePart(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	return s
}

// dateParts splits "07.09.1993", "9/7/93" or "1993-09-07" into its three
// numbers and the separator.
func dateParts(s string) (parts [3]string, sep byte, ok bool) {
	i := strings.IndexAny(s, "./-")
	if i <= 0 {
		return parts, 0, false
	}
	sep = s[i]
	fields := strings.Split(s, string(sep))
	if len(fields) != 3 {
		return parts, 0, false
	}
	for k, f := range fields {
		if f == "" || len(f) > 4 || strings.Trim(f, "0123456789") != "" {
			return parts, 0, false
		}
		parts[k] = f
	}
	return parts, sep, len(parts[1]) <= 2 && (len(parts[0]) <= 2 || len(parts[0]) == 4 && len(parts[2]) <= 2)
}

// daysIn returns the number of days of a month.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}
