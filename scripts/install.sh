#!/usr/bin/env bash
# Installs codingscan and its man page, so `codingscan` and `man codingscan` work from any directory.
# Usage: scripts/install.sh [PREFIX]          (default PREFIX: /usr/local; sudo when it is not writable)
#   Builds the release binary first (swift build -c release); CODINGSCAN_BINARY=FILE installs that file
#   instead (used by the tests). Installs PREFIX/bin/codingscan and PREFIX/share/man/man1/codingscan.1.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
binary=${CODINGSCAN_BINARY:-}
if [ -z "$binary" ]; then
    swift build -c release --product codingscan >/dev/null
    binary=.build/release/codingscan
fi
as_root=()
mkdir -p "$prefix" 2>/dev/null || true
if [ ! -w "$prefix" ] && [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
"${as_root[@]}" install -d "$prefix/bin" "$prefix/share/man/man1"
"${as_root[@]}" install -m 755 "$binary" "$prefix/bin/codingscan"
"${as_root[@]}" install -m 644 man/codingscan.1 "$prefix/share/man/man1/codingscan.1"
echo "installed $prefix/bin/codingscan and $prefix/share/man/man1/codingscan.1"
