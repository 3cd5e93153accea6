"""One call on the bridge: its legs, the mix state, tones, DTMF and the recording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from agentdesk.server.media.legs import Leg
from agentdesk.server.media.mixing import CallMixState, Hearing, Role, Tone, hearing, recorded
from agentdesk.server.media.recorder import WavRecorder
from agentdesk.server.media.tones import FRAME, Pcm, dtmf_samples, hold_frame, mix, queue_frame

_SILENCE = np.zeros(FRAME, dtype=np.int16)
#: A forwarded voice that sends nothing for this many ticks is mixed (as silence) again.
FORWARD_GRACE_TICKS = 3


class Room:
    """The legs of one call and what each hears, mixed on every tick.

    A leg that hears exactly one voice and nothing else (the usual two-party call) is not
    mixed: each frame that voice sends is forwarded to it as it arrives (:meth:`heard`), so
    it does not wait for the next tick; the mix on the tick is for everyone else.
    """

    def __init__(self, call_id: str) -> None:
        self.call_id = call_id
        self.legs: dict[str, Leg] = {}
        self.state = CallMixState()
        self._hearing: dict[str, Hearing] = {}
        self._recorded: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self._tone_pos = {Tone.QUEUE: 0, Tone.HOLD: 0}
        self._dtmf: Pcm = np.zeros(0, dtype=np.int16)
        self._recorder: WavRecorder | None = None
        #: source leg -> the legs that hear only it (forwarded on arrival, not mixed)
        self._direct: dict[str, tuple[str, ...]] = {}
        self._forwarded: frozenset[str] = frozenset()
        self._ticks = 0
        #: source leg -> the tick in which it last had a frame forwarded
        self._last_forward: dict[str, int] = {}

    # ---- state changes (each recomputes who hears what once) --------------------------------

    def _changed(self) -> None:
        self.state.legs = {k: v.role for k, v in self.legs.items()}
        self.state.muted &= set(self.legs)
        self._hearing = hearing(self.state)
        self._recorded = recorded(self.state)
        direct: dict[str, list[str]] = {}
        for leg_id, heard in self._hearing.items():
            if heard.tone is None and len(heard.sources) == 1:
                (source,) = heard.sources
                direct.setdefault(source, []).append(leg_id)
        self._direct = {source: tuple(targets) for source, targets in direct.items()}
        self._forwarded = frozenset(t for targets in direct.values() for t in targets)

    def add(self, leg: Leg) -> None:
        self.legs[leg.id] = leg
        self._changed()

    def remove(self, leg_id: str) -> Leg | None:
        leg = self.legs.pop(leg_id, None)
        self._changed()
        return leg

    def take_all(self) -> list[Leg]:
        legs = list(self.legs.values())
        self.legs.clear()
        self._changed()
        return legs

    def set_role(self, leg_id: str, role: Role) -> None:
        if leg_id in self.legs:
            self.legs[leg_id].role = role
        self._changed()

    def set_mute(self, leg_id: str, muted: bool) -> None:
        if muted:
            self.state.muted.add(leg_id)
        else:
            self.state.muted.discard(leg_id)
        self._changed()

    def update(self, **values: Any) -> None:
        for name, value in values.items():
            setattr(self.state, name, value)
        if values.get("on_hold"):
            self._tone_pos[Tone.HOLD] = 0
        self._changed()

    def queue_dtmf(self, digits: str) -> None:
        self._dtmf = np.concatenate((self._dtmf, dtmf_samples(digits)))

    # ---- recording --------------------------------------------------------------------------

    def start_recording(self, path: Path) -> None:
        if self._recorder is None:
            self._recorder = WavRecorder(path)

    def stop_recording(self) -> Path | None:
        recorder, self._recorder = self._recorder, None
        if recorder is None:
            return None
        recorder.close()
        return recorder.path

    # ---- audio as it arrives -----------------------------------------------------------------

    def heard(self, leg_id: str, pcm: Pcm) -> None:
        """A frame ``leg_id`` just sent: straight to the legs that hear only that leg."""
        if len(pcm) != FRAME:
            return  # an odd-sized frame goes through the buffer and the tick's mix
        targets = self._direct.get(leg_id, ())
        if targets:
            self._last_forward[leg_id] = self._ticks
        for target_id in targets:
            target = self.legs.get(target_id)
            if target is not None and not self._dtmf_for(target):
                target.out.push(pcm)

    def _dtmf_for(self, target: Leg) -> bool:
        return target.role is Role.CUSTOMER and len(self._dtmf) > 0

    def _skips(self, target: Leg) -> bool:
        """Whether the tick leaves ``target`` alone: its one voice is being forwarded as it
        comes (a frame in the last few ticks); a voice gone quiet gets silence mixed again."""
        if target.id not in self._forwarded or self._dtmf_for(target):
            return False
        (source,) = self._hearing[target.id].sources
        last = self._last_forward.get(source)
        return last is not None and self._ticks - last <= FORWARD_GRACE_TICKS

    # ---- the 20 ms tick ---------------------------------------------------------------------

    def tick(self) -> None:
        self._ticks += 1
        said: dict[str, Pcm] = {}
        for leg_id, leg in self.legs.items():
            pcm = leg.take()
            if pcm is not None:
                said[leg_id] = pcm
        tones: dict[Tone, Pcm] = {}
        for leg_id, heard in self._hearing.items():
            target = self.legs.get(leg_id)
            if target is None or self._skips(target):
                continue
            parts = [said[s] for s in heard.sources if s in said]
            if heard.tone is not None:
                if heard.tone not in tones:
                    tones[heard.tone] = self._tone(heard.tone)
                parts.append(tones[heard.tone])
            if target.role is Role.CUSTOMER and len(self._dtmf):
                parts.append(self._dtmf_frame())
            target.out.push(mix(parts))
        if self._recorder is not None:
            left, right = self._recorded
            self._recorder.write(
                mix([said[s] for s in left if s in said]) if left else _SILENCE,
                mix([said[s] for s in right if s in said]) if right else _SILENCE,
            )

    def _tone(self, tone: Tone) -> Pcm:
        pos = self._tone_pos[tone]
        self._tone_pos[tone] = pos + FRAME
        return queue_frame(pos) if tone is Tone.QUEUE else hold_frame(pos)

    def _dtmf_frame(self) -> Pcm:
        chunk, self._dtmf = self._dtmf[:FRAME], self._dtmf[FRAME:]
        if len(chunk) < FRAME:
            chunk = np.concatenate((chunk, np.zeros(FRAME - len(chunk), dtype=np.int16)))
        return chunk
