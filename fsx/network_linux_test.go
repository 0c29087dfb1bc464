package fsx

import "testing"

// A mount table as Linux shows it in /proc/self/mounts.
const mounts = `/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
fileserver:/export/hr /mnt/hr nfs4 rw,relatime,vers=4.2 0 0
//fileserver/personal /mnt/personal\040abteilung cifs rw,relatime 0 0
anna@host:/srv /home/anna/remote fuse.sshfs rw,nosuid,nodev 0 0
/dev/sdb1 /media/anna/USB\040STICK fuseblk rw,nosuid,nodev 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
`

func TestMountType(t *testing.T) {
	for _, tt := range []struct {
		dir, want string
		network   bool
	}{
		{"/home/anna", "ext4", false},
		{"/mnt/hr/tandem", "nfs4", true},
		{"/mnt/hr", "nfs4", true},
		{"/mnt/hrx", "ext4", false},
		{"/mnt/personal abteilung/2025", "cifs", true},
		{"/home/anna/remote/daten", "fuse.sshfs", true},
		{"/media/anna/USB STICK", "fuseblk", false},
		{"/run/user/1000/gvfs/smb-share:server=fs,share=hr", "fuse.gvfsd-fuse", true},
	} {
		got := mountType(mounts, tt.dir)
		if got != tt.want || networkType(got) != tt.network {
			t.Errorf("%s: type %q (network %v), want %q (%v)", tt.dir, got, networkType(got), tt.want, tt.network)
		}
	}
}

func TestNetworkDriveLocal(t *testing.T) {
	dir := t.TempDir()
	if got := networkDrive(dir, dir); got != "" {
		t.Errorf("the temporary folder %s is on the network drive %q", dir, got)
	}
}
