"""``AssistController``: loads the focused contact's script and hints, relays the operator's
answers and decisions to the server, and applies ``nba.suggested`` as it arrives.

A failure is logged and leaves the conversation alone: the assist column helps, it never
blocks or interrupts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from agentdesk.gui.assist.hints import HintsPanel
from agentdesk.gui.assist.script_player import ScriptPlayer
from agentdesk.protocol.interactions import Interaction, InteractionStatus
from agentdesk.protocol.nba import NbaSuggestedData, NextBestAction, NextBestActionList
from agentdesk.protocol.scripts import ScriptProgressView, ScriptView

log = logging.getLogger(__name__)

_LIVE = (InteractionStatus.ACTIVE, InteractionStatus.WRAP_UP)


class AssistApi(Protocol):
    """The calls the assist column makes (``agentdesk.client.rest.ApiClient`` has them)."""

    @property
    def signed_in(self) -> bool: ...

    async def script(self, script_id: str) -> ScriptView: ...

    async def script_progress(self, interaction_id: str) -> ScriptProgressView: ...

    async def record_script_progress(
        self, interaction_id: str, node_id: str, answer: str | None, script_id: str | None = None
    ) -> ScriptProgressView: ...

    async def next_best_actions(self, interaction_id: str) -> NextBestActionList: ...

    async def nba_outcome(
        self, hint_id: str, accepted: bool, note: str | None = None
    ) -> NextBestAction: ...


class AssistController(QObject):
    """Feeds the script player and the hints panel for the interaction in focus."""

    #: level, text (for the status line)
    message = Signal(str, str)
    #: an article id the operator wants to read (an accepted article hint)
    articleRequested = Signal(str)

    def __init__(
        self,
        api: AssistApi,
        player: ScriptPlayer,
        hints: HintsPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._player = player
        self._hints = hints
        self._interaction_id: str | None = None
        #: the shown interaction, while its script or hints could not be loaded
        self._unloaded: str | None = None
        self._scripts: dict[str, ScriptView] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        player.answered.connect(self.answer)
        hints.decided.connect(self.decide)

    # ---- inputs -----------------------------------------------------------------------

    def show_interaction(self, interaction: Interaction | None) -> None:
        live = interaction is not None and interaction.status in _LIVE
        new_id = interaction.id if interaction is not None and live else None
        if new_id == self._interaction_id:
            return
        self._interaction_id = new_id
        self._player.show_script(None, None)
        self._hints.show_hints(new_id, [])
        if new_id is not None:
            self._spawn(self._load(new_id))

    def on_connected(self) -> None:
        """The session is signed in and its stream connected: load what could not be
        loaded for the shown interaction (a desk starting with the cache's picture shows it
        before the sign-in, when the server refuses to answer)."""
        if self._unloaded is not None and self._unloaded == self._interaction_id:
            self._spawn(self._load(self._unloaded))

    def on_hints(self, data: NbaSuggestedData) -> None:
        if data.interaction_id == self._interaction_id:
            self._hints.show_hints(data.interaction_id, data.items)

    def answer(self, node_id: str, answer: str) -> None:
        if self._interaction_id is not None:
            self._player.set_busy(True)
            self._spawn(self._answer(self._interaction_id, node_id, answer or None))

    def decide(self, hint_id: str, accepted: bool) -> None:
        hint = next((h for h in self._hints.hints_seen() if h.id == hint_id), None)
        self._spawn(self._decide(hint_id, accepted))
        if accepted and hint is not None and hint.action.target:
            if hint.action.kind == "article":
                self.articleRequested.emit(hint.action.target)
            elif hint.action.kind == "script" and self._interaction_id is not None:
                self._spawn(self._switch(self._interaction_id, hint.action.target))

    async def aclose(self) -> None:
        tasks = [t for t in self._tasks if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # ---- work -------------------------------------------------------------------------

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _load(self, interaction_id: str) -> None:
        self._unloaded = None
        if not self._api.signed_in:
            # The cache's picture, shown before the sign-in: the server would refuse (401).
            self._unloaded = interaction_id
            return
        try:
            progress = await self._api.script_progress(interaction_id)
            script = self._scripts.get(progress.script_id)
            if script is None:
                script = await self._api.script(progress.script_id)
                self._scripts[script.id] = script
            if self._interaction_id == interaction_id:
                self._player.show_script(script, progress)
        except Exception as exc:  # no script for this contact, server down: no player
            log.info("no script for %s: %s", interaction_id, exc)
            self._note_unloaded(interaction_id, exc)
        try:
            listed = await self._api.next_best_actions(interaction_id)
            if self._interaction_id == interaction_id:
                self._hints.show_hints(interaction_id, listed.items)
        except Exception as exc:
            log.info("no hints for %s: %s", interaction_id, exc)
            self._note_unloaded(interaction_id, exc)

    def _note_unloaded(self, interaction_id: str, exc: Exception) -> None:
        """Try again once connected, unless the server said there is none (404)."""
        if getattr(exc, "status", None) != 404:
            self._unloaded = interaction_id

    async def _answer(self, interaction_id: str, node_id: str, answer: str | None) -> None:
        try:
            progress = await self._api.record_script_progress(interaction_id, node_id, answer)
            if self._interaction_id == interaction_id:
                self._player.set_progress(progress)
        except Exception as exc:
            log.warning("script progress not saved: %s", exc)
            self._player.set_busy(False)
            self.message.emit(
                "warning", self.tr("The script step was not saved: %1").replace("%1", str(exc))
            )

    async def _switch(self, interaction_id: str, script_id: str) -> None:
        """An accepted "use this script" hint: the player moves to that script."""
        try:
            script = self._scripts.get(script_id) or await self._api.script(script_id)
            self._scripts[script.id] = script
            progress = await self._api.record_script_progress(
                interaction_id, script.start, None, script_id
            )
            if self._interaction_id == interaction_id:
                self._player.show_script(script, progress)
        except Exception as exc:
            log.warning("script %s not started: %s", script_id, exc)

    async def _decide(self, hint_id: str, accepted: bool) -> None:
        try:
            await self._api.nba_outcome(hint_id, accepted)
        except Exception as exc:
            log.warning("hint outcome not saved: %s", exc)
            self._hints.undecided(hint_id)
