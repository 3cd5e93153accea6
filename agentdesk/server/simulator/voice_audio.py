"""What simulated callers say: Italian phrases spoken by espeak-ng, or a voice-like signal.

Phrases are rendered once per process at start (``espeak-ng -v it``); where espeak-ng is
missing, a synthetic voice stands in (harmonics of a gliding pitch, shaped into syllables),
so the operator always hears someone, never silence.
"""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import io
import logging
import shutil
import time
import wave

import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame

log = logging.getLogger(__name__)

RATE = 48_000
FRAME = 960
Pcm = npt.NDArray[np.int16]

PHRASES = (
    "Buongiorno, chiamo per la bolletta dell'ultimo bimestre.",
    "Mi sembra un importo molto più alto del solito.",
    "Sì, il codice cliente ce l'ho qui davanti.",
    "Va bene, grazie mille per l'aiuto.",
    "Pronto? Sì, sono io, mi dica pure.",
)


async def _espeak(text: str) -> Pcm | None:
    exe = shutil.which("espeak-ng")
    if exe is None:
        return None
    proc = await asyncio.create_subprocess_exec(
        exe, "-v", "it", "-s", "150", "--stdout", text,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        data, _ = await proc.communicate()
    except asyncio.CancelledError:
        # The server is stopping: end the child with it, not after its loop has closed.
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        with contextlib.suppress(Exception):
            await asyncio.shield(proc.wait())
        raise
    if proc.returncode != 0 or not data:
        return None
    try:
        with wave.open(io.BytesIO(data)) as w:
            rate = w.getframerate()
            raw = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    except (wave.Error, EOFError):
        return None
    count = len(raw) * RATE // rate
    resampled = np.interp(np.arange(count) * (rate / RATE), np.arange(len(raw)), raw)
    out: Pcm = resampled.astype(np.int16)
    return out


def voice_like(seconds: float, pitch_hz: float, seed: int) -> Pcm:
    """Harmonics of a gliding pitch, cut into syllables of 150-300 ms with short gaps."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    pitch = pitch_hz * (1 + 0.08 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(pitch) / RATE
    signal = sum(np.sin(k * phase) / k for k in range(1, 6))
    envelope = np.zeros(n)
    pos = 0
    while pos < n:
        length = int(rng.uniform(0.15, 0.3) * RATE)
        end = min(n, pos + length)
        envelope[pos:end] = np.hanning(end - pos)
        pos = end + int(rng.uniform(0.03, 0.12) * RATE)
    out: Pcm = (signal * envelope * 0.25 * 32767 / 2).astype(np.int16)
    return out


class Voices:
    """The phrases, rendered once."""

    def __init__(self) -> None:
        self.phrases: list[Pcm] = []

    async def load(self) -> None:
        if self.phrases:
            return
        for i, text in enumerate(PHRASES):
            pcm = await _espeak(text)
            self.phrases.append(pcm if pcm is not None else voice_like(2.5, 140 + 15 * i, i))
        if shutil.which("espeak-ng") is None:
            log.info("simulator: espeak-ng not found; callers use a voice-like signal")


class SpeakingTrack(MediaStreamTrack):
    """A caller who says a phrase, pauses, says another, in real time (pts-paced)."""

    kind = "audio"

    def __init__(self, phrases: list[Pcm], seed: int) -> None:
        super().__init__()
        rng = np.random.default_rng(seed)
        parts: list[Pcm] = []
        for index in rng.permutation(len(phrases)):
            parts.append(phrases[int(index)])
            parts.append(np.zeros(int(rng.uniform(1.5, 4.0) * RATE), dtype=np.int16))
        self._script: Pcm = np.concatenate(parts) if parts else np.zeros(FRAME, dtype=np.int16)
        self._pts = 0
        self._start: float | None = None

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self._start is None:
            self._start = time.monotonic()
        else:
            wait = self._start + self._pts / RATE - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        at = self._pts % len(self._script)
        chunk = self._script[at : at + FRAME]
        if len(chunk) < FRAME:
            chunk = np.concatenate((chunk, self._script[: FRAME - len(chunk)]))
        frame = AudioFrame(format="s16", layout="mono", samples=FRAME)
        frame.planes[0].update(chunk.tobytes())
        frame.sample_rate = RATE
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, RATE)
        self._pts += FRAME
        return frame
