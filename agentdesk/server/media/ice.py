"""WebRTC peer set-up shared by the bridge and its test peers: host candidates only.

No STUN or TURN unless configured (an offline centre must work). aioice leaves out the
loopback address; on a machine whose only interface is loopback that would leave no
candidate at all, so loopback is offered then.

aiortc computes every sent audio frame's level (RFC 6465) in a pure-Python loop over the
samples; a bridge sends 50 frames a second on every leg, so the same formula is computed
with numpy instead (same result, a fraction of the CPU).
"""

from __future__ import annotations

import math

import aioice.ice
import aiortc.rtp
import numpy as np
from aiortc import RTCConfiguration, RTCPeerConnection, RTCRtpSender, RTCRtpTransceiver
from av import AudioFrame

_host_addresses = aioice.ice.get_host_addresses
#: The codecs the contract names, in our order of preference.
CODEC_MIME_TYPES = ("audio/opus", "audio/PCMU")


def _with_loopback(use_ipv4: bool, use_ipv6: bool) -> list[str]:
    found = _host_addresses(use_ipv4, use_ipv6)
    return found if found or not use_ipv4 else ["127.0.0.1"]


aioice.ice.get_host_addresses = _with_loopback


def _audio_level_dbov(frame: AudioFrame) -> int:
    """``aiortc.rtp.compute_audio_level_dbov`` with numpy (same formula, same rounding)."""
    samples = np.frombuffer(bytes(frame.planes[0]), dtype=np.int16).astype(np.float64)
    rms = math.sqrt(float(np.dot(samples, samples)) / (frame.samples * 32767.0 * 32767.0))
    if rms <= 0:
        return -127
    return round(min(max(20 * math.log10(rms), -127), 0))


aiortc.rtp.compute_audio_level_dbov = _audio_level_dbov


def peer_connection() -> RTCPeerConnection:
    """A peer connection that gathers host candidates only."""
    return RTCPeerConnection(RTCConfiguration(iceServers=[]))


def prefer_contract_codecs(
    transceiver: RTCRtpTransceiver, mime_types: tuple[str, ...] = CODEC_MIME_TYPES
) -> None:
    """Offer/answer only Opus and PCMU."""
    caps = RTCRtpSender.getCapabilities("audio").codecs
    transceiver.setCodecPreferences([c for c in caps if c.mimeType in mime_types])
