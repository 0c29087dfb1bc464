package app

import (
	"fmt"
	"os/exec"
	"syscall"
	"unsafe"
)

// On Windows, Fyne's OpenURL hands a file:// URL to url.dll's
// FileProtocolHandler (through rundll32), which is unreliable with spaces
// and percent-encoded umlauts. Tandem gives the plain path to the shell
// (ShellExecuteW, UTF-16) instead.

var (
	shell32          = syscall.NewLazyDLL("shell32.dll")
	procShellExecute = shell32.NewProc("ShellExecuteW")
)

// openFile opens a file in the program Windows uses for its type.
func openFile(path string) error {
	verb, err := syscall.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	const showNormal = 1
	r, _, _ := procShellExecute.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, showNormal)
	// ShellExecute returns a value greater than 32 on success, an error code otherwise.
	switch r {
	case 2, 3: // ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
		return fmt.Errorf("open %s: %w", path, syscall.ERROR_FILE_NOT_FOUND)
	case 5: // SE_ERR_ACCESSDENIED
		return fmt.Errorf("open %s: %w", path, syscall.ERROR_ACCESS_DENIED)
	case 31: // SE_ERR_NOASSOC
		return fmt.Errorf("open %s: no program is set up to open this kind of file", path)
	}
	if r <= 32 {
		return fmt.Errorf("open %s: ShellExecute failed with code %d", path, r)
	}
	return nil
}

// showInFolder opens an Explorer window with the file selected. Explorer
// reads its command line its own way, so it is written out here; it exits
// with status 1 even when it worked, so only starting it is checked.
func showInFolder(path string) error {
	cmd := exec.Command("explorer.exe")
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer.exe /select,"` + path + `"`}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
