//go:build darwin

package fsx

import (
	"syscall"
)

// mntLocal is MNT_LOCAL of statfs's f_flags: a file system on this computer.
const mntLocal = 0x1000

// networkTypes are macOS's network file systems, by f_fstypename.
var networkTypes = map[string]bool{"nfs": true, "smbfs": true, "afpfs": true, "webdav": true, "cifs": true, "ftp": true}

// networkDrive names the network file system the folder dir lies on; "".
func networkDrive(_, dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ""
	}
	var name []byte
	for _, c := range st.Fstypename {
		if c == 0 {
			break
		}
		name = append(name, byte(c))
	}
	if networkTypes[string(name)] || st.Flags&mntLocal == 0 {
		return string(name)
	}
	return ""
}
