//go:build !unix && !windows

package fsx

func diskFull(error) bool { return false }
