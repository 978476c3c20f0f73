"""Measures how long the Rust kernel takes per cell, as a reader feels it.

Builds a throw-away notebook that loads the course's dependencies (as every
chapter does) and then runs N trivial cells and N cells that use `run` with
a spawned task, executes it with the harness, and prints the first-cell time
and the median and p90 of each kind of cell.

    .venv/bin/python scripts/cell_latency.py [--cells 20]

Not part of the test suite: timings depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.harness.execute import execute  # noqa: E402
from tests.harness.paths import NOTEBOOKS  # noqa: E402

TRIVIAL = "1 + 1"
WITH_RUN = "run(async { tokio::spawn(async { 40 + 2 }).await.expect(\"no panic\") })"


def setup_cell() -> str:
    """The first cell of a chapter, with the helpers path made absolute."""
    chapter = nbformat.read(NOTEBOOKS / "00_welcome.ipynb", as_version=4)
    first = next(c for c in chapter.cells if c.cell_type == "code")
    return first.source.replace("../helpers", str(NOTEBOOKS.parent / "helpers"))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=20, help="cells of each kind (default 20)")
    args = parser.parse_args()

    cells = [new_code_cell(setup_cell()), new_code_cell("use helpers::prelude::*;")]
    cells += [new_code_cell(TRIVIAL) for _ in range(args.cells)]
    cells += [new_code_cell(WITH_RUN) for _ in range(args.cells)]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "rust", "display_name": "Rust", "language": "rust"}

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cell_latency.ipynb"
        nbformat.write(nb, path)
        result = execute(path)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return 1

    times = result.cell_seconds
    trivial = times[2:2 + args.cells]
    with_run = times[2 + args.cells:2 + 2 * args.cells]
    print(f"first cell (dependencies): {times[0]:.1f} s")
    print(f"first code cell after it:  {times[1]:.2f} s")
    for label, values in [("trivial cell", trivial), ("run + spawn cell", with_run)]:
        print(f"{label:<18} median {statistics.median(values):.2f} s, "
              f"p90 {percentile(values, 90):.2f} s over {len(values)} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
