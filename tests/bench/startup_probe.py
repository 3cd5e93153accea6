"""Child process of the start-up benchmark: prints ``READY`` once the window is up with data.

``bare``: a bare PySide6 main window (the baseline). ``desk ARGS...``: the real app
(``agentdesk.app.main``) with ARGS; FIRST is printed once the window is on screen with the
picture the local cache had (when it had one: the operator, the open interactions, the
customer on screen) and has been painted in full, READY once sign-in has loaded the
operator's profile and interactions from the backend into the real panes and the window has
been painted; then the app quits (on the embedded default, stopping its server's process).

The probe patches only light modules before ``main`` runs (the first paint's own), and
``DeskRunner`` once ``agentdesk.app.load_runner`` has imported it, so it adds no import of
its own to what is measured.
"""

from __future__ import annotations

import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("AgentDesk"))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    window.grab()
    print("READY", flush=True)
    return 0


def desk(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from agentdesk import app as desktop
    from agentdesk.gui.shell import preview

    show_picture = preview.show_picture

    def shown(window: Any, picture: preview.Picture | None) -> Any:
        pane = show_picture(window, picture)
        if picture is not None:
            QApplication.processEvents()
            window.grab()  # one full paint of the window with the cached picture
            print("FIRST", picture.operator, len(picture.rows), flush=True)
        return pane

    preview.show_picture = shown  # type: ignore[assignment]
    load_runner = desktop.load_runner

    async def instrumented_loader(*args: Any) -> type[Any]:
        runner_class = await load_runner(*args)
        original = runner_class._start

        async def instrumented(self: Any) -> str:
            result: str = await original(self)
            self.window.grab()  # one full paint of the populated window
            print("READY", result, self.desk.interactions.rowCount(), flush=True)
            self.request_quit()
            return result

        runner_class._start = instrumented
        return runner_class

    desktop.load_runner = instrumented_loader  # type: ignore[assignment]
    return desktop.main(argv)


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else desk(sys.argv[2:]))
