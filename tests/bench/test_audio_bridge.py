"""Audio through the media bridge: one-way latency and CPU per bridged call.

Latency: a peer sends 60 ms tone pulses every half second; the time from a pulse's first
frame leaving the sender to the first loud frame arriving is measured for two aiortc peers
connected directly (the baseline) and for two peers through the bridge (customer leg and
operator leg, mixed on its 20 ms clock) running in its own process, in the same run.
Goal: the bridge adds at most 20 ms.

CPU: the bridge runs alone in a process (``bridge_host``); calls come from peer processes
(``peer_farm``, two, so the peers' own work does not starve the bridge); the bridge
process's CPU time over a fixed window, per call. Goal: 20 calls fit on 2 cores.

Run: .venv/bin/python -m pytest tests/bench/test_audio_bridge.py -s -o addopts=""
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import numpy as np
import pytest
from av import AudioFrame

from tests.bench._figures import report
from tests.bench.peer_farm import bridged_call
from tests.bench.test_offer_latency import free_port
from tests.voicepeer import FRAME, ToneTrack, VoicePeer, rms

ROOT = Path(__file__).resolve().parents[2]
PULSE_EVERY = 25  # frames (0.5 s)
PULSE_LEN = 3  # frames (60 ms)
LATENCY_S = 12.0
CPU_WINDOW_S = 8.0
TICK = os.sysconf("SC_CLK_TCK")


class PulseTrack(ToneTrack):
    """Silence with a 1 kHz pulse every half second; remembers when each pulse left."""

    def __init__(self) -> None:
        super().__init__(1000.0)
        self.pulses: list[float] = []

    async def recv(self) -> AudioFrame:
        index = self._pts // FRAME
        frame = await super().recv()
        if index % PULSE_EVERY >= PULSE_LEN:
            frame.planes[0].update(np.zeros(FRAME, dtype=np.int16).tobytes())
        elif index % PULSE_EVERY == 0:
            self.pulses.append(self.sent_at[index * FRAME])
        return frame


def _pulse_peer() -> VoicePeer:
    peer = VoicePeer(None)
    track = PulseTrack()
    peer.pc.getTransceivers()[0].sender.replaceTrack(track)
    peer.tone = track
    return peer


def _latencies(sender: VoicePeer, receiver: VoicePeer) -> list[float]:
    assert isinstance(sender.tone, PulseTrack)
    onsets: list[float] = []
    loud = False
    for at, pcm in receiver.arrivals:
        level = rms(pcm)
        if level > 0.03 and not loud:
            onsets.append(at)
        loud = level > 0.01
    out: list[float] = []
    for sent in sender.tone.pulses:
        later = [o - sent for o in onsets if 0 <= o - sent < 0.4]
        if later:
            out.append(min(later) * 1000)
    return out[2:]  # the first pulses meet jitter buffers still settling


@asynccontextmanager
async def bridge_host() -> AsyncIterator[tuple[str, int]]:
    port = free_port()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.bench.bridge_host", str(port), cwd=ROOT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as http:
            for _ in range(200):
                try:
                    await http.delete(f"{url}/calls/none")
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.05)
        yield url, proc.pid
    finally:
        proc.terminate()
        await proc.wait()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


async def _measure_latency(url: str) -> dict[str, list[float]]:
    direct_a, direct_b = _pulse_peer(), VoicePeer(None)
    bridged_a, bridged_b = _pulse_peer(), VoicePeer(None)
    try:
        await direct_a.answer(await direct_b.answer_offer(await direct_a.offer()))
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            await bridged_call(http, "latency", bridged_a, bridged_b)
        await asyncio.sleep(LATENCY_S)
        return {
            "direct peer to peer": _latencies(direct_a, direct_b),
            "through the bridge process": _latencies(bridged_a, bridged_b),
        }
    finally:
        for peer in (direct_a, direct_b, bridged_a, bridged_b):
            await peer.close()


async def _stats(url: str) -> dict[str, int]:
    async with httpx.AsyncClient() as http:
        return dict((await http.get(f"{url}/stats")).json())


async def _frames_in(url: str) -> int:
    return (await _stats(url))["frames_in"]


async def _bridge_cpu(url: str, pid: int, calls: int, codec: str) -> tuple[float, float]:
    """The bridge process's CPU (fraction of one core) with ``calls`` calls up, both legs
    of each in ``codec``, and the share of the expected audio frames (50 a second per leg)
    that reached it."""
    halves = [calls // 2, calls - calls // 2]
    farms = []
    first = 0
    for count in halves:
        if count:
            farms.append(
                await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "tests.bench.peer_farm", url, str(first), str(count),
                    codec, cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                )
            )  # fmt: skip
            first += count
    for farm in farms:
        assert farm.stdout is not None
        line = await asyncio.wait_for(farm.stdout.readline(), SET_UP_S)
        assert line.strip() == b"ready", "a peer farm failed to set up its calls (see stderr)"
    await asyncio.sleep(1.0)  # flowing
    cpu0, wall0, frames0 = _cpu_seconds(pid), time.monotonic(), await _frames_in(url)
    await asyncio.sleep(CPU_WINDOW_S)
    stats, wall1 = await _stats(url), time.monotonic()
    frames1 = stats["frames_in"]
    used = (_cpu_seconds(pid) - cpu0) / (wall1 - wall0)
    if stats["legs"] < 2 * calls:
        print(f"  ({stats['legs']} of {2 * calls} legs still up: the bridge dropped silent ones)")
    delivered = (frames1 - frames0) / ((wall1 - wall0) * 50 * 2 * calls)
    for farm in farms:
        assert farm.stdin is not None
        farm.stdin.close()
        await farm.wait()
    return used, delivered


#: Both legs of every call in one codec: Opus (WebRTC clients), then PCMU (G.711, what a
#: telephone gateway's trunk carries; its peers cost little, so 20 calls can be driven from
#: this same 2-core machine).
CODECS = (("audio/opus", "Opus legs"), ("audio/PCMU", "PCMU (G.711) legs"))

#: A peer farm sets its calls up within this (a loaded machine sets 20 calls up slowly).
SET_UP_S = 240

#: A row measures its calls only if the peers got this share of their frames to the bridge.
FULL = 0.9


def _cpu_verdict(figures: dict[int, tuple[float, float]]) -> None:
    """The 20-call figure, or (when the peer processes could not keep 20 calls talking on
    this machine) a projection from the rows that were measured at full rate."""
    used20, delivered20 = figures[20]
    if delivered20 >= FULL:
        print(f"20 calls take {used20 * 100:.0f}% of one core (goal: fit on 2 cores = 200%)")
        return
    print(
        f"20 calls: only {delivered20 * 100:.0f}% of the frames reached the bridge (the peer"
        " processes ran out of CPU on this machine), so that row is not 20 full calls"
    )
    if delivered20 > 0:
        # The bridge's work is per frame (decode, mix or forward, encode, RTP/SRTP): scaled to
        # every frame arriving. An overestimate, as the fixed part (clock, server) scales too.
        print(
            f"scaled to full rate: 20 calls ~ {used20 / delivered20 * 100:.0f}% of one core"
            " (goal: 200%)"
        )
    (used1, ok1), (used5, ok5) = figures[1], figures[5]
    if ok1 >= FULL and ok5 >= FULL:
        marginal = (used5 - used1) / 4
        projected = used1 + 19 * marginal
        print(
            f"projected from 1 and 5 full calls: {marginal * 100:.1f}% of a core per extra"
            f" call, 20 calls ~ {projected * 100:.0f}% of one core (goal: 200%)"
        )
    else:
        print("no projection either: the 1- and 5-call rows were not at full rate")


@pytest.mark.timeout(1800)
async def test_audio_bridge_latency_and_cpu() -> None:
    async with bridge_host() as (url, pid):
        latency = await _measure_latency(url)
        report("one-way audio latency", latency)
        added = np.median(latency["through the bridge process"]) - np.median(
            latency["direct peer to peer"]
        )
        print(f"the bridge adds {added:.1f} ms at p50 (goal <= 20 ms)")

        for codec, label in CODECS:
            print(f"\n== bridge CPU, {label} ({os.cpu_count()} cores here; % of one core)")
            print(f"{'calls':>6}{'bridge total':>14}{'per call':>10}{'frames in':>11}")
            figures: dict[int, tuple[float, float]] = {}
            for calls in (1, 5, 20):
                used, delivered = await _bridge_cpu(url, pid, calls, codec)
                figures[calls] = (used, delivered)
                print(
                    f"{calls:6d}{used * 100:13.1f}%{used / calls * 100:9.2f}%"
                    f"{delivered * 100:10.0f}%",
                    flush=True,
                )
            _cpu_verdict(figures)
    assert latency["through the bridge process"] and latency["direct peer to peer"]
