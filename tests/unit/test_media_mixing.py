"""Who hears what: the mixing rules of the media bridge, checked leg by leg."""

from __future__ import annotations

from agentdesk.server.media.mixing import (
    CallMixState,
    MonitorMode,
    Role,
    Tone,
    hearing,
    recorded,
)


def _call(**values: object) -> CallMixState:
    state = CallMixState(
        legs={"c": Role.CUSTOMER, "o": Role.OPERATOR, "m": Role.MONITOR}, answered=True
    )
    for name, value in values.items():
        setattr(state, name, value)
    return state


def test_before_answer_the_customer_hears_queue_audio_and_nobody_hears_them() -> None:
    heard = hearing(_call(answered=False))
    assert heard["c"].tone is Tone.QUEUE and not heard["c"].sources
    assert "c" not in heard["o"].sources and "c" not in heard["m"].sources


def test_talking_listen_monitor_hears_both_and_is_heard_by_none() -> None:
    heard = hearing(_call())
    assert heard["c"].sources == {"o"} and heard["c"].tone is None
    assert heard["o"].sources == {"c"}
    assert heard["m"].sources == {"c", "o"}


def test_whisper_reaches_the_operator_only_and_barge_everyone() -> None:
    heard = hearing(_call(monitor_mode=MonitorMode.WHISPER))
    assert heard["o"].sources == {"c", "m"} and heard["c"].sources == {"o"}
    assert heard["m"].sources == {"c", "o"}
    heard = hearing(_call(monitor_mode=MonitorMode.BARGE))
    assert heard["o"].sources == {"c", "m"} and heard["c"].sources == {"o", "m"}


def test_hold_gives_the_customer_hold_audio_and_the_operator_nothing_of_them() -> None:
    heard = hearing(_call(on_hold=True))
    assert heard["c"].tone is Tone.HOLD and not heard["c"].sources
    assert "c" not in heard["o"].sources and "c" not in heard["m"].sources
    assert recorded(_call(on_hold=True)) == (frozenset(), frozenset())


def test_a_muted_operator_reaches_no_one() -> None:
    heard = hearing(_call(muted={"o"}))
    assert "o" not in heard["c"].sources and "o" not in heard["m"].sources
    assert heard["o"].sources == {"c"}


def test_consultation_keeps_the_customer_out_and_conference_lets_all_three_talk() -> None:
    legs = {"c": Role.CUSTOMER, "o": Role.OPERATOR, "p": Role.PARTY}
    consult = hearing(CallMixState(legs=legs, answered=True, on_hold=True))
    assert consult["o"].sources == {"p"} and consult["p"].sources == {"o"}
    assert consult["c"].tone is Tone.HOLD
    conf = hearing(CallMixState(legs=legs, answered=True, conference=True))
    assert conf["c"].sources == {"o", "p"}
    assert conf["o"].sources == {"c", "p"} and conf["p"].sources == {"c", "o"}


def test_the_recording_holds_both_voices_and_never_a_whisper() -> None:
    left, right = recorded(_call(monitor_mode=MonitorMode.WHISPER))
    assert left == {"c"} and right == {"o"}
