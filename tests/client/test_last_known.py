"""Start-up: the desk shows what the cache knows before the server answers, then live data
replaces it in place (an interaction closed meanwhile disappears; none is shown twice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agentdesk.client.stream import ConnectionStatus
from agentdesk.domain.agent_state import AgentState
from tests.client.conftest import Gateway, LiveServer
from tests.client.helpers import until
from tests.client.test_session_live import offered_chat


async def test_the_last_picture_shows_before_sign_in_and_live_data_replaces_it(
    live: LiveServer, gateway: Gateway, desk_factory: Any, tmp_path: Path
) -> None:
    cache_path = tmp_path / "desk.sqlite3"
    first = await desk_factory(live, cache_path=cache_path)
    await first.session.start("mario", "demo")
    await first.session.set_state(AgentState.READY)
    kept = await offered_chat(first, gateway, "Buongiorno, resto in linea")
    await first.session.accept(kept)
    gone = await offered_chat(first, gateway, "Domanda veloce")
    await first.close()  # saves the picture
    # While the desk is closed, the second chat's customer leaves (offer withdrawn).
    await gateway.end(gone)

    second = await desk_factory(live, cache_path=cache_path)
    assert await second.session.show_last_known("mario") is True
    # Before any network call: the profile and both interactions, marked as refreshing.
    assert second.session.refreshing and not second.session.signed_in
    shown = {i.id for i in second.recorder.changed}
    assert {kept, gone} <= shown
    assert second.recorder.statuses[-1] is ConnectionStatus.CONNECTING
    assert not second.recorder.states  # a stale state is never shown
    profile = next(p for c, p in second.recorder.calls if c == "profile_changed")
    assert profile.username == "mario" and profile.state is None

    await second.session.start("mario", "demo")
    await until(lambda: second.session.status is ConnectionStatus.CONNECTED)
    assert not second.session.refreshing
    assert gone in second.recorder.removed
    assert set(second.session.interactions) == {kept}


async def test_nothing_cached_or_a_damaged_picture_shows_nothing(
    live: LiveServer, desk_factory: Any, tmp_path: Path
) -> None:
    desk = await desk_factory(live, cache_path=tmp_path / "empty.sqlite3")
    assert await desk.session.show_last_known("mario") is False
    await desk.cache.snapshot_save(desk.session.snapshot_key, "mario", '{"version": 1, "prof')
    assert await desk.session.show_last_known("mario") is False
    assert desk.recorder.calls == []


async def test_a_restarted_desk_does_not_replay_what_its_fresh_load_already_shows(
    live: LiveServer, gateway: Gateway, desk_factory: Any, tmp_path: Path
) -> None:
    cache_path = tmp_path / "crash.sqlite3"
    first = await desk_factory(live, cache_path=cache_path)
    await first.session.start("mario", "demo")
    await first.session.set_state(AgentState.READY)
    await until(lambda: first.session.status is ConnectionStatus.CONNECTED)
    await first.session._teardown()  # the desktop dies: no sign-out, mario stays ready
    # Meanwhile a chat is offered to mario and its customer leaves again.
    missed = await gateway.open_chat("Pronto? C'è qualcuno?")
    await gateway.end(missed)

    second = await desk_factory(live, cache_path=cache_path)
    await second.session.start("mario", "demo")
    await until(lambda: second.session.status is ConnectionStatus.CONNECTED)
    later = await offered_chat(second, gateway, "Buonasera")
    # The missed offer is not flashed on screen and taken away again: the fresh load has
    # the truth, and only what happens after it is applied on top.
    assert missed not in {i.id for i in second.recorder.changed}
    assert missed not in second.recorder.removed
    assert later in second.session.interactions
