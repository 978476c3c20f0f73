"""Warms the kernels' build folders so a reader's first notebook opens fast.

Every chapter's first code cell loads its dependencies (`:dep` lines). The
first kernel to load a given set compiles it; with scripts/evcxr_kernel.sh
that build stays in a folder under _build/kernels/ for the next kernel. This
module runs, once per distinct set of dependency lines, a kernel that loads
the set and prints a line, so `make lab` and `make test` leave every chapter's
dependencies built.

A stamp per set (its lines, the helpers crate's sources, rustc's and evcxr's
versions, hashed) records that it is warm; a set whose stamp exists is
skipped, so running this again costs nothing.
"""
from __future__ import annotations

import hashlib
import json
import time

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from .execute import KERNEL, command_output
from .paths import BUILD, NOTEBOOKS, ROOT
from .site import hash_helpers_crate
from .toc import toc_notebooks

STAMPS = BUILD / "kernels" / "warm"
MARKER = "kernel warm"


def dependency_lines(notebook) -> list[str]:
    """The `:opt` and `:dep` lines of a notebook's first code cell."""
    for cell in notebook.cells:
        if cell.cell_type == "code":
            return [line.strip() for line in cell.source.splitlines()
                    if line.strip().startswith((":dep", ":opt"))]
    return []


def dependency_sets() -> list[tuple[str, ...]]:
    """The distinct dependency sets of the chapters, in _toc.yml order."""
    seen: dict[tuple[str, ...], None] = {}
    for path in toc_notebooks():
        lines = tuple(dependency_lines(nbformat.read(path, as_version=4)))
        if lines:
            seen.setdefault(lines, None)
    return list(seen)


def _helpers_digest() -> str:
    digest = hashlib.sha256()
    hash_helpers_crate(digest)
    return digest.hexdigest()


def evcxr_binary() -> str:
    """The evcxr_jupyter that the course's kernel spec starts (behind
    scripts/evcxr_kernel.sh), or a description of why there is none."""
    try:
        argv = KernelSpecManager().get_kernel_spec(KERNEL).argv
    except Exception as e:  # noqa: BLE001 - reported, and warming then fails
        return f"no kernel spec ({e})"
    return next((a for a in argv if a.endswith("evcxr_jupyter")), argv[0])


def _kernel_binary() -> str:
    """The kernel's evcxr_jupyter with its size and mtime, so a different
    evcxr build invalidates the stamps."""
    binary = evcxr_binary()
    try:
        info = (ROOT / binary).stat()  # an absolute path stays absolute
    except OSError:
        return binary
    return f"{binary} {info.st_size} {info.st_mtime_ns}"


def stamp_for(lines: tuple[str, ...], context: str) -> str:
    return hashlib.sha256(json.dumps([lines, context]).encode()).hexdigest()[:16]


def warm_cell_source(lines: tuple[str, ...]) -> str:
    uses_helpers = any(line.startswith(":dep helpers") for line in lines)
    body = "use helpers::prelude::*;\n" if uses_helpers else ""
    return "\n".join(lines) + "\n" + body + f'println!("{MARKER}");'


def warm(timeout: int = 1800) -> bool:
    """Loads each dependency set whose stamp is missing; True if all are warm."""
    context = json.dumps([command_output("rustc", "--version", cwd=str(NOTEBOOKS)), _kernel_binary(), _helpers_digest(),
                          (NOTEBOOKS / "evcxr.toml").read_text()])
    STAMPS.mkdir(parents=True, exist_ok=True)
    sets = dependency_sets()
    ok = True
    for i, lines in enumerate(sets, start=1):
        stamp = STAMPS / stamp_for(lines, context)
        label = f"[{i}/{len(sets)}] " + ", ".join(l.split("=")[0].removeprefix(":dep ").strip()
                                                  for l in lines if l.startswith(":dep"))
        if stamp.exists():
            print(f"    {label}: warm", flush=True)
            continue
        started = time.monotonic()
        notebook = new_notebook(cells=[new_code_cell(warm_cell_source(lines))])
        client = NotebookClient(notebook, kernel_name=KERNEL, timeout=timeout,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        try:
            client.execute()
        except Exception as e:  # a failed warm-up only costs speed, never correctness
            print(f"    {label}: could not warm ({str(e).splitlines()[0]})", flush=True)
            ok = False
            continue
        printed = "".join(o.get("text", "") for o in notebook.cells[0].outputs
                          if o.get("output_type") == "stream")
        if MARKER in printed:
            stamp.write_text("\n".join(lines) + "\n")
            print(f"    {label}: built in {time.monotonic() - started:.0f}s", flush=True)
        else:
            print(f"    {label}: did not print its marker; left cold", flush=True)
            ok = False
    return ok
