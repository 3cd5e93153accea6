"""A sign-in started before the desk exists (``EarlySignIn``), against the real server."""

from __future__ import annotations

from typing import Any

import pytest

from agentdesk.client.rest import ApiClient, ApiError
from agentdesk.client.sign_in import EarlySignIn
from agentdesk.client.stream import ConnectionStatus
from agentdesk.domain.agent_state import AgentState
from agentdesk.protocol.interactions import InteractionStatus
from tests.client.conftest import Desk, Gateway, LiveServer
from tests.client.helpers import until


async def test_the_session_shows_what_the_early_sign_in_loaded(
    live: LiveServer, gateway: Gateway, desk_factory: Any
) -> None:
    # Mario holds a chat from an earlier sign-in.
    before: Desk = await desk_factory(live)
    await before.session.start("mario", "demo")
    await before.session.set_state(AgentState.READY)
    iid = await gateway.open_chat("Buongiorno, ho una domanda sulla bolletta")
    await until(lambda: iid in before.session.interactions, what="the offer")
    await before.session.accept(iid)
    await before.session.stop()

    desk: Desk = await desk_factory(live)
    early = EarlySignIn(desk.api, "mario", "demo")
    task = early.take("mario", "demo")
    assert task is not None
    await desk.session.start("mario", "demo", early=task)
    assert desk.session.profile is not None and desk.session.profile.username == "mario"
    assert desk.session.interactions[iid].status is InteractionStatus.ACTIVE
    shown = [c[1].id for c in desk.recorder.calls if c[0] == "interaction_changed"]
    assert iid in shown  # the desk was told, as after a late sign-in
    await until(lambda: desk.session.status is ConnectionStatus.CONNECTED, what="the stream")
    # What happens next still arrives live.
    await gateway.say(iid, "Grazie, attendo")
    await until(
        lambda: [m.text for m in desk.session.interactions[iid].messages][-1:]
        == ["Grazie, attendo"],
        what="the customer's next line",
    )
    await early.aclose()  # taken: the session owns the client, which stays open
    assert (await desk.api.me()).username == "mario"


async def test_a_wrong_password_fails_the_start_as_a_late_sign_in_would(
    live: LiveServer, desk_factory: Any
) -> None:
    desk: Desk = await desk_factory(live)
    early = EarlySignIn(desk.api, "mario", "wrong-password")
    with pytest.raises(ApiError) as refused:
        task = early.take("mario", "wrong-password")
        await desk.session.start("mario", "wrong-password", early=task)
    assert refused.value.status == 401
    assert desk.session.stream is None
    # The dialog then signs in on the same client.
    await desk.session.start("mario", "demo")
    assert desk.session.profile is not None


async def test_other_credentials_or_a_quit_end_the_early_sign_in(live: LiveServer) -> None:
    api = ApiClient(live.base_url)
    early = EarlySignIn(api, "mario", "demo")
    assert early.take("luca", "demo") is None  # not what it was started with
    await early.aclose()  # taken: the client stays with whoever took it
    assert (await api.login("mario", "demo")).access_token
    await api.aclose()

    unused = EarlySignIn(ApiClient(live.base_url), "mario", "demo")
    await unused.aclose()  # nobody took it: the sign-in and its client end
    with pytest.raises(RuntimeError):
        await unused.api.me()
