package assets

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestLicencesHaveTexts(t *testing.T) {
	list, err := Licences()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // a few whose licence is known
		"Noto Sans":                   "OFL-1.1",
		"Go":                          "BSD-3-Clause",
		"fyne.io/fyne/v2":             "BSD-3-Clause",
		"go.etcd.io/bbolt":            "MIT",
		"github.com/xuri/excelize/v2": "BSD-3-Clause",
		"github.com/jung-kurt/gofpdf": "MIT",
		"golang.org/x/text":           "BSD-3-Clause",
	}
	seen := map[string]bool{}
	for _, l := range list {
		if seen[l.Name] {
			t.Errorf("%s is listed twice", l.Name)
		}
		seen[l.Name] = true
		if l.Licence == "" {
			t.Errorf("%s has no licence name", l.Name)
		}
		if w, ok := want[l.Name]; ok && !strings.HasPrefix(l.Licence, w) {
			t.Errorf("%s: licence %q, want %q", l.Name, l.Licence, w)
		}
		text, err := l.Text()
		if err != nil || len(text) < 200 {
			t.Errorf("%s: the licence text %s is missing or short (%d bytes, %v)", l.Name, l.File, len(text), err)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s is not listed", name)
		}
	}
}

// TestLicencesCoverDependencies asks the go command which modules Tandem
// links on each system and checks that licenses.json lists exactly those,
// in the versions used.
func TestLicencesCoverDependencies(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	linked := map[string]string{}
	for _, goos := range []string{"linux", "windows", "darwin"} {
		cmd := exec.Command("go", "list", "-deps", "-tags", "migrated_fynedo",
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}", "tandem")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list for %s: %v", goos, err)
		}
		for _, line := range strings.Fields(strings.ReplaceAll(string(out), " ", "@")) {
			path, version, _ := strings.Cut(line, "@")
			linked[path] = version
		}
	}
	list, err := Licences()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, l := range list {
		listed[l.Name] = l.Version
	}
	const regenerate = "; run `go generate ./assets` to update the licences"
	for path, version := range linked {
		v, ok := listed[path]
		switch {
		case !ok:
			t.Errorf("%s is compiled into Tandem but has no licence entry%s", path, regenerate)
		case v != version:
			t.Errorf("%s: licence taken from %s, but Tandem uses %s%s", path, v, version, regenerate)
		}
	}
	for name, version := range listed {
		if _, ok := linked[name]; !ok && version != "" {
			t.Errorf("%s is listed but no longer compiled into Tandem%s", name, regenerate)
		}
	}
}
