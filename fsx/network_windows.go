//go:build windows

package fsx

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// networkDrive names the share a UNC path lies on (`\\server\share`) or the
// mapped network drive ("Z:") of path; "".
func networkDrive(path, _ string) string {
	if share := uncShare(path); share != "" {
		return share
	}
	vol := filepath.VolumeName(path)
	if len(vol) != 2 || vol[1] != ':' {
		return ""
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return vol
	}
	return ""
}
