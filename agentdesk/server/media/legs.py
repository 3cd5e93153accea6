"""One leg on the bridge: its peer connection, the audio it sends, the audio it received."""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import logging

import numpy as np
from aiortc import RTCPeerConnection
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame

from agentdesk.server.media.mixing import Role
from agentdesk.server.media.tones import FRAME, RATE, Pcm

log = logging.getLogger(__name__)

TIME_BASE = fractions.Fraction(1, RATE)
#: Received audio kept at most (older samples are dropped): bounds the bridge's latency.
MAX_BUFFERED = 2 * FRAME
#: Frames waiting to be sent at most (a sender not started yet must not build a backlog).
MAX_QUEUED = 3


def to_mono48(frame: AudioFrame) -> Pcm:
    """A decoded frame (Opus: 48 kHz stereo; PCMU: 8 kHz mono) as 48 kHz mono int16."""
    data = frame.to_ndarray()
    channels = len(frame.layout.channels)
    if frame.format.is_planar:
        mono = data.astype(np.float32).mean(axis=0)
    elif channels > 1:
        mono = data.reshape(-1, channels).astype(np.float32).mean(axis=1)
    else:
        mono = data.reshape(-1).astype(np.float32)
    if frame.format.name.startswith("flt"):
        mono = mono * 32767
    rate = frame.sample_rate
    if rate != RATE and len(mono):
        count = len(mono) * RATE // rate
        mono = np.interp(np.arange(count) * (rate / RATE), np.arange(len(mono)), mono)
    out: Pcm = np.clip(mono, -32768, 32767).astype(np.int16)
    return out


class MixedTrack(MediaStreamTrack):
    """What the bridge sends on a leg: frames the mixer pushes every 20 ms.

    The mixer's clock paces the frames; ``pts`` counts samples so the encoder's RTP
    timestamps follow the same clock.
    """

    kind = "audio"

    def __init__(self) -> None:
        super().__init__()
        self._queue: asyncio.Queue[Pcm] = asyncio.Queue(MAX_QUEUED)
        self._pts = 0

    def push(self, pcm: Pcm) -> None:
        if self._queue.full():
            self._queue.get_nowait()
        self._queue.put_nowait(pcm)

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        pcm = await self._queue.get()
        frame = AudioFrame(format="s16", layout="mono", samples=len(pcm))
        frame.planes[0].update(pcm.tobytes())
        frame.sample_rate = RATE
        frame.pts = self._pts
        frame.time_base = TIME_BASE
        self._pts += len(pcm)
        return frame


class Leg:
    """A peer on a call: received audio buffered for the mixer, mixed audio sent back."""

    def __init__(self, leg_id: str, role: Role, pc: RTCPeerConnection) -> None:
        self.id = leg_id
        self.role = role
        self.pc = pc
        self.out = MixedTrack()
        self._buffer: Pcm = np.zeros(0, dtype=np.int16)
        self.reader: asyncio.Task[None] | None = None
        self.closed = False

    def received(self, pcm: Pcm) -> None:
        buf = np.concatenate((self._buffer, pcm)) if len(self._buffer) else pcm
        if len(buf) > MAX_BUFFERED:
            buf = buf[-MAX_BUFFERED:]
        self._buffer = buf

    def take(self) -> Pcm | None:
        """The next 20 ms this leg said (padded with silence), or None if it said nothing."""
        buf = self._buffer
        if not len(buf):
            return None
        if len(buf) >= FRAME:
            self._buffer = buf[FRAME:]
            return buf[:FRAME]
        self._buffer = np.zeros(0, dtype=np.int16)
        return np.concatenate((buf, np.zeros(FRAME - len(buf), dtype=np.int16)))

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.out.stop()
        reader, self.reader = self.reader, None
        if reader is not None and reader is not asyncio.current_task():
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader
        try:
            await self.pc.close()
        except Exception:  # a half-open peer must not keep the call from ending
            log.debug("closing leg %s", self.id, exc_info=True)
