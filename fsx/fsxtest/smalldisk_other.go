//go:build !linux

package fsxtest

import "testing"

func smallDisk(t testing.TB, _ int) string {
	t.Skip("a small disk is made on Linux only")
	return ""
}
