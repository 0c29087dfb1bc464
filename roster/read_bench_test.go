package roster

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// BenchmarkReadRoster10000 reads the 10 000-row example list (English
// headers, date cells, shared strings) as the import does.
func BenchmarkReadRoster10000(b *testing.B) {
	path := fixture("roster_10000.xlsx")
	for b.Loop() {
		if _, recs, err := ReadAll(path, Options{}, ""); err != nil || len(recs) != 10000 {
			b.Fatal(len(recs), err)
		}
	}
}

// BenchmarkRead100000 reads a generated list of 100 000 rows (target:
// ≤ 3 s, ≤ 150 MB heap). It reports the peak heap in use during one read
// from a collected heap, and the heap the records keep.
func BenchmarkRead100000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "staff_100000.xlsx")
	writeBigRoster(b, path, 100000)
	read := func() []Record {
		_, recs, err := ReadAll(path, Options{}, "")
		if err != nil || len(recs) != 100000 {
			b.Fatal(len(recs), err)
		}
		return recs
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapInuse
	peak := watchHeap()
	recs := read()
	top := peak()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(recs)
	kept := ms.HeapInuse - before
	recs = nil
	for b.Loop() {
		read()
	}
	b.ReportMetric(float64(top-before)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(kept)/(1<<20), "kept-heap-MB")
}

// watchHeap samples the heap in use until the returned function is called,
// which reports the largest sample.
func watchHeap() func() uint64 {
	var peak atomic.Uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}

// writeBigRoster writes a staff list of n rows with excelize's stream
// writer, real date cells for the dates (fine for a benchmark, which is
// about size, not about the quirks of real files).
func writeBigRoster(tb testing.TB, path string, n int) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	head := []any{"Employee ID", "Last Name", "First Name", "Email", "Department", "Job Title", "Level",
		"Manager ID", "Location", "Year of Birth", "Hire Date", "Exit Date"}
	if err := sw.SetRow("A1", head); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		hire := time.Date(1990+i%30, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		var exit any
		if i%10 == 0 {
			exit = excelize.Cell{StyleID: dateStyle, Value: hire.AddDate(5, 0, 0)}
		}
		row := []any{fmt.Sprintf("%06d", i), fmt.Sprintf("Nachname%d", i), fmt.Sprintf("Vorname%d", i%500),
			fmt.Sprintf("person%d@example.de", i), fmt.Sprintf("Abteilung %d", i%20), "Sachbearbeitung",
			1 + i%5, fmt.Sprintf("%06d", i/10), "Stuttgart", 1960 + i%40,
			excelize.Cell{StyleID: dateStyle, Value: hire}, exit}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}
