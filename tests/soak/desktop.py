"""The desktop's client stack without its window, and an operator who never tires.

:class:`HeadlessDesktop` is what the workstation runs minus the widgets: the real
``Session`` (REST client, event stream, outbox, local cache) feeding the real Qt models
through the real ``Workstation`` listener and ``DeskController`` — the interactions list, one
chat transcript per interaction, the customer history. :class:`AutoOperator` works it like an
operator on a shift: accept every offer, answer every customer line, wrap up every contact.
Shared by the soak (tests/soak) and the chaos test (tests/chaos).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from agentdesk.client.cache import LocalCache
from agentdesk.client.rest import ApiClient, ApiError, NetworkError
from agentdesk.client.session import Session
from agentdesk.client.stream import Backoff
from agentdesk.gui.chat.model import Role as MsgRole
from agentdesk.gui.chat.store import TranscriptStore
from agentdesk.gui.controller import DeskController
from agentdesk.gui.customer.history_model import HistoryModel
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.interactions.model import Role as IxRole
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.events import Event
from agentdesk.protocol.interactions import Direction, Interaction, InteractionStatus

log = logging.getLogger(__name__)


async def until(condition: Callable[[], object], limit_s: float, what: str) -> None:
    """Let Qt and asyncio run until ``condition()`` holds (bounded, no fixed sleeps)."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {limit_s:g} s waiting for {what}")
        await asyncio.sleep(0.02)


class HeadlessDesktop:
    """Session + cache + Qt models + controller, as ``Desk`` wires them, minus the window."""

    def __init__(
        self,
        base_url: str,
        cache_path: Path,
        *,
        heartbeat_timeout: float = 30.0,
        backoff: Backoff | None = None,
        api_timeout: float = 10.0,
        outbox_retry_cap: float = 30.0,
    ) -> None:
        self.workstation = Workstation()
        self.interactions = InteractionListModel()
        self.history = HistoryModel()
        self.workstation.interactionChanged.connect(self.interactions.upsert)
        self.workstation.interactionRemoved.connect(self.interactions.remove)
        self.workstation.messageAdded.connect(
            lambda message, _pending: self.interactions.add_message(message)
        )
        self.transcripts = TranscriptStore(self.workstation)
        self.api = ApiClient(base_url, timeout=api_timeout)
        self.cache = LocalCache(cache_path)
        self.session = Session(
            self.api,
            self.cache,
            self.workstation,
            heartbeat_timeout=heartbeat_timeout,
            backoff=backoff,
            outbox_retry_cap=outbox_retry_cap,
        )
        self.controller = DeskController(self.session, self.interactions, self.history)
        #: Every seq the session applied, in the order it applied them.
        self.applied: list[int] = []
        self.errors: list[str] = []
        self.workstation.errorRaised.connect(self.errors.append)
        original = self.session.apply_event

        async def recording(event: Event) -> None:
            self.applied.append(event.seq)
            await original(event)

        self.session.apply_event = recording  # type: ignore[method-assign]

    # ---- what the models show ---------------------------------------------------------

    def model_rows(self) -> dict[str, str]:
        """Interaction id -> status, as the interactions list shows them."""
        m = self.interactions
        return {
            str(m.data(m.index(r, 0), IxRole.ID)): str(m.data(m.index(r, 0), IxRole.STATUS))
            for r in range(m.rowCount())
        }

    def transcript(self, interaction_id: str) -> list[tuple[str, str, bool]]:
        """(direction, text, pending) of each line of the chat model."""
        m = self.transcripts.model(interaction_id)
        return [
            (
                str(m.data(m.index(r, 0), MsgRole.DIRECTION)),
                str(m.data(m.index(r, 0), Qt.ItemDataRole.DisplayRole)),
                bool(m.data(m.index(r, 0), MsgRole.PENDING)),
            )
            for r in range(m.rowCount())
        ]

    def not_sent(self, interaction_id: str) -> list[str]:
        """The texts of own lines the chat shows as refused by the server."""
        m = self.transcripts.model(interaction_id)
        return [
            str(m.data(m.index(r, 0), Qt.ItemDataRole.DisplayRole))
            for r in range(m.rowCount())
            if m.data(m.index(r, 0), MsgRole.NOT_SENT)
        ]

    async def close(self) -> None:
        await self.controller.aclose()
        await self.session.stop()
        await self.api.aclose()
        await self.cache.aclose()
        for obj in (self.controller, self.transcripts, self.history, self.interactions):
            obj.deleteLater()
        self.workstation.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@dataclass
class Tally:
    """What the operator did, by interaction id."""

    offered: set[str] = field(default_factory=set)
    accepted: set[str] = field(default_factory=set)
    answered: set[str] = field(default_factory=set)
    wrapped: set[str] = field(default_factory=set)
    #: idempotency key -> (interaction id, text) of every reply queued in the outbox.
    replies: dict[str, tuple[str, str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    #: replies the server refused because the customer had just left (the chat is in
    #: wrap-up): a race any operator meets, answered correctly with 409.
    too_late: list[str] = field(default_factory=list)


class AutoOperator:
    """Accept, answer, wrap up — every contact, through the controller and the session.

    Polls the session's state (what the models show) every few milliseconds; at most one
    action per interaction is in flight. ``closing`` makes it end (hang up) the chats it has
    answered, for the end of a run when no customer is left to end them.
    """

    def __init__(
        self,
        desk: HeadlessDesktop,
        *,
        focus_history: bool = True,
        farewells: frozenset[str] = frozenset(),
    ) -> None:
        """``farewells``: customer lines that close a conversation and need no answer
        (answering them races the customer leaving, and the reply is refused)."""
        self.desk = desk
        self._farewells = farewells
        self.tally = Tally()
        self.closing = False
        self._focus_history = focus_history
        self._busy: set[str] = set()
        self._replied_to: set[str] = set()  # ids of customer messages already answered
        self._wrapup_sent: set[str] = set()
        self._hung_up: set[str] = set()
        self._counter = 0
        self._task: asyncio.Task[None] | None = None
        self._actions: set[asyncio.Task[None]] = set()
        desk.workstation.interactionChanged.connect(self._seen)
        desk.workstation.interactionRemoved.connect(self._removed)

    def _seen(self, interaction: Interaction) -> None:
        if interaction.status is InteractionStatus.OFFERED:
            self.tally.offered.add(interaction.id)

    def _removed(self, interaction_id: str) -> None:
        if interaction_id in self._wrapup_sent:
            self.tally.wrapped.add(interaction_id)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="auto-operator")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for action in list(self._actions):
            action.cancel()
        await asyncio.gather(*self._actions, return_exceptions=True)

    @property
    def open_contacts(self) -> int:
        return len(self.tally.offered - self.tally.wrapped)

    async def _run(self) -> None:
        while True:
            for interaction in list(self.desk.session.interactions.values()):
                if interaction.id not in self._busy:
                    self._step(interaction)
            await asyncio.sleep(0.01)

    def _step(self, it: Interaction) -> None:
        if it.status is InteractionStatus.OFFERED:
            self.tally.offered.add(it.id)
            self._spawn(it.id, self._accept(it))
        elif it.status is InteractionStatus.ACTIVE:
            last_in = next(
                (m for m in reversed(it.messages) if m.direction is Direction.INBOUND), None
            )
            if (
                last_in is not None
                and last_in.id not in self._replied_to
                and last_in.text not in self._farewells
            ):
                self._replied_to.add(last_in.id)
                self._spawn(it.id, self._reply(it))
            elif self.closing and it.id in self.tally.answered and it.id not in self._hung_up:
                self._hung_up.add(it.id)
                self._spawn(it.id, self._hangup(it.id))
        elif it.status is InteractionStatus.WRAP_UP and it.id not in self._wrapup_sent:
            self._wrapup_sent.add(it.id)
            self._spawn(it.id, self._wrapup(it))

    def _spawn(self, interaction_id: str, work: Any) -> None:
        self._busy.add(interaction_id)

        async def run() -> None:
            try:
                await work
            finally:
                self._busy.discard(interaction_id)

        task = asyncio.create_task(run())
        self._actions.add(task)
        task.add_done_callback(self._actions.discard)

    async def _accept(self, it: Interaction) -> None:
        try:
            view = await self.desk.session.accept(it.id)
        except (ApiError, NetworkError) as exc:
            # e.g. the answer was lost and the retry found it already accepted; the stream
            # tells the truth either way.
            log.info("auto-operator: accept %s: %s", it.id, exc)
            return
        if view.status is InteractionStatus.ACTIVE:
            self.tally.accepted.add(it.id)
            if self._focus_history:
                self.desk.controller.focus(view)  # screen pop: customer + history model

    async def _reply(self, it: Interaction) -> None:
        self._counter += 1
        text = f"Risposta {self._counter} per {it.id}: verifico subito."
        self.tally.accepted.add(it.id)  # it is active, so it was accepted
        try:
            key = await self.desk.session.send_message(it.id, text)
        except ApiError as exc:
            left = exc.status == 409 and (exc.details or {}).get("status") == "wrap_up"
            (self.tally.too_late if left else self.tally.refused).append(f"reply to {it.id}: {exc}")
            return
        self.tally.replies[key] = (it.id, text)
        self.tally.answered.add(it.id)

    async def _hangup(self, interaction_id: str) -> None:
        with contextlib.suppress(ApiError, NetworkError):
            await self.desk.session.hangup(interaction_id)

    async def _wrapup(self, it: Interaction) -> None:
        codes = [d.code for d in it.dispositions] or ["info"]
        try:
            await self.desk.session.wrapup(it.id, codes[0], "Gestito nel turno.", True)
        except ApiError as exc:
            self.tally.refused.append(f"wrap-up of {it.id}: {exc}")


# ---- what the process costs ----------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    at_s: float
    contacts: int
    #: The desktop: this process (the client stack, the Qt models, and the test runner).
    rss_mb: float
    fds: int
    #: The embedded server: the desktop's child process, as the app runs it.
    server_rss_mb: float = 0.0


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size of a process (this one by default), from /proc (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError(f"no VmRSS in /proc/{pid}/status")


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


class WarningCollector(logging.Handler):
    """Keeps every WARNING or worse logged anywhere in the process (any thread)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self) -> list[str]:
        """One entry per record, with its traceback (where one was logged)."""
        out = []
        for r in self.records:
            line = f"{r.levelname} {r.name} [{r.threadName}]: {r.getMessage()}"
            if r.exc_info:
                line += "\n" + logging.Formatter().formatException(r.exc_info)
            elif r.stack_info:
                line += "\n" + r.stack_info
            out.append(line)
        return out

    def __enter__(self) -> WarningCollector:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger().removeHandler(self)
