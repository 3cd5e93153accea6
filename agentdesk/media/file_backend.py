"""The file/null audio backend: a WAV file, a tone or silence in; memory (or a WAV) out.

Capture is paced by the event loop's clock exactly as a sound card paces its callback, so
the leg runs the same way with or without a sound card.
"""

from __future__ import annotations

import asyncio
import time
import wave
from collections import deque
from pathlib import Path

import numpy as np

from agentdesk.media.audio_format import (
    FRAME_MS,
    FRAME_SAMPLES,
    SAMPLE_RATE,
    Pcm,
    silence,
    tone,
)
from agentdesk.media.devices import AudioDevice

NULL_INPUT = "null"
NULL_OUTPUT = "null"


def read_wav(path: Path) -> Pcm:
    """A 16-bit WAV as 48 kHz mono samples (channels averaged, rate converted linearly)."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"{path.name}: only 16-bit PCM WAV files are supported")
        channels, rate = wav.getnchannels(), wav.getframerate()
        raw = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    data = raw.reshape(-1, channels).mean(axis=1)
    if rate != SAMPLE_RATE and data.size:
        positions = np.arange(0, data.size, rate / SAMPLE_RATE)
        data = np.interp(positions, np.arange(data.size), data)
    result: Pcm = data.astype(np.int16)
    return result


class FileCapture:
    """Frames from a sample buffer (looped), a tone generator or silence, paced in real time."""

    def __init__(self, samples: Pcm | None = None, tone_hz: float | None = None) -> None:
        self._samples = samples
        self._tone_hz = tone_hz
        self._position = 0
        self._started: float | None = None
        self._frames = 0
        self.closed = False

    async def read(self) -> Pcm:
        now = time.monotonic()
        if self._started is None:
            self._started = now
        due = self._started + self._frames * FRAME_MS / 1000
        if due > now:
            await asyncio.sleep(due - now)
        self._frames += 1
        return self._next()

    def _next(self) -> Pcm:
        start = self._position
        self._position += FRAME_SAMPLES
        if self._tone_hz is not None:
            return tone(self._tone_hz, start)
        if self._samples is None or self._samples.size == 0:
            return silence()
        idx = np.arange(start, start + FRAME_SAMPLES) % self._samples.size
        return self._samples[idx]

    def close(self) -> None:
        self.closed = True


class MemoryPlayback:
    """Keeps the last ``keep_s`` seconds played; writes them to ``record_to`` on close."""

    def __init__(self, keep_s: float = 30.0, record_to: Path | None = None) -> None:
        self._frames: deque[Pcm] = deque(maxlen=max(1, int(keep_s * 1000 / FRAME_MS)))
        self._record_to = record_to
        self.written = 0  # samples ever written
        self.closed = False

    def write(self, samples: Pcm) -> None:
        self._frames.append(samples.astype(np.int16, copy=False))
        self.written += samples.size

    def samples(self) -> Pcm:
        if not self._frames:
            return silence(0)
        return np.concatenate(list(self._frames))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self._record_to is not None:
            with wave.open(str(self._record_to), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(SAMPLE_RATE)
                wav.writeframes(self.samples().tobytes())


class FileBackend:
    """One input (a WAV file, a tone, or silence) and one output (memory, or a WAV file)."""

    name = "file"

    def __init__(
        self,
        source: Path | None = None,
        *,
        tone_hz: float | None = None,
        record_to: Path | None = None,
    ) -> None:
        self._source = source
        self._tone_hz = tone_hz
        self._record_to = record_to
        self.captures: list[FileCapture] = []
        self.playbacks: list[MemoryPlayback] = []

    def input_devices(self) -> list[AudioDevice]:
        if self._source is not None:
            label = f"File: {self._source.name}"
        elif self._tone_hz is not None:
            label = f"Test tone {self._tone_hz:g} Hz"
        else:
            label = "No microphone (silence)"
        silent = self._source is None and self._tone_hz is None
        return [AudioDevice(NULL_INPUT, label, default=True, silent=silent)]

    def output_devices(self) -> list[AudioDevice]:
        label = f"File: {self._record_to.name}" if self._record_to else "No speaker"
        return [AudioDevice(NULL_OUTPUT, label, default=True)]

    def open_capture(self, device_id: str | None) -> FileCapture:
        samples = read_wav(self._source) if self._source is not None else None
        capture = FileCapture(samples, self._tone_hz)
        self.captures.append(capture)
        return capture

    def open_playback(self, device_id: str | None) -> MemoryPlayback:
        playback = MemoryPlayback(record_to=self._record_to)
        self.playbacks.append(playback)
        return playback
