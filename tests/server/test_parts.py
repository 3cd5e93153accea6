"""Small parts of the server on their own: passwords, the bus, service level, cursors, mood."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from agentdesk.domain.mood import mood_of
from agentdesk.server.errors import Invalid
from agentdesk.server.events.bus import InProcessBus
from agentdesk.server.security import (
    DUMMY_HASH,
    hash_password,
    keys_match,
    new_token,
    verify_password,
)
from agentdesk.server.services.customers import digits
from agentdesk.server.services.timeline import decode_cursor, encode_cursor

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_passwords_are_salted_scrypt_and_checked() -> None:
    a, b = hash_password("demo", n=2**10), hash_password("demo", n=2**10)
    assert a != b and a.startswith("scrypt$")
    assert verify_password("demo", a) and verify_password("demo", b)
    assert not verify_password("Demo", a)
    assert not verify_password("demo", "garbage")
    assert not verify_password("demo", "scrypt$x$y$z$w$v")


def test_an_unknown_username_costs_a_real_password_check() -> None:
    # The hash verified when nobody has that username: a valid one at the default cost, as
    # slow to check as a real account's.
    assert DUMMY_HASH.split("$")[1:4] == hash_password("x").split("$")[1:4]
    assert verify_password("not a password", DUMMY_HASH)
    assert not verify_password("demo", DUMMY_HASH)


def test_tokens_and_keys() -> None:
    assert len({new_token() for _ in range(100)}) == 100
    assert keys_match("k", "k")
    assert not keys_match("k", "K")
    assert not keys_match(None, "k") and not keys_match("", "") and not keys_match("k", None)


async def test_the_bus_delivers_in_order_and_flags_a_slow_consumer() -> None:
    bus = InProcessBus(queue_size=3)
    async with bus.subscribe("agent:a") as sub, bus.subscribe("agent:b") as other:
        for n in range(5):
            await bus.publish("agent:a", str(n))
        assert [await sub.get() for _ in range(3)] == ["0", "1", "2"]
        assert sub.overflowed  # 3 and 4 were dropped: the consumer reads them from the store
        sub.clear_overflow()
        assert not sub.overflowed and not other.overflowed
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(other.get(), 0.01)
    assert bus.subscriber_count("agent:a") == 0


def test_cursors_round_trip_and_bad_ones_are_refused() -> None:
    cursor = encode_cursor(T0, "int:abc")
    assert decode_cursor(cursor) == (T0, "int:abc")
    for bad in ("%%%", "bm9waXBl", encode_cursor(T0, "x").replace("A", "?")):
        with pytest.raises(Invalid):
            decode_cursor(bad)


def test_phone_digits_ignore_the_country_prefix() -> None:
    assert digits("+39 333 123 4567") == digits("0039 3331234567") == "3331234567"
    assert digits("333-123-4567") == "3331234567"
    assert digits("031 555 0100") == "0315550100"


def test_mood_from_the_customers_words() -> None:
    assert mood_of(["Grazie mille, gentilissimo!"]) == "positive"
    assert mood_of(["È una vergogna, inaccettabile!!"]) == "negative"
    assert mood_of(["Vorrei comunicare l'autolettura."]) == "neutral"
    assert mood_of(["", "  "]) is None
