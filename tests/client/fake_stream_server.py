"""A tiny, real ``websockets`` peer that plays scripted event-stream conversations.

Used where the reference server cannot be made to misbehave on purpose (malformed frames,
gaps, silence). Each connection gets the next script; a script receives the connection and
the parsed auth frame.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import ServerConnection, serve

Script = Callable[[ServerConnection, dict[str, Any]], Awaitable[None]]


def event(seq: int, kind: str = "system.notice", **data: Any) -> str:
    payload = data or {"level": "info", "text": f"notice {seq}"}
    return json.dumps({"seq": seq, "type": kind, "ts": "2025-03-14T09:30:00Z", "data": payload})


def ready(last_seq: int) -> str:
    return json.dumps({"type": "ready", "last_seq": last_seq})


async def expect_resume(ws: ServerConnection) -> int:
    frame = json.loads(await ws.recv())
    assert frame["type"] == "resume", frame
    since = frame["since"]
    assert isinstance(since, int)
    return since


@dataclass
class FakeStreamServer:
    scripts: list[Script]
    url: str = ""
    auths: list[dict[str, Any]] = field(default_factory=list)
    resumes: list[int] = field(default_factory=list)

    @property
    def connections(self) -> int:
        return len(self.auths)

    async def _handle(self, ws: ServerConnection) -> None:
        auth = json.loads(await ws.recv())
        index = len(self.auths)
        self.auths.append(auth)
        script = self.scripts[min(index, len(self.scripts) - 1)]
        await script(ws, auth)


@asynccontextmanager
async def fake_stream_server(*scripts: Script) -> AsyncIterator[FakeStreamServer]:
    fake = FakeStreamServer(list(scripts))
    async with serve(fake._handle, "127.0.0.1", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        fake.url = f"ws://127.0.0.1:{port}/api/v1/events"
        yield fake
