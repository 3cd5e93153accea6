"""A REST answer that arrives after newer stream events must not roll the desktop back.

Found by the chaos test (tests/chaos): the answer to ``accept`` was held up in the network
while the stream delivered the chat's end; applying the late answer put the interaction back
to ``active`` on the desktop, where no wrap-up could be submitted, and every reply the
operator typed was refused.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from agentdesk.client.cache import LocalCache
from agentdesk.client.rest import ApiClient
from agentdesk.client.session import Session
from agentdesk.client.stream import Backoff, ConnectionStatus
from agentdesk.domain.agent_state import AgentState
from agentdesk.protocol.interactions import InteractionStatus
from tests.client.conftest import Gateway, LiveServer
from tests.client.helpers import Recorder, until


class HeldAnswers(httpx.AsyncBaseTransport):
    """Sends every request at once; holds the answers to paths ending in ``hold_suffix``
    until ``release`` is set (the network was slow on the way back)."""

    def __init__(self, hold_suffix: str) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._suffix = hold_suffix
        self.sent = asyncio.Event()
        self.release = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if request.url.path.endswith(self._suffix):
            await response.aread()
            self.sent.set()
            await self.release.wait()
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


async def test_a_late_accept_answer_does_not_undo_the_end_of_the_chat(
    live: LiveServer, gateway: Gateway, tmp_path: Path
) -> None:
    transport = HeldAnswers("/accept")
    api = ApiClient(live.base_url, timeout=10.0, transport=transport)
    cache = LocalCache(tmp_path / "cache.sqlite3")
    session = Session(api, cache, Recorder(), backoff=Backoff(initial=0.05, cap=0.5))
    try:
        await session.start("mario", "demo")
        await until(lambda: session.status is ConnectionStatus.CONNECTED)
        await session.set_state(AgentState.READY)
        iid = await gateway.open_chat("Buongiorno, ho un problema con la fattura.")
        await until(lambda: iid in session.interactions, what="the offer")

        accepting = asyncio.create_task(session.accept(iid))
        await transport.sent.wait()  # accepted on the server; the answer is on its way
        await until(
            lambda: session.interactions[iid].status is InteractionStatus.ACTIVE,
            what="the stream says active",
        )
        await gateway.end(iid)
        await until(
            lambda: session.interactions[iid].status is InteractionStatus.WRAP_UP,
            what="the stream says the chat ended",
        )
        transport.release.set()
        answer = await accepting
        assert answer.status is InteractionStatus.ACTIVE  # what the server said back then

        # The desktop keeps the newer truth: the operator owes the wrap-up.
        assert session.interactions[iid].status is InteractionStatus.WRAP_UP
        await session.wrapup(iid, "autolettura", "", True)
        await until(lambda: iid not in session.interactions, what="wrapped up and gone")
    finally:
        transport.release.set()
        await session.stop()
        await api.aclose()
        await cache.aclose()


async def test_messages_keep_the_servers_order_when_the_stream_lags_behind_rest(
    live: LiveServer, gateway: Gateway, tmp_path: Path
) -> None:
    """Found by the chaos test: the customer's line reached the desktop by the stream only
    after the operator's later reply had been confirmed over REST, and was put after it."""
    api = ApiClient(live.base_url, timeout=10.0)
    cache = LocalCache(tmp_path / "cache.sqlite3")
    session = Session(api, cache, Recorder(), backoff=Backoff(initial=0.05, cap=0.5))
    try:
        await session.start("mario", "demo")
        await until(lambda: session.status is ConnectionStatus.CONNECTED)
        await session.set_state(AgentState.READY)
        iid = await gateway.open_chat("Salve, una domanda sul contatore.")
        await until(lambda: iid in session.interactions, what="the offer")
        await session.accept(iid)
        await until(lambda: len(session.interactions[iid].messages) == 1, what="the opening")

        stream = session.stream
        assert stream is not None
        await stream.stop()  # the live connection is down for a moment
        await gateway.say(iid, "Il numero è 4711.")  # stored first
        await session.send_message(iid, "Grazie, controllo.")  # stored second, confirmed now
        await stream.start()  # the stream catches up with the customer's line
        await until(lambda: len(session.interactions[iid].messages) == 3, what="catch-up")

        server_order = [m.id for m in (await api.interaction(iid)).messages]
        assert [m.id for m in session.interactions[iid].messages] == server_order
    finally:
        await session.stop()
        await api.aclose()
        await cache.aclose()
