#!/usr/bin/env bash
# Refresh the vendored Mermaid bundle from the npm registry.
#
#   scripts/vendor-mermaid.sh            # the pinned version below
#   scripts/vendor-mermaid.sh 12.3.0     # another version (then update MERMAID_VERSION here)
#
# We ship the single-file UMD build, dist/mermaid.min.js: it defines
# window.mermaid from a plain <script>, so it works from file://, where the
# ESM build (.mjs) cannot be imported. Its licence file goes beside it.
set -euo pipefail

MERMAID_VERSION="${1:-12.3.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/docs/assets/vendor/mermaid"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "mermaid@${MERMAID_VERSION}" >/dev/null)
tar -xzf "$work"/mermaid-*.tgz -C "$work"
mkdir -p "$dest"
cp "$work/package/dist/mermaid.min.js" "$dest/mermaid.min.js"
cp "$work/package/LICENSE" "$dest/LICENSE"
printf 'mermaid@%s\nsource: npm pack mermaid@%s (package/dist/mermaid.min.js)\nsha256: %s\n' \
  "$MERMAID_VERSION" "$MERMAID_VERSION" "$(sha256sum "$dest/mermaid.min.js" | cut -d' ' -f1)" > "$dest/VERSION"
echo "Vendored mermaid@${MERMAID_VERSION} into ${dest#"$here"/}"
