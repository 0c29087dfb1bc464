#!/usr/bin/env bash
# Prints the version that release builds stamp into Tandem (`tandem version`,
# the About dialog, the Windows file properties, the macOS bundle).
#
#   scripts/version.sh            e.g. 1.2.0, 1.2.0-3-g1a2b3c4, 0.1.0-dev+1a2b3c4.dirty
#   scripts/version.sh --numeric  e.g. 1.2.0.3 (four numbers, for Windows and macOS)
#
# The version comes from the newest git tag "vX.Y.Z" (without the "v"); a
# build after the tag adds "-N-gHASH", uncommitted changes add "-dirty".
# Without such a tag (or outside a git checkout) it is the Version in
# FyneApp.toml with "-dev" and, in a checkout, "+HASH". The numeric form is
# X.Y.Z plus the number of commits since the tag (0 without one).
set -euo pipefail
cd "$(dirname "$0")/.."

toml_version=$(sed -nE 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' FyneApp.toml | head -n 1)
toml_version=${toml_version:-0.0.0}

version=
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	if described=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
		version=${described#v}
	else
		hash=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
		dirty=
		git diff --quiet HEAD -- 2>/dev/null || dirty=.dirty
		version=$toml_version-dev+$hash$dirty
	fi
fi
version=${version:-$toml_version-dev}

if [[ ${1:-} == --numeric ]]; then
	# X.Y.Z from the front; commits since the tag from "-N-gHASH".
	if [[ $version =~ ^([0-9]+)(\.([0-9]+))?(\.([0-9]+))? ]]; then
		major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[3]:-0} patch=${BASH_REMATCH[5]:-0}
	else
		major=0 minor=0 patch=0
	fi
	commits=0
	if [[ $version =~ -([0-9]+)-g[0-9a-f]+ ]]; then
		commits=${BASH_REMATCH[1]}
	fi
	echo "$major.$minor.$patch.$commits"
	exit 0
fi
echo "$version"
