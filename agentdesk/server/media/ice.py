"""WebRTC peer set-up shared by the bridge and its test peers: host candidates only.

No STUN or TURN unless configured (an offline centre must work). aioice leaves out the
loopback address; on a machine whose only interface is loopback that would leave no
candidate at all, so loopback is offered then.
"""

from __future__ import annotations

import aioice.ice
from aiortc import RTCConfiguration, RTCPeerConnection, RTCRtpSender, RTCRtpTransceiver

_host_addresses = aioice.ice.get_host_addresses
#: The codecs the contract names, in our order of preference.
CODEC_MIME_TYPES = ("audio/opus", "audio/PCMU")


def _with_loopback(use_ipv4: bool, use_ipv6: bool) -> list[str]:
    found = _host_addresses(use_ipv4, use_ipv6)
    return found if found or not use_ipv4 else ["127.0.0.1"]


aioice.ice.get_host_addresses = _with_loopback


def peer_connection() -> RTCPeerConnection:
    """A peer connection that gathers host candidates only."""
    return RTCPeerConnection(RTCConfiguration(iceServers=[]))


def prefer_contract_codecs(
    transceiver: RTCRtpTransceiver, mime_types: tuple[str, ...] = CODEC_MIME_TYPES
) -> None:
    """Offer/answer only Opus and PCMU."""
    caps = RTCRtpSender.getCapabilities("audio").codecs
    transceiver.setCodecPreferences([c for c in caps if c.mimeType in mime_types])
