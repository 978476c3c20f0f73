#!/usr/bin/env bash
# Installs everything the course needs, skipping each step that is already
# done, so running it again costs a couple of seconds:
#   1. a virtual environment in .venv with the pinned Python packages,
#   2. rustup's rust-src component (evcxr uses it for code analysis),
#   3. the pinned evcxr_jupyter kernel (built with cargo, about 10 minutes once),
#   4. the kernel registered inside .venv, not in your home folder, started
#      through scripts/evcxr_kernel.sh (a build folder that outlives the kernel),
#   5. every chapter's dependencies built once, so kernels start warm.
# Every make target calls it first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The kernel must match the rustc it runs with; this version is tested with
# the stable toolchain named in the README.
EVCXR_VERSION="0.22.0"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

step_start=0
step() { step_start=$SECONDS; printf '==> %s\n' "$*"; }
done_step() { printf '    done in %ds\n' $((SECONDS - step_start)); }

# --- 1. Python packages ------------------------------------------------------
stamp="$VENV/.requirements.sha256"
want_hash="$(sha256sum requirements.txt | cut -d' ' -f1)"
if [[ ! -x "$VENV/bin/python" ]]; then
    step "creating the virtual environment in .venv"
    "$PYTHON" -m venv "$VENV"
    done_step
fi
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want_hash" ]]; then
    step "installing the pinned Python packages (requirements.txt)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r requirements.txt
    echo "$want_hash" > "$stamp"
    done_step
else
    echo "==> Python packages: up to date"
fi

# --- 2. rust-src ---------------------------------------------------------------
if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
    echo "error: cargo and rustup are needed; install Rust from rustup first" >&2
    exit 1
fi
if [[ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust" ]]; then
    step "adding the rust-src component"
    rustup component add rust-src
    done_step
else
    echo "==> rust-src: present"
fi

# --- 3. evcxr_jupyter ----------------------------------------------------------
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
EVCXR="$CARGO_BIN/evcxr_jupyter"
# cargo's own record of installed binaries ("evcxr_jupyter v0.22.0:").
have_version="$(cargo install --list 2>/dev/null | awk '$1 == "evcxr_jupyter" {gsub(/^v|:$/, "", $2); print $2}')"
if [[ "$have_version" != "$EVCXR_VERSION" || ! -x "$EVCXR" ]]; then
    step "building evcxr_jupyter $EVCXR_VERSION (found: ${have_version:-none}); this takes about 10 minutes on 2 cores, once"
    cargo install --locked evcxr_jupyter --version "$EVCXR_VERSION"
    done_step
else
    echo "==> evcxr_jupyter $EVCXR_VERSION: installed"
fi

# --- 4. the Rust kernel, registered inside .venv ---------------------------------
# Cheap, so done every time: the spec then always points at the binary above.
KERNEL_DIR="$VENV/share/jupyter/kernels/rust"
# evcxr writes its kernel spec into the first JUPYTER_PATH entry.
JUPYTER_PATH="$VENV/share/jupyter" "$EVCXR" --install >/dev/null
if ! grep -qs "\"$EVCXR\"" "$KERNEL_DIR/kernel.json"; then
    echo "error: the Rust kernel spec was not written to $KERNEL_DIR" >&2
    exit 1
fi
# Start the kernel through scripts/evcxr_kernel.sh, which gives each kernel a
# build folder that outlives it (see that script; it is how later kernels
# skip rebuilding the helpers crate and relinking the dependencies).
"$VENV/bin/python" - "$KERNEL_DIR/kernel.json" "$ROOT/scripts/evcxr_kernel.sh" <<'PY'
import json, sys
path, wrapper = sys.argv[1], sys.argv[2]
spec = json.load(open(path))
if spec["argv"][0] != wrapper:
    spec["argv"] = [wrapper] + spec["argv"]
json.dump(spec, open(path, "w"), indent=2)
PY
echo "==> Rust kernel: registered in .venv/share/jupyter/kernels/rust"

# --- 5. warm kernels -------------------------------------------------------------
# Build each chapter's dependencies once now (a few minutes on a fresh machine,
# nothing when already done), so the first notebook a reader opens starts in
# seconds. A failure here only costs speed: it is reported, not fatal.
step "warming the kernels' build folders (every chapter's dependencies)"
if ! "$VENV/bin/python" -m tests.harness warm; then
    echo "    warning: some dependency sets are not warm; their first kernel will build them"
fi
done_step
