"""The two websockets: the operator's event stream and the gateway's."""

from __future__ import annotations

from fastapi import APIRouter, WebSocket

from agentdesk.server.context import ServerContext
from agentdesk.server.events.gateway_stream import serve_gateway
from agentdesk.server.events.stream import serve_events

router = APIRouter()


def _ctx(ws: WebSocket) -> ServerContext:
    ctx: ServerContext = ws.app.state.ctx
    return ctx


@router.websocket("/events")
async def events(ws: WebSocket) -> None:
    """The operator's ordered event stream (auth in the first frame, never in the URL)."""
    await serve_events(ws, _ctx(ws))


@router.websocket("/gateway/ws")
async def gateway_events(ws: WebSocket) -> None:
    """The customer side's events; the key travels in the X-Gateway-Key handshake header."""
    await serve_gateway(ws, _ctx(ws))
