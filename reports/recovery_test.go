package reports_test

import (
	"bytes"
	"strings"
	"testing"

	"tandem/reports"
)

// TestRecoverySheet: one page in either language with the key, whole and
// on one line, the file and the instructions.
func TestRecoverySheet(t *testing.T) {
	ex := world(t)
	const key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
	file := `C:\Users\Anna Müller\AppData\Roaming\Tandem\tandem.db`
	for lang, want := range map[string][]string{
		"de": {"Wiederherstellungsschlüssel", "Lindenberg Logistik GmbH", "Wenn Sie das Passwort vergessen haben", "Erstellt am"},
		"en": {"Recovery key", "Lindenberg Logistik GmbH", "If you have forgotten the password", "Created on"},
	} {
		pdf := render(t, func(w *bytes.Buffer) error { return reports.RecoverySheet(w, ex.options(lang), file, key) })
		if n := pages(t, "recovery-"+lang, pdf); n != 1 {
			t.Errorf("%s: %d pages, want 1", lang, n)
		}
		text := pdfText(t, "recovery-"+lang, pdf)
		for _, w := range append(want, key, "Anna Müller") {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the sheet lacks %q:\n%s", lang, w, text)
			}
		}
	}
}
