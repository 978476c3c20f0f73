"""Every chapter, executed on the real kernel in _toc.yml order, once per
run. The executed copies are saved for the site build that follows."""
import pytest

from tests.harness.execute import execute
from tests.harness.rules import claim_report
from tests.harness.site import save_executed
from tests.harness.toc import toc_notebooks


@pytest.mark.parametrize("notebook", toc_notebooks(), ids=lambda p: p.stem)
def test_notebook_runs_clean(notebook):
    print(f"\n==> executing {notebook.name} ...", flush=True)
    result = execute(notebook)
    save_executed(notebook, result.notebook)
    slowest = sorted(enumerate(result.cell_seconds, start=1), key=lambda c: -c[1])[:3]
    print(f"    {notebook.name}: {result.seconds:.1f}s, of which {len(result.wrong_answers)} wrong answers "
          f"{result.wrong_answer_seconds:.1f}s; slowest cells: "
          + ", ".join(f"#{i} {s:.1f}s" for i, s in slowest), flush=True)
    # A claim that fails on this machine is reported, not a failure: a busy
    # machine can make a measurement disagree with the prose.
    for line in claim_report(result.report.get("claims", [])):
        print(f"    {line}", flush=True)
    assert not result.problems, "\n".join(map(str, result.problems))
