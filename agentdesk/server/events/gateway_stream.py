"""``/api/v1/gateway/ws``: what the customer's side needs to hear (accepted, messages, ended).

The key comes in the ``X-Gateway-Key`` header of the handshake. Frames are
:class:`~agentdesk.protocol.gateway.GatewayEvent` JSON plus ``{"type": "ping"}`` heartbeats.
These events are not persisted: a gateway that reconnects reads chat state over REST.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from starlette.websockets import WebSocket

from agentdesk.server.context import ServerContext
from agentdesk.server.events.bus import GATEWAY_CHANNEL
from agentdesk.server.events.frames import BadFrame, ClientGone, FrameSocket
from agentdesk.server.events.stream import CLOSE_UNAUTHORIZED
from agentdesk.server.security import keys_match


async def serve_gateway(ws: WebSocket, ctx: ServerContext) -> None:
    await ws.accept()
    sock = FrameSocket(ws)
    try:
        if not keys_match(ws.headers.get("x-gateway-key"), ctx.settings.gateway_key):
            with contextlib.suppress(ClientGone):
                await sock.send_error("unauthorized", "a valid X-Gateway-Key is required")
            await sock.close(CLOSE_UNAUTHORIZED, "unauthorized")
            return
        async with ctx.bus.subscribe(GATEWAY_CHANNEL) as sub:
            await _pump(sock, ctx, sub.get)
    except ClientGone:
        pass
    finally:
        await sock.close()


async def _pump(sock: FrameSocket, ctx: ServerContext, get: Any) -> None:
    loop = asyncio.get_running_loop()
    next_ping = loop.time() + ctx.settings.heartbeat_s
    live: asyncio.Task[str] = asyncio.create_task(get())
    client: asyncio.Task[dict[str, Any]] = asyncio.create_task(sock.receive_object())
    try:
        while True:
            timeout = max(0.0, next_ping - loop.time())
            done, _ = await asyncio.wait(
                {live, client}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if client in done:
                try:
                    obj = client.result()
                    if obj.get("type") not in ("ping", "pong"):
                        await sock.send_error("bad_frame", "the gateway stream takes no frames")
                except BadFrame as exc:
                    await sock.send_error("bad_frame", str(exc))
                client = asyncio.create_task(sock.receive_object())
            if live in done:
                await sock.send_text(live.result())
                live = asyncio.create_task(get())
            if loop.time() >= next_ping:
                await sock.send_ping()
                next_ping = loop.time() + ctx.settings.heartbeat_s
    finally:
        for task in (live, client):
            task.cancel()
        await asyncio.gather(live, client, return_exceptions=True)
