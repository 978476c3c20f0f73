"""Reading the book's table of contents, which also fixes the run order."""
from pathlib import Path

import yaml

from .paths import NOTEBOOKS, ROOT, TOC


def toc_entries(toc_path: Path = TOC) -> list[str]:
    """Every `file:` entry of a jupyter-book `_toc.yml`, root first, in order."""
    toc = yaml.safe_load(toc_path.read_text())
    entries = [toc["root"]]

    def walk(items):
        for item in items or []:
            if "file" in item:
                entries.append(item["file"])
            walk(item.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return entries


def toc_notebooks(toc_path: Path = TOC, root: Path = ROOT) -> list[Path]:
    """The chapter notebooks in reading order (entries under notebooks/)."""
    paths = []
    for entry in toc_entries(toc_path):
        # Markdown pages (the glossary) sit beside the notebooks too.
        if entry.endswith(".md") or (
                not entry.endswith(".ipynb") and (root / (entry + ".md")).exists()):
            continue
        path = root / (entry if entry.endswith(".ipynb") else entry + ".ipynb")
        if path.parent.name == NOTEBOOKS.name:
            paths.append(path)
    return paths


def disk_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """Every notebook file in the notebooks folder."""
    return sorted(folder.glob("*.ipynb"))
