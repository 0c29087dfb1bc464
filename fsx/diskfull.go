package fsx

// DiskFull reports whether err says that the disk (or the user's quota on
// it) has no room left.
func DiskFull(err error) bool {
	if err == nil {
		return false
	}
	return diskFull(err)
}
