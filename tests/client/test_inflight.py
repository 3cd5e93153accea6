"""Which REST answers the session may still apply (the stream may have overtaken them)."""

from __future__ import annotations

from agentdesk.client.inflight import InFlight


def test_an_answer_with_no_news_since_is_fresh() -> None:
    inflight = InFlight()
    token = inflight.begin("i-1")
    inflight.news("i-2")  # news of another interaction changes nothing
    assert inflight.end("i-1", token)


def test_news_of_the_interaction_makes_every_action_under_way_stale() -> None:
    inflight = InFlight()
    first, second = inflight.begin("i-1"), inflight.begin("i-1")
    inflight.news("i-1")
    later = inflight.begin("i-1")  # began after the news: fresh
    assert not inflight.end("i-1", first)
    assert not inflight.end("i-1", second)
    assert inflight.end("i-1", later)
    again = inflight.begin("i-1")  # a new round after all ended
    inflight.news()  # a reload: news of everything
    assert not inflight.end("i-1", again)
