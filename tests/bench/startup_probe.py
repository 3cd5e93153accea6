"""Child process of the start-up benchmark: prints ``READY`` once the window is up with data.

``bare``: a bare PySide6 main window (the baseline). ``desk ARGS...``: the real app
(``agentdesk.app.main``) with ARGS; FIRST is printed once the window has been painted with
the picture the local cache had (when it had one), READY once sign-in has loaded the
operator's profile and interactions and the window has been painted; then the app quits.
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
    from agentdesk.client.session import Session
    from agentdesk.gui import runner

    original = runner.DeskRunner._start
    original_last_known = Session.show_last_known
    windows: list[Any] = []

    async def last_known(self: Session, username: str) -> bool:
        shown: bool = await original_last_known(self, username)
        if shown and windows:
            windows[0].grab()  # one full paint of the window with the cached picture
            print("FIRST", flush=True)
        return shown

    Session.show_last_known = last_known  # type: ignore[method-assign]
    original_init = runner.DeskRunner.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        windows.append(self.window)

    runner.DeskRunner.__init__ = init  # type: ignore[method-assign]

    async def instrumented(self: Any) -> str:
        result: str = await original(self)
        self.window.grab()  # one full paint of the populated window
        print("READY", result, self.desk.interactions.rowCount(), flush=True)
        self.request_quit()
        return result

    runner.DeskRunner._start = instrumented  # type: ignore[method-assign]
    from agentdesk.app import main

    return main(argv)


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else desk(sys.argv[2:]))
