"""Who hears what on a call: pure rules, no audio, no IO.

The rules are the contract's ("Who hears what on a call" and the monitor modes):

- before an operator answers, the customer hears queue audio;
- on hold the customer hears hold audio and never the operator, and the operator hears
  nothing of the customer (a consultation happens while the customer is held);
- a muted operator reaches no one;
- a monitor in ``listen`` is heard by none, in ``whisper`` by the operator only, in
  ``barge`` by everyone on the call; it always hears what the operator hears plus the
  operator;
- the recording holds the customer (left) and the voices the customer hears (right): never
  a whisper, never queue or hold audio.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    CUSTOMER = "customer"
    OPERATOR = "operator"
    #: A second operator, consulted (the customer held) or conferenced in.
    PARTY = "party"
    MONITOR = "monitor"


class Tone(StrEnum):
    QUEUE = "queue"
    HOLD = "hold"


class MonitorMode(StrEnum):
    LISTEN = "listen"
    WHISPER = "whisper"
    BARGE = "barge"


@dataclass
class CallMixState:
    """The state of one call that decides the mix."""

    #: leg id -> role
    legs: dict[str, Role] = field(default_factory=dict)
    answered: bool = False
    on_hold: bool = False
    #: Legs whose audio reaches no one.
    muted: set[str] = field(default_factory=set)
    monitor_mode: MonitorMode = MonitorMode.LISTEN
    #: Parties hear the customer (and the customer hears them) only in a conference.
    conference: bool = False


@dataclass(frozen=True)
class Hearing:
    """What one leg hears: the legs whose voices are summed, and a synthetic tone."""

    sources: frozenset[str]
    tone: Tone | None = None


def _of(state: CallMixState, role: Role) -> list[str]:
    return [leg for leg, r in state.legs.items() if r is role]


def _audible(state: CallMixState, legs: list[str]) -> set[str]:
    return {leg for leg in legs if leg not in state.muted}


def hearing(state: CallMixState) -> dict[str, Hearing]:
    """For every leg, what it hears."""
    customers = _of(state, Role.CUSTOMER)
    operators = _of(state, Role.OPERATOR)
    parties = _of(state, Role.PARTY)
    monitors = _of(state, Role.MONITOR)
    mode = state.monitor_mode
    talking = state.answered and not state.on_hold
    out: dict[str, Hearing] = {}

    for leg in customers:
        if not state.answered:
            out[leg] = Hearing(frozenset(), Tone.QUEUE)
        elif state.on_hold:
            out[leg] = Hearing(frozenset(), Tone.HOLD)
        else:
            voices = set(operators)
            if state.conference:
                voices |= set(parties)
            if mode is MonitorMode.BARGE:
                voices |= set(monitors)
            out[leg] = Hearing(frozenset(_audible(state, sorted(voices)) - {leg}))

    operator_hears: set[str] = set(parties)
    if talking:
        operator_hears |= set(customers)
    if mode in (MonitorMode.WHISPER, MonitorMode.BARGE):
        operator_hears |= set(monitors)
    for leg in operators:
        out[leg] = Hearing(frozenset(_audible(state, sorted(operator_hears - {leg}))))

    for leg in parties:
        voices = set(operators)
        if state.conference and talking:
            voices |= set(customers)
        if state.conference:
            voices |= set(parties)
        if mode is MonitorMode.BARGE:
            voices |= set(monitors)
        out[leg] = Hearing(frozenset(_audible(state, sorted(voices - {leg}))))

    # The monitor hears what the operator hears plus the operator.
    for leg in monitors:
        voices = (operator_hears | set(operators)) - {leg}
        out[leg] = Hearing(frozenset(_audible(state, sorted(voices))))
    return out


def recorded(state: CallMixState) -> tuple[frozenset[str], frozenset[str]]:
    """(left, right) of the recording: the customer, and the voices the customer hears."""
    if not state.answered or state.on_hold:
        return frozenset(), frozenset()
    customers = frozenset(_audible(state, _of(state, Role.CUSTOMER)))
    heard = hearing(state)
    right: set[str] = set()
    for leg in customers:
        right |= heard[leg].sources
    return customers, frozenset(right)
