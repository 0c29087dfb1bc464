// Package assets embeds the files Tandem ships inside its binary: the
// application icon, the translation files of the user interface, the fonts
// of the printed documents and the documents' default texts. It depends on
// nothing else of Tandem, nor on Fyne, so the documents can use it without
// the window.
package assets

import "embed"

// Translations holds translations/de.json and translations/en.json, in the
// format of Fyne's lang package.
//
//go:embed translations/*.json
var Translations embed.FS

// Fonts holds Noto Sans (regular, bold, italic; SIL Open Font License,
// fonts/OFL.txt), the typeface of every printed document.
//
//go:embed fonts/*.ttf fonts/OFL.txt
var Fonts embed.FS

// Templates holds the default texts of the printed documents,
// templates/{de,en}/NAME.tmpl (text/template producing Tandem's small
// document markup), and the documents' fixed labels, templates/{de,en}/labels.json.
//
//go:embed templates
var Templates embed.FS

// Licenses holds the licence texts of everything compiled into Tandem,
// listed in licenses/licenses.json (see Licences), and fonts/OFL.txt. The
// list is made by gen_licenses.go; assets' tests fail when it is stale.
//
//go:generate go run gen_licenses.go
//go:embed licenses fonts/OFL.txt
var Licenses embed.FS

// IconPNG is Tandem's application icon, 512 × 512 pixels.
//
//go:embed icon.png
var IconPNG []byte
