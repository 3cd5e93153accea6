"""The in-process media bridge: aiortc peers, a numpy mixer on one 20 ms clock for all calls."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from aiortc import RTCSessionDescription
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame

from agentdesk.server.media.bridge import LegLost, MediaError
from agentdesk.server.media.ice import peer_connection, prefer_contract_codecs
from agentdesk.server.media.legs import Leg, low_latency_receiver, negotiated_codec, to_mono48
from agentdesk.server.media.mixing import MonitorMode, Role
from agentdesk.server.media.room import Room

log = logging.getLogger(__name__)

TICK_S = 0.020


class AiortcBridge:
    """:class:`~agentdesk.server.media.bridge.MediaBridge` in this process.

    ``lost_after_s``: a leg that sends no audio for this long is taken as gone.
    """

    def __init__(self, on_leg_lost: LegLost | None = None, lost_after_s: float = 10.0) -> None:
        self._rooms: dict[str, Room] = {}
        self._on_leg_lost = on_leg_lost
        self._lost_after_s = lost_after_s
        self._clock: asyncio.Task[None] | None = None
        self._lost_tasks: set[asyncio.Task[None]] = set()
        #: Audio frames received on every leg since the bridge started (never decreases).
        self._frames_in = 0

    # ---- calls -----------------------------------------------------------------------------

    def create_call(self, call_id: str) -> None:
        if call_id not in self._rooms:
            self._rooms[call_id] = Room(call_id)
        if self._clock is None or self._clock.done():
            self._clock = asyncio.create_task(self._run_clock(), name="media-clock")

    def has_call(self, call_id: str) -> bool:
        return call_id in self._rooms

    def _room(self, call_id: str) -> Room:
        room = self._rooms.get(call_id)
        if room is None:
            raise MediaError(f"no call {call_id} on the bridge")
        return room

    def frames_received(self) -> int:
        """Audio frames received on every leg of every call so far, including legs and calls
        that have ended since (diagnostics, benchmarks)."""
        return self._frames_in

    def legs(self, call_id: str) -> dict[str, Role]:
        room = self._rooms.get(call_id)
        return {} if room is None else {k: v.role for k, v in room.legs.items()}

    # ---- legs ------------------------------------------------------------------------------

    async def add_leg(self, call_id: str, leg_id: str, role: Role, offer_sdp: str) -> str:
        room = self._room(call_id)
        pc = peer_connection()
        leg = Leg(leg_id, role, pc)
        transceiver = pc.addTransceiver(leg.out, direction="sendrecv")
        prefer_contract_codecs(transceiver)
        leg.decoding = low_latency_receiver(transceiver)
        tracks: list[MediaStreamTrack] = []
        pc.on("track", tracks.append)
        try:
            await pc.setRemoteDescription(RTCSessionDescription(sdp=offer_sdp, type="offer"))
            if not any(t.kind == "audio" for t in tracks):
                raise MediaError("the offer has no audio to send")
            await pc.setLocalDescription(await pc.createAnswer())
            leg.out.use_codec(negotiated_codec(pc.localDescription.sdp))
        except MediaError:
            await pc.close()
            raise
        except Exception as exc:  # aiortc raises many kinds on a bad SDP
            await pc.close()
            raise MediaError(f"unusable SDP offer: {exc}") from exc
        if call_id not in self._rooms:  # the call ended while we negotiated
            await pc.close()
            raise MediaError(f"no call {call_id} on the bridge")
        old = room.legs.get(leg_id)
        room.add(leg)
        if old is not None:
            await old.close()
        track = next(t for t in tracks if t.kind == "audio")
        leg.reader = asyncio.create_task(self._read(call_id, leg, track), name=f"leg-{leg_id}")

        @pc.on("connectionstatechange")
        async def _state() -> None:
            if pc.connectionState == "failed" and not leg.closed:
                self._lost(call_id, leg, "ice_failed")

        return str(pc.localDescription.sdp)

    async def _read(self, call_id: str, leg: Leg, track: MediaStreamTrack) -> None:
        reason = "peer_closed"
        try:
            while not leg.closed:
                # A timeout scope, not wait_for: that wraps every frame's read in a task.
                async with asyncio.timeout(self._lost_after_s):
                    frame = await track.recv()
                if isinstance(frame, AudioFrame):
                    pcm = to_mono48(frame)
                    self._frames_in += 1
                    leg.received(pcm)
                    room = self._rooms.get(call_id)
                    if room is not None:
                        room.heard(leg.id, pcm)
        except MediaStreamError:
            reason = "peer_closed"
        except TimeoutError:
            reason = "media_timeout"
        if not leg.closed:
            self._lost(call_id, leg, reason)

    def _lost(self, call_id: str, leg: Leg, reason: str) -> None:
        log.info("leg %s of %s lost: %s", leg.id, call_id, reason)

        async def report() -> None:
            room = self._rooms.get(call_id)
            if room is not None and room.legs.get(leg.id) is leg:
                room.remove(leg.id)
                await leg.close()
                if self._on_leg_lost is not None:
                    await self._on_leg_lost(call_id, leg.id, reason)

        task = asyncio.create_task(report())
        self._lost_tasks.add(task)
        task.add_done_callback(self._lost_tasks.discard)

    async def renegotiate(self, call_id: str, leg_id: str) -> str:
        leg = self._room(call_id).legs.get(leg_id)
        if leg is None:
            raise MediaError(f"no leg {leg_id} on call {call_id}")
        await leg.pc.setLocalDescription(await leg.pc.createOffer())
        return str(leg.pc.localDescription.sdp)

    async def apply_answer(self, call_id: str, leg_id: str, answer_sdp: str) -> None:
        leg = self._room(call_id).legs.get(leg_id)
        if leg is None or leg.pc.signalingState != "have-local-offer":
            raise MediaError("no renegotiation is waiting for an answer")
        try:
            await leg.pc.setRemoteDescription(RTCSessionDescription(sdp=answer_sdp, type="answer"))
        except Exception as exc:
            raise MediaError(f"unusable SDP answer: {exc}") from exc
        leg.out.use_codec(negotiated_codec(answer_sdp))

    async def remove_leg(self, call_id: str, leg_id: str) -> None:
        room = self._rooms.get(call_id)
        leg = room.remove(leg_id) if room is not None else None
        if leg is not None:
            await leg.close()

    # ---- who hears what --------------------------------------------------------------------

    # A call the bridge does not know (it ended meanwhile) has nobody to hear a change:
    # these do nothing then, rather than fail the request that asked for them.

    def set_role(self, call_id: str, leg_id: str, role: Role) -> None:
        if room := self._rooms.get(call_id):
            room.set_role(leg_id, role)

    def set_answered(self, call_id: str, answered: bool) -> None:
        if room := self._rooms.get(call_id):
            room.update(answered=answered)

    def set_hold(self, call_id: str, on_hold: bool) -> None:
        if room := self._rooms.get(call_id):
            room.update(on_hold=on_hold)

    def set_mute(self, call_id: str, leg_id: str, muted: bool) -> None:
        if room := self._rooms.get(call_id):
            room.set_mute(leg_id, muted)

    def set_conference(self, call_id: str, conference: bool) -> None:
        if room := self._rooms.get(call_id):
            room.update(conference=conference)

    def set_monitor_mode(self, call_id: str, mode: MonitorMode) -> None:
        if room := self._rooms.get(call_id):
            room.update(monitor_mode=mode)

    def send_dtmf(self, call_id: str, digits: str) -> None:
        if room := self._rooms.get(call_id):
            room.queue_dtmf(digits)

    # ---- recording -------------------------------------------------------------------------

    def start_recording(self, call_id: str, path: Path) -> None:
        if room := self._rooms.get(call_id):
            room.start_recording(path)

    async def stop_recording(self, call_id: str) -> Path | None:
        room = self._rooms.get(call_id)
        return None if room is None else room.stop_recording()

    # ---- ending ----------------------------------------------------------------------------

    async def end_call(self, call_id: str) -> None:
        room = self._rooms.pop(call_id, None)
        if room is None:
            return
        room.stop_recording()
        await asyncio.gather(*(leg.close() for leg in room.take_all()))

    async def close(self) -> None:
        for call_id in list(self._rooms):
            await self.end_call(call_id)
        clock, self._clock = self._clock, None
        if clock is not None:
            clock.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await clock

    async def _run_clock(self) -> None:
        """Mix every call every 20 ms against the loop's clock (never drifting)."""
        loop = asyncio.get_running_loop()
        start, ticks = loop.time(), 0
        while True:
            ticks += 1
            delay = start + ticks * TICK_S - loop.time()
            if delay < -5 * TICK_S:  # far behind (a stalled loop): start counting again
                start, ticks = loop.time(), 0
            await asyncio.sleep(max(0.0, delay))
            for room in list(self._rooms.values()):
                try:
                    room.tick()
                except Exception:
                    log.exception("mixing %s failed", room.call_id)
