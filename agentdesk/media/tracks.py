"""aiortc glue: a microphone track fed by the device layer, a sink that plays a remote track."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import numpy as np
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, AudioResampler

from agentdesk.media.audio_format import SAMPLE_RATE, TIME_BASE, Pcm
from agentdesk.media.devices import CaptureStream, PlaybackStream
from agentdesk.media.level import LevelMeter

log = logging.getLogger(__name__)


def to_frame(samples: Pcm, pts: int) -> AudioFrame:
    """``samples`` on both channels: a mono frame would reach the Opus encoder through its
    mono-to-stereo upmix, 3 dB quieter; PCMU's downmix of two equal channels is exact."""
    stereo = np.repeat(samples, 2).reshape(1, -1)
    frame = AudioFrame.from_ndarray(stereo, format="s16", layout="stereo")
    frame.sample_rate = SAMPLE_RATE
    frame.pts = pts
    frame.time_base = TIME_BASE
    return frame


class CaptureTrack(MediaStreamTrack):
    """The operator's voice: frames from a capture stream, metered, silenced when muted."""

    kind = "audio"

    def __init__(self, capture: CaptureStream, meter: LevelMeter) -> None:
        super().__init__()
        self._capture = capture
        self._meter = meter
        self._pts = 0
        #: Local mute: the meter still moves (the operator sees the mic works), nothing is sent.
        self.muted = False

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        samples = await self._capture.read()
        self._meter.update(samples)
        if self.muted:
            samples = np.zeros_like(samples)
        frame = to_frame(samples, self._pts)
        self._pts += samples.size
        return frame

    def stop(self) -> None:
        super().stop()
        self._capture.close()


class PlayoutSink:
    """Reads a remote track until it ends and writes it, as 48 kHz mono, to a playback."""

    def __init__(self, track: MediaStreamTrack, playback: PlaybackStream) -> None:
        self._track = track
        self._playback = playback
        self._resampler = AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        self.frames = 0
        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        try:
            while True:
                frame = await self._track.recv()
                if not isinstance(frame, AudioFrame):
                    continue
                for out in self._resampler.resample(frame):
                    self._playback.write(out.to_ndarray().reshape(-1).astype(np.int16))
                self.frames += 1
        except MediaStreamError:
            pass
        except Exception:
            log.exception("playout stopped")

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._playback.close()
