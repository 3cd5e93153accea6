"""The media bridge alone in its own process, behind a tiny HTTP API (benchmarks only).

Run: python -m tests.bench.bridge_host PORT
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

from agentdesk.server.media.aiortc_bridge import AiortcBridge
from agentdesk.server.media.mixing import Role


class LegBody(BaseModel):
    role: Role
    sdp: str


class Answer(BaseModel):
    sdp: str


def host_app() -> FastAPI:
    state: dict[str, AiortcBridge] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state["bridge"] = AiortcBridge()
        yield
        await state["bridge"].close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/calls/{call_id}/legs/{leg_id}")
    async def add_leg(call_id: str, leg_id: str, body: LegBody) -> Answer:
        bridge = state["bridge"]
        bridge.create_call(call_id)
        sdp = await bridge.add_leg(call_id, leg_id, body.role, body.sdp)
        return Answer(sdp=sdp)

    @app.post("/calls/{call_id}/answered")
    async def answered(call_id: str) -> dict[str, bool]:
        state["bridge"].set_answered(call_id, True)
        return {"ok": True}

    @app.get("/stats")
    async def stats() -> dict[str, int]:
        bridge = state["bridge"]
        legs = sum(len(bridge.legs(call_id)) for call_id in list(bridge._rooms))
        return {"frames_in": bridge.frames_received(), "legs": legs}

    @app.delete("/calls/{call_id}")
    async def end(call_id: str) -> dict[str, bool]:
        await state["bridge"].end_call(call_id)
        return {"ok": True}

    return app


if __name__ == "__main__":
    uvicorn.run(host_app(), host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
