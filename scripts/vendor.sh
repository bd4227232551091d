#!/usr/bin/env bash
# Refresh the vendored front-end files from the npm registry, pinned.
#
#   scripts/vendor.sh
#
# To move to a newer release, change a version below, run this script, build
# and run `make test`: the browser tests check that every diagram still renders
# and that offline search still works.
#
# - mermaid, two builds of one release, chosen by mermaid-loader.js:
#   - the ESM build (dist/mermaid.esm.min.mjs and its chunks) for readers over
#     HTTP: it loads only the chunks a page's diagram types need, about a
#     third of the bytes, and its start-up work is split into small tasks;
#   - the single-file UMD build (dist/mermaid.min.js) for file://, where
#     Chromium refuses to import modules. It defines window.mermaid from a
#     plain <script>. The offline build ships only this one (hooks/diagrams.py).
#   We stay on Mermaid 11, the line
#   Material 9.8 is built for: Mermaid 12 draws flowcharts in its "neo" look
#   by default, whose fixed dark strokes ignore Material's palette (dark
#   borders on the dark palette) and whose drop-shadow filters print as
#   bitmaps in the PDF. 11.17.2 is also a third smaller (3.6 MB, 1 MB gzipped).
# - iframe-worker: the shim Material's offline plugin needs for search from
#   file:// (it replaces Worker only when location.protocol is file:).
set -euo pipefail

MERMAID_VERSION=11.17.2
IFRAME_WORKER_VERSION=1.0.4

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# vendor NAME VERSION FILE-IN-PACKAGE DEST-FILE
vendor() {
  local name=$1 version=$2 file=$3 dest="$here/docs/assets/vendor/$1"
  rm -rf "$work/package" && (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  tar -xzf "$work/$name-$version.tgz" -C "$work"
  mkdir -p "$dest"
  cp "$work/package/$file" "$dest/$4"
  cp "$work/package/LICENSE" "$dest/LICENSE"
  printf '%s@%s\nsource: npm pack %s@%s (package/%s)\nsha256: %s\n' "$name" "$version" "$name" "$version" \
    "$file" "$(sha256sum "$dest/$4" | cut -d' ' -f1)" > "$dest/VERSION"
  echo "Vendored $name@$version into docs/assets/vendor/$name/$4"
}

vendor mermaid "$MERMAID_VERSION" dist/mermaid.min.js mermaid.min.js

# The ESM build keeps its layout (the entry imports ./chunks/mermaid.esm.min/*).
esm="$here/docs/assets/vendor/mermaid/esm"
rm -rf "$esm" && mkdir -p "$esm/chunks/mermaid.esm.min"
cp "$work/package/dist/mermaid.esm.min.mjs" "$esm/"
cp "$work/package/dist/chunks/mermaid.esm.min/"*.mjs "$esm/chunks/mermaid.esm.min/"
printf 'ESM build: package/dist/mermaid.esm.min.mjs and package/dist/chunks/mermaid.esm.min/*.mjs into esm/\nsha256 of the sorted esm file list with contents: %s\n' \
  "$(cd "$esm" && find . -type f | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)" \
  >> "$here/docs/assets/vendor/mermaid/VERSION"
echo "Vendored the ESM build of mermaid@$MERMAID_VERSION into docs/assets/vendor/mermaid/esm/"
echo "The ESM entry's chunks, biggest first (PIECES in docs/assets/javascripts/mermaid-loader.js):"
grep -o 'from"./chunks/mermaid.esm.min/[^"]*"' "$esm/mermaid.esm.min.mjs" | sed 's|from"./||; s|"$||' |
  while read -r chunk; do printf '%s %s\n' "$(wc -c < "$esm/$chunk")" "$(basename "$chunk" .mjs)"; done |
  sort -rn | head -5
vendor iframe-worker "$IFRAME_WORKER_VERSION" shim/index.js shim.js
