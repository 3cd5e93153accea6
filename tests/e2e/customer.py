"""The customer's side in e2e tests: the real channel gateway over HTTP and its websocket."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

import httpx
import websockets


class Customer:
    """Opens a chat through the gateway, writes, and hears what the operator writes."""

    def __init__(self, base_url: str, key: str) -> None:
        self.base_url = base_url
        self.key = key
        self.http = httpx.AsyncClient(
            base_url=base_url, headers={"X-Gateway-Key": key}, timeout=10.0
        )
        self.heard: list[dict[str, Any]] = []
        self._ws_task: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()

    async def listen(self) -> None:
        """Follow the gateway websocket (reconnecting across server restarts)."""
        self._ws_task = asyncio.create_task(self._follow())
        await asyncio.wait_for(self._connected.wait(), 10)

    async def _follow(self) -> None:
        url = self.base_url.replace("http://", "ws://") + "/api/v1/gateway/ws"
        while True:
            try:
                async with websockets.connect(
                    url, additional_headers={"X-Gateway-Key": self.key}
                ) as ws:
                    self._connected.set()
                    async for raw in ws:
                        frame = json.loads(raw)
                        if frame.get("type") != "ping":
                            self.heard.append(frame)
            except (OSError, websockets.WebSocketException):
                await asyncio.sleep(0.2)

    async def open_chat(self, handle: str, entry_point: str, text: str) -> str:
        r = await self.http.post(
            "/api/v1/gateway/chats", json={"from": handle, "entry_point": entry_point, "text": text}
        )
        assert r.status_code in (200, 201), r.text
        return str(r.json()["interaction_id"])

    async def say(self, interaction_id: str, text: str) -> None:
        r = await self.http.post(
            f"/api/v1/gateway/chats/{interaction_id}/messages", json={"text": text}
        )
        assert r.status_code in (200, 201), r.text

    def operator_lines(self, interaction_id: str) -> list[str]:
        return [
            str(f["data"].get("text"))
            for f in self.heard
            if f.get("type") == "chat.message" and f.get("interaction_id") == interaction_id
        ]

    async def close(self) -> None:
        if self._ws_task is not None:
            self._ws_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ws_task
        await self.http.aclose()
