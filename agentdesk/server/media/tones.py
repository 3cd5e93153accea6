"""Synthetic audio the bridge plays: queue audio, hold audio, DTMF. 48 kHz mono int16 frames."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

RATE = 48_000
#: 20 ms at 48 kHz.
FRAME = 960
Pcm = npt.NDArray[np.int16]

#: Queue audio: the Italian ringback tone, 425 Hz, 1 s on and 1 s off (a "tone pattern").
QUEUE_HZ = 425.0
QUEUE_ON_S, QUEUE_OFF_S = 1.0, 1.0
#: Hold audio: a slow two-note melody (C5, E5), half a second each, always sounding.
HOLD_NOTES_HZ = (523.25, 659.25)
HOLD_NOTE_S = 0.5
_LEVEL = 0.25 * 32767

#: DTMF (row, column) frequencies.
_DTMF = {
    "1": (697, 1209), "2": (697, 1336), "3": (697, 1477),
    "4": (770, 1209), "5": (770, 1336), "6": (770, 1477),
    "7": (852, 1209), "8": (852, 1336), "9": (852, 1477),
    "*": (941, 1209), "0": (941, 1336), "#": (941, 1477),
}  # fmt: skip
DTMF_ON_S, DTMF_OFF_S = 0.1, 0.06


def _sine(hz: float, start: int, count: int = FRAME) -> npt.NDArray[np.float64]:
    t = (np.arange(start, start + count, dtype=np.float64)) / RATE
    return np.sin(2 * np.pi * hz * t)


def queue_frame(sample: int) -> Pcm:
    """The queue audio frame that starts at ``sample`` (counted from when it began)."""
    period = int((QUEUE_ON_S + QUEUE_OFF_S) * RATE)
    on = int(QUEUE_ON_S * RATE)
    idx = (np.arange(sample, sample + FRAME) % period) < on
    return (_sine(QUEUE_HZ, sample) * idx * _LEVEL).astype(np.int16)


def hold_frame(sample: int) -> Pcm:
    note = int(sample / (HOLD_NOTE_S * RATE)) % len(HOLD_NOTES_HZ)
    return (_sine(HOLD_NOTES_HZ[note], sample) * _LEVEL).astype(np.int16)


def dtmf_samples(digits: str) -> Pcm:
    """The whole tone sequence for ``digits`` (each tone then a gap)."""
    parts: list[npt.NDArray[np.float64]] = []
    on, off = int(DTMF_ON_S * RATE), int(DTMF_OFF_S * RATE)
    for digit in digits:
        low, high = _DTMF[digit]
        parts.append((_sine(low, 0, on) + _sine(high, 0, on)) * 0.5)
        parts.append(np.zeros(off))
    if not parts:
        return np.zeros(0, dtype=np.int16)
    return (np.concatenate(parts) * _LEVEL).astype(np.int16)


def mix(frames: list[Pcm]) -> Pcm:
    """Sum frames with saturation (no wrap-around on loud overlaps)."""
    if not frames:
        return np.zeros(FRAME, dtype=np.int16)
    if len(frames) == 1:
        return frames[0]
    total = np.sum(np.stack(frames).astype(np.int32), axis=0)
    out: Pcm = np.clip(total, -32768, 32767).astype(np.int16)
    return out
