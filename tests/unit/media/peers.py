"""A plain aiortc peer for the media tests: it sends a tone and records what it hears."""

from __future__ import annotations

import asyncio
import contextlib

import numpy as np
from aiortc import MediaStreamTrack, RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError
from av import AudioFrame, AudioResampler

from agentdesk.media.audio_format import SAMPLE_RATE, Pcm
from agentdesk.media.file_backend import FileCapture
from agentdesk.media.level import LevelMeter
from agentdesk.media.tracks import CaptureTrack


class TonePeer:
    """The far end (the bridge's place in these tests): a tone out, a recording in."""

    def __init__(self, tone_hz: float) -> None:
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.track = CaptureTrack(FileCapture(tone_hz=tone_hz), LevelMeter())
        self.heard: list[Pcm] = []
        self._tasks: list[asyncio.Task[None]] = []
        #: Held while candidates are gathered: closing then would leave sockets behind.
        self._signalling = asyncio.Lock()
        self.pc.on("track", self._on_track)

    def _on_track(self, track: MediaStreamTrack) -> None:
        self._tasks.append(asyncio.ensure_future(self._record(track)))

    async def _record(self, track: MediaStreamTrack) -> None:
        resampler = AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        with contextlib.suppress(MediaStreamError):
            while True:
                frame = await track.recv()
                assert isinstance(frame, AudioFrame)
                for out in resampler.resample(frame):
                    self.heard.append(out.to_ndarray().reshape(-1).astype(np.int16))

    async def answer(self, offer_sdp: str) -> str:
        async with self._signalling:
            await self.pc.setRemoteDescription(RTCSessionDescription(offer_sdp, "offer"))
            self.pc.addTrack(self.track)
            await self.pc.setLocalDescription(await self.pc.createAnswer())
            return str(self.pc.localDescription.sdp)

    async def offer(self) -> str:
        async with self._signalling:
            self.pc.addTransceiver(self.track, direction="sendrecv")
            await self.pc.setLocalDescription(await self.pc.createOffer())
            return str(self.pc.localDescription.sdp)

    async def apply_answer(self, sdp: str) -> None:
        async with self._signalling:
            await self.pc.setRemoteDescription(RTCSessionDescription(sdp, "answer"))

    def last(self, seconds: float) -> Pcm:
        data = np.concatenate(self.heard) if self.heard else np.zeros(0, dtype=np.int16)
        return data[-int(seconds * SAMPLE_RATE) :]

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self.track.stop()
        async with self._signalling:  # a gathering under way finishes first
            await self.pc.close()


async def wait_for(condition: object, limit_s: float = 10.0) -> None:
    """Poll ``condition()`` on the loop until it holds (a signal-less aiortc state)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_s
    while not condition():  # type: ignore[operator]
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
