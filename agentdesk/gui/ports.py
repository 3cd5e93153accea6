"""What the desktop needs from the client session, as a Protocol.

:class:`agentdesk.client.session.Session` satisfies it; GUI tests pass fakes.
"""

from __future__ import annotations

from typing import Protocol

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.agents import AgentProfile
from agentdesk.protocol.customers import Customer, TimelinePage
from agentdesk.protocol.interactions import Interaction


class DeskSession(Protocol):
    """The operations the workstation calls; every one is a coroutine on the GUI loop."""

    @property
    def profile(self) -> AgentProfile | None: ...

    @property
    def interactions(self) -> dict[str, Interaction]: ...

    async def start(self, username: str, password: str) -> None: ...

    async def stop(self) -> None: ...

    async def set_state(
        self, state: AgentState, reason: NotReadyReason | None = None
    ) -> object: ...

    async def accept(self, interaction_id: str) -> object: ...

    async def reject(self, interaction_id: str) -> object: ...

    async def hangup(self, interaction_id: str) -> object: ...

    async def send_message(self, interaction_id: str, text: str) -> str: ...

    async def wrapup(
        self, interaction_id: str, disposition: str, notes: str, resolved: bool
    ) -> object: ...

    async def customer(self, customer_id: str) -> Customer: ...

    async def timeline(self, customer_id: str, before: str | None = None) -> TimelinePage: ...
