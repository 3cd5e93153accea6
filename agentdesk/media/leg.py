"""``OperatorLeg``: the operator's WebRTC leg to the server's media bridge (aiortc).

Non-trickle: :meth:`create_offer` and :meth:`answer_offer` return an SDP that already holds
every ICE candidate (aiortc gathers before ``setLocalDescription`` returns). Host candidates
only unless ICE servers are given, codecs Opus and PCMU.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCIceServer,
    RTCPeerConnection,
    RTCRtpCodecCapability,
    RTCRtpSender,
    RTCSessionDescription,
)

from agentdesk.media.devices import AudioDevices
from agentdesk.media.errors import LegError
from agentdesk.media.tracks import CaptureTrack, PlayoutSink

log = logging.getLogger(__name__)

CODECS = ("audio/opus", "audio/PCMU")
CLOSE_TIMEOUT_S = 5.0


def _codec_preferences() -> list[RTCRtpCodecCapability]:
    capabilities = RTCRtpSender.getCapabilities("audio")
    return [c for c in capabilities.codecs if c.mimeType in CODECS]


class OperatorLeg:
    """One call's audio: the device layer's microphone out, the remote audio to the speaker."""

    def __init__(
        self,
        devices: AudioDevices,
        *,
        ice_servers: list[RTCIceServer] | None = None,
        on_state: Callable[[str], None] | None = None,
    ) -> None:
        self._devices = devices
        self._pc = RTCPeerConnection(RTCConfiguration(iceServers=list(ice_servers or [])))
        self._track: CaptureTrack | None = None
        self._sinks: list[PlayoutSink] = []
        self._on_state = on_state
        self._closed = False
        #: Held while an offer or answer is made (aiortc gathers candidates then): a close
        #: waits for it, since closing mid-gathering leaves the new sockets open for good.
        self._signalling = asyncio.Lock()
        self._pc.on("track", self._on_track)
        self._pc.on("connectionstatechange", self._state_changed)

    # ---- state ------------------------------------------------------------------------

    @property
    def state(self) -> str:
        """``new``, ``connecting``, ``connected``, ``failed`` or ``closed``."""
        return str(self._pc.connectionState)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def muted(self) -> bool:
        return self._track.muted if self._track else False

    @muted.setter
    def muted(self, value: bool) -> None:
        if self._track is not None:
            self._track.muted = value

    @property
    def received_frames(self) -> int:
        return sum(s.frames for s in self._sinks)

    # ---- signalling -------------------------------------------------------------------

    async def create_offer(self) -> str:
        """The leg's complete offer (all candidates), to ``POST /interactions/{id}/media``."""
        async with self._signalling:
            if self._closed:
                raise LegError("the leg is closed")
            transceiver = self._pc.addTransceiver(self._ensure_track(), direction="sendrecv")
            transceiver.setCodecPreferences(_codec_preferences())
            await self._pc.setLocalDescription(await self._pc.createOffer())
            return str(self._pc.localDescription.sdp)

    async def apply_answer(self, sdp: str) -> None:
        """The server's answer to :meth:`create_offer`."""
        await self._set_remote(sdp, "answer")

    async def answer_offer(self, sdp: str) -> str:
        """Answer an offer the server started (``media.sdp``): first offer or renegotiation."""
        async with self._signalling:
            await self._set_remote(sdp, "offer")
            if self._track is None:
                self._pc.addTrack(self._ensure_track())
            for transceiver in self._pc.getTransceivers():
                if transceiver.kind == "audio":
                    transceiver.setCodecPreferences(_codec_preferences())
            try:
                await self._pc.setLocalDescription(await self._pc.createAnswer())
            except Exception as exc:  # aiortc raises several kinds for an offer it cannot answer
                raise LegError(f"cannot answer the offer: {exc}") from exc
            return str(self._pc.localDescription.sdp)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for sink in self._sinks:
            await sink.stop()
        self._sinks.clear()
        if self._track is not None:
            self._track.stop()
        try:
            # A peer connection whose transports broke must not hold up a hang-up or quit;
            # an offer or answer being made finishes first (its sockets are then closed too).
            async with asyncio.timeout(CLOSE_TIMEOUT_S):
                async with self._signalling:
                    await self._pc.close()
        except TimeoutError:
            log.warning("the peer connection did not close within %.0f s", CLOSE_TIMEOUT_S)
        self._devices.meter.reset()

    # ---- internals --------------------------------------------------------------------

    def _ensure_track(self) -> CaptureTrack:
        if self._track is None:
            self._track = CaptureTrack(self._devices.open_capture(), self._devices.meter)
        return self._track

    async def _set_remote(self, sdp: str, kind: str) -> None:
        if self._closed:
            raise LegError("the leg is closed")
        if "m=audio" not in sdp:
            raise LegError("the SDP has no audio")
        try:
            await self._pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type=kind))
        except Exception as exc:
            raise LegError(f"unusable SDP {kind}: {exc}") from exc

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "audio":
            self._sinks.append(PlayoutSink(track, self._devices.open_playback()))

    def _state_changed(self) -> None:
        log.info("operator leg: %s", self._pc.connectionState)
        if self._on_state is not None:
            self._on_state(self.state)
