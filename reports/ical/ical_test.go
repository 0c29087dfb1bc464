package ical_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"tandem/reports/ical"
)

var stamp = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// cet is Germany's winter time, as the app passes local meeting times.
var cet = time.FixedZone("CET", 3600)

func write(t testing.TB, events ...ical.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ical.Write(&b, events); err != nil {
		t.Fatalf("Write: %v", err)
	}
	checkLines(t, b.Bytes())
	return b.Bytes()
}

// checkLines checks the physical lines: each ends with CRLF, is valid UTF-8
// and at most 75 octets long, and holds no other line break.
func checkLines(t testing.TB, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatalf("output does not end with CRLF: %q", out[max(0, len(out)-20):])
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		switch {
		case len(line) > 75:
			t.Fatalf("line %d has %d octets: %q", i+1, len(line), line)
		case !utf8.ValidString(line):
			t.Fatalf("line %d is not valid UTF-8: %q", i+1, line)
		case strings.ContainsAny(line, "\r\n"):
			t.Fatalf("line %d holds a bare line break: %q", i+1, line)
		case line == "" || i == 0 && line[0] == ' ':
			t.Fatalf("line %d is empty or continues nothing: %q", i+1, line)
		}
	}
}

func TestWriteGolden(t *testing.T) {
	out := write(t, ical.Event{
		UID:         "meeting-42@tandem.example",
		Sequence:    3,
		Stamp:       stamp,
		Start:       time.Date(2026, 11, 27, 10, 0, 0, 0, cet),
		Duration:    90 * time.Minute,
		Summary:     "Tandem: Müller / Schulz; KI, Social Media",
		Description: "Agenda:\r\nPrompts schreiben\\Üben",
		Location:    "Raum 3.14, Haus B",
		Organizer:   &ical.Person{Name: "Personalabteilung", Email: "hr@example.de"},
		Attendees: []ical.Person{{Name: "Müller, Hans", Email: "hans@example.de"},
			{Name: "Anna Schulz", Email: "anna@example.de"}, {Name: "Jo Klein"}},
		AttendeesLabel: "Ohne E-Mail:",
	}, ical.Event{
		UID:       "meeting-43@tandem.example",
		Stamp:     stamp,
		Start:     time.Date(2026, 12, 11, 9, 0, 0, 0, time.UTC),
		Summary:   "Tandem",
		Cancelled: true,
	})
	want := strings.Join([]string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Tandem//Tandem//DE",
		"CALSCALE:GREGORIAN",
		"BEGIN:VEVENT",
		"UID:meeting-42@tandem.example",
		"DTSTAMP:20261120T080000Z",
		"SEQUENCE:3",
		"DTSTART:20261127T090000Z",
		"DTEND:20261127T103000Z",
		`SUMMARY:Tandem: Müller / Schulz\; KI\, Social Media`,
		`DESCRIPTION:Agenda:\nPrompts schreiben\\Üben\n\nOhne E-Mail: Jo Klein`,
		`LOCATION:Raum 3.14\, Haus B`,
		"ORGANIZER;CN=Personalabteilung:mailto:hr@example.de",
		`ATTENDEE;CN="Müller, Hans";ROLE=REQ-PARTICIPANT:mailto:hans@example.de`,
		"ATTENDEE;CN=Anna Schulz;ROLE=REQ-PARTICIPANT:mailto:anna@example.de",
		"STATUS:CONFIRMED",
		"TRANSP:OPAQUE",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:meeting-43@tandem.example",
		"DTSTAMP:20261120T080000Z",
		"SEQUENCE:0",
		"DTSTART:20261211T090000Z",
		"SUMMARY:Tandem",
		"STATUS:CANCELLED",
		"TRANSP:TRANSPARENT",
		"END:VEVENT",
		"END:VCALENDAR",
		"",
	}, "\r\n")
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	if bytes.Contains(out, []byte("METHOD")) {
		t.Fatal("the file must not have a METHOD")
	}
}

func TestFold(t *testing.T) {
	// "SUMMARY:" and 33 ä make 74 octets: the 34th ä would straddle octet 75.
	out := write(t, ical.Event{UID: "x", Stamp: stamp, Start: stamp, Summary: strings.Repeat("ä", 40)})
	want := "SUMMARY:" + strings.Repeat("ä", 33) + "\r\n " + strings.Repeat("ä", 7) + "\r\n"
	if !bytes.Contains(out, []byte(want)) {
		t.Fatalf("fold: got\n%s", out)
	}
	// A value of exactly 75 octets stays on one line; 76 fold with one octet left.
	for _, n := range []int{75, 76} {
		out := write(t, ical.Event{UID: "x", Stamp: stamp, Start: stamp, Summary: strings.Repeat("a", n-8)})
		line := "SUMMARY:" + strings.Repeat("a", 67) + map[int]string{75: "\r\n", 76: "\r\n a\r\n"}[n]
		if !bytes.Contains(out, []byte(line)) {
			t.Fatalf("%d octets: got\n%s", n, out)
		}
	}
}

// longSummary returns 300 characters of umlauts, emoji and characters
// that need escaping, shifted by offset octets so that every kind of
// character lands on a fold boundary in one of the offsets.
func longSummary(offset int) string {
	pattern := []rune("Grüße aus Köln 😀, Straße; Ä\\Ö 👩‍💻 ")
	rs := []rune(strings.Repeat("x", offset))
	for i := 0; len(rs) < 300; i++ {
		rs = append(rs, pattern[i%len(pattern)])
	}
	return string(rs)
}

// parsed reads the output back with an independent parser.
func parsed(t testing.TB, out []byte) *goical.Calendar {
	t.Helper()
	cal, err := goical.NewDecoder(bytes.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	return cal
}

func text(t testing.TB, props goical.Props, name string) string {
	t.Helper()
	if props.Get(name) == nil {
		return ""
	}
	s, err := props.Text(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	for offset := range 8 {
		t.Run(strconv.Itoa(offset), func(t *testing.T) {
			in := ical.Event{
				UID:         "meeting-" + strconv.Itoa(offset) + "@tandem.example",
				Sequence:    ical.SequenceFor(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)),
				Stamp:       stamp,
				Start:       time.Date(2026, 3, 29, 10, 30, 0, 0, time.FixedZone("CEST", 7200)),
				Duration:    45 * time.Minute,
				Summary:     longSummary(offset),
				Description: "Zeile 1; mit Komma, Semikolon\nZeile 2 \\ Backslash\n\nÄÖÜ äöü ß 😀\tTab",
				Location:    "Besprechungsraum „Elbe“, 2. OG; Zoom",
				Organizer:   &ical.Person{Name: "Schulz; Anna: HR", Email: "anna.schulz@example.de"},
				Attendees: []ical.Person{{Name: "Müller, Hans", Email: "hans.mueller@example.de"},
					{Name: `Zoë "Zo" Öztürk`, Email: "zoe@example.de"}, {Name: "Łukasz Ñandú"}},
			}
			cal := parsed(t, write(t, in))
			if got := text(t, cal.Props, "PRODID"); got != ical.ProductID {
				t.Errorf("PRODID %q", got)
			}
			if got := text(t, cal.Props, "VERSION") + text(t, cal.Props, "CALSCALE"); got != "2.0GREGORIAN" {
				t.Errorf("VERSION, CALSCALE %q", got)
			}
			if cal.Props.Get("METHOD") != nil {
				t.Error("METHOD present")
			}
			events := cal.Events()
			if len(events) != 1 {
				t.Fatalf("%d events", len(events))
			}
			ev := events[0]
			for name, want := range map[string]string{
				"UID": in.UID, "SUMMARY": in.Summary, "LOCATION": in.Location,
				"DESCRIPTION": in.Description + "\n\nŁukasz Ñandú", "STATUS": "CONFIRMED", "TRANSP": "OPAQUE",
			} {
				if got := text(t, ev.Props, name); got != want {
					t.Errorf("%s\n got %q\nwant %q", name, got, want)
				}
			}
			if got := ev.Props.Get("SEQUENCE").Value; got != strconv.Itoa(in.Sequence) {
				t.Errorf("SEQUENCE %s, want %d", got, in.Sequence)
			}
			checkTime(t, ev.Props, "DTSTAMP", stamp)
			checkTime(t, ev.Props, "DTSTART", in.Start)
			checkTime(t, ev.Props, "DTEND", in.Start.Add(in.Duration))
			org := ev.Props.Get("ORGANIZER")
			if org.Params.Get("CN") != "Schulz; Anna: HR" || org.Value != "mailto:anna.schulz@example.de" {
				t.Errorf("ORGANIZER %+v", org)
			}
			var attendees []string
			for _, a := range ev.Props.Values("ATTENDEE") {
				attendees = append(attendees, a.Params.Get("CN")+"|"+a.Params.Get("ROLE")+"|"+a.Value)
			}
			want := []string{"Müller, Hans|REQ-PARTICIPANT|mailto:hans.mueller@example.de",
				"Zoë 'Zo' Öztürk|REQ-PARTICIPANT|mailto:zoe@example.de"}
			if strings.Join(attendees, "\n") != strings.Join(want, "\n") {
				t.Errorf("ATTENDEE\n got %q\nwant %q", attendees, want)
			}
		})
	}
}

func checkTime(t *testing.T, props goical.Props, name string, want time.Time) {
	t.Helper()
	if v := props.Get(name).Value; !strings.HasSuffix(v, "Z") {
		t.Errorf("%s %q is not in UTC", name, v)
	}
	got, err := props.DateTime(name, nil)
	if err != nil || !got.Equal(want) {
		t.Errorf("%s = %v (%v), want %v", name, got, err, want)
	}
}

func TestWriteRefuses(t *testing.T) {
	ok := ical.Event{UID: "a@b", Stamp: stamp, Start: stamp}
	tests := []struct {
		name   string
		change func(e *ical.Event)
	}{
		{"no UID", func(e *ical.Event) { e.UID = " \r\n" }},
		{"no start", func(e *ical.Event) { e.Start = time.Time{} }},
		{"no stamp", func(e *ical.Event) { e.Stamp = time.Time{} }},
		{"negative duration", func(e *ical.Event) { e.Duration = -time.Minute }},
		{"negative sequence", func(e *ical.Event) { e.Sequence = -1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := ok
			tt.change(&bad)
			var b bytes.Buffer
			if err := ical.Write(&b, []ical.Event{ok, bad}); err == nil || b.Len() != 0 {
				t.Fatalf("err = %v, wrote %d bytes", err, b.Len())
			}
		})
	}
	if err := ical.Write(&bytes.Buffer{}, nil); !errors.Is(err, ical.ErrNoEvents) {
		t.Fatalf("no events: %v", err)
	}
}

func TestSequenceFor(t *testing.T) {
	for _, tt := range []struct {
		at   time.Time
		want int
	}{
		{time.Time{}, 0},
		{time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(2024, 1, 1, 1, 0, 59, 0, time.UTC), 60},
		{time.Date(2024, 1, 2, 1, 0, 0, 0, time.FixedZone("CET", 3600)), 1440},
		{time.Date(2124, 1, 1, 0, 0, 0, 0, time.UTC), 36524 * 1440},
	} {
		if got := ical.SequenceFor(tt.at); got != tt.want {
			t.Errorf("SequenceFor(%v) = %d, want %d", tt.at, got, tt.want)
		}
	}
}

// readable is what a text value reads as after the trip: valid UTF-8, line
// breaks as LF, no control characters but TAB and LF.
func readable(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	for _, r := range s {
		if r >= 0x20 && r != 0x7f || r == '\t' || r == '\n' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzWrite checks that whatever the text fields hold, the file keeps to
// the line rules and parses back to the same texts.
func FuzzWrite(f *testing.F) {
	f.Add("Grüße, Köln; 😀", "Zeile\r\nzwei\\", "Raum 1", "Müller, Hans")
	f.Add(longSummary(3), "\x00\x7f\r\n\n", "\xff\xfe", `"quoted"; name: x`)
	f.Add(strings.Repeat("ä", 80), strings.Repeat("😀", 40), strings.Repeat(",", 100), strings.Repeat("ß", 50))
	f.Fuzz(func(t *testing.T, summary, description, location, name string) {
		in := ical.Event{UID: "fuzz@tandem.example", Stamp: stamp, Start: stamp, Duration: time.Hour,
			Summary: summary, Description: description, Location: location,
			Attendees: []ical.Person{{Name: name, Email: "a@example.de"}}}
		ev := parsed(t, write(t, in)).Events()[0]
		if got, want := text(t, ev.Props, "SUMMARY"), readable(summary); got != want {
			t.Errorf("SUMMARY %q, want %q", got, want)
		}
		if got, want := text(t, ev.Props, "DESCRIPTION"), readable(description); got != want {
			t.Errorf("DESCRIPTION %q, want %q", got, want)
		}
		if got, want := text(t, ev.Props, "LOCATION"), readable(location); got != want {
			t.Errorf("LOCATION %q, want %q", got, want)
		}
		a := ev.Props.Get("ATTENDEE")
		if a == nil || a.Value != "mailto:a@example.de" {
			t.Fatalf("ATTENDEE %+v", a)
		}
		wantCN := strings.TrimSpace(strings.Map(func(r rune) rune {
			switch {
			case r < 0x20 || r == 0x7f:
				return ' '
			case r == '"':
				return '\''
			}
			return r
		}, strings.ToValidUTF8(name, "\uFFFD")))
		if got := a.Params.Get("CN"); got != wantCN {
			t.Errorf("CN %q, want %q", got, wantCN)
		}
	})
}
