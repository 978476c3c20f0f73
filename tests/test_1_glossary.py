"""The glossary (notebooks/glossary.md) and the links to it, checked without
a kernel: every `glossary.md#term` link in a notebook names a heading that
exists, every term the chapters rely on has its entry, and the glossary's
own links to chapters name real chapter files."""
import re

import nbformat
import pytest

from tests.harness.paths import BOOK_PAGES, NOTEBOOKS, ROOT

GLOSSARY = NOTEBOOKS / "glossary.md"

# The anchors chapter authors link to: each must be a heading of the glossary.
REQUIRED_TERMS = [
    "future", "task", "executor", "runtime", "reactor", "waker", "polling", "await-point",
    "async-fn", "spawn", "join-handle", "join-set", "select", "join", "blocking",
    "concurrency", "parallelism", "back-pressure", "cancellation", "cancellation-safety",
    "cancellation-token", "halt-safety", "structured-concurrency", "pinning", "unpin",
    "self-referential-type", "stream", "sink", "work-stealing", "cooperative-scheduling",
    "span", "graceful-shutdown", "send-and-sync", "thread-per-connection",
]

# Every chapter of the plan, published or not: the glossary and the landing
# page may link to a chapter before it exists (the site build turns such a
# link into plain text until the chapter is in _toc.yml).
PLANNED_CHAPTERS = [
    "00_welcome", "01_concurrency", "02_async_await", "03_more_async_await",
    "04_io_and_blocking", "05_composing_futures", "06_channels_and_locks", "07_tools",
    "08_cleanup", "09_futures", "10_runtimes", "11_timers_and_signals", "12_streams",
    "13_pinning", "14_cancellation_safety", "15_structured_concurrency",
    "16_build_an_executor", "17_final_project",
]

# [text](glossary.md#anchor), also with a folder in front (../notebooks/glossary.md#anchor).
GLOSSARY_LINK = re.compile(r"\]\((?:[^)\s]*/)?glossary\.md#([^)\s]+)\)")
CHAPTER_LINK = re.compile(r"\]\((?:[^)\s]*/)?(\d\d_\w+)\.ipynb(?:#[^)\s]*)?\)")


def slug(heading: str) -> str:
    """MyST's heading anchor for a heading text (myst_heading_anchors)."""
    from myst_parser.mdit_to_docutils.base import default_slugify

    return default_slugify(heading.strip())


def glossary_anchors() -> list[str]:
    anchors, in_code = [], False
    for line in GLOSSARY.read_text().splitlines():
        if line.startswith("```"):
            in_code = not in_code
        match = re.match(r"(#{2,3}) (.+)", line)
        if match and not in_code:
            anchors.append(slug(match.group(2)))
    return anchors


def test_every_required_term_has_a_heading():
    anchors = glossary_anchors()
    missing = [term for term in REQUIRED_TERMS if term not in anchors]
    assert not missing, f"glossary.md has no heading for: {missing}"
    duplicates = sorted({a for a in anchors if anchors.count(a) > 1})
    assert not duplicates, f"glossary.md headings with the same anchor: {duplicates}"


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_glossary_links_in_notebooks_name_existing_terms(path):
    anchors = set(glossary_anchors())
    nb = nbformat.read(path, as_version=4)
    broken = [
        f"cell {i}: glossary.md#{anchor}"
        for i, cell in enumerate(nb.cells, start=1) if cell.cell_type == "markdown"
        for anchor in GLOSSARY_LINK.findall(cell.source) if anchor not in anchors
    ]
    assert not broken, (f"{path.name} links to glossary terms that have no heading in "
                        f"glossary.md (add the term, or fix the anchor): {broken}")


@pytest.mark.parametrize("path", [GLOSSARY, *sorted(BOOK_PAGES.glob("*.md"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_link_only_to_planned_chapters(path):
    text = path.read_text()
    unknown = sorted(set(CHAPTER_LINK.findall(text)) - set(PLANNED_CHAPTERS))
    assert not unknown, f"{path.name} links to chapter files that are not in the plan: {unknown}"
    if path == GLOSSARY:
        own = re.findall(r"\]\(#([^)\s]+)\)", text) + GLOSSARY_LINK.findall(text)
        broken = [a for a in own if a not in glossary_anchors()]
        assert not broken, f"glossary.md links to its own missing terms: {broken}"


def test_a_broken_glossary_link_is_caught():
    """The link pattern finds links the way chapters write them."""
    text = "A [waker](glossary.md#waker), a [typo](glossary.md#wakerr) and [x](../notebooks/glossary.md#task)."
    assert GLOSSARY_LINK.findall(text) == ["waker", "wakerr", "task"]
    assert "wakerr" not in glossary_anchors()
