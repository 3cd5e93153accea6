"""The desk's cheaper stand-in for PySide6's "does this module use PySide6?" import check
answers as PySide6's own (source-reading) check does for what the desk's start loads."""

from __future__ import annotations

import textwrap

from tests.gui.helpers import run_python


def test_the_stand_in_agrees_with_pyside_on_what_the_desk_loads() -> None:
    # A fresh interpreter: exactly the modules a desk's start loads, nothing a test added.
    code = textwrap.dedent(
        """
        import importlib, sys
        from types import ModuleType
        import PySide6.QtWidgets
        from agentdesk import app
        from agentdesk.gui import feature_scan
        original = sys.modules[feature_scan.FEATURE_MODULE]._mod_uses_pyside
        import agentdesk.gui.shell.main_window, agentdesk.gui.shell.preview
        for name in app.DESK_SLICES:
            importlib.import_module(name)
        modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
        ours = [m for m in modules if m.__name__.startswith("agentdesk.")]
        libraries = [m for m in modules if m.__name__.split(".")[0] in ("pydantic", "httpx")]
        print(len(ours), len(libraries))
        print(sorted(m.__name__ for m in ours + libraries
                     if feature_scan.uses_pyside(m) != original(m)))
        print(feature_scan.uses_pyside(sys.modules["agentdesk.gui.shell.main_window"]),
              feature_scan.uses_pyside(sys.modules["agentdesk.protocol.interactions"]),
              feature_scan.uses_pyside(sys.modules["PySide6.QtCore"]))
        """
    )
    done = run_python(code, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    counts, disagree, samples = done.stdout.strip().splitlines()[-3:]
    ours, libraries = map(int, counts.split())
    assert ours > 50 and libraries > 10
    # The app imports Qt inside main() (after choosing the platform), and the stand-in only
    # names PySide6 in its text: neither holds anything of Qt once imported. Every other
    # module gets the answer PySide6's own check gives.
    assert disagree == "['agentdesk.app', 'agentdesk.gui.feature_scan']"
    # A widget module uses it; a wire-model module and a compiled module (no source) do not.
    assert samples == "True False False"
