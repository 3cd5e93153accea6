"""Calls through a bridge host, two aiortc peers each, for a while (benchmarks only).

Run: python -m tests.bench.peer_farm HOST_URL FIRST COUNT [CODEC] — prints "ready" once every
call is up, then keeps them talking until its stdin closes. CODEC is the peers' codec
(``audio/opus``, the default, or ``audio/PCMU`` as a telephone gateway's trunk sends).
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import httpx

from agentdesk.server.media.legs import InlineEncoder, low_latency_receiver, negotiated_codec
from tests.voicepeer import ToneTrack, VoicePeer


class EncodedTone(ToneTrack):
    """The tone, encoded on the event loop once the codec is known (as the bridge's legs do):
    a farm of aiortc peers that encode and decode through aiortc's threads cannot keep 20
    calls talking on a 2-core machine next to the bridge it measures."""

    def __init__(self, hz: float) -> None:
        super().__init__(hz)
        self.encoder = InlineEncoder()

    async def recv(self) -> Any:
        out = self.encoder.encode(await super().recv())
        return out if out is not None else await self.recv()


def cheap_peer(hz: float, codec: str) -> VoicePeer:
    """A :class:`VoicePeer` that decodes and encodes on its event loop."""
    peer = VoicePeer(None, codec)
    transceiver = peer.pc.getTransceivers()[0]
    tone = EncodedTone(hz)
    transceiver.sender.replaceTrack(tone)
    peer.tone = tone
    low_latency_receiver(transceiver)
    return peer


async def bridged_call(http: httpx.AsyncClient, call_id: str, a: VoicePeer, b: VoicePeer) -> None:
    for leg, role, peer in (("customer", "customer", a), ("operator", "operator", b)):
        r = await http.post(
            f"/calls/{call_id}/legs/{leg}", json={"role": role, "sdp": await peer.offer()}
        )
        r.raise_for_status()
        answer = r.json()["sdp"]
        await peer.answer(answer)
        if isinstance(peer.tone, EncodedTone):
            peer.tone.encoder.use(negotiated_codec(answer))
    (await http.post(f"/calls/{call_id}/answered")).raise_for_status()


async def main(url: str, first: int, count: int, codec: str) -> None:
    peers = [(cheap_peer(700, codec), cheap_peer(1100, codec)) for _ in range(count)]
    async with httpx.AsyncClient(base_url=url, timeout=180) as http:
        await asyncio.gather(
            *(bridged_call(http, f"farm-{first + i}", a, b) for i, (a, b) in enumerate(peers))
        )
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        for i, (a, b) in enumerate(peers):
            await http.delete(f"/calls/farm-{first + i}")
            await a.close()
            await b.close()


if __name__ == "__main__":
    codec = sys.argv[4] if len(sys.argv) > 4 else "audio/opus"
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), codec))
