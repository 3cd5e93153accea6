"""A :class:`MediaBridge` that makes the real one when the first call needs it.

The aiortc bridge loads WebRTC, PyAV, numpy and OpenSSL (about 60 MB resident); a server
that handles only chats and e-mails never pays for them, and start-up does not wait.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from agentdesk.server.media.bridge import MediaBridge
from agentdesk.server.media.mixing import MonitorMode, Role


class DeferredBridge:
    """Forwards every operation to the bridge ``make`` returns, made on first use."""

    def __init__(self, make: Callable[[], MediaBridge]) -> None:
        self._make = make
        self._bridge: MediaBridge | None = None

    @property
    def started(self) -> bool:
        return self._bridge is not None

    def _real(self) -> MediaBridge:
        if self._bridge is None:
            self._bridge = self._make()
        return self._bridge

    def create_call(self, call_id: str) -> None:
        self._real().create_call(call_id)

    def has_call(self, call_id: str) -> bool:
        return self._bridge is not None and self._bridge.has_call(call_id)

    async def add_leg(self, call_id: str, leg_id: str, role: Role, offer_sdp: str) -> str:
        return await self._real().add_leg(call_id, leg_id, role, offer_sdp)

    async def renegotiate(self, call_id: str, leg_id: str) -> str:
        return await self._real().renegotiate(call_id, leg_id)

    async def apply_answer(self, call_id: str, leg_id: str, answer_sdp: str) -> None:
        await self._real().apply_answer(call_id, leg_id, answer_sdp)

    def set_role(self, call_id: str, leg_id: str, role: Role) -> None:
        self._real().set_role(call_id, leg_id, role)

    def set_answered(self, call_id: str, answered: bool) -> None:
        self._real().set_answered(call_id, answered)

    def set_hold(self, call_id: str, on_hold: bool) -> None:
        self._real().set_hold(call_id, on_hold)

    def set_mute(self, call_id: str, leg_id: str, muted: bool) -> None:
        self._real().set_mute(call_id, leg_id, muted)

    def set_conference(self, call_id: str, conference: bool) -> None:
        self._real().set_conference(call_id, conference)

    def set_monitor_mode(self, call_id: str, mode: MonitorMode) -> None:
        self._real().set_monitor_mode(call_id, mode)

    def start_recording(self, call_id: str, path: Path) -> None:
        self._real().start_recording(call_id, path)

    async def stop_recording(self, call_id: str) -> Path | None:
        return None if self._bridge is None else await self._bridge.stop_recording(call_id)

    def send_dtmf(self, call_id: str, digits: str) -> None:
        self._real().send_dtmf(call_id, digits)

    async def remove_leg(self, call_id: str, leg_id: str) -> None:
        if self._bridge is not None:
            await self._bridge.remove_leg(call_id, leg_id)

    def legs(self, call_id: str) -> dict[str, Role]:
        return {} if self._bridge is None else self._bridge.legs(call_id)

    async def end_call(self, call_id: str) -> None:
        if self._bridge is not None:
            await self._bridge.end_call(call_id)

    async def close(self) -> None:
        if self._bridge is not None:
            await self._bridge.close()
