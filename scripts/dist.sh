#!/usr/bin/env bash
# Release builds of Tandem.
#
#   scripts/dist.sh windows          bin/dist/Tandem.exe: 64-bit Windows GUI program (no console
#                                    window) with icon and version information, cross-compiled
#                                    with mingw-w64; signed when WINDOWS_SIGN_PFX is set
#   scripts/dist.sh windows --check  builds bin/Tandem.exe the same way and checks it (make test);
#                                    skips with a message when mingw-w64 cannot be installed
#   scripts/dist.sh linux            bin/dist/tandem-VERSION-linux-amd64.tar.gz
#
# Release builds use -trimpath, -tags migrated_fynedo and stamp the version
# (scripts/version.sh, from the git tag) into `tandem version` and the About
# dialog. The Windows resources (icon, version, manifest) are made with
# go-winres into a copy of the source tree under bin/, so no .syso file ever
# lands in the repository.
#
# Environment:
#   WINDOWS_CC             C cross compiler (default x86_64-w64-mingw32-gcc)
#   WINDOWS_SIGN_PFX       code-signing certificate (.pfx/.p12) for Tandem.exe
#   WINDOWS_SIGN_PASSWORD  its password
#   WINDOWS_SIGN_TIMESTAMP timestamp server (default http://timestamp.digicert.com; "none" for none)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

GO_WINRES=github.com/tc-hib/go-winres@v0.3.3
APP_VERSION_VAR=tandem/app.Version

target=${1:-}
check=false
[[ ${2:-} == --check ]] && check=true
case $target in
windows | linux) ;;
*)
	echo "usage: scripts/dist.sh windows [--check] | linux" >&2
	exit 2
	;;
esac

label=dist-$target
$check && label=windows-check
say() { echo "$label: $*"; }
fail() {
	say "FAIL: $*" >&2
	exit 1
}

version=$(scripts/version.sh)
numeric=$(scripts/version.sh --numeric)
goflags=(-trimpath -buildvcs=false -tags migrated_fynedo)
ldflags="-s -w -X $APP_VERSION_VAR=$version"

# copy_tree copies the Go module (tracked and new files, as the build in
# the checkout would see them) to $1.
copy_tree() {
	rm -rf "$1"
	mkdir -p "$1"
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [[ -f $f ]] && printf '%s\0' "$f"; done |
			tar --null -T - -cf - | tar -xf - -C "$1"
	else
		tar --exclude=./bin --exclude=./.git -cf - . | tar -xf - -C "$1"
	fi
}

build_windows() {
	local cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc}
	if ! command -v "$cc" >/dev/null 2>&1; then
		say "installing the mingw-w64 cross compiler"
		if ! scripts/deps.sh --windows || ! command -v "$cc" >/dev/null 2>&1; then
			if $check; then
				say "SKIPPED: the Windows build was not checked, because the mingw-w64 cross compiler ($cc)"
				say "SKIPPED: is missing and could not be installed. Install the Debian package gcc-mingw-w64-x86-64."
				exit 0
			fi
			fail "the mingw-w64 cross compiler ($cc) is missing and could not be installed; install gcc-mingw-w64-x86-64"
		fi
	fi

	local work=bin/windows
	src=$work/_src # "_": go's ./... patterns skip it; removed afterwards (the build cache stays)
	trap 'rm -rf "$src"' EXIT
	say "version $version ($numeric)"
	copy_tree "$src"
	# Icon (resized by go-winres to 256, 64, 48, 32 and 16 pixels), version
	# information in German and English, and a manifest: per-monitor DPI
	# awareness (as GLFW sets it), long paths, no elevation.
	cp assets/icon.png "$work/icon.png" # go-winres reads files relative to the JSON file
	cat >"$work/winres.json" <<EOF
{
  "RT_GROUP_ICON": {"APP": {"0000": "icon.png"}},
  "RT_MANIFEST": {"#1": {"0409": {
    "description": "Tandem",
    "minimum-os": "win7",
    "execution-level": "as invoker",
    "dpi-awareness": "per monitor v2",
    "long-path-aware": true,
    "use-common-controls-v6": true
  }}},
  "RT_VERSION": {"#1": {"0000": {
    "fixed": {"file_version": "$numeric", "product_version": "$numeric"},
    "info": {
      "0407": {"FileDescription": "Tandem – Reverse-Mentoring", "FileVersion": "$version",
        "InternalName": "Tandem", "OriginalFilename": "Tandem.exe", "ProductName": "Tandem",
        "ProductVersion": "$version"},
      "0409": {"FileDescription": "Tandem – reverse mentoring", "FileVersion": "$version",
        "InternalName": "Tandem", "OriginalFilename": "Tandem.exe", "ProductName": "Tandem",
        "ProductVersion": "$version"}
    }
  }}}
}
EOF
	go run "$GO_WINRES" make --in "$work/winres.json" --arch amd64 --out "$src/rsrc" ||
		fail "go-winres could not make the Windows resources"
	[[ -f $src/rsrc_windows_amd64.syso ]] || fail "go-winres made no $src/rsrc_windows_amd64.syso"

	say "cross-compiling bin/Tandem.exe (the first build compiles GLFW and OpenGL with mingw and takes minutes)"
	(cd "$src" && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$cc \
		go build "${goflags[@]}" -ldflags "-H=windowsgui $ldflags" -o "$root/bin/Tandem.exe" .) ||
		fail "the Windows build failed"

	say "checking bin/Tandem.exe"
	go run ./scripts/checkexe -version "$version" -numeric "$numeric" bin/Tandem.exe ||
		fail "bin/Tandem.exe is not as it should be"
	$check && {
		say "PASS"
		return
	}

	mkdir -p bin/dist
	if [[ -n ${WINDOWS_SIGN_PFX:-} ]]; then
		local ts=${WINDOWS_SIGN_TIMESTAMP:-http://timestamp.digicert.com}
		local tsargs=(-t "$ts")
		[[ $ts == none ]] && tsargs=()
		say "signing with $WINDOWS_SIGN_PFX"
		rm -f bin/dist/Tandem.exe
		osslsigncode sign -pkcs12 "$WINDOWS_SIGN_PFX" -pass "${WINDOWS_SIGN_PASSWORD:-}" -h sha256 \
			-n Tandem "${tsargs[@]}" -in bin/Tandem.exe -out bin/dist/Tandem.exe >/dev/null ||
			fail "osslsigncode could not sign Tandem.exe"
	else
		say "not signed (set WINDOWS_SIGN_PFX to sign); Windows SmartScreen will warn on first start"
		cp bin/Tandem.exe bin/dist/Tandem.exe
	fi
	(cd bin/dist && sha256sum Tandem.exe >Tandem.exe.sha256)
	say "bin/dist/Tandem.exe ($(du -h bin/dist/Tandem.exe | cut -f1)), version $version"
}

build_linux() {
	local name=tandem-$version-linux-amd64
	local stage=bin/linux/$name
	rm -rf bin/linux
	mkdir -p "$stage" bin/dist
	say "building version $version"
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build "${goflags[@]}" -ldflags "$ldflags" -o "$stage/tandem" . ||
		fail "the build failed"
	got=$(LC_ALL=en_US.UTF-8 "$stage/tandem" version) || fail "$stage/tandem version failed"
	[[ $got == "Tandem $version" ]] || fail "tandem version says \"$got\", want \"Tandem $version\""
	cp assets/icon.png "$stage/de.tandem.app.png"
	cat >"$stage/de.tandem.app.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Name=Tandem
GenericName=Reverse mentoring
GenericName[de]=Reverse-Mentoring
Comment=Run a reverse-mentoring programme from the first idea to the final report
Comment[de]=Begleitet ein Reverse-Mentoring-Programm von der ersten Idee bis zum Abschlussbericht
Exec=tandem
Icon=de.tandem.app
Terminal=false
Categories=Office;
EOF
	cat >"$stage/install.sh" <<'EOF'
#!/bin/sh
# Installs Tandem for the current user: the program into ~/.local/bin, the
# menu entry and the icon into ~/.local/share. Run it again to update.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/512x512/apps"
install -m 755 "$here/tandem" "$HOME/.local/bin/tandem"
install -m 644 "$here/de.tandem.app.png" "$data/icons/hicolor/512x512/apps/de.tandem.app.png"
sed "s|^Exec=tandem|Exec=$HOME/.local/bin/tandem|" "$here/de.tandem.app.desktop" >"$data/applications/de.tandem.app.desktop"
echo "Tandem is installed; start it from the application menu or with $HOME/.local/bin/tandem"
EOF
	chmod 755 "$stage/install.sh"
	tar -C bin/linux --owner=0 --group=0 -czf "bin/dist/$name.tar.gz" "$name"
	(cd bin/dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
	say "bin/dist/$name.tar.gz ($(du -h "bin/dist/$name.tar.gz" | cut -f1))"
}

"build_$target"
