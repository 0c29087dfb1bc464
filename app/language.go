package app

import (
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"tandem/assets"
)

// Languages of the interface. German is the default: where the system's
// language is neither German nor English, or unknown ("C"), Tandem speaks German.
const (
	German  = "de"
	English = "en"
)

// current is the language chosen by UseLanguage.
var current = German

// ChooseLanguage returns the interface language for a user setting ("" to
// follow the system, "de", "en") and the system's locale ("en-GB", "de_DE",
// "C", or "" when unknown).
func ChooseLanguage(setting, system string) string {
	switch setting {
	case German, English:
		return setting
	}
	system = strings.ToLower(system)
	if system == English || strings.HasPrefix(system, "en-") || strings.HasPrefix(system, "en_") {
		return English
	}
	return German
}

// UseLanguage loads the translations of the language chosen for setting
// and makes Fyne's lang package answer in it, whatever the system locale.
// Fyne picks the translation closest to the system locale and falls back to
// English; so Tandem registers its chosen file under both of those tags. The
// files also translate the texts of Fyne's own dialogs.
func UseLanguage(setting string) string {
	system, err := locale.GetLocale()
	if err != nil {
		system = ""
	}
	current = ChooseLanguage(setting, system)
	data, err := assets.Translations.ReadFile("translations/" + current + ".json")
	if err != nil {
		fyne.LogError("translations missing", err)
		return current
	}
	tags := []fyne.Locale{"en", "de"}
	if tag, err := language.Parse(system); err == nil {
		tags = append(tags, fyne.Locale(tag.String()))
	} else if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		// A "C.UTF-8" locale names no language, and Fyne logs an error each
		// time it looks it up; LANGUAGE tells it (and only this process) ours.
		_ = os.Setenv("LANGUAGE", current)
	}
	for _, tag := range tags {
		if err := lang.AddTranslationsForLocale(data, tag); err != nil {
			fyne.LogError("translations unreadable", err)
		}
	}
	return current
}

// Language returns the interface language in use, "de" or "en".
func Language() string { return current }
