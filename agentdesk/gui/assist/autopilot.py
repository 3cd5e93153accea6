"""``--demo-autopilot`` for the script player: say the opening line and confirm the privacy
notice, so a headless screenshot shows a script in progress. Demos only."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from agentdesk.gui.assist.script_player import ScriptPlayer
from agentdesk.protocol.scripts import ScriptProgressView

#: Steps the autopilot takes, at most, per contact.
STEPS = 2


class ScriptAutopilot(QObject):
    def __init__(self, player: ScriptPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._taken: dict[str, set[str]] = {}
        player.progressShown.connect(self._on_progress)

    def _on_progress(self, progress: ScriptProgressView | None) -> None:
        if progress is None or progress.current is None:
            return
        taken = self._taken.setdefault(progress.interaction_id, set())
        node = progress.current
        if len(taken) >= STEPS or node in taken:
            return
        taken.add(node)
        answer = "confirmed" if node in ("privacy", "identity") else ""

        def step() -> None:
            if self._player.shown_node() == node:
                self._player.answer(answer)

        QTimer.singleShot(1200, step)
