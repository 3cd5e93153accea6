"""Small helpers for client tests: waiting on conditions without sleeps, a memory keyring,
a listener that records what the session tells the desktop."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from keyring.backend import KeyringBackend

from agentdesk.client.stream import ConnectionStatus
from agentdesk.protocol.agents import AgentProfile, AgentStateView
from agentdesk.protocol.events import QueueStatsData
from agentdesk.protocol.interactions import Interaction, Message


async def until(
    condition: Callable[[], bool | Awaitable[bool]],
    within: float = 10.0,
    interval: float = 0.01,
    what: str = "",
) -> None:
    """Poll ``condition`` (sync or async) until true; fail after ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        result = condition()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {within} s: {what or condition}")
        await asyncio.sleep(interval)


class MemoryKeyring(KeyringBackend):
    """An in-process keyring backend (no OS secret service exists in the test machine)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@dataclass
class Recorder:
    """A SessionListener that keeps every call, in order."""

    calls: list[tuple[str, Any]] = field(default_factory=list)
    statuses: list[ConnectionStatus] = field(default_factory=list)
    messages: list[tuple[Message, bool]] = field(default_factory=list)
    confirmed: list[tuple[str, Message]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Interaction] = field(default_factory=list)
    states: list[AgentStateView] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    hints: list[Any] = field(default_factory=list)

    def profile_changed(self, profile: AgentProfile) -> None:
        self.calls.append(("profile_changed", profile))

    def state_changed(self, state: AgentStateView) -> None:
        self.calls.append(("state_changed", state))
        self.states.append(state)

    def interaction_changed(self, interaction: Interaction) -> None:
        self.calls.append(("interaction_changed", interaction))
        self.changed.append(interaction)

    def interaction_removed(self, interaction_id: str) -> None:
        self.calls.append(("interaction_removed", interaction_id))
        self.removed.append(interaction_id)

    def message_added(self, message: Message, pending: bool) -> None:
        self.calls.append(("message_added", (message, pending)))
        self.messages.append((message, pending))

    def message_confirmed(self, idempotency_key: str, message: Message) -> None:
        self.calls.append(("message_confirmed", (idempotency_key, message)))
        self.confirmed.append((idempotency_key, message))

    def connection_changed(self, status: ConnectionStatus, detail: str) -> None:
        self.calls.append(("connection_changed", (status, detail)))
        self.statuses.append(status)

    def queue_stats(self, data: QueueStatsData) -> None:
        self.calls.append(("queue_stats", data))

    def notice(self, level: str, text: str) -> None:
        self.calls.append(("notice", (level, text)))
        self.notices.append((level, text))

    def message_failed(self, interaction_id: str, idempotency_key: str, text: str) -> None:
        self.calls.append(("message_failed", (interaction_id, idempotency_key, text)))
        self.failed.append((idempotency_key, text))

    def hints_changed(self, data: Any) -> None:
        self.calls.append(("hints_changed", data))
        self.hints.append(data)

    def error(self, text: str) -> None:
        self.calls.append(("error", text))
        self.errors.append(text)
