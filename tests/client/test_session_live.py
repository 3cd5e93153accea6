"""Session (REST + event stream + cache) against the real reference server on loopback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect

from agentdesk.client.rest import ApiClient
from agentdesk.client.stream import Backoff, ConnectionStatus
from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol.events import Event
from agentdesk.protocol.interactions import Direction, InteractionStatus
from tests.client.conftest import Desk, Gateway, LiveServer
from tests.client.helpers import until


def record_seqs(desk: Desk) -> list[int]:
    """Every seq the session applies, in order (wraps the real apply_event)."""
    seqs: list[int] = []
    real = desk.session.apply_event

    async def apply_event(event: Event) -> None:
        seqs.append(event.seq)
        await real(event)

    desk.session.apply_event = apply_event
    return seqs


async def server_last_seq(live: LiveServer, api: ApiClient) -> int:
    """The server's own last seq for this agent, read from a separate raw connection."""
    async with connect(f"ws://127.0.0.1:{live.port}/api/v1/events") as ws:
        await ws.send(json.dumps({"type": "auth", "token": await api.valid_token()}))
        while True:
            frame = json.loads(await ws.recv())
            if frame.get("type") == "ready":
                return int(frame["last_seq"])


async def offered_chat(desk: Desk, gateway: Gateway, text: str) -> str:
    iid = await gateway.open_chat(text)
    await until(
        lambda: (
            desk.session.interactions.get(iid) is not None
            and desk.session.interactions[iid].status is InteractionStatus.OFFERED
        ),
        what="the offer arrives on the stream",
    )
    return iid


def inbound_texts(desk: Desk, iid: str) -> list[str]:
    return [
        m.text
        for m, pending in desk.recorder.messages
        if m.interaction_id == iid and m.direction is Direction.INBOUND and not pending
    ]


async def test_a_chat_from_offer_to_wrap_up(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    rec = desk.recorder
    await desk.session.start("mario", "demo")
    assert desk.session.profile is not None and desk.session.profile.username == "mario"
    assert rec.calls[0][0] == "profile_changed"
    await until(lambda: desk.session.status is ConnectionStatus.CONNECTED)
    assert rec.statuses[0] is ConnectionStatus.CONNECTING

    await desk.session.set_state(AgentState.READY)
    assert rec.states[-1].state is AgentState.READY
    assert desk.session.profile.state is not None

    iid = await offered_chat(desk, gateway, "Salve, vorrei info sulla bolletta")
    accepted = await desk.session.accept(iid)
    assert accepted.status is InteractionStatus.ACTIVE
    assert any(
        m.text == "Salve, vorrei info sulla bolletta"
        for m in desk.session.interactions[iid].messages
    )

    await gateway.say(iid, "È arrivata una cifra strana")
    await until(lambda: "È arrivata una cifra strana" in inbound_texts(desk, iid))

    key = await desk.session.send_message(iid, "Controllo subito")
    pending = [m for m, p in rec.messages if p]
    assert pending[-1].id == key and pending[-1].text == "Controllo subito"
    await until(lambda: any(k == key for k, _ in rec.confirmed))
    confirmed = next(m for k, m in rec.confirmed if k == key)
    # The server echoes our own message on the stream: it must not be added a second time.
    await gateway.say(iid, "Grazie")
    await until(lambda: "Grazie" in inbound_texts(desk, iid))
    added_ids = [m.id for m, p in rec.messages if not p]
    assert len(added_ids) == len(set(added_ids))
    transcript = (await desk.api.interaction(iid)).messages
    assert [m.text for m in transcript].count("Controllo subito") == 1
    assert confirmed.id in {m.id for m in desk.session.interactions[iid].messages}

    ended = await desk.session.hangup(iid)
    assert ended.status is InteractionStatus.WRAP_UP
    assert iid in desk.session.interactions
    disposition = ended.dispositions[0].code
    await desk.session.wrapup(iid, disposition, "spiegata la bolletta", True)
    await until(lambda: iid in rec.removed)
    assert iid not in desk.session.interactions
    closed = await desk.api.interaction(iid)
    assert closed.status is InteractionStatus.CLOSED
    assert closed.wrapup is not None and closed.wrapup.disposition == disposition
    assert await desk.session.outbox.pending() == []


async def test_stream_resumes_by_seq_across_a_server_restart(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    # A long backoff: the desktop stays away until told, so the events in between can only
    # arrive through the resume.
    desk: Desk = await desk_factory(live, backoff=Backoff(initial=60.0, cap=60.0))
    seqs = record_seqs(desk)
    await desk.session.start("mario", "demo")
    await until(lambda: desk.session.status is ConnectionStatus.CONNECTED)
    await desk.session.set_state(AgentState.READY)
    iid = await offered_chat(desk, gateway, "Buongiorno")
    await desk.session.accept(iid)
    await gateway.say(iid, "uno")
    await until(lambda: "uno" in inbound_texts(desk, iid))
    await live.stop()
    await until(lambda: desk.session.status is ConnectionStatus.RECONNECTING)
    before = desk.session.stream.last_seq
    await live.start()  # same port, same database
    for text in ("due", "tre", "quattro"):
        await gateway.say(iid, text)
    assert desk.session.stream.last_seq == before  # nothing could arrive yet

    desk.session.stream.reconnect_now()
    await until(lambda: "quattro" in inbound_texts(desk, iid), what="events after the restart")
    assert desk.session.status is ConnectionStatus.CONNECTED
    assert inbound_texts(desk, iid).count("uno") == 1
    assert inbound_texts(desk, iid)[-3:] == ["due", "tre", "quattro"]
    # Applied in order, none twice, none missing, up to the server's own last seq.
    assert seqs == list(range(seqs[0], seqs[-1] + 1))

    async def caught_up() -> bool:
        return bool(desk.session.stream.last_seq == await server_last_seq(live, desk.api))

    await until(caught_up, what="the desktop is at the server's last seq")
    assert seqs[-1] == desk.session.stream.last_seq
    profile = desk.session.profile
    assert await desk.cache.last_seq(live.base_url, profile.id) == seqs[-1]
    assert desk.session.stream.connections == 2


async def test_resync_reloads_state_when_the_stored_seq_is_unknown_to_the_server(
    live: LiveServer, gateway: Gateway, desk_factory: Any, api: ApiClient
) -> None:
    tokens = await api.login("mario", "demo")
    await api.set_state(AgentState.READY)
    # The desktop remembers a position the server never reached (e.g. its database was reset).
    desk: Desk = await desk_factory(live)
    await desk.cache.set_last_seq(live.base_url, tokens.agent.id, 10_000)
    seqs = record_seqs(desk)
    resyncs: list[int] = []
    real_resync = desk.session.resync

    async def resync(last_seq: int) -> None:
        await real_resync(last_seq)
        resyncs.append(last_seq)

    desk.session.resync = resync
    await desk.session.start("mario", "demo")
    await until(lambda: len(resyncs) == 1, what="the server asks for a resync")
    profiles = [c for c, _ in desk.recorder.calls if c == "profile_changed"]
    assert len(profiles) == 2  # start, then the resync's reload
    assert resyncs[0] < 10_000

    iid = await offered_chat(desk, gateway, "Dopo il resync")
    # Only events after the server's position are applied, in order, none twice.
    assert seqs and seqs[0] == resyncs[0] + 1
    assert seqs == list(range(seqs[0], seqs[-1] + 1))

    async def stored_is_applied() -> bool:
        stored = await desk.cache.last_seq(live.base_url, tokens.agent.id)
        return stored == desk.session.stream.last_seq

    # The position is saved right after the event is applied.
    await until(stored_is_applied, what="the applied position is stored")
    assert iid in desk.session.interactions


async def resync_offered(live: LiveServer, api: ApiClient, since: int) -> bool:
    """Whether the server answers ``resume since`` with a resync (raw connection)."""
    async with connect(f"ws://127.0.0.1:{live.port}/api/v1/events") as ws:
        await ws.send(json.dumps({"type": "auth", "token": await api.valid_token()}))
        await ws.recv()  # ready
        await ws.send(json.dumps({"type": "resume", "since": since}))
        while True:
            frame = json.loads(await ws.recv())
            if frame.get("type") != "ping":
                return bool(frame.get("type") == "resync")


async def test_a_position_older_than_retention_is_superseded_by_the_fresh_load(
    live_factory: Any, desk_factory: Any, tmp_path: Path
) -> None:
    live: LiveServer = await live_factory(
        event_retention_s=1, event_retention_count=1, retention_interval_s=0.2
    )
    cache_file = tmp_path / "desk.sqlite3"
    first: Desk = await desk_factory(live, cache_path=cache_file)
    await first.session.start("mario", "demo")
    await first.session.set_state(AgentState.READY)
    await until(lambda: first.session.stream.last_seq > 0, what="an applied event")
    stored = first.session.stream.last_seq
    await first.close()

    other = ApiClient(live.base_url)
    try:
        await other.login("mario", "demo")
        await other.set_state(AgentState.NOT_READY, NotReadyReason.TRAINING)
        await other.set_state(AgentState.NOT_READY, NotReadyReason.LUNCH)

        async def pruned() -> bool:
            return await resync_offered(live, other, stored)

        await until(pruned, within=15, interval=0.2, what="retention prunes the old events")
    finally:
        await other.aclose()

    second: Desk = await desk_factory(live, cache_path=cache_file)
    await second.session.start("mario", "demo")
    # The fresh REST load supersedes the pruned position: the stream resumes from where
    # that load was read, so no replay and no second reload are needed.
    await until(
        lambda: second.session.status is ConnectionStatus.CONNECTED, what="the stream resumes"
    )
    profiles = [c for c, _ in second.recorder.calls if c == "profile_changed"]
    assert len(profiles) == 1
    state = second.session.profile.state
    assert state is not None and state.reason is NotReadyReason.LUNCH
    assert second.session.stream.last_seq > stored


async def test_a_sign_in_the_server_no_longer_accepts_ends_the_stream_with_an_error(
    live: LiveServer, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    await desk.session.start("mario", "demo")
    await until(lambda: desk.session.status is ConnectionStatus.CONNECTED)
    await desk.api.logout()  # the server forgets the access token ...
    desk.api._access = "revoked-access-token"
    desk.api._refresh = "revoked-refresh-token"  # ... and the refresh token is no good
    await desk.session.stream.drop_connection()
    await until(lambda: desk.session.status is ConnectionStatus.OFFLINE, what="gives up")
    assert len(desk.recorder.errors) == 1 and "sign in again" in desk.recorder.errors[0]
    assert not desk.session.stream.running
