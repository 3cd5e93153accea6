"""The audio device layer: one interface, a real backend and a file/null backend.

The softphone (ring tone, the call's microphone and speaker) only ever talks to
:class:`AudioDevices`; which backend sits behind it is chosen once at start-up
(:func:`default_backend`), so tests and CI without a sound card run the same code path.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from agentdesk.media.level import LevelCallback, LevelMeter

if TYPE_CHECKING:
    from agentdesk.media.audio_format import Pcm

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AudioDevice:
    """An input or output the operator can choose (``id`` is the backend's own key)."""

    id: str
    name: str
    default: bool = False
    #: An input that only ever gives silence (the null backend): nothing to meter.
    silent: bool = False


class CaptureStream(Protocol):
    """Microphone frames, paced in real time by the device (or a clock for files)."""

    async def read(self) -> Pcm:
        """The next 20 ms frame (``FRAME_SAMPLES`` int16 samples)."""
        ...

    def close(self) -> None: ...


class PlaybackStream(Protocol):
    """Somewhere to play 48 kHz mono int16 samples; never blocks."""

    def write(self, samples: Pcm) -> None: ...

    def close(self) -> None: ...


class AudioBackend(Protocol):
    name: str

    def input_devices(self) -> list[AudioDevice]: ...

    def output_devices(self) -> list[AudioDevice]: ...

    def open_capture(self, device_id: str | None) -> CaptureStream: ...

    def open_playback(self, device_id: str | None) -> PlaybackStream: ...


class AudioDevices:
    """The chosen backend, the operator's input and output choice, and the mic level meter."""

    def __init__(self, backend: AudioBackend | Callable[[], AudioBackend]) -> None:
        """``backend`` or a function that makes it when first needed (the real backends
        load numpy and PortAudio: not something the first paint should wait for)."""
        self._backend = backend if not callable(backend) else None
        self._make_backend = backend if callable(backend) else None
        self.input_id: str | None = None
        self.output_id: str | None = None
        self.meter = LevelMeter()

    @property
    def backend(self) -> AudioBackend:
        if self._backend is None:
            assert self._make_backend is not None
            self._backend = self._make_backend()
        return self._backend

    def inputs(self) -> list[AudioDevice]:
        return self._listed(self.backend.input_devices)

    def outputs(self) -> list[AudioDevice]:
        return self._listed(self.backend.output_devices)

    def _listed(self, query: object) -> list[AudioDevice]:
        try:
            return list(query())  # type: ignore[operator]
        except Exception:  # a device that vanished must not take the softphone down
            log.exception("listing audio devices failed")
            return []

    def choose_input(self, device_id: str | None) -> None:
        self.input_id = device_id

    def choose_output(self, device_id: str | None) -> None:
        self.output_id = device_id

    def on_level(self, callback: LevelCallback | None) -> None:
        self.meter.on_level = callback

    def open_capture(self) -> CaptureStream:
        return self.backend.open_capture(self.input_id)

    def open_playback(self) -> PlaybackStream:
        return self.backend.open_playback(self.output_id)


def default_backend() -> AudioBackend:
    """PortAudio through sounddevice when a device exists, else the null backend.

    ``AGENTDESK_AUDIO=null`` forces the null backend (CI, screenshots, tests);
    ``AGENTDESK_AUDIO=file:PATH`` plays a WAV as the microphone and ``tone:HZ`` a test tone
    (a headset-less check of the whole audio path, demos).
    """
    from pathlib import Path

    from agentdesk.media.file_backend import FileBackend

    choice = os.environ.get("AGENTDESK_AUDIO", "")
    kind, _, value = choice.partition(":")
    if kind.lower() == "null":
        return FileBackend()
    if kind.lower() == "file" and value:
        return FileBackend(Path(value))
    if kind.lower() == "tone" and value:
        try:
            return FileBackend(tone_hz=float(value))
        except ValueError:
            log.warning("AGENTDESK_AUDIO=%s: not a frequency; using silence", choice)
            return FileBackend()
    try:
        from agentdesk.media.portaudio import PortAudioBackend

        backend = PortAudioBackend()
        if backend.input_devices() or backend.output_devices():
            return backend
        log.info("no audio devices found; using the null audio backend")
    except (ImportError, OSError) as exc:
        log.info("PortAudio unavailable (%s); using the null audio backend", exc)
    return FileBackend()
