package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/model"
)

// The helper process of TestCrashSafety: the file it writes to, what it
// does ("save" or "import") and the first person number it uses.
const (
	helperEnv     = "TANDEM_STORE_HELPER_DB"
	helperModeEnv = "TANDEM_STORE_HELPER_MODE"
	helperFromEnv = "TANDEM_STORE_HELPER_FROM"
)

// importBatch is the number of persons in each import of the helper.
const importBatch = 500

// TestHelperWriter is not a test: TestCrashSafety runs the test binary
// again with only this function, which writes until it is killed. In mode
// "save" it saves persons one by one and prints "saved <id>" once
// SavePerson has returned; in mode "import" it imports batches of
// importBatch persons, each in one transaction, and prints "imported
// <batch>" once ImportPersons has returned.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(helperEnv)
	if path == "" {
		t.Skip("helper process of TestCrashSafety")
	}
	from, _ := strconv.Atoi(os.Getenv(helperFromEnv))
	s, err := Open(path, Options{User: "helper"})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	if os.Getenv(helperModeEnv) == "import" {
		for batch := from; ; batch++ {
			fmt.Println("importing", batch)
			if err := s.ImportPersons(importPersons(batch), nil, nil, "crash test"); err != nil {
				fmt.Println("error", err)
				os.Exit(1)
			}
			fmt.Println("imported", batch)
		}
	}
	for i := from; ; i++ {
		p := newPerson(i)
		if err := s.SavePerson(p); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("saved", p.ID)
	}
}

// importPersons are the persons of one import batch of the helper; their
// source file names the batch.
func importPersons(batch int) []model.Person {
	ps := make([]model.Person, importBatch)
	for i := range ps {
		p := newPerson(i)
		p.EmployeeNo = fmt.Sprintf("I%d-%d", batch, i)
		p.Email = fmt.Sprintf("import%d.%d@example.de", batch, i)
		p.Source.File = importSource(batch)
		ps[i] = *p
	}
	return ps
}

func importSource(batch int) string { return fmt.Sprintf("batch-%d.xlsx", batch) }

// crashRound runs the helper on the file in the given mode, reads its
// output until it has confirmed want writes, then kills it (SIGKILL on
// Unix, TerminateProcess on Windows), most likely in the middle of the next
// write, and returns the confirmed values: person ids in mode "save",
// batch numbers in mode "import".
func crashRound(t *testing.T, path, mode string, from, want int, rnd *rand.Rand) []int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+path, helperModeEnv+"="+mode, helperFromEnv+"="+strconv.Itoa(from))
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	prefix := map[string]string{"save": "saved ", "import": "imported "}[mode]
	var confirmed []int
	var started time.Time
	var took time.Duration // the longest import so far
	lines := bufio.NewScanner(out)
	for len(confirmed) < want && lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "error") {
			t.Fatalf("helper: %s", line)
		}
		if strings.HasPrefix(line, "importing ") {
			started = time.Now()
		}
		v, ok := strings.CutPrefix(line, prefix)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v)
		must(t, err)
		confirmed = append(confirmed, n)
		if mode == "import" {
			took = max(took, time.Since(started))
		}
	}
	if len(confirmed) < want {
		t.Fatalf("helper confirmed only %d writes: %v", len(confirmed), lines.Err())
	}
	if took > 0 {
		// At a random moment of the next import: while the persons are
		// written, or while the transaction commits.
		time.Sleep(time.Duration(rnd.Int64N(int64(took) * 5 / 4)))
	}
	must(t, cmd.Process.Kill())
	_ = cmd.Wait()
	return confirmed
}

// TestCrashSafety kills a writing process again and again on the same
// file and checks after each kill that the file passes its integrity check
// and holds every write that had been confirmed; an import of many persons
// in one transaction, killed at a random moment, is there completely or
// not at all.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "tandem.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rnd := rand.New(rand.NewPCG(seed, 1))

	var saved []model.ID
	imported := map[string]bool{} // source file of a confirmed batch
	rounds := []string{"save", "save", "import", "save", "import", "save", "import", "save"}
	for round, mode := range rounds {
		from := round * 1000
		switch mode {
		case "save":
			for _, id := range crashRound(t, path, mode, from, 30+rnd.IntN(30), rnd) {
				saved = append(saved, model.ID(id))
			}
		case "import":
			for _, batch := range crashRound(t, path, mode, from, 1+rnd.IntN(2), rnd) {
				imported[importSource(batch)] = true
			}
		}

		if err := CheckFile(path); err != nil {
			t.Fatalf("round %d (%s): after the kill the file fails its check: %v", round, mode, err)
		}
		s, err := Open(path, Options{})
		must(t, err)
		must(t, s.Check())
		for _, id := range saved {
			if _, err := s.Person(id); err != nil {
				t.Fatalf("round %d (%s): confirmed person %d lost: %v", round, mode, id, err)
			}
		}
		ps, err := s.Persons()
		must(t, err)
		batches := map[string]int{}
		for _, p := range ps {
			if strings.HasPrefix(p.Source.File, "batch-") {
				batches[p.Source.File]++
			}
		}
		for src, n := range batches {
			if n != importBatch {
				t.Fatalf("round %d (%s): %s is in the file with %d of its %d persons", round, mode, src, n, importBatch)
			}
		}
		for src := range imported {
			if batches[src] != importBatch {
				t.Fatalf("round %d (%s): confirmed import %s lost", round, mode, src)
			}
		}
		must(t, s.Close())
		t.Logf("round %d (%s): %d saves and %d imports confirmed, %d persons in the file",
			round, mode, len(saved), len(imported), len(ps))
	}
}
