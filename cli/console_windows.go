package cli

import (
	"os"
	"syscall"
)

// Tandem.exe is linked as a Windows GUI program (-H=windowsgui), so a
// double-click opens no console window. The price is that Windows gives it
// no console either: started from cmd.exe or PowerShell with a command,
// `Tandem.exe version` would print nothing. So when there is a command and
// an output stream is not redirected, the program attaches to the console
// of the window it was started from and writes there.

var procAttachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

func init() {
	if len(os.Args) < 2 || (usable(os.Stdout) && usable(os.Stderr)) {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer: no console to attach to
	}
	reopen := func(f **os.File, name string, flag int) {
		if usable(*f) {
			return
		}
		if c, err := os.OpenFile(name, flag, 0); err == nil {
			*f = c
		}
	}
	reopen(&os.Stdout, "CONOUT$", os.O_WRONLY)
	reopen(&os.Stderr, "CONOUT$", os.O_WRONLY)
	reopen(&os.Stdin, "CONIN$", os.O_RDWR)
}

// usable reports whether f is an open handle (a console, file or pipe).
func usable(f *os.File) bool {
	if f == nil {
		return false
	}
	_, err := syscall.GetFileType(syscall.Handle(f.Fd()))
	return err == nil
}
