package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"tandem/model"
)

// formatDate shows a date the way the interface language writes it.
func formatDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	if current == English {
		return d.String()
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, d.Month, d.Year)
}

// formatTime shows a moment as date and time of day in local time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	return formatDate(model.DateOf(t)) + " " + t.Format("15:04")
}

// datePlaceholder is the hint shown in empty date fields.
func datePlaceholder() string { return lang.L("date.placeholder") }

// parseDate reads a date as people type it: 31.12.2026, 1.2.26 or 2026-12-31.
// The empty string is the zero date.
func parseDate(s string) (model.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Date{}, nil
	}
	if d, err := model.ParseDate(s); err == nil {
		return d, nil
	}
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(parts) != 3 {
		return model.Date{}, errBadDate
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return model.Date{}, errBadDate
		}
		n[i] = v
	}
	day, month, year := n[0], n[1], n[2]
	if len(strings.TrimSpace(parts[2])) <= 2 {
		year += 2000
		if year > time.Now().Year()+20 {
			year -= 100
		}
	}
	d := model.NewDate(year, time.Month(month), day)
	if d.Day != day || int(d.Month) != month || year < 1900 || year > 2200 {
		return model.Date{}, errBadDate
	}
	return d, nil
}

// errBadDate is shown next to a date field that cannot be read.
var errBadDate = model.E("parse", model.Invalid, model.Problem{Code: "date"})

// parseOptionalInt reads a whole number; the empty string is 0.
func parseOptionalInt(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// optionalInt shows 0 as an empty field.
func optionalInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// formatSize shows a file size in KB or MB.
func formatSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", decimalSeparator(), 1)
}

func decimalSeparator() string {
	if current == English {
		return "."
	}
	return ","
}

// joinNonEmpty joins the values that are not empty with sep.
func joinNonEmpty(sep string, values ...string) string {
	out := values[:0:0]
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, sep)
}

// formatDecimal formats x with the given number of decimals and the
// language's decimal separator.
func formatDecimal(x float64, decimals int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', decimals, 64), ".", decimalSeparator(), 1)
}

// programmeStateName is the name of a programme's phase.
func programmeStateName(st model.ProgrammeState) string {
	return lang.L("programme.state." + string(st))
}
