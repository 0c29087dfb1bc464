// Package assets embeds the files Tandem ships inside its binary: the
// application icon and the translation files of the user interface.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

// Translations holds translations/de.json and translations/en.json, in the
// format of Fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

//go:embed icon.png
var iconPNG []byte

// Icon is Tandem's application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
