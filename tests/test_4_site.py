"""The static site, built from the notebooks test_3 executed (nothing runs
twice), with Sphinx warnings as errors; then the pages are checked."""
import re

import pytest

from tests.harness.paths import HTML
from tests.harness.site import build, executed_copy
from tests.harness.toc import toc_notebooks

CHAPTERS = toc_notebooks()


@pytest.fixture(scope="module")
def site():
    missing = [n.name for n in CHAPTERS if not executed_copy(n).exists()]
    assert not missing, f"not executed yet (run test_3 first): {missing}"
    result = build()
    assert result.returncode == 0, (
        "jupyter-book failed (warnings are errors):\n" + result.stdout[-4000:] + result.stderr[-4000:])
    return HTML


def test_landing_page_exists(site):
    assert (site / "index.html").exists()


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_page_shows_its_figures(site, notebook):
    page = site / "notebooks" / f"{notebook.stem}.html"
    assert page.exists(), f"{page} was not built"
    html = page.read_text()
    images = re.findall(r'<img[^>]+src="([^"]+\.svg)"', html)
    assert images, f"{page.name} has no SVG figure"
    for src in images:
        assert (page.parent / src).resolve().exists(), f"{page.name}: figure {src} is missing"
    assert "\x1b[" not in html, f"{page.name} contains raw terminal colour codes"
