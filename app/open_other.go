//go:build !windows

package app

import (
	"os/exec"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
)

// openFile opens a file in the program the system uses for its type: by
// its file:// URL, which macOS's open and Linux's xdg-open decode.
func openFile(path string) error {
	return fyne.CurrentApp().OpenURL(fileURL(path))
}

// showInFolder shows the file in the system's file manager: selected in a
// Finder window on macOS, its folder elsewhere.
func showInFolder(path string) error {
	if runtime.GOOS == "darwin" {
		cmd := exec.Command("open", "-R", path)
		if err := cmd.Start(); err != nil {
			return err
		}
		go func() { _ = cmd.Wait() }()
		return nil
	}
	return openFile(filepath.Dir(path))
}
