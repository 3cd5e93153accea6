"""The operator's leg against a real aiortc peer on loopback: audio both ways, meter, SDP."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import numpy as np
import pytest

from agentdesk.media.audio_format import SAMPLE_RATE, dominant_frequency
from agentdesk.media.devices import AudioDevices
from agentdesk.media.file_backend import FileBackend
from agentdesk.media.leg import LegError, OperatorLeg
from tests.unit.media.peers import TonePeer, wait_for


def played_samples(backend: FileBackend) -> int:
    return backend.playbacks[0].written if backend.playbacks else 0


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean((samples.astype(np.float64) / 32768.0) ** 2)))


@pytest.fixture
async def operator() -> AsyncIterator[tuple[OperatorLeg, FileBackend, AudioDevices]]:
    backend = FileBackend(tone_hz=440.0)
    devices = AudioDevices(backend)
    leg = OperatorLeg(devices)
    yield leg, backend, devices
    await leg.close()


async def test_the_leg_sends_its_tone_and_the_meter_reads_it(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, _backend, devices = operator
    peer = TonePeer(tone_hz=1000.0)
    try:
        await leg.apply_answer(await peer.answer(await leg.create_offer()))
        await wait_for(lambda: sum(a.size for a in peer.heard) > SAMPLE_RATE)
        heard = peer.last(0.5)
        assert abs(dominant_frequency(heard) - 440.0) < 15.0
        assert rms(heard) > 0.05  # a tone at -13.5 dBFS, not codec noise
        # The meter reads the microphone: a 0.3 sine is -13.5 dBFS RMS, -10.5 dBFS peak.
        assert devices.meter.rms_dbfs == pytest.approx(-13.5, abs=0.5)
        assert devices.meter.peak_dbfs == pytest.approx(-10.5, abs=0.5)
        assert leg.state == "connected"
    finally:
        await peer.close()


async def test_the_leg_plays_what_the_peer_sends(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, backend, _devices = operator
    peer = TonePeer(tone_hz=1000.0)
    try:
        await leg.apply_answer(await peer.answer(await leg.create_offer()))
        await wait_for(lambda: played_samples(backend) > SAMPLE_RATE)
        played = backend.playbacks[0].samples()[-SAMPLE_RATE // 2 :]
        assert abs(dominant_frequency(played) - 1000.0) < 15.0
        assert rms(played) > 0.05
    finally:
        await peer.close()


async def test_the_leg_answers_an_offer_the_server_starts(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, backend, _devices = operator
    peer = TonePeer(tone_hz=800.0)
    try:
        await peer.apply_answer(await leg.answer_offer(await peer.offer()))
        await wait_for(lambda: sum(a.size for a in peer.heard) > SAMPLE_RATE)
        assert abs(dominant_frequency(peer.last(0.5)) - 440.0) < 15.0
        await wait_for(lambda: played_samples(backend) > SAMPLE_RATE)
        assert abs(dominant_frequency(backend.playbacks[0].samples()[-24000:]) - 800.0) < 15.0
    finally:
        await peer.close()


async def test_mute_silences_the_leg_but_the_meter_still_moves(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, _backend, devices = operator
    peer = TonePeer(tone_hz=1000.0)
    try:
        await leg.apply_answer(await peer.answer(await leg.create_offer()))
        await wait_for(lambda: sum(a.size for a in peer.heard) > SAMPLE_RATE // 2)
        leg.muted = True
        before = sum(a.size for a in peer.heard)
        await wait_for(lambda: sum(a.size for a in peer.heard) > before + SAMPLE_RATE)
        assert rms(peer.last(0.5)) < 0.01
        assert devices.meter.rms_dbfs > -20.0
    finally:
        await peer.close()


async def test_the_offer_is_complete_host_only_opus_and_pcmu(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, _backend, _devices = operator
    sdp = await leg.create_offer()
    candidates = re.findall(r"^a=candidate:.*$", sdp, flags=re.MULTILINE)
    assert candidates, "non-trickle: the offer carries its candidates"
    assert all(" typ host" in c for c in candidates)
    codecs = {m.lower() for m in re.findall(r"^a=rtpmap:\d+ ([A-Za-z0-9]+)/", sdp, re.MULTILINE)}
    assert codecs == {"opus", "pcmu"}


async def test_garbage_sdp_is_refused_and_the_leg_survives(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, _backend, _devices = operator
    await leg.create_offer()
    with pytest.raises(LegError):
        await leg.apply_answer("v=0\r\nthis is not an sdp")
    with pytest.raises(LegError):
        await leg.apply_answer("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\ngarbage")
    assert not leg.closed


async def test_close_ends_the_peer_connection(
    operator: tuple[OperatorLeg, FileBackend, AudioDevices],
) -> None:
    leg, backend, _devices = operator
    peer = TonePeer(tone_hz=1000.0)
    try:
        await leg.apply_answer(await peer.answer(await leg.create_offer()))
        await wait_for(lambda: leg.state == "connected")
        await leg.close()
        assert leg.state == "closed"
        assert backend.captures[0].closed
        with pytest.raises(LegError):
            await leg.apply_answer("v=0\r\nm=audio 9 RTP/AVP 0")
    finally:
        await peer.close()
