package fsx

import (
	"os"
	"path/filepath"
	"strings"
)

// Place says where a file lies, as far as it matters for a database that is
// kept open while Tandem runs.
type Place int

const (
	// Local is a folder on this computer that nothing else writes to.
	Local Place = iota
	// Cloud is a folder that a sync service (OneDrive, Dropbox, iCloud
	// Drive …) copies in the background: it may upload a half-written file,
	// or replace the open file with an older copy or a conflicting one.
	Cloud
	// Network is a network drive: a lost connection or a second computer
	// opening the same file can damage it, and file locks may not hold.
	Network
)

// Location is where a file lies and, when that is not Local, what makes it
// risky: the sync service ("OneDrive") or the network file system or share
// ("smbfs", `\\server\share`, "Z:").
type Location struct {
	Place Place
	Name  string
}

// Locate tells whether the file at path (which need not exist yet) lies in
// a folder a cloud service synchronises or on a network drive. It looks at
// the names of the file's folders, also with links resolved, and at the
// file system that the nearest existing folder is on. Anything it cannot
// find out counts as Local.
func Locate(path string) Location {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	dir := existingDir(filepath.Dir(abs))
	paths := []string{filepath.Dir(abs)}
	if resolved, err := filepath.EvalSymlinks(dir); err == nil && resolved != dir {
		paths = append(paths, resolved)
	}
	for _, p := range paths {
		if name := cloudService(p); name != "" {
			return Location{Cloud, name}
		}
		if name := envCloud(p); name != "" {
			return Location{Cloud, name}
		}
	}
	if name := networkDrive(abs, dir); name != "" {
		return Location{Network, name}
	}
	return Location{Place: Local}
}

// existingDir is dir or its nearest ancestor that exists.
func existingDir(dir string) string {
	for {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

// cloudEnv are the variables in which the OneDrive client names its
// folders on Windows.
var cloudEnv = []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"}

// envCloud is "OneDrive" when path lies in a folder that the OneDrive
// client names in its environment variables.
func envCloud(path string) string {
	for _, v := range cloudEnv {
		if root := os.Getenv(v); root != "" && within(path, root) {
			return "OneDrive"
		}
	}
	return ""
}

// within reports whether path is root or lies below it, ignoring case
// (the variables are set on Windows, whose file names ignore case).
func within(path, root string) bool {
	path, root = strings.ToLower(filepath.Clean(path)), strings.ToLower(filepath.Clean(root))
	if path == root {
		return true
	}
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	return strings.HasPrefix(path, root)
}

// components splits a path at both kinds of separator, so that Windows
// paths are understood on every system (and in tests).
func components(path string) []string {
	return strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' })
}

// cloudService names the sync service whose folder path lies in, judged by
// the names of its folders alone; "" when none.
func cloudService(path string) string {
	parts := components(path)
	for i, part := range parts {
		lower := strings.ToLower(part)
		next := ""
		if i+1 < len(parts) {
			next = parts[i+1]
		}
		switch {
		// macOS: ~/Library/Mobile Documents (iCloud Drive) and
		// ~/Library/CloudStorage/<Service>-<account> (File Provider).
		case lower == "library" && strings.EqualFold(next, "Mobile Documents"):
			return "iCloud Drive"
		case lower == "library" && strings.EqualFold(next, "CloudStorage") && i+2 < len(parts):
			if name := cloudFolder(parts[i+2]); name != "" {
				return name
			}
			name, _, _ := strings.Cut(parts[i+2], "-")
			return name
		// Google Drive for desktop on Windows: G:\My Drive.
		case i == 1 && isVolume(parts[0]) && googleRoots[lower]:
			return "Google Drive"
		}
		if name := cloudFolder(part); name != "" {
			return name
		}
	}
	return ""
}

// googleRoots are the top folders of Google Drive's drive letter, in
// English and German.
var googleRoots = map[string]bool{"my drive": true, "meine ablage": true, "shared drives": true, "geteilte ablagen": true}

// isVolume reports whether a path component is a Windows drive ("G:").
func isVolume(part string) bool {
	return len(part) == 2 && part[1] == ':' && ('a' <= part[0]|0x20 && part[0]|0x20 <= 'z')
}

// cloudFolder names the service whose sync folder is called name, as the
// clients name them on Windows, macOS and Linux; "" when none.
func cloudFolder(name string) string {
	lower := strings.ToLower(name)
	has := func(prefixes ...string) bool {
		for _, p := range prefixes {
			if lower == p || strings.HasPrefix(lower, p+" ") || strings.HasPrefix(lower, p+"-") ||
				strings.HasPrefix(lower, p+"(") || strings.HasPrefix(lower, p+"_") {
				return true
			}
		}
		return false
	}
	switch {
	case has("onedrive"): // "OneDrive", "OneDrive - Firma", "OneDrive-Personal"
		return "OneDrive"
	case has("dropbox"): // "Dropbox", "Dropbox (Firma)"
		return "Dropbox"
	case has("icloud drive", "iclouddrive") || lower == "com~apple~clouddocs":
		return "iCloud Drive"
	case has("google drive", "googledrive"):
		return "Google Drive"
	case has("nextcloud"):
		return "Nextcloud"
	case has("owncloud"):
		return "ownCloud"
	case has("pcloud drive"):
		return "pCloud"
	case name == "Box" || name == "Box Sync" || strings.HasPrefix(name, "Box-"):
		// Only with a capital B: a folder "box" is too common a name.
		return "Box"
	}
	return ""
}

// uncShare is `\\server\share` when path is a Windows UNC path (also in the
// long form `\\?\UNC\server\share`), else "".
func uncShare(path string) string {
	p := strings.ReplaceAll(path, "/", `\`)
	if rest, ok := strings.CutPrefix(p, `\\?\UNC\`); ok {
		p = `\\` + rest
	} else if strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `\\.\`) {
		return ""
	}
	rest, ok := strings.CutPrefix(p, `\\`)
	if !ok {
		return ""
	}
	parts := strings.SplitN(rest, `\`, 3)
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return ""
	}
	return `\\` + parts[0] + `\` + parts[1]
}
