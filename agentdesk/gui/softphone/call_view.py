"""What the softphone shows for a voice interaction, derived from the wire model alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from agentdesk.protocol.interactions import Channel, Interaction, InteractionStatus


class Phase(StrEnum):
    IDLE = "idle"
    RINGING = "ringing"  # offered to this operator
    TALKING = "talking"
    HELD = "held"
    WRAP_UP = "wrap_up"  # the call ended; the wrap-up is still owed


@dataclass(frozen=True)
class CallView:
    interaction_id: str
    phase: Phase
    caller: str
    client_name: str
    client_color: str
    outbound: bool
    muted: bool
    recording: bool
    talk_started_at: datetime | None
    parties: tuple[str, ...]
    consulting: bool  # someone was consulted: completing the transfer is possible


def phase_of(interaction: Interaction) -> Phase:
    status = interaction.status
    if status is InteractionStatus.OFFERED:
        return Phase.RINGING
    if status is InteractionStatus.ACTIVE:
        return Phase.HELD if interaction.call and interaction.call.on_hold else Phase.TALKING
    if status is InteractionStatus.WRAP_UP:
        return Phase.WRAP_UP
    return Phase.IDLE


def call_view(interaction: Interaction) -> CallView:
    call = interaction.call
    name, number = interaction.customer_name, interaction.from_address
    caller = name or number
    # A caller the centre does not know is named after the number: show it once.
    if name and number and name != number:
        caller = f"{name} · {number}"
    started = (call.talk_started_at if call else None) or interaction.accepted_at
    parties = tuple(p.name for p in call.parties) if call else ()
    return CallView(
        interaction_id=interaction.id,
        phase=phase_of(interaction),
        caller=caller,
        client_name=interaction.client.name,
        client_color=interaction.client.color,
        outbound=bool(call and call.direction == "outbound"),
        muted=bool(call and call.muted),
        recording=bool(call and call.recording),
        talk_started_at=started,
        parties=parties,
        consulting=bool(call and any(p.role == "consult" for p in call.parties)),
    )


def is_call(interaction: Interaction) -> bool:
    return interaction.channel is Channel.VOICE


def format_duration(seconds: float) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` after."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class CallBook:
    """The voice interactions the operator holds, and which one the softphone shows.

    A ringing call is shown first (it needs an answer), then the live call, then one
    waiting for its wrap-up.
    """

    def __init__(self) -> None:
        self._calls: dict[str, Interaction] = {}

    def upsert(self, interaction: Interaction) -> bool:
        """Keep ``interaction`` if it is a call; True when the book changed."""
        if not is_call(interaction):
            return False
        if phase_of(interaction) is Phase.IDLE:
            return self._calls.pop(interaction.id, None) is not None
        self._calls[interaction.id] = interaction
        return True

    def remove(self, interaction_id: str) -> bool:
        return self._calls.pop(interaction_id, None) is not None

    def get(self, interaction_id: str) -> Interaction | None:
        return self._calls.get(interaction_id)

    def ids(self) -> list[str]:
        return list(self._calls)

    def current(self) -> Interaction | None:
        order = {Phase.RINGING: 0, Phase.TALKING: 1, Phase.HELD: 1, Phase.WRAP_UP: 2}
        calls = sorted(self._calls.values(), key=lambda i: (order[phase_of(i)], i.created_at))
        return calls[0] if calls else None

    def ringing(self) -> list[Interaction]:
        return [i for i in self._calls.values() if phase_of(i) is Phase.RINGING]
