"""The device layer: listing and choosing devices, backends, the level meter."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from agentdesk.media.audio_format import FRAME_SAMPLES, dominant_frequency, tone
from agentdesk.media.devices import AudioDevices, default_backend
from agentdesk.media.file_backend import FileBackend
from agentdesk.media.level import FLOOR_DBFS, LevelMeter


def test_the_null_backend_is_chosen_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENTDESK_AUDIO", "null")
    backend = default_backend()
    assert backend.name == "file"
    devices = AudioDevices(backend)
    assert [d.name for d in devices.inputs()] == ["No microphone (silence)"]
    assert [d.name for d in devices.outputs()] == ["No speaker"]


def test_devices_are_listed_and_chosen() -> None:
    devices = AudioDevices(FileBackend(tone_hz=440.0))
    (mic,) = devices.inputs()
    assert mic.default and "440" in mic.name
    devices.choose_input(mic.id)
    devices.choose_output(devices.outputs()[0].id)
    assert devices.input_id == mic.id
    assert devices.output_id == "null"


def test_the_meter_reads_silence_and_a_tone() -> None:
    levels: list[tuple[float, float]] = []
    meter = LevelMeter(on_level=lambda rms, peak: levels.append((rms, peak)))
    meter.update(np.zeros(FRAME_SAMPLES, dtype=np.int16))
    assert meter.rms_dbfs == FLOOR_DBFS
    meter.update(tone(1000.0, 0, amp=0.5))
    assert meter.rms_dbfs == pytest.approx(-9.03, abs=0.2)
    assert meter.peak_dbfs == pytest.approx(-6.02, abs=0.2)
    assert len(levels) == 2


async def test_a_wav_file_is_the_microphone_and_a_wav_file_the_speaker(tmp_path: Path) -> None:
    source = tmp_path / "voice.wav"
    with wave.open(str(source), "wb") as wav:  # 8 kHz stereo: converted on the way in
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        mono = (0.4 * 32767 * np.sin(2 * np.pi * 300 * np.arange(8000) / 8000)).astype(np.int16)
        wav.writeframes(np.repeat(mono, 2).tobytes())
    out = tmp_path / "heard.wav"
    devices = AudioDevices(FileBackend(source, record_to=out))
    capture = devices.open_capture()
    frames = [await capture.read() for _ in range(25)]
    assert abs(dominant_frequency(np.concatenate(frames)) - 300.0) < 10.0
    playback = devices.open_playback()
    for frame in frames:
        playback.write(frame)
    playback.close()
    with wave.open(str(out), "rb") as wav:
        assert wav.getnframes() == 25 * FRAME_SAMPLES
