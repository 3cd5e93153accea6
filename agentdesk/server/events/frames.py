"""Reading client frames off a websocket without ever failing on what a client sends."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.events import PingMessage, StreamError


class ClientGone(Exception):
    """The peer closed the connection."""


class BadFrame(ValueError):
    """A frame that is not a JSON object."""


class FrameSocket:
    """A websocket with serialised sends and tolerant receives."""

    def __init__(self, ws: WebSocket) -> None:
        self.ws = ws
        self._send_lock = asyncio.Lock()

    async def send_text(self, text: str) -> None:
        async with self._send_lock:
            try:
                await self.ws.send_text(text)
            except (WebSocketDisconnect, RuntimeError, OSError) as exc:
                raise ClientGone from exc

    async def send_json(self, obj: Any) -> None:
        await self.send_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))

    async def send_error(self, code: str, message: str) -> None:
        await self.send_json(StreamError(code=code, message=message).model_dump(mode="json"))

    async def send_ping(self) -> None:
        await self.send_json(PingMessage(ts=utcnow()).model_dump(mode="json"))

    async def receive_object(self) -> dict[str, Any]:
        """The next frame as a JSON object; :class:`BadFrame` if it is not one."""
        try:
            message = await self.ws.receive()
        except (WebSocketDisconnect, RuntimeError, OSError) as exc:
            raise ClientGone from exc
        if message["type"] == "websocket.disconnect":
            raise ClientGone
        raw = message.get("text")
        if raw is None:
            raw_bytes = message.get("bytes") or b""
            try:
                raw = raw_bytes.decode()
            except UnicodeDecodeError as exc:
                raise BadFrame("frames are UTF-8 JSON text") from exc
        try:
            obj = json.loads(raw)
        except ValueError as exc:
            raise BadFrame("a frame must be JSON") from exc
        if not isinstance(obj, dict):
            raise BadFrame("a frame must be a JSON object")
        return obj

    async def close(self, code: int = 1000, reason: str = "") -> None:
        if self.ws.application_state is WebSocketState.DISCONNECTED:
            return
        with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect):
            await self.ws.close(code=code, reason=reason)
