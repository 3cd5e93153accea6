"""Calls through a bridge host, two aiortc peers each, for a while (benchmarks only).

Run: python -m tests.bench.peer_farm HOST_URL FIRST COUNT — prints "ready" once every call
is up, then keeps them talking until its stdin closes.
"""

from __future__ import annotations

import asyncio
import sys

import httpx

from tests.voicepeer import VoicePeer


async def bridged_call(http: httpx.AsyncClient, call_id: str, a: VoicePeer, b: VoicePeer) -> None:
    for leg, role, peer in (("customer", "customer", a), ("operator", "operator", b)):
        r = await http.post(
            f"/calls/{call_id}/legs/{leg}", json={"role": role, "sdp": await peer.offer()}
        )
        r.raise_for_status()
        await peer.answer(r.json()["sdp"])
    (await http.post(f"/calls/{call_id}/answered")).raise_for_status()


async def main(url: str, first: int, count: int) -> None:
    peers = [(VoicePeer(700), VoicePeer(1100)) for _ in range(count)]
    async with httpx.AsyncClient(base_url=url, timeout=180) as http:
        for i, (a, b) in enumerate(peers):
            await bridged_call(http, f"farm-{first + i}", a, b)
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        for i, (a, b) in enumerate(peers):
            await http.delete(f"/calls/farm-{first + i}")
            await a.close()
            await b.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
