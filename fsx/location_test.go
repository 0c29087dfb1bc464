package fsx

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCloudService(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{`C:\Users\anna\OneDrive\Dokumente\tandem.db`, "OneDrive"},
		{`C:\Users\anna\OneDrive - Muster GmbH\Personal\tandem.db`, "OneDrive"},
		{"/Users/anna/Library/CloudStorage/OneDrive-Personal/tandem.db", "OneDrive"},
		{"/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.de/My Drive/tandem.db", "Google Drive"},
		{"/Users/anna/Library/CloudStorage/Box-Box/tandem.db", "Box"},
		{"/Users/anna/Library/CloudStorage/SomeService-anna/tandem.db", "SomeService"},
		{`C:\Users\anna\Dropbox\tandem.db`, "Dropbox"},
		{`C:\Users\anna\Dropbox (Muster GmbH)\HR\tandem.db`, "Dropbox"},
		{"/home/anna/Dropbox/tandem.db", "Dropbox"},
		{"/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/tandem.db", "iCloud Drive"},
		{`C:\Users\anna\iCloudDrive\tandem.db`, "iCloud Drive"},
		{`G:\My Drive\HR\tandem.db`, "Google Drive"},
		{`G:\Meine Ablage\tandem.db`, "Google Drive"},
		{`C:\Users\anna\Google Drive\tandem.db`, "Google Drive"},
		{"/home/anna/Nextcloud/tandem.db", "Nextcloud"},
		{`C:\Users\anna\ownCloud - anna@cloud.example.de\tandem.db`, "ownCloud"},
		{`C:\Users\anna\Box\tandem.db`, "Box"},
		{`C:\Users\anna\Box Sync\tandem.db`, "Box"},
		{`P:\pCloud Drive\tandem.db`, "pCloud"},

		{`C:\Users\anna\AppData\Roaming\Tandem\tandem.db`, ""},
		{"/home/anna/.local/share/tandem/tandem.db", ""},
		{"/home/anna/box/tandem.db", ""},
		{"/home/anna/Dropboxen-Archiv/tandem.db", ""},
		{"/home/anna/My Drive/tandem.db", ""}, // not at the top of a drive
		{`D:\Library\tandem.db`, ""},
	} {
		if got := cloudService(tt.path); got != tt.want {
			t.Errorf("cloudService(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestUNCShare(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{`\\fileserver\personal\tandem\tandem.db`, `\\fileserver\personal`},
		{`//fileserver/personal/tandem.db`, `\\fileserver\personal`},
		{`\\?\UNC\fileserver\personal\tandem.db`, `\\fileserver\personal`},
		{`\\?\C:\Users\anna\tandem.db`, ""},
		{`\\.\pipe\x`, ""},
		{`\\fileserver`, ""},
		{`C:\Users\anna\tandem.db`, ""},
		{"/home/anna/tandem.db", ""},
	} {
		if got := uncShare(tt.path); got != tt.want {
			t.Errorf("uncShare(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestLocate(t *testing.T) {
	t.Setenv("OneDrive", "")
	t.Setenv("OneDriveCommercial", "")
	t.Setenv("OneDriveConsumer", "")
	dir := t.TempDir()
	if got := Locate(filepath.Join(dir, "tandem.db")); got.Place != Local {
		t.Fatalf("a temporary folder is %+v", got)
	}
	// Only folders count, not the file's own name.
	if got := Locate(filepath.Join(dir, "Dropbox")); got.Place != Local {
		t.Errorf("a file named Dropbox is %+v", got)
	}
	// A file that does not exist yet, in folders that do not either.
	if got := Locate(filepath.Join(dir, "Dropbox", "neu", "tandem.db")); got != (Location{Cloud, "Dropbox"}) {
		t.Errorf("a new file in a Dropbox folder is %+v", got)
	}
	// A link to a synchronised folder counts as that folder.
	synced := filepath.Join(dir, "Nextcloud", "HR")
	if err := os.MkdirAll(synced, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "daten")
	if err := os.Symlink(synced, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if got := Locate(filepath.Join(link, "tandem.db")); got != (Location{Cloud, "Nextcloud"}) {
		t.Errorf("a file behind a link to a Nextcloud folder is %+v", got)
	}
	// The OneDrive client names its folder in the environment.
	t.Setenv("OneDriveCommercial", filepath.Join(dir, "Firmenablage"))
	if got := Locate(filepath.Join(dir, "firmenablage", "tandem.db")); got != (Location{Cloud, "OneDrive"}) {
		t.Errorf("a file in the folder of %%OneDriveCommercial%% is %+v", got)
	}
	if got := Locate(filepath.Join(dir, "Firmenablage2", "tandem.db")); got.Place != Local {
		t.Errorf("a file next to the OneDrive folder is %+v", got)
	}
}
