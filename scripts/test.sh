#!/usr/bin/env bash
# Every test, in order of cost; stops at the first failing stage.
#   1. the helpers crate: formatting, lints, unit tests and doctests;
#   2. the harness and every notebook (pytest): rule unit tests, broken
#      fixture notebooks that each must be caught, every chapter executed on
#      the real kernel, the site built from those executed copies, then the
#      site and JupyterLab checked in headless Chromium (installed by
#      scripts/setup_browser.sh, which `make test` runs first; -rs prints the
#      reason if those tests had to be skipped).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stage() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

stage "helpers crate: cargo fmt --check"
cargo fmt --all --check
stage "helpers crate: cargo clippy --all-targets -- -D warnings"
cargo clippy --quiet --all-targets -- -D warnings
stage "helpers crate: cargo test (unit tests and doctests)"
mkdir -p _build
if ! cargo test --quiet > _build/cargo-test.log 2>&1; then
    cat _build/cargo-test.log
    exit 1
fi
grep -E "^test result" _build/cargo-test.log

stage "notebooks and site: pytest tests/"
.venv/bin/python -m pytest tests -v -rs --capture=tee-sys --durations=10 -p no:cacheprovider
printf '\n==> all tests passed in %ds\n' $((SECONDS - started))
