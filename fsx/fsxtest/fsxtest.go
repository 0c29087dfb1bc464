// Package fsxtest helps tests to meet a full disk for real.
package fsxtest

import "testing"

// SmallDisk returns an empty folder on a file system of its own that holds
// only size bytes (a tmpfs on Linux, mounted for the test and unmounted at
// its end). The test is skipped where that cannot be done: on other
// systems, or without the right to mount.
func SmallDisk(t testing.TB, size int) string {
	t.Helper()
	return smallDisk(t, size)
}
