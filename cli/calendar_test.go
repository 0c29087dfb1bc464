package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	goical "github.com/emersion/go-ical"

	"tandem/model"
	"tandem/model/store"
)

// readCalendar parses an .ics file with an independent parser and returns
// the UIDs of its events, in order.
func readCalendar(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := goical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	var uids []string
	for _, e := range cal.Events() {
		uid, err := e.Props.Text(goical.PropUID)
		if err != nil || uid == "" {
			t.Fatalf("event without UID: %v", err)
		}
		uids = append(uids, uid)
	}
	return uids
}

// calendarMeetings counts the programme's meetings that belong in a
// calendar file (all but the moved ones), of one tandem when tandem is not 0.
func calendarMeetings(t *testing.T, db, programme string, tandem model.ID) int {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := st.ProgrammeByName(programme)
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.ProgrammeData(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for id, ms := range d.Meetings {
		for _, m := range ms {
			if (tandem == 0 || id == tandem) && m.State != model.MeetingMoved {
				n++
			}
		}
	}
	return n
}

func TestCalendarWritesStableEvents(t *testing.T) {
	db, programme := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "Termine mit Leerzeichen.ics")
	code, stdout, errOut := run(t, "calendar", "--db", db, "--programme", programme, "--out", out)
	if code != 0 {
		t.Fatalf("calendar: %d %q", code, errOut)
	}
	want := calendarMeetings(t, db, programme, 0)
	if !strings.Contains(stdout, strconv.Itoa(want)+" Termine geschrieben: "+out) {
		t.Errorf("stdout %q", stdout)
	}
	first := readCalendar(t, out)
	if len(first) != want || want == 0 {
		t.Fatalf("%d events, want %d", len(first), want)
	}
	sorted := slices.Clone(first)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(first) {
		t.Error("two events share a UID")
	}
	again := filepath.Join(dir, "again.ics")
	if code, _, errOut := run(t, "calendar", "--db", db, "--programme", programme, "--out", again); code != 0 {
		t.Fatalf("second run: %d %q", code, errOut)
	}
	if second := readCalendar(t, again); !slices.Equal(first, second) {
		t.Error("the UIDs changed between two runs: importing again would duplicate the meetings")
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("two runs on the same file wrote different calendars")
	}
	if strings.Contains(string(a), "METHOD:") {
		t.Error("the file is an invitation (METHOD), not for import")
	}
}

func TestCalendarOneTandem(t *testing.T) {
	db, programme := demoDB(t)
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := st.ProgrammeByName(programme)
	ts, _ := st.Tandems(p.ID)
	st.Close()
	var tandem model.ID
	for _, x := range ts {
		if x.State == model.TandemActive {
			tandem = x.ID
			break
		}
	}
	out := filepath.Join(t.TempDir(), "one.ics")
	code, _, errOut := run(t, "calendar", "--db", db, "--programme", programme,
		"--tandem", strconv.FormatUint(uint64(tandem), 10), "--out", out)
	if code != 0 {
		t.Fatalf("calendar --tandem: %d %q", code, errOut)
	}
	if got, want := len(readCalendar(t, out)), calendarMeetings(t, db, programme, tandem); got != want || want == 0 {
		t.Fatalf("%d events, want %d", got, want)
	}
}

func TestCalendarRefusals(t *testing.T) {
	db, programme := demoDB(t)
	out := filepath.Join(t.TempDir(), "x.ics")
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--db", db, "--out", out}, 2, "Aufruf:"},
		{[]string{"--db", db, "--programme", programme}, 2, "Aufruf:"},
		{[]string{"--db", db, "--programme", programme, "--tandem", "x", "--out", out}, 2, "Aufruf:"},
		{[]string{"--db", db, "--programme", "Gibt es nicht", "--out", out}, 1, "Es gibt kein Programm „Gibt es nicht“"},
		{[]string{"--db", db, "--programme", programme, "--tandem", "99999", "--out", out}, 1, "kein Tandem mit der Nummer 99999"},
	}
	for _, tc := range tests {
		code, _, errOut := run(t, append([]string{"calendar"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.says) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", tc.args, code, errOut, tc.code, tc.says)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused command wrote a file")
	}
}
