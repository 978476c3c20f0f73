"""Each deliberately broken fixture notebook, run on the real evcxr kernel,
must produce exactly the problems it was written to cause; the good one
must produce none. This proves every rule catches what evcxr really does."""
from pathlib import Path

import nbformat
import pytest

from tests.harness.execute import execute
from tests.harness.rules import cell_text

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED = {
    # A cell that compiles and runs, a compile error tagged raises-exception,
    # a stub whose check fails and a solution whose check passes.
    "good": [],
    "compile_error": ["compile-error"],
    "raises_but_compiles": ["expected-error-missing"],
    # A panic leaves the cell "ok"; only stderr shows it.
    "panic": ["stderr"],
    # `?` on an Err at top level: also only stderr.
    "question_mark": ["stderr"],
    # A thread panics after its cell ended; the harness's final flush sees it.
    "late_panic": ["stderr"],
    # The sleeping cell is killed at the (shortened) time limit; evcxr then
    # reports the killed subprocess as an error output of that cell.
    "timeout": ["compile-error", "timeout"],
    "stub_passes": ["exercise-unpaired", "stub-passes"],
    "solution_fails": ["exercise-unpaired", "solution-fails"],
    # Wrong answers (fixtures/wrong_answers/weak_check/): one rejected with
    # its hint and one by the compiler as its header expects (no problem), one the weak check passes, one rejected with the
    # wrong hint, one that does not compile, one without its header lines,
    # and a folder named after no exercise.
    "weak_check": ["wrong-answer-broken", "wrong-answer-header", "wrong-answer-orphan",
                      "wrong-answer-passes", "wrong-answer-unnamed"],
}


def test_every_fixture_has_an_expectation():
    assert sorted(p.stem for p in FIXTURES.glob("*.ipynb")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_fixture_gives_exactly_its_problems(name):
    result = execute(FIXTURES / f"{name}.ipynb", cell_timeout=10)
    found = sorted(p.kind for p in result.problems)
    assert found == EXPECTED[name], "\n".join(map(str, result.problems)) or "no problems found"
    if name == "weak_check":
        # Each wrong answer ran (all but the headerless one), in the stub's
        # place and before the solution, and left no cell behind.
        ran = {w["name"]: w for w in result.wrong_answers}
        assert sorted(ran) == ["adds-one", "adds-two", "does-not-compile", "float-factor", "triples"]
        assert ran["adds-one"]["fail_lines"] == ["✘ Exercise W.1 failed: it adds one; multiply by two"]
        assert ran["adds-one"]["problems"] == []
        # Rejected by the compiler, as its header expects.
        assert ran["float-factor"]["problems"] == [] and ran["float-factor"]["fail_lines"]
        source = nbformat.read(FIXTURES / f"{name}.ipynb", as_version=4)
        assert [c.source for c in result.notebook.cells] == [c.source for c in source.cells]
        # The solution, run after the wrong answers, still passes.
        assert "✔ Exercise W.1 passed" in cell_text(result.notebook.cells[5])
