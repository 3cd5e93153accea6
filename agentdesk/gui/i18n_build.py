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
    """The ``.qm`` for ``agentdesk_<language>.ts``, compiled first if missing or stale."""
    folder = directory or translations_dir()
    return _ensure(folder / f"agentdesk_{language}.ts")


def ensure_all_compiled(language: str, directory: Path | None = None) -> list[Path]:
    """Every ``.qm`` for ``language``: the shell's catalogue first, then one per feature
    (``<feature>_<language>.ts``), each compiled first if missing or stale."""
    folder = directory or translations_dir()
    main_ts = folder / f"agentdesk_{language}.ts"
    features = sorted(p for p in folder.glob(f"*_{language}.ts") if p != main_ts)
    found = (_ensure(ts) for ts in [main_ts, *features])
    return [qm for qm in found if qm is not None]


def _ensure(ts: Path) -> Path | None:
    qm = ts.with_suffix(".qm")
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
