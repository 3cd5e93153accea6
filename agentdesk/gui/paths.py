"""Where the desktop finds its Designer forms and resources, in a checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    """The directory holding ``ui/`` and ``resources/``.

    PyInstaller unpacks bundled data under ``sys._MEIPASS``; a checkout has them at the
    repository root, two levels above this package.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def ui_file(name: str) -> Path:
    """A Qt Designer form in ``ui/``."""
    return base_dir() / "ui" / name


def resource(*parts: str) -> Path:
    """A file under ``resources/``."""
    return base_dir().joinpath("resources", *parts)


def translations_dir() -> Path:
    return resource("translations")
