#!/usr/bin/env bash
# Builds FerretDB 1.24.2 from its Go module into a cache folder outside the clone.
# A plain `go install` ships an empty build/version/version.txt and the binary panics
# at start, so we copy the module, write the version file, apply the patches in
# infra/ferretdb/ (docs/adr/0007) and build from there. The cache folder is named for the
# patches' content, so a changed patch never reuses a binary built without it.
set -euo pipefail
VERSION="${FERRETDB_VERSION:-v1.24.2}"
CACHE="${QN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/quartiersnetz}"
PATCHES="$(cd "$(dirname "$0")/../ferretdb" && pwd)"
PATCH_ID=$(cat "$PATCHES"/*.patch | sha256sum | cut -c1-12)
BIN="$CACHE/ferretdb-$VERSION-$PATCH_ID/ferretdb"
if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
  echo "$BIN"; exit 0
fi
command -v go >/dev/null || { echo "go toolchain not found: install Go to build FerretDB" >&2; exit 1; }
mkdir -p "$CACHE"
DIR=$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$DIR" ] || { echo "go mod download gave no Dir for FerretDB $VERSION" >&2; exit 1; }
SRC="$CACHE/ferretdb-src-$VERSION"
rm -rf "$SRC"; cp -r "$DIR" "$SRC"; chmod -R u+w "$SRC"
printf '%s' "$VERSION" > "$SRC/build/version/version.txt"
for p in "$PATCHES"/*.patch; do patch -s -p1 -d "$SRC" < "$p"; done
mkdir -p "$(dirname "$BIN")"
( cd "$SRC" && CGO_ENABLED=0 go build -o "$BIN" ./cmd/ferretdb ) >&2
rm -rf "$SRC"
echo "$BIN"
