"""The microphone level meter: RMS and peak in dBFS of the latest frames."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the first frame, not with the window
    from agentdesk.media.audio_format import Pcm

#: The floor shown for digital silence.
FLOOR_DBFS = -96.0

LevelCallback = Callable[[float, float], None]


def dbfs(value: float) -> float:
    """A linear level (1.0 = full scale) in dBFS, never below :data:`FLOOR_DBFS`."""
    if value <= 0.0:
        return FLOOR_DBFS
    return max(FLOOR_DBFS, 20.0 * math.log10(value))


class LevelMeter:
    """Fed with every captured frame; exposes ``rms_dbfs`` / ``peak_dbfs`` and a callback.

    The callback runs on whatever thread feeds the meter (the event loop for the leg);
    the GUI polls the properties on a timer instead of redrawing per frame.
    """

    def __init__(self, on_level: LevelCallback | None = None) -> None:
        self.on_level = on_level
        self.rms_dbfs = FLOOR_DBFS
        self.peak_dbfs = FLOOR_DBFS
        self.frames = 0

    def update(self, samples: Pcm) -> None:
        import numpy as np

        if samples.size == 0:
            return
        data = samples.astype(np.float64) / 32768.0
        self.rms_dbfs = dbfs(float(np.sqrt(np.mean(data * data))))
        self.peak_dbfs = dbfs(float(np.max(np.abs(data))))
        self.frames += 1
        if self.on_level is not None:
            self.on_level(self.rms_dbfs, self.peak_dbfs)

    def reset(self) -> None:
        self.rms_dbfs = self.peak_dbfs = FLOOR_DBFS
