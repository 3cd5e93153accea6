"""The ring tone, played through the device layer's output while a call is offered.

Italian ringing cadence (425 Hz, 1 s on, 4 s off), written frame by frame in real time so
the playback buffer stays short and stopping is immediate.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from agentdesk.media.audio_format import FRAME_MS, FRAME_SAMPLES, silence, tone
from agentdesk.media.devices import AudioDevices, PlaybackStream

log = logging.getLogger(__name__)

RING_HZ = 425.0
ON_FRAMES = 1000 // FRAME_MS
PERIOD_FRAMES = 5000 // FRAME_MS


class Ringer:
    """``start()`` rings until ``stop()``; both are idempotent and never block."""

    def __init__(self, devices: AudioDevices) -> None:
        self._devices = devices
        self._task: asyncio.Task[None] | None = None
        self.frames_played = 0

    @property
    def ringing(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if self.ringing:
            return
        try:
            playback = self._devices.open_playback()
        except Exception:  # no speaker: the notification still shows
            log.warning("cannot open the speaker to ring", exc_info=True)
            return
        self._task = asyncio.ensure_future(self._ring(playback))

    async def _ring(self, playback: PlaybackStream) -> None:
        loop = asyncio.get_running_loop()
        started = loop.time()
        frame = 0
        try:
            while True:
                in_period = frame % PERIOD_FRAMES
                if in_period < ON_FRAMES:
                    samples = tone(RING_HZ, in_period * FRAME_SAMPLES, amp=0.25)
                else:
                    samples = silence()
                playback.write(samples)
                self.frames_played += 1
                frame += 1
                delay = started + frame * FRAME_MS / 1000 - loop.time()
                await asyncio.sleep(max(0.0, delay))
        finally:
            playback.close()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
