"""Compile ``resources/translations/*.ts`` to ``.qm`` with ``pyside6-lrelease``.

Run as ``python -m agentdesk.gui.i18n_build`` (``scripts/setup`` does). Compiled files are
build output, rebuilt whenever their source is newer.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from agentdesk.gui.paths import translations_dir

log = logging.getLogger(__name__)


def _lrelease() -> str | None:
    """PySide6's own lrelease binary, else the venv's wrapper, else one on PATH."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / (
            "lrelease.exe" if os.name == "nt" else "lrelease"
        )
        if bundled.exists():
            return str(bundled)
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return str(here)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path | None = None) -> Path:
    """Compile one ``.ts`` file; returns the ``.qm`` path. Raises if lrelease fails."""
    target = qm or ts.with_suffix(".qm")
    tool = _lrelease()
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease not found")
    subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(target)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return target


def ensure_compiled(language: str, directory: Path | None = None) -> Path | None:
    """The ``.qm`` for ``language``, compiled first if missing or older than its ``.ts``."""
    folder = directory or translations_dir()
    ts = folder / f"agentdesk_{language}.ts"
    qm = folder / f"agentdesk_{language}.qm"
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    if stale and not getattr(sys, "frozen", False):
        try:
            compile_ts(ts, qm)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not compile %s: %s", ts, exc)
    return qm if qm.exists() else None


def main(argv: list[str] | None = None) -> int:
    """Compile every translation; prints what it wrote."""
    del argv
    folder = translations_dir()
    sources = sorted(folder.glob("*.ts"))
    for ts in sources:
        print(compile_ts(ts))
    return 0 if sources else 1


if __name__ == "__main__":
    raise SystemExit(main())
