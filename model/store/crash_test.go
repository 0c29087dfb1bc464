package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tandem/model"
)

// helperEnv names the file TestHelperWriter writes to.
const helperEnv = "TANDEM_STORE_HELPER_DB"

// TestHelperWriter is not a test: TestCrashSafety runs the test binary
// again with only this function, which saves persons one by one and prints
// each id once SavePerson has returned, until it is killed.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(helperEnv)
	if path == "" {
		t.Skip("helper process of TestCrashSafety")
	}
	s, err := Open(path, Options{User: "helper"})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		p := newPerson(i)
		if err := s.SavePerson(p); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("saved", p.ID)
	}
}

// TestCrashSafety kills a writing process (SIGKILL on Unix, TerminateProcess
// on Windows) and checks that the file is whole and holds every person whose
// save had returned.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "tandem.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+path)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	var confirmed []model.ID
	lines := bufio.NewScanner(out)
	for len(confirmed) < 150 && lines.Scan() {
		id, ok := strings.CutPrefix(lines.Text(), "saved ")
		if !ok {
			t.Logf("helper: %s", lines.Text())
			continue
		}
		n, err := strconv.ParseUint(id, 10, 64)
		must(t, err)
		confirmed = append(confirmed, model.ID(n))
	}
	must(t, cmd.Process.Kill()) // mid-write, most likely
	_ = cmd.Wait()
	if len(confirmed) < 150 {
		t.Fatalf("helper confirmed only %d saves", len(confirmed))
	}

	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	must(t, s.Check())
	for _, id := range confirmed {
		if _, err := s.Person(id); err != nil {
			t.Fatalf("confirmed person %d lost: %v", id, err)
		}
	}
	n, err := s.Counts()
	must(t, err)
	t.Logf("%d saves confirmed, %d persons in the file", len(confirmed), n.Persons)
}
