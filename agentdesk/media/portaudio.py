"""The real audio backend: PortAudio through ``sounddevice``.

PortAudio calls back on its own thread; frames reach the event loop with
``call_soon_threadsafe`` and playback reads from a lock-protected queue, so nothing here
blocks the loop (the GUI's) or the audio thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import deque
from typing import Any

import numpy as np
import sounddevice as sd

from agentdesk.media.audio_format import FRAME_SAMPLES, SAMPLE_RATE, Pcm, silence
from agentdesk.media.devices import AudioDevice

log = logging.getLogger(__name__)

#: Frames buffered before the oldest is dropped (latency cap: 10 x 20 ms).
MAX_QUEUED = 10


def _devices(kind: str) -> list[AudioDevice]:
    default_in, default_out = sd.default.device
    default = default_in if kind == "input" else default_out
    key = "max_input_channels" if kind == "input" else "max_output_channels"
    found: list[AudioDevice] = []
    for index, info in enumerate(sd.query_devices()):
        if int(info[key]) > 0:
            found.append(AudioDevice(str(index), str(info["name"]), default=index == default))
    return found


def _device(device_id: str | None) -> int | None:
    return int(device_id) if device_id is not None and device_id.isdigit() else None


class PortAudioCapture:
    def __init__(self, device_id: str | None) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[Pcm] = asyncio.Queue(maxsize=MAX_QUEUED)
        self._stream = sd.InputStream(
            samplerate=SAMPLE_RATE,
            channels=1,
            dtype="int16",
            blocksize=FRAME_SAMPLES,
            device=_device(device_id),
            callback=self._callback,
        )
        self._stream.start()

    def _callback(self, indata: Any, _frames: int, _time: Any, status: Any) -> None:
        if status:
            log.debug("capture status: %s", status)
        samples = np.array(indata[:, 0], dtype=np.int16)
        self._loop.call_soon_threadsafe(self._put, samples)

    def _put(self, samples: Pcm) -> None:
        if self._queue.full():
            self._queue.get_nowait()
        self._queue.put_nowait(samples)

    async def read(self) -> Pcm:
        return await self._queue.get()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._stream.stop()
            self._stream.close()


class PortAudioPlayback:
    def __init__(self, device_id: str | None) -> None:
        self._lock = threading.Lock()
        self._pending: deque[Pcm] = deque(maxlen=MAX_QUEUED)
        self._stream = sd.OutputStream(
            samplerate=SAMPLE_RATE,
            channels=1,
            dtype="int16",
            blocksize=FRAME_SAMPLES,
            device=_device(device_id),
            callback=self._callback,
        )
        self._stream.start()

    def write(self, samples: Pcm) -> None:
        with self._lock:
            self._pending.append(samples)

    def _callback(self, outdata: Any, frames: int, _time: Any, _status: Any) -> None:
        with self._lock:
            chunk = self._pending.popleft() if self._pending else silence(frames)
        if chunk.size < frames:
            chunk = np.concatenate([chunk, silence(frames - chunk.size)])
        outdata[:, 0] = chunk[:frames]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._stream.stop()
            self._stream.close()


class PortAudioBackend:
    name = "portaudio"

    def input_devices(self) -> list[AudioDevice]:
        return _devices("input")

    def output_devices(self) -> list[AudioDevice]:
        return _devices("output")

    def open_capture(self, device_id: str | None) -> PortAudioCapture:
        return PortAudioCapture(device_id)

    def open_playback(self, device_id: str | None) -> PortAudioPlayback:
        return PortAudioPlayback(device_id)
