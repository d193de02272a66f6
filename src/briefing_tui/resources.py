"""Where the bundled seed briefing lives, installed or in a source checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["SEED_NAME", "seed_path"]

SEED_NAME = "gaza-ceasefire-talks.txt"
"""The file name of the briefing `briefing-tui` opens when given none."""


def seed_path() -> Path:
    """The bundled seed: package data in a wheel, ``seeds/`` at the top of a source checkout.

    An editable install maps the package to ``src/`` and leaves the data beside the
    checkout, so both places are looked at.
    """
    packaged = Path(str(files("briefing_tui"))) / "seeds" / SEED_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds" / SEED_NAME
