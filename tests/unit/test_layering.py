"""The dependency direction of DESIGN.md: domain and protocol stay pure."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = (
    "PySide6",
    "qasync",
    "httpx",
    "websockets",
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "aiortc",
    "agentdesk.gui",
    "agentdesk.client",
    "agentdesk.server",
    "agentdesk.media",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _offenders(package: str) -> list[str]:
    bad = []
    for path in sorted((ROOT / "agentdesk" / package).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


@pytest.mark.parametrize("package", ["domain", "protocol", "search"])
def test_pure_packages_import_no_qt_io_or_server(package: str) -> None:
    assert _offenders(package) == []


def test_the_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport httpx\n", encoding="utf-8")
    assert {"PySide6.QtCore", "httpx"} <= _imports(sample)


@pytest.mark.parametrize("package", ["agentdesk.domain", "agentdesk.protocol"])
def test_importing_pure_packages_loads_no_forbidden_module(package: str) -> None:
    # A fresh interpreter imports every module of the package and lists what got loaded,
    # so indirect imports (through a third module) are caught too.
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    loaded = [m for m in out if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert loaded == []
