"""Wrong answers: the mistakes each exercise's check must reject.

A wrong answer is a file `tests/wrong_answers/<stem>/<label>/<mistake>.rs`
(see tests/wrong_answers/README.md): a cell that takes the place of the
exercise's stub, headed by two comment lines,

    // mistake: what the learner did wrong
    // expect: text one of the check's ✘ lines must contain

or, for a mistake the exercise's types rule out,

    // expect compile error: text the compiler's error must contain

`execute.execute` runs each one in the chapter's kernel right after the
stub cell; the functions here find the exercises, read the files and judge
what a wrong answer's cell printed. They need no kernel, so they are
unit-tested on synthetic cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .paths import NOTEBOOKS, ROOT
from .rules import CLAIM_LINE, STUB, Problem, cell_text, error_text, first_lines, stderr_text, tags, verdict_names

WRONG_ANSWERS = ROOT / "tests" / "wrong_answers"
# The two header lines every wrong answer starts with.
HEADER = re.compile(r"\A//\s*mistake:\s*(?P<mistake>\S.*)\n"
                    r"//\s*expect(?P<compile_error> compile error)?:\s*(?P<expect>\S.*)\n")
# `:label: name` inside an `exercise-start` directive.
EXERCISE_START = re.compile(r"```\{exercise-start\}\s*\n:label:\s*(?P<label>\S+)")


@dataclass(frozen=True)
class WrongAnswer:
    """One known mistake on one exercise."""

    label: str     # the exercise's :label:
    name: str      # the file's name without .rs: the mistake in a few words
    path: Path
    mistake: str   # the `// mistake:` line
    expect: str    # the `// expect:` line: what its ✘ hint (or compile error) must say
    source: str    # the whole file: the cell that replaces the stub
    compile_error: bool = False  # `// expect compile error:` the types rule it out

    @property
    def where(self) -> str:
        try:
            return str(self.path.relative_to(ROOT))
        except ValueError:
            return str(self.path)


def folder_for(notebook: Path) -> Path:
    """Where a notebook's wrong answers live: `tests/wrong_answers/<stem>`
    for a chapter, or a `wrong_answers/<stem>` folder beside any other
    notebook that has one (the harness's own fixtures)."""
    beside = notebook.parent / "wrong_answers" / notebook.stem
    if notebook.parent.resolve() != NOTEBOOKS.resolve() and beside.is_dir():
        return beside
    return WRONG_ANSWERS / notebook.stem


def exercise_stubs(nb) -> dict[str, int]:
    """Each exercise's label and the 0-based index of its stub cell: the
    first `exercise-stub` code cell after the `exercise-start` directive."""
    stubs: dict[str, int] = {}
    label = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            found = EXERCISE_START.search(cell.source)
            if found:
                label = found["label"]
        elif cell.cell_type == "code" and STUB in tags(cell) and label is not None:
            stubs.setdefault(label, index)
            label = None
    return stubs


def exercise_labels(nb) -> list[str]:
    """Every exercise label in a notebook, in order (with or without a stub)."""
    return [m["label"] for cell in nb.cells if cell.cell_type == "markdown"
            for m in EXERCISE_START.finditer(cell.source)]


def load(folder: Path, name: str, labels: list[str]) -> tuple[list[WrongAnswer], list[Problem]]:
    """Reads every wrong answer in `folder` (`<label>/<mistake>.rs`).

    Files without their header lines, and folders that name no exercise in
    `labels`, are problems: they would silently test nothing.
    """
    answers: list[WrongAnswer] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return answers, problems
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        files = sorted(sub.glob("*.rs"))
        if sub.name not in labels:
            problems.append(Problem(
                name, "wrong-answer-orphan",
                f"{sub.relative_to(folder.parent)}: no exercise of this chapter has the label "
                f"{sub.name!r} (labels: {', '.join(labels) or 'none'}); rename the folder"))
            continue
        for path in files:
            source = path.read_text()
            header = HEADER.match(source)
            if not header:
                problems.append(Problem(
                    name, "wrong-answer-header",
                    f"{path.relative_to(folder.parent)}: the file must start with "
                    "'// mistake: ...' and '// expect: ...' lines (tests/wrong_answers/README.md)"))
                continue
            answers.append(WrongAnswer(sub.name, path.stem, path, header["mistake"].strip(),
                                       header["expect"].strip(), source, bool(header["compile_error"])))
    return answers, problems


def fail_lines(cell) -> list[str]:
    """A check's ✘ lines; a claim that failed (the crate's `Claim`) is a
    measurement, not a rejection of the answer."""
    return [line for line in cell_text(cell).splitlines()
            if line.startswith("✘ ") and not CLAIM_LINE.match(line)]


def judge(answer: WrongAnswer, cell, check_names: set[str], name: str, stub_cell: int) -> list[Problem]:
    """Problems with one executed wrong answer.

    `check_names` are the exercise names its stub's ✘ lines gave (empty if
    the stub printed none; any ✘ then counts). A wrong answer must compile,
    print nothing on stderr, fail that check, and be told about its mistake:
    one ✘ line contains its `expect` text. One marked `compile_error` must
    instead fail to compile with an error that contains that text.
    """
    def problem(kind: str, detail: str) -> Problem:
        return Problem(name, kind, f"{answer.where} ({answer.mistake}): {detail}", stub_cell)

    error = error_text(cell)
    if answer.compile_error:
        # The exercise's types are meant to rule this mistake out.
        if error is None:
            return [problem("wrong-answer-passes",
                            "compiled, though the exercise's types should rule it out: "
                            f"{first_lines(cell_text(cell), 3)}")]
        if answer.expect not in error:
            return [problem("wrong-answer-unnamed",
                            f"failed to compile, but the error does not say {answer.expect!r}: "
                            f"{first_lines(error, 4)}")]
        return []
    if error is not None:
        return [problem("wrong-answer-broken",
                        f"does not compile, so it tests nothing: {first_lines(error, 4)}")]
    problems = []
    err = stderr_text(cell)
    if err.strip():
        problems.append(problem(
            "wrong-answer-broken",
            "printed on stderr (a panic?); a check must catch what a learner's mistake throws "
            f"and turn it into a ✘ hint: {first_lines(err, 3)}"))
    passed, failed = verdict_names(cell)
    relevant_fails = failed & check_names if check_names else failed
    if (passed & check_names if check_names else passed) or not relevant_fails:
        what = "printed ✔" if passed else "printed no ✘ verdict"
        wanted = ", ".join(sorted(check_names)) or "its exercise"
        problems.append(problem(
            "wrong-answer-passes",
            f"{what} for {wanted}; the check must reject this mistake: {first_lines(cell_text(cell), 3)}"))
    elif not any(answer.expect in line for line in fail_lines(cell)):
        problems.append(problem(
            "wrong-answer-unnamed",
            f"rejected, but no ✘ line says {answer.expect!r}; the hint must name the mistake. "
            f"It said: {' | '.join(fail_lines(cell)) or 'nothing'}"))
    return problems
