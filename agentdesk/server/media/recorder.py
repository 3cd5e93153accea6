"""A call's recording: a stereo 16-bit PCM WAV written frame by frame as the call goes."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from agentdesk.server.media.tones import RATE, Pcm


class WavRecorder:
    """Customer on the left channel, the voices the customer hears on the right."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._wav = wave.open(str(path), "wb")  # noqa: SIM115 - closed in close()
        self._wav.setnchannels(2)
        self._wav.setsampwidth(2)
        self._wav.setframerate(RATE)
        self._pending: list[bytes] = []

    def write(self, left: Pcm, right: Pcm) -> None:
        self._pending.append(np.column_stack((left, right)).astype("<i2").tobytes())
        if len(self._pending) >= 50:  # one second: few small writes on the event loop
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._wav.writeframes(b"".join(self._pending))
            self._pending.clear()

    def close(self) -> None:
        self.flush()
        self._wav.close()
