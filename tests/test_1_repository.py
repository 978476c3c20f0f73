"""Rules that need no kernel: the repository's own files, and the rule
functions on small synthetic notebooks."""
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from tests.harness.paths import NOTEBOOKS, ROOT
from tests.harness.rules import (
    committed_problems,
    executed_problems,
    toc_problems,
)
from tests.harness.toc import disk_notebooks, toc_notebooks

FIXTURES = Path(__file__).parent / "fixtures"


def rust_notebook(*cells):
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "rust", "display_name": "Rust", "language": "rust"}
    return nb


def kinds(problems):
    return sorted(p.kind for p in problems)


# --- the repository -----------------------------------------------------------

def test_every_notebook_is_in_the_toc_and_every_entry_exists():
    problems = toc_problems(toc_notebooks(), disk_notebooks())
    assert not problems, "\n".join(map(str, problems))
    assert toc_notebooks(), "the table of contents lists no notebook"


@pytest.mark.parametrize(
    "path", sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(FIXTURES.glob("*.ipynb")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_notebooks_are_committed_without_outputs(path):
    problems = committed_problems(nbformat.read(path, as_version=4), path.name)
    assert not problems, "\n".join(map(str, problems))


# --- the repository rules on broken fixtures -----------------------------------
BROKEN_REPOSITORY = FIXTURES / "repository"


def test_a_notebook_saved_with_outputs_is_caught():
    path = BROKEN_REPOSITORY / "committed_output.ipynb"
    problems = committed_problems(nbformat.read(path, as_version=4), path.name)
    assert kinds(problems) == ["committed-output"]


def test_a_toc_out_of_step_with_the_notebooks_is_caught():
    in_toc = toc_notebooks(BROKEN_REPOSITORY / "_toc.yml", root=BROKEN_REPOSITORY)
    on_disk = disk_notebooks(BROKEN_REPOSITORY / "notebooks")
    problems = toc_problems(in_toc, on_disk)
    assert sorted((p.kind, p.notebook) for p in problems) == [
        ("missing-notebook", "missing.ipynb"), ("not-in-toc", "not_listed.ipynb")]


# --- the rules themselves -------------------------------------------------------

def test_toc_rule_reports_both_directions():
    a, b, c = Path("notebooks/a.ipynb"), Path("notebooks/b.ipynb"), Path("notebooks/c.ipynb")
    problems = toc_problems(in_toc=[a, b], on_disk=[b, c])
    assert kinds(problems) == ["missing-notebook", "not-in-toc"]
    assert {p.notebook for p in problems} == {"a.ipynb", "c.ipynb"}


def test_committed_rule_catches_outputs_and_counts():
    with_output = new_code_cell("1 + 1", outputs=[new_output("stream", name="stdout", text="2\n")])
    with_count = new_code_cell("1 + 1", execution_count=3)
    nb = rust_notebook(new_code_cell("let clean = 1;"), with_output, with_count)
    assert [p.cell for p in committed_problems(nb, "x.ipynb")] == [2, 3]


def test_committed_rule_requires_the_rust_kernel():
    nb = rust_notebook()
    nb.metadata["kernelspec"]["name"] = "python3"
    assert kinds(committed_problems(nb, "x.ipynb")) == ["wrong-kernel"]


def test_a_failing_check_outside_an_exercise_stub_is_a_problem():
    cell = new_code_cell("check", outputs=[new_output(
        "display_data", data={"text/plain": "✘ Exercise 1.1 failed: hint"})])
    assert kinds(executed_problems(rust_notebook(cell), "x.ipynb")) == ["check-fails"]


def test_verdicts_are_read_from_rich_outputs_too():
    stub = new_code_cell("stub", metadata={"tags": ["exercise-stub"]}, outputs=[new_output(
        "execute_result", data={"text/plain": "✘ Exercise 2.1 failed: not yet"}, execution_count=1)])
    solution = new_code_cell("solution", metadata={"tags": ["exercise-solution"]}, outputs=[new_output(
        "display_data", data={"text/plain": "✔ Exercise 2.1 passed (2 checks)"})])
    assert executed_problems(rust_notebook(stub, solution), "x.ipynb") == []


def test_stub_and_solution_must_agree_on_the_exercise_name():
    stub = new_code_cell("stub", metadata={"tags": ["exercise-stub"]}, outputs=[new_output(
        "stream", name="stdout", text="✘ Exercise 2.1 failed: not yet\n")])
    solution = new_code_cell("solution", metadata={"tags": ["exercise-solution"]}, outputs=[new_output(
        "stream", name="stdout", text="✔ Exercise 2.2 passed (1 check)\n")])
    assert kinds(executed_problems(rust_notebook(stub, solution), "x.ipynb")) == [
        "exercise-unpaired", "exercise-unpaired"]


def test_consecutive_stream_outputs_are_joined():
    from tests.harness.execute import coalesce_streams

    cell = new_code_cell("x", outputs=[
        new_output("stream", name="stdout", text="a\n"),
        new_output("stream", name="stdout", text="b\n"),
        new_output("stream", name="stderr", text="warn\n"),
        new_output("stream", name="stdout", text="c\n"),
    ])
    coalesce_streams(cell)
    assert [(o["name"], o["text"]) for o in cell.outputs] == [
        ("stdout", "a\nb\n"), ("stderr", "warn\n"), ("stdout", "c\n")]


def test_a_figure_printed_as_debug_text_is_a_problem():
    cell = new_code_cell("LineChart::new(..).draw()?", outputs=[new_output(
        "execute_result", data={"text/plain": 'Figure { svg: "<svg ...", description: "..." }'},
        execution_count=1)])
    assert kinds(executed_problems(rust_notebook(cell), "x.ipynb")) == ["figure-not-drawn"]


def test_late_stream_output_goes_to_the_cell_before_it_arrived():
    from nbformat.v4 import new_markdown_cell

    from tests.harness.execute import attach_late_streams

    nb = rust_notebook(new_code_cell("first"), new_markdown_cell("text"), new_code_cell("second"))
    # Seen while cell 2 (the second code cell) ran, and after everything ran.
    attach_late_streams(nb, [(2, "stderr", "late panic\n"), (3, "stderr", "very late\n")])
    assert [o["text"] for o in nb.cells[0].outputs] == ["late panic\n"]
    assert [o["text"] for o in nb.cells[2].outputs] == ["very late\n"]
    assert kinds(executed_problems(nb, "x.ipynb")) == ["stderr", "stderr"]
