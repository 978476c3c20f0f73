#!/usr/bin/env bash
# Installs the browser the browser tests drive (tests/test_5_browser.py):
# Debian's `chromium` package, run headless. `make test` calls it before the
# tests; it is skipped in a moment when Chromium is already there.
#
# It never fails the test run: if Chromium cannot be installed (no apt-get,
# not root and no password-less sudo, no network to the Debian mirror), it
# writes the reason to _build/browser-unavailable.txt and the browser tests
# skip, printing that reason in pytest's summary. Set CHROMIUM=/path/to/it
# to use a Chromium installed some other way.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NOTE="$ROOT/_build/browser-unavailable.txt"
mkdir -p "$ROOT/_build"

find_chromium() {
    if [[ -n "${CHROMIUM:-}" ]]; then
        [[ -x "$CHROMIUM" ]] && echo "$CHROMIUM"
        return
    fi
    local name
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$name" >/dev/null; then command -v "$name"; return; fi
    done
}

unavailable() {
    echo "$*" > "$NOTE"
    echo "    Chromium is unavailable: $*" >&2
    echo "    (the browser tests will be skipped with this reason)" >&2
    exit 0
}

if [[ -n "${CHROMIUM:-}" && ! -x "$CHROMIUM" ]]; then
    unavailable "CHROMIUM=$CHROMIUM is not an executable file"
fi
if found="$(find_chromium)" && [[ -n "$found" ]]; then
    rm -f "$NOTE"
    echo "==> Chromium for the browser tests: $("$found" --version 2>/dev/null || echo "$found")"
    exit 0
fi

started=$SECONDS
echo "==> installing Chromium for the browser tests (Debian's chromium package, with apt-get)"
if ! command -v apt-get >/dev/null; then
    unavailable "apt-get was not found (not a Debian-based system); install Chromium yourself and put it on PATH, or set CHROMIUM=/path/to/chromium"
fi
if [[ "$(id -u)" == 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    unavailable "installing the chromium package needs root: run 'sudo apt-get install chromium' once, or run make test as root"
fi
export DEBIAN_FRONTEND=noninteractive
echo "    ${as_root[*]:+${as_root[*]} }apt-get update"
if ! "${as_root[@]}" apt-get update -qq; then
    unavailable "'apt-get update' failed (no network to the Debian mirror?)"
fi
echo "    ${as_root[*]:+${as_root[*]} }apt-get install -y chromium"
if ! "${as_root[@]}" apt-get install -y -qq chromium >/dev/null; then
    unavailable "'apt-get install chromium' failed (see the apt output above)"
fi
if ! found="$(find_chromium)" || [[ -z "$found" ]]; then
    unavailable "the chromium package installed, but no chromium binary is on PATH"
fi
rm -f "$NOTE"
echo "    installed $("$found" --version 2>/dev/null) in $((SECONDS - started))s"
