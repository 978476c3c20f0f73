"""Building the static site from already-executed notebooks."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import BOOK_PAGES, CONFIG, EXECUTED, NOTEBOOKS, ROOT, SITE_SOURCE, TOC
from .toc import toc_notebooks


def source_fingerprint(notebook: Path) -> str:
    """Changes whenever the notebook or anything it loads changes."""
    digest = hashlib.sha256(notebook.read_bytes())
    for path in sorted((ROOT / "helpers").rglob("*")):
        if path.is_file() and "target" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def executed_copy(notebook: Path) -> Path:
    return EXECUTED / notebook.name


def fingerprint_file(notebook: Path) -> Path:
    return EXECUTED / (notebook.stem + ".sha256")


def save_executed(notebook: Path, executed_nb) -> None:
    import nbformat

    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(executed_nb, executed_copy(notebook))
    fingerprint_file(notebook).write_text(source_fingerprint(notebook))


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
    committed (output-free) ones."""
    if SITE_SOURCE.exists():
        shutil.rmtree(SITE_SOURCE)
    SITE_SOURCE.mkdir(parents=True)
    shutil.copy(CONFIG, SITE_SOURCE / CONFIG.name)
    shutil.copy(TOC, SITE_SOURCE / TOC.name)
    shutil.copytree(BOOK_PAGES, SITE_SOURCE / BOOK_PAGES.name)
    (SITE_SOURCE / NOTEBOOKS.name).mkdir()
    for notebook in toc_notebooks():
        shutil.copy(executed_copy(notebook), SITE_SOURCE / NOTEBOOKS.name / notebook.name)
    return SITE_SOURCE


def build() -> subprocess.CompletedProcess:
    """Runs jupyter-book with Sphinx warnings as errors; HTML lands in _build/html."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    html = ROOT / "_build" / "html"
    if html.exists():
        shutil.rmtree(html)
    return subprocess.run(
        [str(jupyter_book), "build", str(stage()), "--path-output", str(ROOT),
         "--builder", "html", "-W", "--keep-going"],
        cwd=ROOT, capture_output=True, text=True,
    )
