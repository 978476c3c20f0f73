"""Shared pytest set-up: the harness is imported as the `tests.harness` package."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
