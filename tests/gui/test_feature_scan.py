"""The desk's cheaper stand-in for PySide6's "does this module use PySide6?" import check
answers as PySide6's own (source-reading) check does for the desk's modules and libraries."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's support modules)

from agentdesk import app
from agentdesk.gui import feature_scan


def _loaded() -> list[ModuleType]:
    for name in app.DESK_SLICES:
        importlib.import_module(name)
    return [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]


def test_the_stand_in_agrees_with_pyside_on_what_the_desk_loads() -> None:
    original = sys.modules[feature_scan.FEATURE_MODULE]._mod_uses_pyside
    assert original is not feature_scan.uses_pyside  # nothing installed it in this process
    modules = _loaded()
    ours = [m for m in modules if m.__name__.startswith("agentdesk.")]
    libraries = [m for m in modules if m.__name__.split(".")[0] in {"pydantic", "httpx", "json"}]
    assert len(ours) > 50 and libraries
    disagree = {m.__name__ for m in ours + libraries if feature_scan.uses_pyside(m) != original(m)}
    # The app imports Qt inside main() (after choosing the platform), and this stand-in
    # only names PySide6 in its text: neither holds anything of Qt once imported.
    assert disagree == {"agentdesk.app", "agentdesk.gui.feature_scan"}
    assert feature_scan.uses_pyside(sys.modules["agentdesk.gui.shell.main_window"])
    assert not feature_scan.uses_pyside(sys.modules["agentdesk.protocol.interactions"])
    assert not feature_scan.uses_pyside(sys.modules["PySide6.QtCore"])  # compiled: no source
