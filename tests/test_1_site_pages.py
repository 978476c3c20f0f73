"""The pages the site build generates or rewrites, checked without a kernel:
the execution report, and links to chapters that are not published yet."""
import nbformat
from nbformat.v4 import new_markdown_cell, new_notebook

from tests.harness import site


def executed(tmp_path, name, report):
    nb = new_notebook(cells=[new_markdown_cell(f"# Title of {name}\n\nText.")])
    if report:
        nb.metadata[site.REPORT_KEY] = report
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


REPORT = {"executed_at": "2026-11-21T23:51:29+00:00", "seconds": 129.7, "rustc": "rustc 1.95.0 (abc 2026-04-14)",
          "evcxr_jupyter": "0.22.0", "tokio": "1.54.1", "crates": {"tokio": "1.54.1", "futures": "0.3.34"},
          "cores": 2, "cpu": "Some CPU", "os": "Linux"}


def test_execution_report_lists_each_chapter_and_the_shared_machine(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "executed_copy", lambda notebook: tmp_path / notebook.name)
    a = executed(tmp_path, "01_a", REPORT)
    b = executed(tmp_path, "02_b", dict(REPORT, seconds=61.0, crates={"tokio": "1.54.1"}))
    page = site.execution_report_page([a, b])
    assert "- **Cores available**: `2`" in page
    assert "[Title of 01_a](../notebooks/01_a.ipynb) | 2026-11-21 23:51 | 130 s | 1.54.1 | futures 0.3.34 |" in page
    assert "| 61 s | 1.54.1 | none | 0 / 0 / 0 |" in page
    # Shared values are not repeated as columns.
    assert "| Cores |" not in page


def test_execution_report_shows_what_differs_and_what_was_not_recorded(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "executed_copy", lambda notebook: tmp_path / notebook.name)
    a = executed(tmp_path, "01_a", REPORT)
    b = executed(tmp_path, "02_b", dict(REPORT, cores=8))
    c = executed(tmp_path, "03_c", None)
    page = site.execution_report_page([a, b, c])
    assert "Cores available" not in page
    assert "| Chapter | Executed (UTC) | Time | tokio | Other crates | Cores |" in page
    assert "futures 0.3.34 | 8 |" in page
    assert "[Title of 03_c](../notebooks/03_c.ipynb) | not recorded |" in page


def test_links_to_unlisted_chapters_become_text(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("See [Chapter 5](05_composing_futures.ipynb), [Chapter 13](../notebooks/13_pinning.ipynb#pin) "
                    "and [the glossary](glossary.md#waker).")
    site.unlink_unlisted_chapters(page, {"05_composing_futures.ipynb"})
    assert page.read_text() == ("See [Chapter 5](05_composing_futures.ipynb), Chapter 13 "
                                "and [the glossary](glossary.md#waker).")


def test_the_root_redirect_names_the_site_icon(tmp_path):
    # Without it a browser asks for /favicon.ico and logs a 404.
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "favicon.svg").write_text("<svg/>")
    (tmp_path / "index.html").write_text('<meta http-equiv="Refresh" content="0; url=book/intro.html" />')
    site.add_icon_to_root_redirect(tmp_path)
    site.add_icon_to_root_redirect(tmp_path)  # once only
    text = (tmp_path / "index.html").read_text()
    assert text.count('rel="icon"') == 1 and "_static/favicon.svg" in text and "Refresh" in text


def test_execution_report_counts_claims_and_lists_those_that_did_not_hold(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "executed_copy", lambda notebook: tmp_path / notebook.name)
    claims = [{"cell": 3, "verdict": "holds", "statement": "tasks are cheap (measured 40×)"},
              {"cell": 9, "verdict": "fails", "statement": "the mutex is fair (measured 0.2×)"},
              {"cell": 12, "verdict": "untested", "statement": "limits (no /proc here)"}]
    a = executed(tmp_path, "01_a", dict(REPORT, claims=claims))
    page = site.execution_report_page([a])
    assert "| futures 0.3.34 | 1 / 1 / 1 |" in page
    assert "- Title of 01_a, cell 9 (fails): the mutex is fair (measured 0.2×)" in page
    assert "- Title of 01_a, cell 12 (untested): limits (no /proc here)" in page
    assert "tasks are cheap" not in page
