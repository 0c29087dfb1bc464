//go:build !linux && !darwin && !windows

package fsx

// networkDrive finds no network drives on other systems.
func networkDrive(_, _ string) string { return "" }
