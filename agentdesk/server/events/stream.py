"""``/api/v1/events``: one agent's ordered event stream over a websocket.

Protocol: the client's first frame is ``auth``; the server answers ``ready`` with its last
seq; the client sends ``resume`` with the last seq it applied; the server sends every
stored event after it, then live ones, each exactly once and in seq order. ``resync`` when
the requested point is gone (pruned) or ahead of the server (a reset database). ``ping``
every heartbeat. Close code 4401 when authentication fails.

Ordering: the bus subscription is opened *before* the backlog is read, and every live event
is checked against the last seq sent: older ones are dropped (already sent from the
backlog), the next one is sent, and a gap (events published out of commit order, or a
consumer that overflowed) is filled from the store, which already holds them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from pydantic import ValidationError
from starlette.websockets import WebSocket

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.events import AuthMessage, ReadyMessage, ResumeMessage, ResyncMessage
from agentdesk.server.context import ServerContext
from agentdesk.server.errors import Unauthorized
from agentdesk.server.events import store
from agentdesk.server.events.bus import Subscription, agent_channel
from agentdesk.server.events.frames import BadFrame, ClientGone, FrameSocket
from agentdesk.server.services.auth import authenticate

log = logging.getLogger(__name__)

CLOSE_UNAUTHORIZED = 4401
BACKLOG_PAGE = 500


async def serve_events(ws: WebSocket, ctx: ServerContext) -> None:
    """Run one client's stream until it disconnects or the server stops."""
    await ws.accept()
    sock = FrameSocket(ws)
    try:
        agent_id = await _authenticate(sock, ctx)
        if agent_id is None:
            return
        async with ctx.bus.subscribe(agent_channel(agent_id)) as sub:
            await _AgentStream(sock, ctx, agent_id, sub).run()
    except ClientGone:
        pass
    finally:
        await sock.close()


async def _authenticate(sock: FrameSocket, ctx: ServerContext) -> str | None:
    try:
        obj = await asyncio.wait_for(sock.receive_object(), ctx.settings.auth_timeout_s)
        message = AuthMessage.model_validate(obj)
        async with ctx.db.read() as session:
            agent, _session_id = await authenticate(session, message.token, utcnow())
    except TimeoutError:
        await _refuse(sock, "authentication timed out")
        return None
    except (BadFrame, ValidationError):
        await _refuse(sock, 'the first frame must be {"type": "auth", "token": ...}')
        return None
    except Unauthorized as exc:
        await _refuse(sock, exc.message)
        return None
    return agent.id


async def _refuse(sock: FrameSocket, message: str) -> None:
    with contextlib.suppress(ClientGone):
        await sock.send_error("unauthorized", message)
    await sock.close(CLOSE_UNAUTHORIZED, "unauthorized")


class _AgentStream:
    def __init__(
        self, sock: FrameSocket, ctx: ServerContext, agent_id: str, sub: Subscription
    ) -> None:
        self.sock = sock
        self.ctx = ctx
        self.agent_id = agent_id
        self.sub = sub
        #: The last seq sent; None until the client has resumed.
        self.cursor: int | None = None
        #: Held while the cursor moves: a resume's backlog and a live event never interleave.
        self._turn = asyncio.Lock()

    async def run(self) -> None:
        async with self.ctx.db.read() as session:
            last = await store.last_seq(session, self.agent_id)
        await self.sock.send_json(ReadyMessage(last_seq=last).model_dump(mode="json"))
        # Live events have a task of their own that waits on the subscription: a published
        # frame wakes it and it sends, one hop from the publishing commit (a loop waiting on
        # both the subscription and the client took three, each behind whatever else was
        # ready on the event loop). The client's frames and the heartbeat are served here.
        live = asyncio.create_task(self._serve_live())
        try:
            await self._serve_client(live)
        finally:
            live.cancel()
            await asyncio.gather(live, return_exceptions=True)

    async def _serve_live(self) -> None:
        while True:
            frame = await self.sub.get()
            async with self._turn:
                await self._on_live(frame)
                if self.sub.overflowed:
                    self.sub.clear_overflow()
                    await self._catch_up()

    async def _serve_client(self, live: asyncio.Task[None]) -> None:
        """Client frames and heartbeats until the client leaves (or the live task fails)."""
        loop = asyncio.get_running_loop()
        heartbeat = self.ctx.settings.heartbeat_s
        next_ping = loop.time() + heartbeat
        client: asyncio.Task[dict[str, Any]] = asyncio.create_task(self.sock.receive_object())
        try:
            while True:
                timeout = max(0.0, next_ping - loop.time())
                done, _ = await asyncio.wait(
                    {live, client}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
                if live in done:
                    live.result()  # its ClientGone (or failure) ends the stream
                    return
                if client in done:
                    async with self._turn:
                        await self._on_client_frame(client)
                    client = asyncio.create_task(self.sock.receive_object())
                if loop.time() >= next_ping:
                    await self.sock.send_ping()
                    next_ping = loop.time() + heartbeat
        finally:
            client.cancel()
            await asyncio.gather(client, return_exceptions=True)

    async def _on_client_frame(self, task: asyncio.Task[dict[str, Any]]) -> None:
        try:
            obj = task.result()
        except BadFrame as exc:
            await self.sock.send_error("bad_frame", str(exc))
            return
        kind = obj.get("type")
        if kind == "resume":
            try:
                resume = ResumeMessage.model_validate(obj)
            except ValidationError:
                await self.sock.send_error(
                    "bad_frame", 'resume needs {"type": "resume", "since": <seq >= 0>}'
                )
                return
            await self._resume(resume.since)
        elif kind in ("ping", "pong"):
            return
        elif kind == "auth":
            await self.sock.send_error("bad_frame", "already authenticated")
        else:
            await self.sock.send_error("bad_frame", f"unknown frame type {kind!r}")

    async def _resume(self, since: int) -> None:
        async with self.ctx.db.read() as session:
            last = await store.last_seq(session, self.agent_id)
            first = await store.first_retained_seq(session, self.agent_id)
        gone = since < last and (first is None or first > since + 1)
        if since > last or gone:
            self.cursor = None
            await self.sock.send_json(ResyncMessage(last_seq=last).model_dump(mode="json"))
            return
        self.cursor = since
        await self._catch_up()

    async def _on_live(self, frame: str) -> None:
        if self.cursor is None:
            return  # not resumed yet: the resume reads it from the store
        try:
            seq = int(json.loads(frame)["seq"])
        except (ValueError, KeyError, TypeError):
            log.error("dropping a malformed frame from the bus: %.200s", frame)
            return
        if seq <= self.cursor:
            return
        if seq == self.cursor + 1:
            await self.sock.send_text(frame)
            self.cursor = seq
        else:
            await self._catch_up()

    async def _catch_up(self) -> None:
        """Send everything in the store after the cursor."""
        while self.cursor is not None:
            async with self.ctx.db.read() as session:
                page = await store.read_after(session, self.agent_id, self.cursor, BACKLOG_PAGE)
            for event in page:
                await self.sock.send_text(event.frame)
                self.cursor = event.seq
            if len(page) < BACKLOG_PAGE:
                return
