"""A real aiortc peer for voice tests: sends a sine tone, records what it hears.

``VoicePeer(hz)`` makes an offer (non-trickle: all host candidates in the SDP), takes the
answer, sends its tone in 20 ms frames paced by pts like aiortc's own tracks, and keeps the
received audio (48 kHz mono) so a test can ask which frequencies it heard and how loud.
"""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import time

import numpy as np
import numpy.typing as npt
from aiortc import RTCSessionDescription
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame

from agentdesk.server.media.ice import peer_connection, prefer_contract_codecs
from agentdesk.server.media.legs import to_mono48

RATE = 48_000
FRAME = 960


class ToneTrack(MediaStreamTrack):
    """A sine tone (or silence when ``hz`` is None / ``muted``), paced in real time."""

    kind = "audio"

    def __init__(self, hz: float | None, level: float = 0.3) -> None:
        super().__init__()
        self.hz = hz
        self.level = level
        self._pts = 0
        self._start: float | None = None
        #: wall-clock send time of each frame's first sample, by pts (for latency figures)
        self.sent_at: dict[int, float] = {}
        #: Cleared to stop sending anything (a peer that vanished without a goodbye).
        self.sending = asyncio.Event()
        self.sending.set()

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        await self.sending.wait()
        if self._start is None:
            self._start = time.monotonic()
        else:
            wait = self._start + self._pts / RATE - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        t = np.arange(self._pts, self._pts + FRAME) / RATE
        if self.hz is None:
            pcm = np.zeros(FRAME, dtype=np.int16)
        else:
            pcm = (np.sin(2 * np.pi * self.hz * t) * self.level * 32767).astype(np.int16)
        frame = AudioFrame(format="s16", layout="mono", samples=FRAME)
        frame.planes[0].update(pcm.tobytes())
        frame.sample_rate = RATE
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, RATE)
        self.sent_at[self._pts] = time.monotonic()
        self._pts += FRAME
        return frame


class VoicePeer:
    """One WebRTC endpoint with a tone to send and an ear that keeps what it hears."""

    def __init__(self, hz: float | None, codec: str = "audio/opus") -> None:
        self.pc = peer_connection()
        self.tone = ToneTrack(hz)
        self.codec = codec
        transceiver = self.pc.addTransceiver(self.tone, direction="sendrecv")
        prefer_contract_codecs(transceiver, (codec,))
        self._heard: list[npt.NDArray[np.int16]] = []
        #: (monotonic arrival time, samples) per received frame
        self.arrivals: list[tuple[float, npt.NDArray[np.int16]]] = []
        self._reader: asyncio.Task[None] | None = None
        self.ended = asyncio.Event()
        self.pc.on("track", self._on_track)

        @self.pc.on("connectionstatechange")
        async def _state() -> None:
            if self.pc.connectionState in ("closed", "failed"):
                self.ended.set()

    def _on_track(self, track: MediaStreamTrack) -> None:
        self._reader = asyncio.create_task(self._read(track))

    async def _read(self, track: MediaStreamTrack) -> None:
        try:
            while True:
                frame = await track.recv()
                if isinstance(frame, AudioFrame):
                    pcm = to_mono48(frame)
                    self._heard.append(pcm)
                    self.arrivals.append((time.monotonic(), pcm))
        except MediaStreamError:
            self.ended.set()

    async def offer(self) -> str:
        await self.pc.setLocalDescription(await self.pc.createOffer())
        return str(self.pc.localDescription.sdp)

    async def answer(self, sdp: str) -> None:
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))

    async def answer_offer(self, sdp: str) -> str:
        """Answer an offer the other side started (outbound calls, media.sdp)."""
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        return str(self.pc.localDescription.sdp)

    def mark(self) -> int:
        """A position in what was heard so far (to listen from here on)."""
        return len(self._heard)

    async def listen(self, seconds: float = 1.0) -> npt.NDArray[np.int16]:
        """What this peer hears over the next ``seconds``."""
        start = self.mark()
        await asyncio.sleep(seconds)
        return self.heard_since(start)

    def heard_since(self, mark: int) -> npt.NDArray[np.int16]:
        if mark >= len(self._heard):
            return np.zeros(0, dtype=np.int16)
        return np.concatenate(self._heard[mark:])

    async def close(self) -> None:
        await self.pc.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader


def energy_at(pcm: npt.NDArray[np.int16], hz: float, width: float = 30.0) -> float:
    """RMS amplitude (0..1 of full scale) of ``pcm`` in a band around ``hz``, by FFT."""
    if len(pcm) < FRAME:
        return 0.0
    x = pcm.astype(np.float64) / 32768.0
    spectrum = np.fft.rfft(x * np.hanning(len(x)))
    freqs = np.fft.rfftfreq(len(x), 1 / RATE)
    band = (freqs > hz - width) & (freqs < hz + width)
    # Parseval with the Hann window's power gain (3/8) undone.
    power = 2 * np.sum(np.abs(spectrum[band]) ** 2) / (len(x) ** 2 * 0.375)
    return float(np.sqrt(power / 2)) if power > 0 else 0.0


def rms(pcm: npt.NDArray[np.int16]) -> float:
    if not len(pcm):
        return 0.0
    return float(np.sqrt(np.mean((pcm.astype(np.float64) / 32768.0) ** 2)))


def hears(pcm: npt.NDArray[np.int16], hz: float, floor: float = 0.02) -> bool:
    """Whether a tone at ``hz`` is clearly present (the test tones are sent at 0.3)."""
    return energy_at(pcm, hz) > floor
