"""Protocol model factories and a fake session for GUI tests (no network, no server)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.agents import AgentProfile, AgentStateView, ClientRef, Role
from agentdesk.protocol.customers import Customer, Mood, TimelineItem, TimelineKind, TimelinePage
from agentdesk.protocol.interactions import (
    Channel,
    Direction,
    Disposition,
    Interaction,
    InteractionStatus,
    Message,
)

_ids = itertools.count(1)
NOW = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

LARIO = ClientRef(
    id="lario",
    name="Lario Acque",
    color="#1f6fb2",
    greeting="Lario Acque, buongiorno, sono {agent}. Come posso aiutarla?",
)
ENERGIA = ClientRef(id="energia", name="Energia Nova", color="#d9822b")
DISPOSITIONS = [
    Disposition(code="info_bolletta", label="Informazioni bolletta"),
    Disposition(code="autolettura", label="Autolettura"),
    Disposition(code="guasto", label="Segnalazione guasto"),
    Disposition(code="reclamo", label="Reclamo"),
    Disposition(code="altro", label="Altro"),
]


def profile() -> AgentProfile:
    return AgentProfile(
        id="a-mario",
        username="mario",
        name="Mario Bianchi",
        role=Role.OPERATOR,
        team_id="squadra-2",
        team_name="Squadra Delfini",
        skills=["chat", "voice", "email"],
        clients=[LARIO, ENERGIA],
        max_chats=3,
    )


def state(
    value: AgentState = AgentState.READY,
    reason: NotReadyReason | None = None,
    since: datetime | None = None,
) -> AgentStateView:
    return AgentStateView(state=value, reason=reason, since=since or datetime.now(UTC))


def message(
    interaction_id: str,
    text: str,
    direction: Direction = Direction.INBOUND,
    ts: datetime | None = None,
    *,
    message_id: str | None = None,
) -> Message:
    return Message(
        id=message_id or f"m{next(_ids)}",
        interaction_id=interaction_id,
        direction=direction,
        author="Maria Rossi" if direction is Direction.INBOUND else "Mario Bianchi",
        text=text,
        ts=ts or datetime.now(UTC),
    )


def interaction(
    status: InteractionStatus = InteractionStatus.OFFERED,
    interaction_id: str | None = None,
    *,
    name: str | None = "Maria Rossi",
    client: ClientRef = LARIO,
    customer_id: str | None = "c-1",
    messages: list[Message] | None = None,
    typing: bool = False,
    created: datetime | None = None,
) -> Interaction:
    iid = interaction_id or f"i{next(_ids)}"
    created_at = created or datetime.now(UTC) - timedelta(seconds=40)
    accepted = (
        created_at + timedelta(seconds=10) if status is not InteractionStatus.OFFERED else None
    )
    return Interaction(
        id=iid,
        channel=Channel.CHAT,
        status=status,
        client=client,
        queue=f"chat-{client.id}",
        entry_point=f"web-{client.id}",
        from_address="maria.rossi@chat",
        customer_id=customer_id,
        customer_name=name,
        created_at=created_at,
        offered_at=created_at,
        accepted_at=accepted,
        customer_typing=typing,
        messages=messages
        if messages is not None
        else [message(iid, "Buongiorno, la bolletta di marzo è più alta del solito.")],
        dispositions=list(DISPOSITIONS),
    )


def customer(customer_id: str = "c-1", flags: list[str] | None = None) -> Customer:
    return Customer(
        id=customer_id,
        name="Maria Rossi",
        client_id="lario",
        segment="residential",
        phone="+39 333 123 4567",
        email="maria.rossi@example.it",
        chat_handle="maria.rossi@chat",
        open_balance=Decimal("84.20"),
        last_nps=6,
        mood=Mood.NEUTRAL,
        open_cases=1,
        flags=flags if flags is not None else ["repeat_contact", "invoice_due"],
    )


def timeline_page(count: int = 3, cursor: str | None = None, start: int = 0) -> TimelinePage:
    items = [
        TimelineItem(
            id=f"t{start + i}",
            ts=NOW - timedelta(days=start + i + 1),
            kind=TimelineKind.INTERACTION,
            channel=Channel.CHAT,
            summary=f"Richiesta informazioni sulla bolletta n. {start + i}",
            disposition="Informazioni bolletta",
            resolved=True,
            agent_name="Giulia Verdi",
        )
        for i in range(count)
    ]
    return TimelinePage(items=items, next_cursor=cursor)


class FakeSession:
    """Records calls; answers with canned models. Set ``fail`` to make calls raise."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.fail: Exception | None = None
        self.profile: AgentProfile | None = profile()
        self.interactions: dict[str, Interaction] = {}
        self.pages: dict[str | None, TimelinePage] = {None: timeline_page(3, cursor="p2")}

    async def _call(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))
        if self.fail is not None:
            raise self.fail

    async def show_last_known(self, username: str) -> bool:
        """Nothing cached in a fake."""
        return False

    async def start(self, username: str, password: str, early: Any = None) -> None:
        await self._call("start", username, password)

    async def stop(self) -> None:
        await self._call("stop")

    async def set_state(self, value: AgentState, reason: NotReadyReason | None = None) -> object:
        await self._call("set_state", value, reason)
        return state(value, reason)

    async def accept(self, interaction_id: str) -> object:
        await self._call("accept", interaction_id)
        return None

    async def reject(self, interaction_id: str) -> object:
        await self._call("reject", interaction_id)
        return None

    async def hangup(self, interaction_id: str) -> object:
        await self._call("hangup", interaction_id)
        return None

    async def send_message(self, interaction_id: str, text: str) -> str:
        await self._call("send_message", interaction_id, text)
        return "key-1"

    async def wrapup(
        self, interaction_id: str, disposition: str, notes: str, resolved: bool
    ) -> object:
        await self._call("wrapup", interaction_id, disposition, notes, resolved)
        return None

    async def customer(self, customer_id: str) -> Customer:
        await self._call("customer", customer_id)
        return customer(customer_id)

    async def timeline(self, customer_id: str, before: str | None = None) -> TimelinePage:
        await self._call("timeline", customer_id, before)
        return self.pages.get(before, TimelinePage(items=[]))
