package assets

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
)

// Licence is the licence of one piece of software or data compiled into
// Tandem: a Go module, the Go standard library or a font.
type Licence struct {
	Name    string `json:"name"`              // module path, "Go" or the font's name
	Version string `json:"version,omitempty"` // the module's version; empty for Go and fonts
	Licence string `json:"licence"`           // SPDX identifiers, e.g. "MIT" or "BSD-3-Clause, Zlib"
	File    string `json:"file"`              // the full text in Licenses
}

// Licences lists what Tandem is built from and under which licences, in the
// order of licenses/licenses.json (the font and Go first, then the modules
// by path). The texts are read with Text.
func Licences() ([]Licence, error) {
	data, err := fs.ReadFile(Licenses, "licenses/licenses.json")
	if err != nil {
		return nil, err
	}
	var list []Licence
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("licenses/licenses.json: %w", err)
	}
	return list, nil
}

// Text returns the full licence text, with \n line ends.
func (l Licence) Text() (string, error) {
	data, err := fs.ReadFile(Licenses, l.File)
	return strings.ReplaceAll(string(data), "\r\n", "\n"), err
}
