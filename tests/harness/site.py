"""Building the static site from already-executed notebooks."""
from __future__ import annotations

import datetime
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .paths import BOOK_PAGES, CONFIG, EXECUTED, NOTEBOOKS, ROOT, SITE_SOURCE, TOC
from .rules import claim_counts
from .toc import toc_entries, toc_notebooks

# Every notebook's execution report (see execute.report), by notebook name.
REPORT_JSON = EXECUTED / "report.json"
# The generated page that renders them; it is not in git (it would go stale).
REPORT_PAGE = "book/execution_report"
REPORT_KEY = "course_execution"  # as in execute.py, which this module must not import
# Set it to the course's public repository to add a link to the source on
# every page (the book theme's repository button).
REPOSITORY_URL_VARIABLE = "COURSE_REPOSITORY_URL"


def hash_helpers_crate(digest) -> None:
    """Feeds every file of the helpers crate (not its build output) into `digest`."""
    for path in sorted((ROOT / "helpers").rglob("*")):
        if path.is_file() and "target" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())


def source_fingerprint(notebook: Path) -> str:
    """Changes whenever the notebook or anything it loads changes."""
    digest = hashlib.sha256(notebook.read_bytes())
    hash_helpers_crate(digest)
    return digest.hexdigest()


def executed_copy(notebook: Path) -> Path:
    return EXECUTED / notebook.name


def fingerprint_file(notebook: Path) -> Path:
    return EXECUTED / (notebook.stem + ".sha256")


def save_executed(notebook: Path, executed_nb) -> None:
    import nbformat

    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(executed_nb, executed_copy(notebook))
    entry = executed_nb.metadata.get(REPORT_KEY)
    # The sources as they were when execution started (see execute.execute).
    fingerprint = (entry or {}).get("source_sha256") or source_fingerprint(notebook)
    fingerprint_file(notebook).write_text(fingerprint)
    if entry:
        record_report(notebook.stem, dict(entry))


def record_report(name: str, entry: dict) -> None:
    """Adds one notebook's execution report to REPORT_JSON. Several
    processes may execute notebooks at once, hence the lock."""
    with open(EXECUTED / ".report.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            reports = json.loads(REPORT_JSON.read_text())
        except (OSError, ValueError):
            reports = {}
        reports[name] = entry
        partial = REPORT_JSON.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(reports, indent=2, sort_keys=True) + "\n")
        partial.replace(REPORT_JSON)


def is_fresh(notebook: Path) -> bool:
    """True when the executed copy was made from the current sources."""
    stamp = fingerprint_file(notebook)
    return (
        executed_copy(notebook).exists()
        and stamp.exists()
        and stamp.read_text() == source_fingerprint(notebook)
    )


def stage() -> Path:
    """Lays out the book's sources with executed notebooks in place of the
    committed (output-free) ones, plus the generated execution report."""
    if SITE_SOURCE.exists():
        shutil.rmtree(SITE_SOURCE)
    SITE_SOURCE.mkdir(parents=True)
    write_config(SITE_SOURCE / CONFIG.name)
    shutil.copy(TOC, SITE_SOURCE / TOC.name)
    shutil.copytree(BOOK_PAGES, SITE_SOURCE / BOOK_PAGES.name)
    (SITE_SOURCE / NOTEBOOKS.name).mkdir()
    chapters = toc_notebooks()
    for notebook in chapters:
        shutil.copy(executed_copy(notebook), SITE_SOURCE / NOTEBOOKS.name / notebook.name)
    # Markdown pages that live beside the notebooks (the glossary).
    for entry in toc_entries():
        page = ROOT / (entry if entry.endswith(".md") else entry + ".md")
        if page.parent == NOTEBOOKS and page.exists():
            shutil.copy(page, SITE_SOURCE / NOTEBOOKS.name / page.name)
    if REPORT_PAGE in toc_entries():
        (SITE_SOURCE / (REPORT_PAGE + ".md")).write_text(execution_report_page(chapters))
    listed = {n.name for n in chapters}
    for page in (SITE_SOURCE / BOOK_PAGES.name).rglob("*.md"):
        unlink_unlisted_chapters(page, listed)
    for page in (SITE_SOURCE / NOTEBOOKS.name).glob("*.md"):
        unlink_unlisted_chapters(page, listed)
    return SITE_SOURCE


def write_config(target: Path) -> None:
    """_config.yml, with the repository button turned on when
    COURSE_REPOSITORY_URL names where the course is published."""
    url = os.environ.get(REPOSITORY_URL_VARIABLE, "").strip()
    if not url:
        shutil.copy(CONFIG, target)
        return
    config = yaml.safe_load(CONFIG.read_text())
    config.setdefault("repository", {}).update({"url": url, "branch": "main"})
    config.setdefault("html", {})["use_repository_button"] = True
    # And, on each page, a link to that page's source file in the repository.
    options = config.setdefault("sphinx", {}).setdefault("config", {}).setdefault("html_theme_options", {})
    options["use_source_button"] = True
    target.write_text(yaml.safe_dump(config, sort_keys=False))


# A Markdown link to a chapter notebook: [text](../notebooks/13_pinning.ipynb#anchor)
CHAPTER_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>(?:[./]*notebooks/)?(?P<file>\d\d_\w+\.ipynb))(?:#[^)]*)?\)")


def unlink_unlisted_chapters(page: Path, listed: set[str]) -> None:
    """Turns links to chapters that are not (yet) in _toc.yml into plain text.

    The glossary and the landing page link every chapter of the plan; a
    chapter being written is not in the table of contents, and a link to it
    would be a broken reference (a warning, so a failed build). Once the
    chapter is listed, its links appear without editing the pages."""
    text = page.read_text()
    new = CHAPTER_LINK.sub(
        lambda m: m.group(0) if m.group("file") in listed else m.group("text"), text)
    if new != text:
        page.write_text(new)


def notebook_title(path: Path) -> str:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def execution_report_page(chapters: list[Path]) -> str:
    """The execution report, as a MyST page: when each published notebook
    was executed, how long it took, and with what toolchain and cores."""
    import nbformat

    rows = []
    for notebook in chapters:
        nb = nbformat.read(executed_copy(notebook), as_version=4)
        rows.append((notebook, notebook_title(executed_copy(notebook)), nb.metadata.get(REPORT_KEY)))
    built = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Execution report",
        "",
        "Every output and figure on this site was produced by executing the notebooks "
        "with the course's test harness (`make test` or `make book`). This page, generated "
        f"when the site was built ({built}), records for each chapter when it was executed, "
        "how long that took, and the toolchain, crates and cores it ran with, so that you "
        "can tell what machine the published figures come from. Your own run will give "
        "different numbers, which is why the chapters state ratios and shapes rather than "
        "absolute times.",
        "",
    ]
    reports = [r for _, _, r in rows if r]
    shared = {}
    for key in ("rustc", "evcxr_jupyter", "cores", "cpu", "os"):
        values = {str(r.get(key)) for r in reports}
        if len(values) == 1 and reports:
            shared[key] = values.pop()
    if shared:
        labels = {"rustc": "Rust compiler", "evcxr_jupyter": "evcxr_jupyter kernel",
                  "cores": "Cores available", "cpu": "Processor", "os": "Operating system"}
        lines += ["## The machine", "", "Every chapter below ran with:", ""]
        lines += [f"- **{labels[k]}**: `{v}`" for k, v in shared.items()]
        lines += [""]
    # Columns for what differs between chapters; what they share is listed above.
    varying = [(key, label) for key, label in
               (("rustc", "rustc"), ("evcxr_jupyter", "evcxr"), ("cores", "Cores")) if key not in shared]
    lines += [
        "## Chapters",
        "",
        "The crate versions are the ones the kernel resolved (read from the Cargo.lock of "
        "evcxr's build folder after the last cell ran); times are wall-clock seconds for all "
        "cells, including compiling them.",
        "",
        "The last column counts the claims the chapter's prose makes and its cells measure: "
        "how many held (✔), failed on this machine (✘) or could not be tested here (?).",
        "",
        "| Chapter | Executed (UTC) | Time | tokio | Other crates |" + "".join(f" {label} |" for _, label in varying)
        + " Claims ✔ / ✘ / ? |",
        "| --- | --- | ---: | --- | --- |" + " --- |" * len(varying) + " --- |",
    ]
    for notebook, title, r in rows:
        link = f"[{title}](../notebooks/{notebook.name})"
        if not r:
            lines.append(f"| {link} | not recorded | | | |" + " |" * len(varying) + " |")
            continue
        when = r.get("executed_at", "").replace("T", " ")[:16]
        others = ", ".join(f"{k} {v}" for k, v in r.get("crates", {}).items() if k != "tokio") or "none"
        extra = "".join(
            f" {' '.join(str(r.get(key, '')).split()[:2]) if key == 'rustc' else r.get(key, '')} |"
            for key, _ in varying)
        counts = " / ".join(str(n) for n in claim_counts(r.get("claims", [])).values())
        lines.append(f"| {link} | {when} | {r.get('seconds', 0):.0f} s | {r.get('tokio', '')} | {others} |{extra}"
                     f" {counts} |")
    lines.append("")
    unheld = [(title, c) for _, title, r in rows if r for c in r.get("claims", []) if c["verdict"] != "holds"]
    if unheld:
        lines += ["## Claims that did not hold on this machine", "",
                  "The chapter's cell printed these with ✘ (failed) or ? (untested); "
                  "the figures beside them show what the machine measured instead.", ""]
        lines += [f"- {title}, cell {c['cell']} ({c['verdict']}): {c['statement']}" for title, c in unheld]
        lines.append("")
    return "\n".join(lines)


def build() -> subprocess.CompletedProcess:
    """Runs jupyter-book with Sphinx warnings as errors; HTML lands in _build/html."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    html = ROOT / "_build" / "html"
    if html.exists():
        shutil.rmtree(html)
    result = subprocess.run(
        [str(jupyter_book), "build", str(stage()), "--path-output", str(ROOT),
         "--builder", "html", "-W", "--keep-going"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode == 0:
        add_icon_to_root_redirect(html)
    return result


def add_icon_to_root_redirect(html: Path) -> None:
    """jupyter-book's index.html is a bare redirect to the landing page. With
    no icon named in it, a browser asks for /favicon.ico, which does not
    exist (a 404 in the console); name the site's icon there as every other
    page does."""
    index = html / "index.html"
    icon = '<link rel="icon" href="_static/favicon.svg"/>\n'
    text = index.read_text() if index.exists() else ""
    if text and "rel=\"icon\"" not in text and (html / "_static" / "favicon.svg").exists():
        index.write_text(icon + text)
