#!/usr/bin/env bash
# Starts the evcxr kernel with a build folder that outlives the kernel.
#
# Left to itself, evcxr compiles in a fresh temporary folder that it deletes
# when the kernel stops, so every new kernel rebuilds the helpers crate and
# links every dependency again before its first output. Here each kernel
# gets one of a few numbered folders under _build/kernels/ instead: the next
# kernel to use that folder finds cargo's build of the dependencies and of
# the helpers crate still there, and cargo rebuilds only what changed.
#
# Two kernels must never share a folder (their builds would overwrite each
# other), so each folder has a lock, held for the kernel's whole life; a
# kernel takes the first free one. If all are taken, it falls back to
# evcxr's own temporary folder: slower, never wrong.
#
# Turn this off by setting ASYNC_RUST_LIVE_FRESH_KERNELS=1 before `make lab`.
#
# Usage (written into the kernel spec by scripts/setup.sh):
#   evcxr_kernel.sh /path/to/evcxr_jupyter --control_file {connection_file}
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLOTS="${ASYNC_RUST_LIVE_KERNELS_DIR:-$ROOT/_build/kernels}"

if [[ "${ASYNC_RUST_LIVE_FRESH_KERNELS:-0}" != "1" ]] && command -v flock >/dev/null \
    && mkdir -p "$SLOTS" 2>/dev/null; then
    for slot in 0 1 2 3 4 5 6 7; do
        # fd 9 stays open in the exec'd kernel, so the lock lasts as long as it.
        exec 9>"$SLOTS/$slot.lock" || continue
        if flock --nonblock 9; then
            export EVCXR_TMPDIR="$SLOTS/$slot"
            mkdir -p "$EVCXR_TMPDIR"
            exec "$@"
        fi
        exec 9>&-
    done
fi
exec "$@"
