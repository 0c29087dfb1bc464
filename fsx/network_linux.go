//go:build linux

package fsx

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Magic numbers of network file systems in statfs's f_type (linux/magic.h).
var networkMagic = map[uint32]string{
	0x6969:     "nfs",
	0x517B:     "smb",
	0xFF534D42: "cifs",
	0xFE534D42: "smb2",
	0x564C:     "ncp",
	0x5346414F: "afs",
	0x6B414653: "afs",
	0x73757245: "coda",
	0x00C36400: "ceph",
}

// fuseMagic is the f_type of every FUSE file system, local ones included:
// its type in the mount table tells them apart.
const fuseMagic = 0x65735546

// networkDrive names the network file system the folder dir lies on; "".
func networkDrive(_, dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ""
	}
	magic := uint32(st.Type)
	if name, ok := networkMagic[magic]; ok {
		return name
	}
	if magic != fuseMagic {
		return ""
	}
	mounts, err := os.ReadFile("/proc/self/mounts")
	if err != nil {
		return ""
	}
	if resolved, err := filepath.EvalSymlinks(dir); err == nil {
		dir = resolved
	}
	if fstype := mountType(string(mounts), dir); networkType(fstype) {
		return fstype
	}
	return ""
}

// mountType is the type, in a mount table such as /proc/self/mounts, of
// the file system that the folder dir lies on: that of the longest mount
// point dir lies below.
func mountType(table, dir string) string {
	best, fstype := -1, ""
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		point := unescapeMount(f[1])
		if (point == "/" || dir == point || strings.HasPrefix(dir, point+"/")) && len(point) > best {
			best, fstype = len(point), f[2]
		}
	}
	return fstype
}

// unescapeMount undoes the octal escapes (\040 for a space) of a mount
// table's fields.
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) {
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }

// networkType reports whether a mount table's file system type is one that
// reaches another computer.
func networkType(fstype string) bool {
	switch strings.TrimPrefix(fstype, "fuse.") {
	case "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "davfs",
		"sshfs", "rclone", "s3fs", "gcsfuse", "goofys", "gvfsd-fuse", "curlftpfs", "smbnetfs", "onedriver":
		return true
	}
	return false
}
