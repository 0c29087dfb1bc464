package app

import "fyne.io/fyne/v2"

// Keys of the preferences Tandem keeps per user and computer. Company data
// lives in the database file, never here.
const (
	prefLastFile = "lastFile"
	prefLanguage = "language"
)

// preferences is a typed view of Fyne's preferences.
type preferences struct{ p fyne.Preferences }

// lastFile is the database file opened last time.
func (p preferences) lastFile() string { return p.p.String(prefLastFile) }

func (p preferences) setLastFile(path string) { p.p.SetString(prefLastFile, path) }

// language is "" (follow the system), "de" or "en".
func (p preferences) language() string { return p.p.String(prefLanguage) }

func (p preferences) setLanguage(l string) { p.p.SetString(prefLanguage, l) }
