//go:build ignore

// gen_licenses writes licenses/: the licence texts of everything compiled
// into Tandem, for the About dialog. It asks the go command which modules
// the program links on Linux, Windows and macOS, copies each module's
// licence files from the module cache into licenses/<module>.txt, adds the
// Go standard library and the Noto Sans font of the documents, and lists
// them all in licenses/licenses.json. Run it with `go generate ./assets`
// after changing a dependency; assets' tests fail while the list is stale.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// licence is one entry of licenses.json; see assets.Licence.
type licence struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	Licence string `json:"licence"`
	File    string `json:"file"`
}

// targets are the systems Tandem is built for; their dependencies differ a
// little (D-Bus only on Linux, for example).
var targets = []string{"linux", "windows", "darwin"}

// extraFiles are licence files below a module's root that cover code or
// data compiled in besides the module's own: the GLFW C library inside the
// glfw bindings, and the fonts Fyne bundles.
var extraFiles = map[string][]extra{
	"github.com/go-gl/glfw/v3.3/glfw": {{"glfw/LICENSE.md", "Zlib"}},
	"fyne.io/fyne/v2": {{"theme/font/LICENSE.txt", "OFL-1.1"}, {"theme/font/LICENSE_Inter.txt", "OFL-1.1"},
		{"theme/font/LICENSE_DejaVu-Powerline.txt", "Bitstream-Vera"}},
}

// extra is a licence file and the licence it grants.
type extra struct{ file, licence string }

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen_licenses:", err)
		os.Exit(1)
	}
}

func run() error {
	mods, err := linkedModules()
	if err != nil {
		return err
	}
	if err := os.RemoveAll("licenses"); err != nil {
		return err
	}
	if err := os.MkdirAll("licenses", 0o755); err != nil {
		return err
	}
	goroot := strings.TrimSpace(string(must(exec.Command("go", "env", "GOROOT").Output())))
	list := []licence{
		{Name: "Noto Sans", Licence: "OFL-1.1", File: "fonts/OFL.txt"},
	}
	// The About dialog adds the version of Go that built it.
	std, err := collect("Go", "", goroot, []string{"LICENSE"}, nil)
	if err != nil {
		return err
	}
	list = append(list, std)
	for _, m := range mods {
		names, err := licenceFiles(m.Dir)
		if err != nil {
			return err
		}
		l, err := collect(m.Path, m.Version, m.Dir, names, extraFiles[m.Path])
		if err != nil {
			return err
		}
		list = append(list, l)
	}
	data, err := json.MarshalIndent(list, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile("licenses/licenses.json", append(data, '\n'), 0o644)
}

// module is one module the program links.
type module struct{ Path, Version, Dir string }

// linkedModules lists the modules (other than Tandem) whose packages are
// compiled into Tandem on any target, sorted by path.
func linkedModules() ([]module, error) {
	seen := map[string]module{}
	for _, goos := range targets {
		cmd := exec.Command("go", "list", "-deps", "-tags", "migrated_fynedo",
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}", "tandem")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s: %w", goos, err)
		}
		for _, line := range strings.Split(string(out), "\n") {
			f := strings.SplitN(line, " ", 3)
			if len(f) == 3 {
				seen[f[0]] = module{Path: f[0], Version: f[1], Dir: f[2]}
			}
		}
	}
	var mods []module
	for _, m := range seen {
		mods = append(mods, m)
	}
	slices.SortFunc(mods, func(a, b module) int { return strings.Compare(a.Path, b.Path) })
	return mods, nil
}

// licenceFiles are the licence files at the root of a module.
func licenceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := strings.ToUpper(e.Name())
		if !e.IsDir() && (strings.HasPrefix(n, "LICENSE") || strings.HasPrefix(n, "LICENCE") ||
			strings.HasPrefix(n, "COPYING") || strings.HasPrefix(n, "PATENTS") || strings.HasPrefix(n, "NOTICE")) {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no licence file in %s; add the module to extraFiles", dir)
	}
	return names, nil
}

// collect copies the named files of dir, and the extra ones, into one text
// file and names the licences they grant.
func collect(name, version, dir string, files []string, extras []extra) (licence, error) {
	var text bytes.Buffer
	var kinds []string
	add := func(f, kind string) error {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return err
		}
		if kind == "" {
			kind = identify(string(data))
		}
		if kind == "" && len(kinds) == 0 {
			return fmt.Errorf("cannot tell the licence of %s/%s; teach identify", name, f)
		}
		if kind != "" && !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
		if len(files)+len(extras) > 1 {
			fmt.Fprintf(&text, "==== %s ====\n\n", f)
		}
		text.Write(bytes.TrimSpace(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))))
		text.WriteString("\n\n")
		return nil
	}
	for _, f := range files {
		if err := add(f, ""); err != nil {
			return licence{}, err
		}
	}
	for _, e := range extras {
		if err := add(e.file, e.licence); err != nil {
			return licence{}, err
		}
	}
	file := "licenses/" + strings.NewReplacer("/", "_", ".", "_").Replace(name) + ".txt"
	data := append(bytes.TrimRight(text.Bytes(), "\n"), '\n')
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return licence{}, err
	}
	return licence{Name: name, Version: version, Licence: strings.Join(kinds, ", "), File: file}, nil
}

// identify names a licence text by its SPDX identifier.
func identify(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	switch {
	case strings.Contains(t, "SPDX-License-Identifier: Unlicense OR BSD-3-Clause"):
		return "Unlicense OR BSD-3-Clause"
	case strings.Contains(t, "Apache License") && strings.Contains(t, "Version 2.0"):
		return "Apache-2.0"
	case strings.Contains(t, "SIL OPEN FONT LICENSE"):
		return "OFL-1.1"
	case strings.Contains(t, "Permission is hereby granted, free of charge"):
		return "MIT"
	case strings.Contains(t, "Permission to use, copy, modify, and/or distribute this software for any purpose"):
		return "ISC"
	case strings.Contains(t, "This software is provided 'as-is'"):
		return "Zlib"
	case strings.Contains(t, "Redistribution and use in source and binary forms"):
		if strings.Contains(t, "Neither the name") || strings.Contains(t, "names of its contributors") {
			return "BSD-3-Clause"
		}
		return "BSD-2-Clause"
	}
	return ""
}

func must[T any](v T, err error) T {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_licenses:", err)
		os.Exit(1)
	}
	return v
}
