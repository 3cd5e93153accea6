"""The one PCM shape the media package passes around: 48 kHz mono signed 16-bit, 20 ms."""

from __future__ import annotations

import fractions

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 48_000
FRAME_MS = 20
FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS // 1000  # 960
TIME_BASE = fractions.Fraction(1, SAMPLE_RATE)

#: One frame of audio: ``FRAME_SAMPLES`` int16 samples.
Pcm = npt.NDArray[np.int16]


def silence(samples: int = FRAME_SAMPLES) -> Pcm:
    return np.zeros(samples, dtype=np.int16)


def tone(freq_hz: float, start_sample: int, samples: int = FRAME_SAMPLES, amp: float = 0.3) -> Pcm:
    """A sine at ``freq_hz`` continuing from ``start_sample`` (so frames join without clicks)."""
    t = (np.arange(samples) + start_sample) / SAMPLE_RATE
    wave = amp * np.sin(2 * np.pi * freq_hz * t)
    return (wave * 32767).astype(np.int16)


def dominant_frequency(samples: Pcm, rate: int = SAMPLE_RATE) -> float:
    """The strongest frequency in ``samples`` (Hz), by FFT with a Hann window."""
    if samples.size == 0:
        return 0.0
    data = samples.astype(np.float64) * np.hanning(samples.size)
    spectrum = np.abs(np.fft.rfft(data))
    spectrum[0] = 0.0
    return float(np.argmax(spectrum) * rate / samples.size)
