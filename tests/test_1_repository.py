"""Rules that need no kernel: the repository's own files, and the rule
functions on small synthetic notebooks."""
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from tests.harness.paths import NOTEBOOKS, ROOT
from tests.harness.rules import (
    claim_report,
    claims,
    committed_problems,
    executed_problems,
    toc_problems,
)
from tests.harness.toc import disk_notebooks, toc_notebooks
from tests.harness.wrong_answers import WrongAnswer, exercise_labels, exercise_stubs, folder_for, judge
from tests.harness.wrong_answers import load as load_wrong_answers

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


def test_the_readme_walks_a_newcomer_through_in_order():
    """The README is the learner's path: install, open JupyterLab, start at
    the welcome chapter, then the tests; maintainers' material lives in
    CONTRIBUTING.md, which it links. Every relative link in the two files
    names a file that exists."""
    import re

    readme = (ROOT / "README.md").read_text()
    steps = ["make setup", "make lab", "00_welcome", "make test"]
    missing = [step for step in steps if step not in readme]
    assert not missing, f"README.md never mentions {missing}"
    first = {step: readme.index(step) for step in steps}
    assert sorted(steps, key=first.get) == steps, (
        f"README.md should first mention {' then '.join(steps)}, "
        f"but mentions them in the order {sorted(steps, key=first.get)}")

    assert (ROOT / "CONTRIBUTING.md").is_file(), "CONTRIBUTING.md is missing"
    assert re.search(r"\]\(CONTRIBUTING\.md(#[\w-]+)?\)", readme), "README.md does not link CONTRIBUTING.md"

    broken = []
    for name in ("README.md", "CONTRIBUTING.md"):
        # Links in code (a chapter's link written as an example) are not links.
        text = re.sub(r"```.*?```|`[^`\n]*`", "", (ROOT / name).read_text(), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            path = target.split("#", 1)[0]
            if path and "://" not in path and not (ROOT / path).exists():
                broken.append(f"{name}: {target}")
    assert not broken, "links to files that do not exist:\n" + "\n".join(broken)


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


def test_claims_are_collected_and_a_failed_claim_is_no_problem():
    cell = new_code_cell("measure", outputs=[new_output("stream", name="stdout", text=(
        "threads: 42 µs\n"
        "✔ claim holds: tasks are cheap (measured 40.0×, needs at least 10×)\n"
        "✘ claim fails on this machine: the lock is fair (measured 0.20×, needs at least 0.5×)\n"
        "? claim untested: threads hit vm.max_map_count (not Linux)\n"))])
    nb = rust_notebook(cell)
    assert executed_problems(nb, "x.ipynb") == []
    found = claims(nb)
    assert [(c["cell"], c["verdict"]) for c in found] == [(1, "holds"), (1, "fails"), (1, "untested")]
    assert found[1]["statement"] == "the lock is fair (measured 0.20×, needs at least 0.5×)"
    assert claim_report(found) == [
        "claims: 1 hold, 1 fails on this machine, 1 untested",
        "  fails: cell 1: the lock is fair (measured 0.20×, needs at least 0.5×)",
        "  untested: cell 1: threads hit vm.max_map_count (not Linux)"]


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


# --- wrong answers (tests/wrong_answers/README.md) --------------------------------
# Every exercise ships with the mistakes its check must reject; the harness
# runs them on the kernel (test_3), these tests need none.
MIN_WRONG_ANSWERS = 2


@pytest.mark.parametrize("notebook", toc_notebooks(), ids=lambda p: p.stem)
def test_every_exercise_has_its_wrong_answers(notebook):
    nb = nbformat.read(notebook, as_version=4)
    labels = exercise_labels(nb)
    answers, problems = load_wrong_answers(folder_for(notebook), notebook.name, labels)
    stubs = exercise_stubs(nb)
    few = [f"{label}: {sum(a.label == label for a in answers)}" for label in labels
           if sum(a.label == label for a in answers) < MIN_WRONG_ANSWERS]
    assert not problems, "\n".join(map(str, problems))
    assert sorted(stubs) == sorted(labels), "every exercise needs a cell tagged exercise-stub"
    assert not few, (f"exercises with fewer than {MIN_WRONG_ANSWERS} wrong answers in "
                     f"{folder_for(notebook).relative_to(ROOT)}: {', '.join(few)}")


def test_exercise_stubs_pair_each_label_with_the_stub_after_it():
    from nbformat.v4 import new_markdown_cell

    nb = rust_notebook(
        new_markdown_cell("```{exercise-start}\n:label: first\n```\ntext"),
        new_code_cell("fn check() {}"),
        new_code_cell("stub", metadata={"tags": ["exercise-stub"]}),
        new_code_cell("solution", metadata={"tags": ["exercise-solution"]}),
        new_markdown_cell("```{exercise-start}\n:label: second\n```"),
        new_code_cell("stub 2", metadata={"tags": ["exercise-stub"]}),
    )
    assert exercise_stubs(nb) == {"first": 2, "second": 5}
    assert exercise_labels(nb) == ["first", "second"]


def wrong(expect="ran one after the other"):
    return WrongAnswer("ex", "sequential", Path("tests/wrong_answers/x/ex/sequential.rs"),
                       "awaits in sequence", expect, "source")


def printed(text, name="stdout"):
    return new_code_cell("wrong", outputs=[new_output("stream", name=name, text=text)])


def test_a_wrong_answer_rejected_with_its_hint_is_no_problem():
    cell = printed("✘ Exercise 2.1 failed: the waits ran one after the other (61 ms)\n")
    assert judge(wrong(), cell, {"Exercise 2.1"}, "x.ipynb", 3) == []


def test_a_wrong_answer_that_passes_or_gives_no_verdict_is_caught():
    passes = printed("✔ Exercise 2.1 passed (3 checks)\n")
    silent = printed("nothing to see\n")
    other = printed("✘ Exercise 9.9 failed: ran one after the other\n")
    for cell in (passes, silent, other):
        assert kinds(judge(wrong(), cell, {"Exercise 2.1"}, "x.ipynb", 3)) == ["wrong-answer-passes"]


def test_a_wrong_answer_rejected_for_another_reason_is_caught():
    cell = printed("✘ Exercise 2.1 failed: it took too long\n")
    [problem] = judge(wrong(), cell, {"Exercise 2.1"}, "x.ipynb", 3)
    assert problem.kind == "wrong-answer-unnamed" and "it took too long" in problem.detail


def test_a_wrong_answer_that_panics_or_does_not_compile_is_caught():
    panics = new_code_cell("wrong", outputs=[
        new_output("stream", name="stdout", text="✘ Exercise 2.1 failed: ran one after the other\n"),
        new_output("stream", name="stderr", text="thread 'main' panicked\n")])
    broken = new_code_cell("wrong", outputs=[new_output(
        "error", ename="Error", evalue="mismatched types", traceback=["E0308"])])
    assert kinds(judge(wrong(), panics, {"Exercise 2.1"}, "x.ipynb", 3)) == ["wrong-answer-broken"]
    assert kinds(judge(wrong(), broken, {"Exercise 2.1"}, "x.ipynb", 3)) == ["wrong-answer-broken"]


def test_wrong_answer_files_need_their_header_and_an_exercise(tmp_path):
    (tmp_path / "ex").mkdir()
    (tmp_path / "gone").mkdir()
    (tmp_path / "ex" / "good.rs").write_text("// mistake: m\n// expect: e\nfn f() {}\n")
    (tmp_path / "ex" / "bare.rs").write_text("fn f() {}\n")
    (tmp_path / "gone" / "old.rs").write_text("// mistake: m\n// expect: e\n")
    answers, problems = load_wrong_answers(tmp_path, "x.ipynb", ["ex"])
    assert [(a.name, a.mistake, a.expect) for a in answers] == [("good", "m", "e")]
    assert kinds(problems) == ["wrong-answer-header", "wrong-answer-orphan"]


def test_a_wrong_answer_the_types_rule_out_must_fail_to_compile_with_its_error():
    answer = WrongAnswer("ex", "unpin-bound", Path("x.rs"), "F: Unpin", "cannot be unpinned", "source",
                         compile_error=True)
    rejected = new_code_cell("wrong", outputs=[new_output(
        "error", ename="Error", evalue="`PhantomPinned` cannot be unpinned", traceback=[])])
    other = new_code_cell("wrong", outputs=[new_output(
        "error", ename="Error", evalue="mismatched types", traceback=[])])
    compiled = printed("✘ Exercise 2.1 failed: whatever\n")
    assert judge(answer, rejected, {"Exercise 2.1"}, "x.ipynb", 3) == []
    assert kinds(judge(answer, other, {"Exercise 2.1"}, "x.ipynb", 3)) == ["wrong-answer-unnamed"]
    assert kinds(judge(answer, compiled, {"Exercise 2.1"}, "x.ipynb", 3)) == ["wrong-answer-passes"]
