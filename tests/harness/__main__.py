"""Command line: `python -m tests.harness execute [NAME ...]`, `... book`,
`... warm` or `... exercises`.

`execute` runs chapter notebooks (all, in _toc.yml order, or the named ones)
with their exercises' wrong answers and prints every problem; `warm` builds
every chapter's dependencies into the kernels' build folders (see warm.py);
`book` executes whatever is not already executed from the current sources,
then builds the site into _build/html; `exercises` lists every exercise
with its wrong answers, one tab-separated line each.
"""
from __future__ import annotations

import argparse
import sys
import time

from .execute import execute
from .rules import claim_report
from .site import build, is_fresh, save_executed
from .toc import toc_notebooks
from .warm import warm
from .wrong_answers import exercise_labels, folder_for, load


def run_notebooks(names: list[str], reuse: bool) -> bool:
    notebooks = toc_notebooks()
    if names:
        notebooks = [n for n in notebooks if n.stem in names or n.name in names]
    ok = True
    for i, notebook in enumerate(notebooks, start=1):
        label = f"[{i}/{len(notebooks)}] {notebook.name}"
        if reuse and is_fresh(notebook):
            print(f"==> {label}: executed copy is up to date", flush=True)
            continue
        print(f"==> {label}: executing on the Rust kernel ...", flush=True)
        # `book` only needs the outputs a reader sees; the wrong answers are
        # the test suite's work (and `execute`'s, for a chapter's author).
        result = execute(notebook, with_wrong_answers=not reuse)
        save_executed(notebook, result.notebook)
        status = "ok" if not result.problems else f"{len(result.problems)} problem(s)"
        print(f"    {status} in {result.seconds:.1f}s "
              f"({len(result.wrong_answers)} wrong answers in {result.wrong_answer_seconds:.1f}s)", flush=True)
        for line in claim_report(result.report.get("claims", [])):
            print(f"    {line}", flush=True)
        for problem in result.problems:
            print(f"    {problem}", flush=True)
        ok &= not result.problems
    return ok


def list_exercises() -> bool:
    """chapter, exercise label, number of wrong answers, their names."""
    import nbformat

    ok = True
    for notebook in toc_notebooks():
        labels = exercise_labels(nbformat.read(notebook, as_version=4))
        answers, problems = load(folder_for(notebook), notebook.name, labels)
        for label in labels:
            names = [a.name for a in answers if a.label == label]
            print("\t".join([notebook.stem, label, str(len(names)), ", ".join(names)]))
        for problem in problems:
            print(problem, file=sys.stderr)
        ok &= not problems
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.harness")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute chapter notebooks and report problems")
    ex.add_argument("names", nargs="*", help="notebook names (default: all, in _toc.yml order)")
    sub.add_parser("book", help="build the site into _build/html from executed notebooks")
    sub.add_parser("warm", help="build every chapter's dependencies for the next kernels")
    sub.add_parser("exercises", help="list every exercise with its wrong answers (tab-separated)")
    args = parser.parse_args(argv)

    if args.command == "exercises":
        return 0 if list_exercises() else 1

    if args.command == "warm":
        return 0 if warm() else 1

    if args.command == "execute":
        return 0 if run_notebooks(args.names, reuse=False) else 1

    if not run_notebooks([], reuse=True):
        print("error: fix the notebook problems above before building the site", file=sys.stderr)
        return 1
    print("==> building the site with jupyter-book (warnings are errors) ...", flush=True)
    started = time.monotonic()
    result = build()
    if result.returncode != 0:
        print(result.stdout[-6000:], result.stderr[-6000:], sep="\n", file=sys.stderr)
        print("error: the site build failed", file=sys.stderr)
        return 1
    print(f"    built _build/html in {time.monotonic() - started:.1f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
