//go:build !windows

package app

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tandem/model"
	"tandem/reports"
)

// urlRecorder is the test app, remembering the URLs it is asked to open.
type urlRecorder struct {
	fyne.App
	opened []*url.URL
}

func (r *urlRecorder) OpenURL(u *url.URL) error {
	r.opened = append(r.opened, u)
	return nil
}

// TestPrintedPDFOpensFromFolderWithUmlauts prints into a temporary folder
// whose path has spaces and umlauts (as on a Windows or Mac account named
// "Frau Müller") and checks that the viewer is handed a URL that leads back
// to the file.
func TestPrintedPDFOpensFromFolderWithUmlauts(t *testing.T) {
	r := &urlRecorder{App: newTestApp(t)}
	fyne.SetCurrentApp(r)
	tmp := filepath.Join(t.TempDir(), "Frau Müller", "Temporäre Dateien")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp)
	defer removeScratch()

	w := test.NewWindow(nil)
	defer w.Close()
	p := &printer{win: w, today: fixedToday, settings: func() (model.Settings, error) { return model.Settings{}, nil }}
	var printed string
	p.print("Vereinbarung Jürgen Weiß & Ümit Öz.pdf", "…", func(out io.Writer, _ reports.Options, _ func(int, int)) error {
		_, err := io.WriteString(out, "%PDF-1.4\n%%EOF\n")
		return err
	}, func(path string) { printed = path })
	running.Wait()

	if printed == "" || !strings.HasPrefix(printed, tmp) {
		t.Fatalf("printed to %q, want a file below %q", printed, tmp)
	}
	if len(r.opened) != 1 {
		t.Fatalf("%d URLs opened, want 1", len(r.opened))
	}
	u, err := url.Parse(r.opened[0].String())
	if err != nil || u.Scheme != "file" || strings.ContainsAny(r.opened[0].String(), " äöüÄÖÜß") {
		t.Fatalf("opened %s: not an escaped file URL (%v)", r.opened[0], err)
	}
	if u.Path != filepath.ToSlash(printed) {
		t.Fatalf("the URL leads to %q, the PDF is %q", u.Path, printed)
	}
	if data, err := os.ReadFile(filepath.FromSlash(u.Path)); err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("the file behind the URL: %q, %v", data, err)
	}
}
