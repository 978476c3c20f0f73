"""Where things live in the repository."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
TOC = ROOT / "_toc.yml"
CONFIG = ROOT / "_config.yml"
BOOK_PAGES = ROOT / "book"
BUILD = ROOT / "_build"
EXECUTED = BUILD / "executed"
SITE_SOURCE = BUILD / "site-source"
HTML = BUILD / "html"
