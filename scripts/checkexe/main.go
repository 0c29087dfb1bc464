// Command checkexe checks a Windows build of Tandem before it goes out:
// a 64-bit GUI program (no console window), built with -trimpath and
// -tags migrated_fynedo, the version stamped into `tandem version`, and the
// resources Explorer shows — Tandem's icon (with a 256-pixel image), the
// version information and a manifest.
//
//	go run ./scripts/checkexe -version 1.2.0 -numeric 1.2.0.0 bin/Tandem.exe
//
// It prints what it found and exits with status 1 when something is wrong.
package main

import (
	"bytes"
	"debug/buildinfo"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"os"
	"slices"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	version := flag.String("version", "", "the version stamped into the program")
	numeric := flag.String("numeric", "", "the four-part version of the version resource")
	flag.Parse()
	if flag.NArg() != 1 || *version == "" || *numeric == "" {
		fmt.Fprintln(os.Stderr, "usage: checkexe -version VERSION -numeric A.B.C.D FILE.exe")
		os.Exit(2)
	}
	problems, err := check(flag.Arg(0), *version, *numeric)
	if err != nil {
		problems = append(problems, err.Error())
	}
	slices.Sort(problems)
	problems = slices.Compact(problems) // each version resource repeats the fixed versions
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "checkexe: FAIL:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// check returns what is wrong with the program at path.
func check(path, version, numeric string) ([]string, error) {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	ok := func(format string, args ...any) { fmt.Printf("checkexe: ok: "+format+"\n", args...) }

	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("no Go build information: %w", err)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	want := map[string]string{"GOOS": "windows", "GOARCH": "amd64", "CGO_ENABLED": "1", "-trimpath": "true"}
	for k, v := range want {
		if settings[k] != v {
			fail("built with %s=%q, want %q", k, settings[k], v)
		}
	}
	if !strings.Contains(","+settings["-tags"]+",", ",migrated_fynedo,") {
		fail("built with tags %q, want migrated_fynedo", settings["-tags"])
	}
	// With -trimpath the go command leaves -ldflags out of the build
	// information, so -H=windowsgui shows in the PE subsystem below and the
	// version -X stamped in as a string in the program's data.
	if len(problems) == 0 {
		ok("Go %s, %s/%s, -trimpath, tags %s", bi.GoVersion, settings["GOOS"], settings["GOARCH"], settings["-tags"])
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return problems, err
	}
	if !stamped(raw, version) {
		fail("the version %q is not stamped into the program (-X tandem/app.Version)", version)
	} else {
		ok("version %s stamped in", version)
	}

	f, err := pe.Open(path)
	if err != nil {
		return problems, err
	}
	defer f.Close()
	oh, is64 := f.OptionalHeader.(*pe.OptionalHeader64)
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 || !is64 {
		return append(problems, "not a 64-bit x86 program"), nil
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		fail("subsystem %d, want %d (GUI, no console window)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	} else {
		ok("64-bit Windows GUI program")
	}

	res, err := resources(f, oh)
	if err != nil {
		return problems, err
	}
	problems = append(problems, checkIcon(res, ok)...)
	problems = append(problems, checkVersion(res, version, numeric, ok)...)
	if m := res.first(rtManifest); m == nil {
		fail("no manifest")
	} else if !bytes.Contains(bytes.ToLower(m), []byte("permonitorv2")) || !bytes.Contains(m, []byte(`level="asInvoker"`)) {
		fail("the manifest does not declare per-monitor DPI awareness and asInvoker:\n%s", m)
	} else {
		ok("manifest: per-monitor DPI aware, runs without elevation")
	}
	return problems, nil
}

// stamped reports whether version occurs in the program as UTF-8 other
// than as a module version ("v1.2.0") of the build information.
func stamped(program []byte, version string) bool {
	v := []byte(version)
	for i := 0; ; {
		j := bytes.Index(program[i:], v)
		if j < 0 {
			return false
		}
		if at := i + j; at == 0 || program[at-1] != 'v' {
			return true
		}
		i += j + 1
	}
}

func checkIcon(res resourceTable, ok func(string, ...any)) []string {
	group := res.first(rtGroupIcon)
	if len(group) < 6 {
		return []string{"no application icon"}
	}
	count := int(binary.LittleEndian.Uint16(group[4:]))
	sizes := []int{}
	var big []byte
	for i := range count {
		e := group[6+14*i:]
		if len(e) < 14 {
			return []string{"the icon directory is cut short"}
		}
		size := int(e[0])
		if size == 0 {
			size = 256
		}
		sizes = append(sizes, size)
		id := binary.LittleEndian.Uint16(e[12:])
		img := res.byID(rtIcon, uint32(id))
		if img == nil {
			return []string{fmt.Sprintf("icon image %d is missing", id)}
		}
		if size == 256 {
			big = img
		}
	}
	if big == nil {
		return []string{fmt.Sprintf("the icon has no 256-pixel image (sizes %v)", sizes)}
	}
	img, err := png.Decode(bytes.NewReader(big))
	if err != nil || img.Bounds().Dx() != 256 {
		return []string{fmt.Sprintf("the 256-pixel icon image does not decode as PNG: %v", err)}
	}
	ok("icon with images of %v pixels", sizes)
	return nil
}

// checkVersion checks the version information: go-winres writes one
// resource per language, each with the fixed (numeric) versions and the
// strings of that language.
func checkVersion(res resourceTable, version, numeric string, ok func(string, ...any)) []string {
	var problems []string
	strs := map[string]string{}
	le := binary.LittleEndian
	fixed := func(ms, ls uint32) string {
		return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	}
	for _, r := range res {
		if r.typ != rtVersion {
			continue
		}
		root, err := parseBlock(r.data)
		if err != nil {
			return []string{"version information: " + err.Error()}
		}
		v := root.value
		if len(v) < 52 || le.Uint32(v) != 0xFEEF04BD {
			return []string{"version information without VS_FIXEDFILEINFO"}
		}
		if got := fixed(le.Uint32(v[8:]), le.Uint32(v[12:])); got != numeric {
			problems = append(problems, fmt.Sprintf("file version %s, want %s", got, numeric))
		}
		if got := fixed(le.Uint32(v[16:]), le.Uint32(v[20:])); got != numeric {
			problems = append(problems, fmt.Sprintf("product version %s, want %s", got, numeric))
		}
		for _, sfi := range root.children {
			if sfi.key != "StringFileInfo" {
				continue
			}
			for _, table := range sfi.children {
				for _, s := range table.children {
					strs[table.key+"/"+s.key] = s.text()
				}
			}
		}
	}
	langs := 0
	for _, lang := range []string{"040704b0", "040904b0"} {
		if _, found := strs[lang+"/ProductName"]; !found {
			problems = append(problems, fmt.Sprintf("no version strings for language %s (found %v)", lang, strs))
			continue
		}
		langs++
		for key, want := range map[string]string{"ProductName": "Tandem", "ProductVersion": version,
			"FileVersion": version, "OriginalFilename": "Tandem.exe"} {
			if got := strs[lang+"/"+key]; got != want {
				problems = append(problems, fmt.Sprintf("%s %s is %q, want %q", lang, key, got, want))
			}
		}
	}
	if problems == nil {
		ok("version information %s (%s) in German and English: %q, %q", version, numeric,
			strs["040704b0/FileDescription"], strs["040904b0/FileDescription"])
	}
	return problems
}

// resourceTable holds the resources of a program by type, name or id, and
// language, in the order of the resource directory.
type resourceTable []resource

type resource struct {
	typ, id uint32 // id is 0 for a named resource
	data    []byte
}

func (t resourceTable) first(typ uint32) []byte {
	for _, r := range t {
		if r.typ == typ {
			return r.data
		}
	}
	return nil
}

func (t resourceTable) byID(typ, id uint32) []byte {
	for _, r := range t {
		if r.typ == typ && r.id == id {
			return r.data
		}
	}
	return nil
}

// resources reads the three-level resource directory (type, name, language).
func resources(f *pe.File, oh *pe.OptionalHeader64) (resourceTable, error) {
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.Size == 0 {
		return nil, errors.New("no resources at all (no icon, no version information)")
	}
	read := func(rva, size uint32) ([]byte, error) {
		for _, s := range f.Sections {
			if rva >= s.VirtualAddress && rva+size <= s.VirtualAddress+s.VirtualSize {
				data, err := s.Data()
				if err != nil {
					return nil, err
				}
				off := rva - s.VirtualAddress
				if int(off+size) > len(data) {
					return nil, fmt.Errorf("resource data at %#x is outside the file", rva)
				}
				return data[off : off+size], nil
			}
		}
		return nil, fmt.Errorf("no section holds address %#x", rva)
	}
	base, err := read(dir.VirtualAddress, dir.Size)
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	// entries lists the entries of the directory at off: (name or id, is
	// a subdirectory, offset).
	type entry struct {
		id     uint32
		subdir bool
		off    uint32
	}
	entries := func(off uint32) ([]entry, error) {
		if int(off)+16 > len(base) {
			return nil, errors.New("resource directory cut short")
		}
		n := int(le.Uint16(base[off+12:])) + int(le.Uint16(base[off+14:]))
		var list []entry
		for i := range n {
			p := int(off) + 16 + 8*i
			if p+8 > len(base) {
				return nil, errors.New("resource directory cut short")
			}
			name, to := le.Uint32(base[p:]), le.Uint32(base[p+4:])
			id := name
			if name&0x80000000 != 0 {
				id = 0 // named
			}
			list = append(list, entry{id, to&0x80000000 != 0, to &^ 0x80000000})
		}
		return list, nil
	}
	var table resourceTable
	types, err := entries(0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		names, err := entries(t.off)
		if err != nil || !t.subdir {
			return nil, errors.Join(err, errors.New("malformed resource directory"))
		}
		for _, n := range names {
			langs, err := entries(n.off)
			if err != nil || !n.subdir {
				return nil, errors.Join(err, errors.New("malformed resource directory"))
			}
			for _, l := range langs {
				if l.subdir || int(l.off)+8 > len(base) {
					return nil, errors.New("malformed resource directory")
				}
				data, err := read(le.Uint32(base[l.off:]), le.Uint32(base[l.off+4:]))
				if err != nil {
					return nil, err
				}
				table = append(table, resource{typ: t.id, id: n.id, data: data})
			}
		}
	}
	return table, nil
}

// block is one node of a VS_VERSIONINFO tree.
type block struct {
	key      string
	isText   bool
	value    []byte
	children []block
}

func (b block) text() string {
	u := make([]uint16, 0, len(b.value)/2)
	for i := 0; i+1 < len(b.value); i += 2 {
		u = append(u, binary.LittleEndian.Uint16(b.value[i:]))
	}
	return strings.TrimRight(string(utf16.Decode(u)), "\x00")
}

// parseBlock reads a version-information block: wLength, wValueLength,
// wType, a NUL-terminated UTF-16 key, the value and the child blocks, each
// aligned to 32 bits.
func parseBlock(b []byte) (block, error) {
	le := binary.LittleEndian
	if len(b) < 6 {
		return block{}, errors.New("block cut short")
	}
	length, valueLength, typ := int(le.Uint16(b)), int(le.Uint16(b[2:])), le.Uint16(b[4:])
	if length > len(b) || length < 6 {
		return block{}, fmt.Errorf("block length %d of %d bytes", length, len(b))
	}
	b = b[:length]
	var key []uint16
	p := 6
	for ; p+1 < len(b); p += 2 {
		c := le.Uint16(b[p:])
		if c == 0 {
			break
		}
		key = append(key, c)
	}
	p = align(p + 2)
	blk := block{key: string(utf16.Decode(key)), isText: typ == 1}
	n := valueLength
	if blk.isText {
		n *= 2
	}
	if p+n > len(b) {
		return block{}, fmt.Errorf("value of %q cut short", blk.key)
	}
	blk.value = b[p : p+n]
	p = align(p + n)
	for p < len(b) {
		child, err := parseBlock(b[p:])
		if err != nil {
			return block{}, err
		}
		blk.children = append(blk.children, child)
		p = align(p + int(le.Uint16(b[p:])))
	}
	return blk, nil
}

func align(n int) int { return (n + 3) &^ 3 }
