// Package ical writes calendar files (iCalendar, RFC 5545) that Outlook,
// Apple Calendar and the other calendar programs import: a tandem's
// meetings as events with stable UIDs, so that importing a newer file again
// updates the events instead of adding them twice.
//
// The files are written for import, not as invitations: there is no METHOD
// line (METHOD:REQUEST would make Outlook send invitations in the user's
// name). Times are written in UTC, so no VTIMEZONE is needed; the calendar
// program shows them in the reader's zone. Lines end with CRLF and are
// folded at 75 octets without splitting a UTF-8 character; text is escaped.
// The output depends only on the events given, in their order.
package ical

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ProductID names Tandem as the program that wrote a file.
const ProductID = "-//Tandem//Tandem//DE"

// ErrNoEvents is returned by Write for an empty list: a calendar file must
// hold at least one event, so there is nothing to write.
var ErrNoEvents = errors.New("ical: no events to write")

// Person is an organiser or attendee of an event.
type Person struct {
	Name  string
	Email string // without "mailto:"; may be empty
}

// Event is one calendar entry, typically a tandem's meeting.
type Event struct {
	// UID identifies the event across exports, so that a calendar program
	// updates it on the next import: the caller builds it from record ids,
	// e.g. "meeting-42@tandem.example.de". Best kept to ASCII letters,
	// digits and "-.@_".
	UID string
	// Sequence is the revision of the event; it must grow whenever the
	// event changes and never decrease for the same UID. SequenceFor turns
	// the record's last change into such a number.
	Sequence int
	// Stamp is when the file was made (DTSTAMP); tests pass a fixed time.
	Stamp    time.Time
	Start    time.Time
	Duration time.Duration // 0: the event has no end time

	Summary, Description, Location string

	Organizer *Person  // optional; left out without an e-mail address
	Attendees []Person // written as ATTENDEE lines in this order
	// AttendeesLabel heads the names of the attendees without an e-mail
	// address, which are added to the description instead of ATTENDEE
	// lines, e.g. "Teilnehmende:". Empty: the names alone.
	AttendeesLabel string

	Cancelled bool // STATUS:CANCELLED (and TRANSP:TRANSPARENT), else STATUS:CONFIRMED
}

// sequenceEpoch is where SequenceFor starts counting.
var sequenceEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// SequenceFor returns a SEQUENCE number for a record last changed at the
// given time: the minutes since 2024, so that every later change gives a
// higher number without a counter in the database. Times before 2024 give 0.
func SequenceFor(changed time.Time) int {
	m := changed.Sub(sequenceEpoch) / time.Minute
	return int(max(0, min(m, math.MaxInt32)))
}

// Write writes the events as one calendar (VCALENDAR) in the order given.
// It refuses an empty list (ErrNoEvents) and an event without UID, start or
// stamp, with a negative duration or sequence, and then writes nothing.
func Write(w io.Writer, events []Event) error {
	if len(events) == 0 {
		return ErrNoEvents
	}
	for i := range events {
		if err := events[i].check(); err != nil {
			return fmt.Errorf("ical: event %d: %w", i+1, err)
		}
	}
	cw := &contentWriter{w: bufio.NewWriter(w)}
	cw.line("BEGIN:VCALENDAR")
	cw.line("VERSION:2.0")
	cw.line("PRODID:" + ProductID)
	cw.line("CALSCALE:GREGORIAN")
	for i := range events {
		events[i].write(cw)
	}
	cw.line("END:VCALENDAR")
	if cw.err != nil {
		return cw.err
	}
	return cw.w.Flush()
}

func (e *Event) check() error {
	switch {
	case strings.TrimSpace(cleanText(e.UID)) == "":
		return errors.New("no UID")
	case e.Start.IsZero():
		return errors.New("no start")
	case e.Stamp.IsZero():
		return errors.New("no stamp")
	case e.Duration < 0:
		return errors.New("negative duration")
	case e.Sequence < 0:
		return errors.New("negative sequence")
	}
	return nil
}

func (e *Event) write(cw *contentWriter) {
	cw.line("BEGIN:VEVENT")
	cw.line("UID:" + escapeText(e.UID))
	cw.line("DTSTAMP:" + utc(e.Stamp))
	cw.line("SEQUENCE:" + strconv.Itoa(e.Sequence))
	cw.line("DTSTART:" + utc(e.Start))
	if e.Duration > 0 {
		cw.line("DTEND:" + utc(e.Start.Add(e.Duration)))
	}
	cw.line("SUMMARY:" + escapeText(e.Summary))
	if d := e.description(); d != "" {
		cw.line("DESCRIPTION:" + escapeText(d))
	}
	if l := cleanText(e.Location); l != "" {
		cw.line("LOCATION:" + escapeText(l))
	}
	if o := e.Organizer; o != nil && mailto(o.Email) != "" {
		cw.line("ORGANIZER" + commonName(o.Name) + ":" + mailto(o.Email))
	}
	for _, a := range e.Attendees {
		if mailto(a.Email) != "" {
			cw.line("ATTENDEE" + commonName(a.Name) + ";ROLE=REQ-PARTICIPANT:" + mailto(a.Email))
		}
	}
	if e.Cancelled {
		cw.line("STATUS:CANCELLED")
		cw.line("TRANSP:TRANSPARENT") // a cancelled meeting blocks no time
	} else {
		cw.line("STATUS:CONFIRMED")
		cw.line("TRANSP:OPAQUE")
	}
	cw.line("END:VEVENT")
}

// description is the event's description followed by the names of the
// attendees that have no e-mail address.
func (e *Event) description() string {
	var names []string
	for _, a := range e.Attendees {
		if n := paramText(a.Name); mailto(a.Email) == "" && n != "" {
			names = append(names, n)
		}
	}
	d := cleanText(e.Description)
	if len(names) == 0 {
		return d
	}
	list := strings.Join(names, ", ")
	if label := paramText(e.AttendeesLabel); label != "" {
		list = label + " " + list
	}
	if d = strings.TrimRight(d, "\n"); d == "" {
		return list
	}
	return d + "\n\n" + list
}

// utc formats a time as a UTC DATE-TIME, e.g. 20261127T090000Z.
func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// cleanText makes s valid UTF-8 (invalid bytes become U+FFFD), turns CRLF
// and CR into LF and drops the other control characters but TAB, which
// RFC 5545 does not allow in TEXT.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
}

// escapeText writes s as a TEXT value: backslash, semicolon and comma are
// escaped with a backslash, a line break becomes \n.
func escapeText(s string) string {
	s = cleanText(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// paramText makes s fit a parameter value: control characters (line breaks
// too) become spaces, and the double quote, which no parameter value may
// hold, becomes a single one.
func paramText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f:
			return ' '
		case r == '"':
			return '\''
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.TrimSpace(s)
}

// commonName returns the ";CN=…" parameter for a name, quoted when the
// name holds a character that ends a parameter value (";", ":" or ","), or
// "" for an empty name.
func commonName(name string) string {
	name = paramText(name)
	switch {
	case name == "":
		return ""
	case strings.ContainsAny(name, ";:,"):
		return `;CN="` + name + `"`
	}
	return ";CN=" + name
}

// mailto returns the calendar address of an e-mail address, or "" for none.
// Blanks, control characters and double quotes are dropped.
func mailto(email string) string {
	email = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(email, ""))
	if email == "" {
		return ""
	}
	return "mailto:" + email
}

// maxLine is the longest a physical line may be, in octets, without its CRLF.
const maxLine = 75

// contentWriter writes content lines, folded and ended with CRLF, and keeps
// the first write error.
type contentWriter struct {
	w   *bufio.Writer
	err error
}

// line writes one content line: at most 75 octets per physical line, the
// continuation lines starting with a space, never splitting a character.
func (cw *contentWriter) line(s string) {
	limit := maxLine
	for cw.err == nil {
		if len(s) <= limit {
			cw.write(s, "\r\n")
			return
		}
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		cw.write(s[:cut], "\r\n ")
		s = s[cut:]
		limit = maxLine - 1 // the leading space counts
	}
}

func (cw *contentWriter) write(parts ...string) {
	for _, p := range parts {
		if cw.err == nil {
			_, cw.err = cw.w.WriteString(p)
		}
	}
}
