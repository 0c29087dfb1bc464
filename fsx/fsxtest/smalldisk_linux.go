//go:build linux

package fsxtest

import (
	"fmt"
	"syscall"
	"testing"
)

func smallDisk(t testing.TB, size int) string {
	dir := t.TempDir()
	if err := syscall.Mount("tandem-test", dir, "tmpfs", 0, fmt.Sprintf("size=%d,mode=0700", size)); err != nil {
		t.Skipf("cannot mount a small disk (%v)", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmounting the small disk: %v", err)
		}
	})
	return dir
}
