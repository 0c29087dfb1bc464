package model

import (
	"fmt"
	"time"
)

// Date is a calendar day without time of day or zone, such as a hire date.
// The zero Date means "not set". It is stored as "2006-01-02".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate returns the date y-m-d, normalised as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// ParseDate reads an ISO date "2006-01-02"; the empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return DateOf(t), nil
}

// IsZero reports whether the date is not set.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns noon UTC of the day, a stable point for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String returns the ISO form "2006-01-02", or "" for the zero Date.
func (d Date) String() string { return string(d.appendISO(nil)) }

// appendISO appends the date as "2026-03-09" (nothing for the zero date).
func (d Date) appendISO(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	if d.Year < 0 || d.Year > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	y, m, day := d.Year, int(d.Month), d.Day
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10%10), byte('0'+m%10), '-', byte('0'+day/10%10), byte('0'+day%10))
}

// MarshalText stores the date as its ISO string, "" for the zero date;
// encoding/json writes it as a JSON string.
func (d Date) MarshalText() ([]byte, error) { return d.appendISO(make([]byte, 0, 10)), nil }

// UnmarshalText reads the ISO string written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
