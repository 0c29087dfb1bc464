package app

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tandem/model"
)

func TestAuditFilter(t *testing.T) {
	newTestApp(t)
	at := func(day string) time.Time {
		d, _ := model.ParseDate(day)
		return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, time.Local)
	}
	log := []model.AuditEntry{
		{Time: at("2026-11-20"), User: "hr", Action: "update", Entity: "tandem", EntityID: 3, Summary: "Tandem #3, Status active"},
		{Time: at("2026-11-10"), User: "hr", Action: "erase", Entity: "person", EntityID: 12, Summary: "Person #12"},
		{Time: at("2026-10-01"), User: "admin", Action: "backup", Entity: "file", Summary: "Sicherung (manual)"},
		{Time: at("2026-09-30"), User: "hr", Action: "create", Entity: "person", EntityID: 12, Summary: "Person #12"},
		{Time: at("2026-09-29"), User: "hr", Action: "rename", Entity: "unknown", Summary: "neu"},
	}
	texts := make([]string, len(log))
	for i := range log {
		texts[i] = auditSearchText(&log[i])
	}
	date := func(s string) model.Date { d, _ := model.ParseDate(s); return d }
	tests := []struct {
		name string
		f    auditFilter
		want []int
	}{
		{"everything, newest first", auditFilter{}, []int{0, 1, 2, 3, 4}},
		{"by record", auditFilter{entity: "person"}, []int{1, 3}},
		{"by action", auditFilter{action: "erase"}, []int{1}},
		{"by words, in any column and case", auditFilter{query: "PERSON #12 angelegt"}, []int{3}},
		{"by the action in words", auditFilter{query: "dsgvo"}, []int{1}},
		{"by user", auditFilter{query: "admin"}, []int{2}},
		{"by the day as shown", auditFilter{query: "01.10.2026"}, []int{2}},
		{"from a day on", auditFilter{from: date("2026-10-01")}, []int{0, 1, 2}},
		{"up to a day", auditFilter{to: date("2026-10-01")}, []int{2, 3, 4}},
		{"a period and a record", auditFilter{from: date("2026-09-30"), to: date("2026-11-10"), entity: "person"}, []int{1, 3}},
		{"nothing", auditFilter{query: "gibt es nicht"}, []int{}},
	}
	for _, tt := range tests {
		if got := tt.f.apply(log, texts); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	// Words for what the window knows, the stored value for what it does not.
	if auditActionName("erase") != "DSGVO-Löschung" || auditEntityName("checkin") != "Check-in" ||
		auditActionName("rename") != "rename" || auditEntityName("unknown") != "unknown" {
		t.Fatal("action and record names")
	}
}

func TestSettingsAuditLogAndRetention(t *testing.T) {
	st, _ := demoStore(t)
	p, err := st.Persons()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ErasePerson(p[0].ID); err != nil {
		t.Fatal(err)
	}
	w := testWindow(t, 1100, 900)
	s := newSettingsScreen(st, w, &fakeSettingsActions{})
	w.SetContent(s.view())
	s.show()

	// The retention period: empty is the default, a value out of range is refused next to the field.
	c := &s.privacy
	if c.retention.Text != "" || c.retention.PlaceHolder != "24" {
		t.Fatalf("retention %q (placeholder %q)", c.retention.Text, c.retention.PlaceHolder)
	}
	c.retention.SetText("500")
	test.Tap(c.save)
	if got := c.fields.message("retentionMonths"); got != "Bitte 1 bis 120 Monate angeben." {
		t.Fatalf("message %q", got)
	}
	c.retention.SetText("zwölf")
	test.Tap(c.save)
	if got := c.fields.message("retentionMonths"); got != "Bitte eine ganze Zahl eingeben." {
		t.Fatalf("message %q", got)
	}
	c.retention.SetText("36")
	test.Tap(c.save)
	if got, _ := st.Settings(); got.RetentionMonths != 36 || c.saved.Text == "" {
		t.Fatalf("retention stored %d, %q", got.RetentionMonths, c.saved.Text)
	}
	// Saving the company keeps the period.
	s.company.SetText("Lindenberg Logistik GmbH & Co. KG")
	tapButton(t, w, "Speichern") // the first: the company's
	if got, _ := st.Settings(); got.RetentionMonths != 36 || got.CompanyName != "Lindenberg Logistik GmbH & Co. KG" {
		t.Fatalf("settings after saving the company: %d, %q", got.RetentionMonths, got.CompanyName)
	}

	// The audit log: every entry, newest first; filters narrow it down.
	log, err := st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	tapButton(t, w, "Protokoll anzeigen …")
	v := c.log
	if v == nil || !hasText(t, w, "Änderungsprotokoll") {
		t.Fatal("no audit log shown")
	}
	if len(v.shown) != len(log) || v.count.Text != fmt.Sprintf("%d von %d Einträgen", len(log), len(log)) {
		t.Fatalf("shown %d of %d: %q", len(v.shown), len(log), v.count.Text)
	}
	if r, c := v.table.Length(); r != len(log) || c != 5 {
		t.Fatalf("table %d×%d", r, c)
	}
	v.action.SetSelected("DSGVO-Löschung")
	if len(v.shown) != 1 || v.all[v.shown[0]].Summary != fmt.Sprintf("Person #%d", p[0].ID) {
		t.Fatalf("the action filter shows %d entries", len(v.shown))
	}
	v.action.SetSelectedIndex(0)
	v.entity.SetSelected("Einstellungen")
	if len(v.shown) == 0 || slices.ContainsFunc(v.shown, func(i int) bool { return v.all[i].Entity != "settings" }) {
		t.Fatalf("the record filter shows %d entries", len(v.shown))
	}
	test.Type(v.search, "zzz-nichts")
	if len(v.shown) != 0 || v.count.Text != fmt.Sprintf("0 von %d Einträgen", len(log)) {
		t.Fatalf("search: %d shown, %q", len(v.shown), v.count.Text)
	}
}

func TestAuditSummaryInTheInterfaceLanguage(t *testing.T) {
	newTestApp(t)
	for _, tc := range []struct {
		e    model.AuditEntry
		want string
	}{
		{model.AuditEntry{Entity: "meeting", EntityID: 49, Summary: "Treffen #49, Status held"}, "Treffen #49, Status stattgefunden"},
		{model.AuditEntry{Entity: "person", EntityID: 4, Summary: "Person #4"}, "Person #4"},
		{model.AuditEntry{Entity: "file", Summary: "Sicherung (daily)"}, "Sicherung (daily)"},
		{model.AuditEntry{Entity: "file", Action: "backup", Summary: "Sicherung (daily)"}, "Sicherung (täglich)"},
		{model.AuditEntry{Entity: "tandem", EntityID: 3, Summary: "Tandem #3, Status unbekannt"}, "Tandem #3, Status unbekannt"},
	} {
		if got := auditSummary(&tc.e); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.e.Summary, got, tc.want)
		}
	}
}
