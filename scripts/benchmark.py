"""Measures how fast the course runs, against evcxr with its defaults.

    .venv/bin/python scripts/benchmark.py [--cells 20] [--runs 3]
        [--skip-course] [--fresh-install] [--out benchmarks/results.md]

Everything is measured in this one run, on this machine, and written as a
markdown table (default: benchmarks/results.md) with the date and the
machine it ran on. It takes about half an hour with the whole course (each
notebook runs twice: once with the course's settings, once with evcxr's
defaults); `--skip-course` leaves that part out. Not part of `make test`:
the figures depend on the machine and on whatever else it is doing.

Two set-ups run the same notebooks:

* **course**: the kernel as `make lab` / `make test` start it, through
  scripts/evcxr_kernel.sh (a build folder per kernel that outlives it) and
  with notebooks/evcxr.toml (evcxr's compilation cache on);
* **plain evcxr**: the same evcxr_jupyter binary started directly, in a
  folder without evcxr.toml: a fresh temporary build folder per kernel and
  no compilation cache, which is what evcxr does when nothing is configured.

What it measures:

1. the set-up command's no-op path (`scripts/setup.sh` when everything is
   installed and warm; `make lab` runs it before starting JupyterLab) and,
   with `--fresh-install`, a fresh install in a clone with an empty cargo
   home (adds about 15 minutes);
2. first output: from asking for a kernel to the output of a notebook whose
   first cell loads the helpers (a chapter's dependency cell, then a cell
   that prints), with caches warm and, for the course, with caches empty;
3. warm per-cell latency: `--cells` trivial cells and `--cells` cells that
   call `run` with a spawned task, after the dependency cell;
4. the whole course, each notebook in its own kernel, and the book build
   from the executed notebooks.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.harness.execute import KERNEL as COURSE_KERNEL  # noqa: E402
from tests.harness.execute import command_output, core_count, cpu_model, execute  # noqa: E402
from tests.harness.paths import BUILD, NOTEBOOKS  # noqa: E402
from tests.harness.site import build, save_executed  # noqa: E402
from tests.harness.toc import toc_notebooks  # noqa: E402
from tests.harness.warm import dependency_lines, evcxr_binary  # noqa: E402

BENCH = BUILD / "benchmark"
PLAIN_KERNEL = "rust-plain"
TRIVIAL = "1 + 1"
WITH_RUN = 'run(async { tokio::spawn(async { 40 + 2 }).await.expect("no panic") })'
FIRST_OUTPUT = 'use helpers::prelude::*;\nprintln!("first output: {}", format_duration(std::time::Duration::from_millis(1)));'


# --- the two set-ups ---------------------------------------------------------------

def make_plain_setup() -> Path:
    """A kernel spec that starts evcxr directly, and a copy of the notebooks in
    a folder without evcxr.toml (with `../helpers` pointing at the crate)."""
    spec_dir = BENCH / "jupyter" / "kernels" / PLAIN_KERNEL
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [evcxr_binary(), "--control_file", "{connection_file}"],
        "display_name": "Rust (plain evcxr)", "language": "rust", "interrupt_mode": "message",
    }))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(BENCH / "jupyter")] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])
    plain = BENCH / "plain"
    if plain.exists():
        shutil.rmtree(plain)
    (plain / "notebooks").mkdir(parents=True)
    (plain / "helpers").symlink_to(ROOT / "helpers")
    for notebook in NOTEBOOKS.glob("*.ipynb"):
        shutil.copy(notebook, plain / "notebooks" / notebook.name)
    return plain / "notebooks"


@contextmanager
def empty_caches():
    """Kernels started inside see no build folders and an empty evcxr cache."""
    saved = {k: os.environ.get(k) for k in ("ASYNC_RUST_LIVE_KERNELS_DIR", "XDG_CACHE_HOME")}
    with tempfile.TemporaryDirectory() as slots, tempfile.TemporaryDirectory() as cache:
        os.environ["ASYNC_RUST_LIVE_KERNELS_DIR"] = slots
        os.environ["XDG_CACHE_HOME"] = cache
        try:
            yield
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def dependency_cell() -> str:
    """Chapter 00's dependency cell (its `:opt` and `:dep` lines)."""
    return "\n".join(dependency_lines(nbformat.read(NOTEBOOKS / "00_welcome.ipynb", as_version=4)))


def run_probe(folder: Path, kernel: str, cells: list[str], name: str):
    """Executes a throw-away notebook from `folder` (the kernel's working
    folder, where evcxr looks for evcxr.toml); returns the harness's result."""
    nb = new_notebook(cells=[new_code_cell(source) for source in cells])
    nb.metadata["kernelspec"] = {"name": "rust", "display_name": "Rust", "language": "rust"}
    path = folder / f"zz_benchmark_{name}.ipynb"
    nbformat.write(nb, path)
    try:
        result = execute(path, kernel=kernel, with_wrong_answers=False)
    finally:
        path.unlink(missing_ok=True)
    if result.problems:
        raise SystemExit(f"benchmark notebook {name} failed: " + "; ".join(map(str, result.problems)))
    return result


# --- measurements ------------------------------------------------------------------

def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def timed(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> float:
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return time.monotonic() - started


def setup_noop(runs: int) -> list[float]:
    return [timed(["bash", "scripts/setup.sh"]) for _ in range(runs)]


def fresh_install() -> float:
    with tempfile.TemporaryDirectory() as scratch:
        clone, cargo_home = Path(scratch) / "course", Path(scratch) / "cargo"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        env = dict(os.environ, CARGO_HOME=str(cargo_home),
                   XDG_CACHE_HOME=str(Path(scratch) / "cache"))
        env.pop("JUPYTER_PATH", None)
        return timed(["bash", "scripts/setup.sh"], env=env, cwd=clone)


def first_output(folder: Path, kernel: str, name: str) -> float:
    """Seconds from asking for a kernel to the end of the printing cell."""
    return run_probe(folder, kernel, [dependency_cell(), FIRST_OUTPUT], name).seconds


def cell_latency(folder: Path, kernel: str, cells: int, name: str) -> dict[str, list[float]]:
    sources = [dependency_cell(), "use helpers::prelude::*;"] + [TRIVIAL] * cells + [WITH_RUN] * cells
    times = run_probe(folder, kernel, sources, name).cell_seconds
    return {"trivial": times[2:2 + cells], "run": times[2 + cells:2 + 2 * cells]}


def whole_course(folder: Path, kernel: str, save: bool) -> dict[str, float]:
    seconds = {}
    for notebook in toc_notebooks():
        # A reader's time: the test suite's wrong answers are not part of it.
        result = execute(folder / notebook.name, kernel=kernel, with_wrong_answers=False)
        if result.problems:
            raise SystemExit(f"{notebook.name} failed under {kernel}: " + "; ".join(map(str, result.problems)))
        if save:
            save_executed(notebook, result.notebook)
        seconds[notebook.stem] = result.seconds
        print(f"    {notebook.stem} ({kernel}): {result.seconds:.1f} s", flush=True)
    return seconds


# --- report ------------------------------------------------------------------------

def machine() -> str:
    def out(*cmd):
        return command_output(*cmd, cwd=str(NOTEBOOKS))
    mem_kib = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    return (f"{core_count()} cores ({cpu_model()}), {mem_kib / 2**20:.0f} GiB, "
            f"{platform.system()} {platform.release()}; {out('rustc', '--version')}; "
            + next((line.rstrip(":") for line in out("cargo", "install", "--list").splitlines()
                    if line.startswith("evcxr_jupyter ")), "evcxr_jupyter (version unknown)"))


def fmt(seconds: float) -> str:
    if seconds >= 120:
        return f"{int(seconds // 60)} min {seconds % 60:02.0f} s"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=20, help="cells of each kind for latency (default 20)")
    parser.add_argument("--runs", type=int, default=3, help="repeats of the cheap measurements (default 3)")
    parser.add_argument("--skip-course", action="store_true", help="leave out the whole-course runs")
    parser.add_argument("--fresh-install", action="store_true", help="also time a fresh install")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    BENCH.mkdir(parents=True, exist_ok=True)
    plain_notebooks = make_plain_setup()
    # The course's probes run where a reader's notebooks do (notebooks/, with
    # its evcxr.toml); each probe file is removed as soon as it has run.
    course_folder = NOTEBOOKS
    rows: list[tuple[str, str, str, str, str]] = []  # what, course, plain, ratio, target

    def row(what, course, plain=None, target=""):
        ratio = f"{plain / course:.1f}×" if plain is not None and course > 0 else ""
        rows.append((what, fmt(course), fmt(plain) if plain is not None else "", ratio, target))
        print(f"==> {what}: course {fmt(course)}" + (f", plain {fmt(plain)} ({ratio})" if plain else ""), flush=True)

    print("==> set-up, no-op path", flush=True)
    noop = setup_noop(args.runs)
    row("set-up command, already installed (median)", statistics.median(noop))
    if args.fresh_install:
        print("==> set-up, fresh install (about 15 minutes)", flush=True)
        row("set-up command, fresh install", fresh_install())

    print("==> first output", flush=True)
    first_output(course_folder, COURSE_KERNEL, "prime")  # leaves this set of deps warm
    course_warm = [first_output(course_folder, COURSE_KERNEL, f"first{i}") for i in range(args.runs)]
    plain_warm = [first_output(plain_notebooks, PLAIN_KERNEL, f"first{i}") for i in range(args.runs)]
    row("first output, caches warm (median)", statistics.median(course_warm), statistics.median(plain_warm), "≤ 5 s; ≥ 3× faster")
    with empty_caches():
        course_cold = first_output(course_folder, COURSE_KERNEL, "cold")
    row("first output, caches empty", course_cold, statistics.median(plain_warm))

    print("==> per-cell latency", flush=True)
    course_cells = cell_latency(course_folder, COURSE_KERNEL, args.cells, "cells")
    plain_cells = cell_latency(plain_notebooks, PLAIN_KERNEL, args.cells, "cells")
    for kind, label, target in [("trivial", "trivial cell", "median ≤ 0.5 s"), ("run", "cell with run + spawn", "")]:
        row(f"{label}, median of {args.cells}", statistics.median(course_cells[kind]),
            statistics.median(plain_cells[kind]), target)
        row(f"{label}, p90 of {args.cells}", percentile(course_cells[kind], 90), percentile(plain_cells[kind], 90))

    course_total = plain_total = None
    if not args.skip_course:
        print("==> whole course, course settings", flush=True)
        course_total = whole_course(NOTEBOOKS, COURSE_KERNEL, save=True)
        print("==> whole course, plain evcxr", flush=True)
        plain_total = whole_course(plain_notebooks, PLAIN_KERNEL, save=False)
        row(f"whole course, {len(course_total)} notebooks", sum(course_total.values()),
            sum(plain_total.values()), "≤ 10 min")
        print("==> book build from the executed notebooks", flush=True)
        t0 = time.monotonic()
        built = build()
        if built.returncode != 0:
            raise SystemExit("the book build failed:\n" + built.stdout[-3000:] + built.stderr[-3000:])
        row("book build from executed notebooks", time.monotonic() - t0, None, "≤ 1 min")

    lines = [
        "# How fast the course runs",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `.venv/bin/python scripts/benchmark.py"
        + (" --fresh-install" if args.fresh_install else "") + (" --skip-course" if args.skip_course else "")
        + f" --cells {args.cells} --runs {args.runs}`, in one run.",
        "",
        f"Machine: {machine()}.",
        "",
        "*course*: the kernel as `make lab` and `make test` start it (a build folder per kernel that",
        "outlives it, scripts/evcxr_kernel.sh; evcxr's compilation cache on, notebooks/evcxr.toml).",
        "*plain evcxr*: the same evcxr started directly with nothing configured (a fresh build folder per",
        "kernel, no cache). Ratio = plain / course.",
        "",
        "| measurement | course | plain evcxr | ratio | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ] + [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
    if course_total and plain_total:
        lines += ["", "Per notebook (seconds, kernel start to last cell):", "",
                  "| notebook | course | plain evcxr |", "| --- | ---: | ---: |"]
        lines += [f"| {k} | {course_total[k]:.1f} | {plain_total[k]:.1f} |" for k in course_total]
    lines += ["", f"Raw samples: set-up no-op {[round(x, 2) for x in noop]}; first output warm, course "
              f"{[round(x, 1) for x in course_warm]}, plain {[round(x, 1) for x in plain_warm]}.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print(f"==> wrote {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
