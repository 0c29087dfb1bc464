package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"tandem/app"
	"tandem/fsx/fsxtest"
	"tandem/model"
	"tandem/model/store"
)

// TestCheckWarnsAboutSyncedFolder: `tandem check` says when the file lies
// in a folder that a cloud service synchronises, and says nothing of the
// kind for a file on this computer.
func TestCheckWarnsAboutSyncedFolder(t *testing.T) {
	local := filepath.Join(t.TempDir(), "tandem.db")
	synced := filepath.Join(t.TempDir(), "Nextcloud", "tandem.db")
	for _, path := range []string{local, synced} {
		st, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errOut := run(t, "check", "--db", synced)
	if code != 0 || !strings.Contains(errOut, "Nextcloud synchronisiert") {
		t.Fatalf("check: exit %d, stderr %q; want the warning", code, errOut)
	}
	code, out, _ := run(t, "check", "--db", synced, "--json")
	var report checkReport
	if err := json.Unmarshal([]byte(out), &report); err != nil || code != 0 || !report.OK || len(report.Warnings) != 1 {
		t.Fatalf("check --json: exit %d, %+v, %v", code, report, err)
	}
	code, out, errOut = run(t, "check", "--db", local, "--json")
	if code != 0 || strings.Contains(out, "warnings") || errOut != "" {
		t.Fatalf("check of a local file: exit %d, %q, %q", code, out, errOut)
	}
}

// TestWriteOnFullDisk: an output file that does not fit leaves the file
// that was there untouched, and the message names the full disk.
func TestWriteOnFullDisk(t *testing.T) {
	dir := fsxtest.SmallDisk(t, 256<<10)
	path := filepath.Join(dir, "termine.ics")
	if err := os.WriteFile(path, []byte("BEGIN:VCALENDAR"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := writeAtomically(path, func(w io.Writer) error {
		_, err := w.Write(bytes.Repeat([]byte("BEGIN:VEVENT\r\n"), 50_000))
		return err
	})
	if !model.Is(err, model.IO) || app.Message(err) != lang.L("error.disk_full") {
		t.Fatalf("error %v (%q), want a full disk", err, app.Message(err))
	}
	if got, _ := os.ReadFile(path); string(got) != "BEGIN:VCALENDAR" {
		t.Fatalf("the file holds %d bytes, want the old ones", len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the disk holds %d files", len(entries))
	}
}
