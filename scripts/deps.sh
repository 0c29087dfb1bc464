#!/usr/bin/env bash
# Installs the Debian/Ubuntu system packages needed to build and test Tandem:
# a C compiler and the OpenGL/X11 headers for Fyne (cgo), plus Xvfb, xdotool and
# ImageMagick for the smoke test and poppler-utils for looking at generated PDFs.
# Does nothing (and touches no network) when everything is already installed.
#
#   scripts/deps.sh --windows  also installs the mingw-w64 cross compiler for
#                              the Windows build (scripts/dist.sh windows)
set -euo pipefail

packages=(
	gcc pkg-config
	libgl1-mesa-dev xorg-dev
	libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
	xvfb x11-utils xdotool imagemagick poppler-utils
)
if [[ ${1:-} == --windows ]]; then
	packages+=(gcc-mingw-w64-x86-64)
fi

fail() {
	echo "deps: $*" >&2
	exit 1
}

command -v go >/dev/null 2>&1 ||
	fail "Go is not installed or not on PATH. Install Go 1.25 or newer from https://go.dev/dl/ and try again."

command -v dpkg-query >/dev/null 2>&1 ||
	fail "this script installs packages with apt-get on Debian or Ubuntu; on other systems install these yourself: ${packages[*]}"

missing=()
for p in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[[ $status == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
	exit 0
fi

echo "deps: installing missing system packages: ${missing[*]}"
if ((EUID == 0)); then
	sudo=()
elif command -v sudo >/dev/null 2>&1; then
	sudo=(sudo)
	# Without a terminal (CI), sudo must not wait for a password.
	[[ -t 0 ]] || sudo=(sudo -n)
else
	fail "not running as root and sudo is not available; as root, run: apt-get install ${missing[*]}"
fi

"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "deps: done"
