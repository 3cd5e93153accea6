"""The media bridge interface the call service speaks; one implementation per media server.

A call is a room; each leg is one WebRTC peer (the customer from the gateway, the operator,
a second operator, a monitor) that terminates on the bridge. The bridge mixes, for every
leg, what it should hear (:mod:`agentdesk.server.media.mixing`). ``docs/MEDIA_BRIDGE.md``
maps each operation onto Janus AudioBridge.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol

from agentdesk.server.media.mixing import MonitorMode, Role

LegRole = Role

#: Called when a leg's peer is gone (closed, failed, or silent past the timeout).
LegLost = Callable[[str, str, str], Awaitable[None]]  # (call_id, leg_id, reason)


class MediaError(Exception):
    """A leg could not be set up: the SDP is unusable (garbage, no audio, no common codec)."""


class MediaBridge(Protocol):
    """Create calls, attach legs with their SDP, and change who hears what."""

    def create_call(self, call_id: str) -> None:
        """A new room; nobody hears anything until legs join."""

    def has_call(self, call_id: str) -> bool: ...

    async def add_leg(self, call_id: str, leg_id: str, role: Role, offer_sdp: str) -> str:
        """Terminate a peer's offer on the bridge; return the complete answer SDP.

        A leg id already on the call is replaced (the peer renegotiated from scratch).
        Raises :class:`MediaError` for an unusable SDP; the call is unchanged then.
        """

    async def renegotiate(self, call_id: str, leg_id: str) -> str:
        """Start a renegotiation of a leg from the server side: the new offer SDP."""

    async def apply_answer(self, call_id: str, leg_id: str, answer_sdp: str) -> None:
        """The peer's answer to :meth:`renegotiate`."""

    def set_role(self, call_id: str, leg_id: str, role: Role) -> None:
        """A second operator becomes the operator (transfer completed)."""

    def set_answered(self, call_id: str, answered: bool) -> None:
        """Answered: queue audio stops and the customer and operator hear each other."""

    def set_hold(self, call_id: str, on_hold: bool) -> None: ...

    def set_mute(self, call_id: str, leg_id: str, muted: bool) -> None: ...

    def set_conference(self, call_id: str, conference: bool) -> None: ...

    def set_monitor_mode(self, call_id: str, mode: MonitorMode) -> None: ...

    def start_recording(self, call_id: str, path: Path) -> None:
        """Write the call to a WAV (16-bit PCM, customer left, the voices they hear right)."""

    async def stop_recording(self, call_id: str) -> Path | None:
        """Close the WAV; its path, or None if the call was not being recorded."""

    def send_dtmf(self, call_id: str, digits: str) -> None:
        """Play DTMF tones to the customer (the operator keyed them)."""

    async def remove_leg(self, call_id: str, leg_id: str) -> None:
        """Close the leg's peer connection."""

    def legs(self, call_id: str) -> dict[str, Role]: ...

    async def end_call(self, call_id: str) -> None:
        """Close every leg's peer connection and the recording; forget the call."""

    async def close(self) -> None:
        """End every call (server shutdown)."""
