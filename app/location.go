package app

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tandem/fsx"
	"tandem/model/store"
)

// prefLocationAccepted lists the files whose risky location the user has
// accepted ("do not show again").
const prefLocationAccepted = "locationAccepted"

// LocationWarning is the sentence that warns about the file at path when
// it lies in a folder that a cloud service synchronises or on a network
// drive, with the reason and what to do; "" when it lies on this computer.
// The command line's check prints it too.
func LocationWarning(path string) string {
	return locationText(path, fsx.Locate(path))
}

// locationText is the warning for a file at the location loc.
func locationText(path string, loc fsx.Location) string {
	args := map[string]any{"File": path, "Backups": backupFolderName(path)}
	switch loc.Place {
	case fsx.Cloud:
		args["Service"] = loc.Name
		return lang.L("location.cloud", args)
	case fsx.Network:
		args["Drive"] = loc.Name
		return lang.L("location.network", args)
	}
	return ""
}

// backupFolderName is the name of the folder next to the file that holds
// its backups (as store.Store.BackupDir names it): it moves with the file.
func backupFolderName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-backups"
}

// checkLocation looks, in the background work after opening, where the
// open file lies, and warns in the window when that is a synchronised
// folder or a network drive — unless the user has accepted that for this
// file.
func (u *ui) checkLocation(st *store.Store) {
	path := st.Path()
	if slices.Contains(u.prefs.p.StringList(prefLocationAccepted), path) {
		return
	}
	loc := fsx.Locate(path)
	if loc.Place == fsx.Local {
		return
	}
	fyne.Do(func() {
		if u.st == st { // still the open file
			u.showLocationWarning(path, loc)
		}
	})
}

// showLocationWarning shows the warning about the file's location, with the
// choice not to show it again for this file.
func (u *ui) showLocationWarning(path string, loc fsx.Location) {
	accept := widget.NewCheck(lang.L("location.accept"), nil)
	content := container.NewVBox(wrapped(locationText(path, loc), 520), accept)
	d := dialog.NewCustom(lang.L("location.title"), lang.L("button.ok"), content, u.win)
	d.SetOnClosed(func() {
		if accept.Checked {
			list := u.prefs.p.StringList(prefLocationAccepted)
			if !slices.Contains(list, path) {
				u.prefs.p.SetStringList(prefLocationAccepted, append(list, path))
			}
		}
	})
	d.Show()
}
