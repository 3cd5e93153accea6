"""One leg on the bridge: its peer connection, the audio it sends, the audio it received."""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import logging
import threading
from typing import Any

import av
import numpy as np
from aiortc import RTCPeerConnection, RTCRtpCodecParameters, RTCRtpTransceiver
from aiortc.codecs import get_decoder, get_encoder
from aiortc.codecs.base import Decoder, Encoder
from aiortc.jitterbuffer import JitterBuffer, JitterFrame
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from aiortc.rtp import RtpPacket
from aiortc.sdp import SessionDescription
from aiortc.utils import uint16_add
from av import AudioFrame

from agentdesk.server.media.mixing import Role
from agentdesk.server.media.tones import FRAME, RATE, Pcm

log = logging.getLogger(__name__)

TIME_BASE = fractions.Fraction(1, RATE)
#: Received audio kept at most (older samples are dropped): bounds the bridge's latency.
MAX_BUFFERED = 3 * FRAME
#: A backlog of a whole frame that lasts this many ticks (200 ms) is dropped.
DRAIN_AFTER_TICKS = 10
#: Frames waiting to be sent at most (a sender not started yet must not build a backlog).
MAX_QUEUED = 3


def to_mono48(frame: AudioFrame) -> Pcm:
    """A decoded frame (Opus: 48 kHz stereo; PCMU: 8 kHz mono) as 48 kHz mono int16."""
    data = frame.to_ndarray()
    channels = len(frame.layout.channels)
    if frame.format.name == "s16" and frame.sample_rate == RATE and channels <= 2:
        # The Opus decoder's own shape (packed 16-bit at 48 kHz): integers only, no copy
        # through floats (this runs for every frame of every leg).
        if channels == 1:
            return np.asarray(data, dtype=np.int16).reshape(-1)
        pair = data.reshape(-1, 2).astype(np.int32)
        both: Pcm = ((pair[:, 0] + pair[:, 1]) >> 1).astype(np.int16)
        return both
    if frame.format.is_planar:
        mono = data.astype(np.float32).mean(axis=0)
    elif channels > 1:
        mono = data.reshape(-1, channels).astype(np.float32).mean(axis=1)
    else:
        mono = data.reshape(-1).astype(np.float32)
    if frame.format.name.startswith("flt"):
        mono = mono * 32767
    rate = frame.sample_rate
    if rate != RATE and len(mono):
        count = len(mono) * RATE // rate
        mono = np.interp(np.arange(count) * (rate / RATE), np.arange(len(mono)), mono)
    out: Pcm = np.clip(mono, -32768, 32767).astype(np.int16)
    return out


def stereo_frame(pcm: Pcm) -> AudioFrame:
    """``pcm`` on both channels, as the Opus encoder takes it.

    Handed a mono frame, aiortc's Opus encoder upmixes it to stereo at -3 dB (libswresample's
    centre level), so every hop through the bridge would lose half the power; a stereo frame
    passes through its resampler untouched, and PCMU's downmix of two equal channels is exact.
    """
    frame = AudioFrame(format="s16", layout="stereo", samples=len(pcm))
    frame.planes[0].update(np.repeat(pcm, 2).tobytes())
    return frame


class PassThroughJitterBuffer(JitterBuffer):
    """Hand each audio packet to the decoder as it arrives (late ones are dropped).

    aiortc's audio receiver waits for four newer packets before decoding one (80 ms); the
    peers at both ends keep their own jitter buffers, so the bridge in the middle need not
    add another. One RTP packet is one audio frame for Opus and PCMU.
    """

    def __init__(self) -> None:
        super().__init__(capacity=16)
        self._last: int | None = None

    def add(self, packet: RtpPacket) -> tuple[bool, JitterFrame | None]:
        seq = packet.sequence_number
        if self._last is not None:
            ahead = uint16_add(seq, -self._last)
            if ahead == 0 or ahead >= 0x8000:
                return False, None  # not newer than what was already played
        self._last = seq
        return False, JitterFrame(data=getattr(packet, "_data", b""), timestamp=packet.timestamp)


class InlineDecoding:
    """Stands in for an aiortc receiver's decoder queue: decodes each frame as it is put.

    aiortc hands every received frame to a decoder thread through a ``queue.Queue`` and the
    thread hands the decoded frame back to the event loop with ``run_coroutine_threadsafe``:
    two thread switches per 20 ms frame per leg, which cost the bridge more than the decoding
    itself (a profile of three calls: ~40 % of the bridge's time in thread hand-offs). The
    receiver puts frames from the event loop, so decoding there (tens of microseconds for an
    audio frame) and queueing the result straight on the track removes both switches.

    The receiver's decoder thread still starts and blocks in :meth:`get` until the receiver
    stops (``put(None)``); it then ends the track exactly as aiortc's worker does.
    """

    def __init__(self, receiver: Any) -> None:
        self._receiver = receiver
        self._decoder: Decoder | None = None
        self._codec_name: str | None = None
        self._stopped = threading.Event()
        #: Frames decoded here (tests check the inline path is the one in use).
        self.decoded = 0

    def put(self, task: tuple[RTCRtpCodecParameters, JitterFrame] | None) -> None:
        if task is None:
            self._stopped.set()
            return
        codec, encoded = task
        if self._decoder is None or codec.name != self._codec_name:
            self._decoder = get_decoder(codec)
            self._codec_name = codec.name
        try:
            frames = self._decoder.decode(encoded)
        except av.FFmpegError as exc:
            log.debug("undecodable %s frame dropped: %s", codec.name, exc)
            return
        track = self._receiver._track
        if track is None:
            return
        for frame in frames:
            self.decoded += 1
            track._queue.put_nowait(frame)

    def get(self) -> None:
        """The receiver's decoder thread: nothing to decode there, wait for the stop."""
        self._stopped.wait()


def low_latency_receiver(transceiver: RTCRtpTransceiver) -> InlineDecoding | None:
    """Swap the receiver's audio jitter buffer for :class:`PassThroughJitterBuffer` and its
    decoder thread's queue for :class:`InlineDecoding` (returned; None when this aiortc
    version keeps them elsewhere, and the receiver then works as aiortc ships it)."""
    receiver = transceiver.receiver
    if hasattr(receiver, "_RTCRtpReceiver__jitter_buffer"):
        receiver._RTCRtpReceiver__jitter_buffer = PassThroughJitterBuffer()
    if hasattr(receiver, "_RTCRtpReceiver__decoder_queue") and hasattr(receiver, "_track"):
        inline = InlineDecoding(receiver)
        receiver._RTCRtpReceiver__decoder_queue = inline
        return inline
    return None


def negotiated_codec(sdp: str) -> RTCRtpCodecParameters | None:
    """The codec a leg sends with after an offer/answer: the first of the audio section."""
    for media in SessionDescription.parse(sdp).media:
        if media.kind == "audio" and media.rtp.codecs:
            return media.rtp.codecs[0]
    return None


class InlineEncoder:
    """Encodes audio frames on the event loop with aiortc's own encoder for a codec, and
    hands back the encoded packet aiortc's sender takes as it is (no trip through its
    thread pool: see :class:`MixedTrack`)."""

    def __init__(self) -> None:
        self._encoder: Encoder | None = None
        self._codec: str | None = None
        self._time_base = TIME_BASE
        #: Frames encoded here (tests check the inline path is the one in use).
        self.encoded = 0

    def use(self, codec: RTCRtpCodecParameters | None) -> None:
        """Encode for ``codec`` from now on (None: hand frames over unencoded)."""
        name = None if codec is None else codec.mimeType.lower()
        if name == self._codec:
            return
        self._codec = name
        self._encoder = None if codec is None else get_encoder(codec)
        self._time_base = TIME_BASE if codec is None else fractions.Fraction(1, codec.clockRate)

    def encode(self, frame: AudioFrame) -> AudioFrame | av.Packet[Any] | None:
        """``frame`` encoded (or as it is, with no codec yet); None while the encoder
        buffers (a frame size it does not take whole)."""
        if self._encoder is None:
            return frame
        payloads, timestamp = self._encoder.encode(frame)
        if not payloads:
            return None
        self.encoded += 1
        packet = av.Packet(payloads[0])
        packet.pts = timestamp
        packet.time_base = self._time_base
        return packet


class MixedTrack(MediaStreamTrack):
    """What the bridge sends on a leg: frames the mixer pushes every 20 ms.

    The mixer's clock paces the frames; ``pts`` counts samples so the encoder's RTP
    timestamps follow the same clock.

    Once the leg's codec is known (:meth:`use_codec`), each frame is encoded here, on the
    event loop, and handed to aiortc as an encoded packet: aiortc would otherwise send every
    frame to its thread pool to be encoded and wait for it (two thread switches per frame;
    the encoding itself takes less). The same aiortc encoder does the work either way.
    """

    kind = "audio"

    def __init__(self) -> None:
        super().__init__()
        self._queue: asyncio.Queue[Pcm] = asyncio.Queue(MAX_QUEUED)
        self._pts = 0
        #: Encodes each frame once the leg's codec is known (:meth:`use_codec`).
        self.encoder = InlineEncoder()

    def use_codec(self, codec: RTCRtpCodecParameters | None) -> None:
        """Encode for ``codec`` from now on (None: leave the encoding to aiortc)."""
        self.encoder.use(codec)

    def push(self, pcm: Pcm) -> None:
        if self._queue.full():
            self._queue.get_nowait()
        self._queue.put_nowait(pcm)

    async def recv(self) -> AudioFrame | av.Packet[Any]:
        if self.readyState != "live":
            raise MediaStreamError
        pcm = await self._queue.get()
        frame = stereo_frame(pcm)
        frame.sample_rate = RATE
        frame.pts = self._pts
        frame.time_base = TIME_BASE
        self._pts += len(pcm)
        out = self.encoder.encode(frame)
        return out if out is not None else await self.recv()


class Leg:
    """A peer on a call: received audio buffered for the mixer, mixed audio sent back."""

    def __init__(self, leg_id: str, role: Role, pc: RTCPeerConnection) -> None:
        self.id = leg_id
        self.role = role
        self.pc = pc
        self.out = MixedTrack()
        #: The receiver's inline decoding (None when aiortc decodes on its own thread).
        self.decoding: InlineDecoding | None = None
        self._buffer: Pcm = np.zeros(0, dtype=np.int16)
        self.reader: asyncio.Task[None] | None = None
        self.closed = False
        #: Frames received so far (for benchmarks and diagnostics).
        self.frames_in = 0
        self._backlog_ticks = 0

    def received(self, pcm: Pcm) -> None:
        self.frames_in += 1
        buf = np.concatenate((self._buffer, pcm)) if len(self._buffer) else pcm
        if len(buf) > MAX_BUFFERED:
            buf = buf[-MAX_BUFFERED:]
        self._buffer = buf

    def take(self) -> Pcm | None:
        """The next 20 ms this leg said (padded with silence), or None if it said nothing."""
        buf = self._buffer
        if not len(buf):
            return None
        if len(buf) >= 2 * FRAME:
            # A frame more than needed: after a jitter burst the delay would stay a frame
            # longer for good, so once it has lasted a while one frame is skipped (a click
            # once in a while rather than a click on every burst).
            self._backlog_ticks += 1
            if self._backlog_ticks >= DRAIN_AFTER_TICKS:
                buf = buf[FRAME:]
                self._backlog_ticks = 0
        else:
            self._backlog_ticks = 0
        if len(buf) >= FRAME:
            self._buffer = buf[FRAME:]
            return buf[:FRAME]
        self._buffer = np.zeros(0, dtype=np.int16)
        return np.concatenate((buf, np.zeros(FRAME - len(buf), dtype=np.int16)))

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.out.stop()
        reader, self.reader = self.reader, None
        if reader is not None and reader is not asyncio.current_task():
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader
        try:
            await self.pc.close()
        except Exception:  # a half-open peer must not keep the call from ending
            log.debug("closing leg %s", self.id, exc_info=True)
