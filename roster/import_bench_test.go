package roster

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"tandem/model"
	"tandem/model/store"
)

// importOnce reads path, plans against an empty file and commits: the whole
// import as the command line does it.
func importOnce(b *testing.B, path string) *Plan {
	b.StopTimer()
	st, err := store.Open(filepath.Join(b.TempDir(), "t.db"), store.Options{User: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.StartTimer()
	today := model.DateOf(time.Now())
	_, recs, err := ReadAll(path, Options{Today: today}, "")
	if err != nil {
		b.Fatal(err)
	}
	plan := MakePlan(recs, nil, today, model.Source{File: filepath.Base(path), Imported: time.Now()})
	if err := Apply(st, plan, nil, today); err != nil {
		b.Fatal(err)
	}
	return plan
}

// BenchmarkImportRoster10000 imports roster_10000.xlsx into a new file:
// parse, validate, commit (DESIGN §8: ≤ 0.25 s). Most of its rows share
// e-mail addresses with other people and are rejected, so the commit is small.
func BenchmarkImportRoster10000(b *testing.B) {
	path := fixture("roster_10000.xlsx")
	for b.Loop() {
		importOnce(b, path)
	}
}

// BenchmarkImport10000Unique imports 10 000 distinct people into a new file,
// so that all of them are committed.
func BenchmarkImport10000Unique(b *testing.B) {
	path := filepath.Join(b.TempDir(), "staff_10000.xlsx")
	writeBigRoster(b, path, 10000)
	for b.Loop() {
		if p := importOnce(b, path); len(p.New) < 9999 { // row 2 names itself as manager
			b.Fatalf("%d new, %d rejected", len(p.New), len(p.Rejected))
		}
	}
}

// BenchmarkImport100000 imports 100 000 generated people (DESIGN §8: ≤ 3 s,
// peak heap ≤ 150 MB) and reports the peak heap of one import.
func BenchmarkImport100000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "staff_100000.xlsx")
	writeBigRoster(b, path, 100000)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapInuse
	var top uint64
	for b.Loop() {
		peak := watchHeap()
		if p := importOnce(b, path); len(p.New) < 99999 {
			b.Fatalf("%d new, %d rejected", len(p.New), len(p.Rejected))
		}
		top = max(top, peak())
	}
	b.ReportMetric(float64(top-before)/(1<<20), "peak-heap-MB")
}
