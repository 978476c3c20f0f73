"""What makes a notebook fail the build.

Every rule is a pure function from a notebook (as nbformat reads it) to a
list of `Problem`s, so the rules are unit-tested without a kernel. The
reasons behind them come from how evcxr behaves:

* a compile error is an `error` output, but a panic, or an error returned
  by a top-level `?`, only prints to stderr and leaves the cell "ok";
* stderr can arrive one cell late, so the problem is reported where the
  text appeared;
* an exercise check prints `✔ <name> passed (...)` or
  `✘ <name> failed: <hint>` (see the helpers crate's `Check`);
* a claim of the prose is printed beside its measured value as
  `✔ claim holds: ...`, `✘ claim fails on this machine: ...` or
  `? claim untested: ...` (the crate's `Claim`). A claim that fails is not
  a problem, since a busy machine can make it fail; `claims` collects them
  for the execution report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

RAISES = "raises-exception"
STUB = "exercise-stub"
SOLUTION = "exercise-solution"

PASS_LINE = re.compile(r"^✔ (?P<name>.+?) passed \(", re.MULTILINE)
FAIL_LINE = re.compile(r"^✘ (?P<name>.+?) failed: ", re.MULTILINE)
CLAIM_LINE = re.compile(
    r"^(?:✔ claim (?P<holds>holds)|✘ claim (?P<fails>fails) on this machine|\? claim (?P<untested>untested)): "
    r"(?P<statement>.*)$", re.MULTILINE)
CLAIM_VERDICTS = ("holds", "fails", "untested")
# Terminal colour codes in kernel output, removed before quoting it.
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Problem:
    """One reason to fail the build, located as precisely as possible."""

    notebook: str
    kind: str
    detail: str
    cell: int | None = None  # 1-based position among all cells

    def __str__(self) -> str:
        where = f"{self.notebook}" + (f", cell {self.cell}" if self.cell else "")
        return f"[{self.kind}] {where}: {self.detail}"


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def cell_text(cell) -> str:
    """Everything a reader sees as text in a cell's outputs."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") in ("display_data", "execute_result"):
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


def stderr_text(cell) -> str:
    return "".join(
        out.get("text", "")
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    )


def error_text(cell) -> str | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            lines = [out.get("ename", ""), out.get("evalue", "")] + list(out.get("traceback", []))
            return ANSI.sub("", "\n".join(lines)).strip()
    return None


def first_lines(text: str, n: int = 6) -> str:
    lines = [line for line in ANSI.sub("", text).strip().splitlines() if line.strip()]
    more = f" … ({len(lines) - n} more lines)" if len(lines) > n else ""
    return " | ".join(lines[:n]) + more


def verdict_names(cell) -> tuple[set[str], set[str]]:
    """The exercise names a cell's output passed (✔) and failed (✘)."""
    text = cell_text(cell)
    return set(PASS_LINE.findall(text)), set(FAIL_LINE.findall(text))


def claims(nb) -> list[dict]:
    """Every claim verdict in an executed notebook's outputs, in order:
    the cell (1-based), the verdict (holds, fails, untested) and the rest
    of the line (the statement and what was measured)."""
    found = []
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        for m in CLAIM_LINE.finditer(cell_text(cell)):
            verdict = next(k for k in CLAIM_VERDICTS if m.group(k))
            found.append({"cell": i, "verdict": verdict, "statement": m.group("statement").strip()})
    return found


def claim_counts(found: list[dict]) -> dict[str, int]:
    """How many claims held, failed and went untested."""
    return {v: sum(c["verdict"] == v for c in found) for v in CLAIM_VERDICTS}


def claim_summary(found: list[dict]) -> str:
    """'12 hold, 1 fails on this machine, 0 untested'."""
    count = claim_counts(found)
    return (f"{count['holds']} hold, {count['fails']} fail{'s' if count['fails'] == 1 else ''} "
            f"on this machine, {count['untested']} untested")


def claim_report(found: list[dict]) -> list[str]:
    """Lines for a run's log: the summary, then each claim that did not hold
    (they are what a reader of this machine's outputs sees). Not problems:
    a busy machine can make a measurement disagree with the prose."""
    if not found:
        return []
    return [f"claims: {claim_summary(found)}"] + [
        f"  {c['verdict']}: cell {c['cell']}: {c['statement']}" for c in found if c["verdict"] != "holds"]


def executed_problems(nb, name: str) -> list[Problem]:
    """Problems visible in an executed notebook's outputs."""
    problems = []
    failed_in_stubs: set[str] = set()
    passed_in_solutions: set[str] = set()
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        t = tags(cell)
        error = error_text(cell)
        if error is not None and RAISES not in t:
            problems.append(Problem(name, "compile-error", first_lines(error), i))
        if error is None and RAISES in t:
            problems.append(
                Problem(name, "expected-error-missing",
                        f"the cell is tagged {RAISES} but compiled and ran without an error", i))
        undrawn = [
            out for out in cell.get("outputs", [])
            if out.get("output_type") == "execute_result"
            and "image/svg+xml" not in out.get("data", {})
            and "".join(out.get("data", {}).get("text/plain", "")).startswith("Figure {")
        ]
        if undrawn:
            problems.append(
                Problem(name, "figure-not-drawn",
                        "a Figure was printed with Debug instead of drawn: evcxr could not infer the "
                        "cell's last expression's type; bind it first (`let fig = ...?; fig`)", i))
        err = stderr_text(cell)
        if err.strip():
            problems.append(
                Problem(name, "stderr",
                        "output on stderr (a panic or a top-level `?` error; stderr can arrive "
                        f"one cell late): {first_lines(err)}", i))
        text = cell_text(cell)
        passes, fails = verdict_names(cell)
        if STUB in t:
            if passes:
                problems.append(Problem(name, "stub-passes",
                                        f"the exercise stub passes its check ({', '.join(sorted(passes))})", i))
            elif not fails:
                problems.append(Problem(name, "stub-without-verdict",
                                        "the exercise stub printed no failing check", i))
            failed_in_stubs |= fails
        elif SOLUTION in t:
            if fails:
                problems.append(Problem(name, "solution-fails",
                                        f"the worked solution fails its check: {first_lines(text)}", i))
            elif not passes:
                problems.append(Problem(name, "solution-without-verdict",
                                        "the worked solution printed no passing check", i))
            passed_in_solutions |= passes
        elif fails:
            problems.append(Problem(name, "check-fails",
                                    f"a check failed outside an exercise stub: {first_lines(text)}", i))
    for missing in sorted(failed_in_stubs - passed_in_solutions):
        problems.append(Problem(name, "exercise-unpaired",
                                f"{missing}: its stub has no solution cell that passes the same check"))
    for missing in sorted(passed_in_solutions - failed_in_stubs):
        problems.append(Problem(name, "exercise-unpaired",
                                f"{missing}: its solution has no stub cell that fails the same check"))
    return problems


def committed_problems(nb, name: str) -> list[Problem]:
    """A notebook in git must carry no outputs: they are made by the harness."""
    problems = []
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            problems.append(Problem(name, "committed-output",
                                    "outputs or an execution count are saved in the file; "
                                    "clear them (Edit > Clear Outputs of All Cells) before committing", i))
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "rust":
        problems.append(Problem(name, "wrong-kernel", f"kernelspec is {kernel!r}, expected 'rust'"))
    return problems


def toc_problems(in_toc: list[Path], on_disk: list[Path]) -> list[Problem]:
    """Every notebook is in the table of contents, and every entry exists."""
    problems = []
    toc_set, disk_set = set(in_toc), set(on_disk)
    for path in sorted(disk_set - toc_set):
        problems.append(Problem(path.name, "not-in-toc", "the notebook is missing from _toc.yml"))
    for path in sorted(toc_set - disk_set):
        problems.append(Problem(path.name, "missing-notebook", "_toc.yml lists a notebook that does not exist"))
    return problems
