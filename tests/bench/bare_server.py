"""Baseline child of the server start-up benchmark: the floor of its architecture.

``python -m tests.bench.bare_server --port P``: FastAPI and SQLAlchemy's asyncio layer
imported, a FastAPI app with the four answers the desktop's sign-in asks for (login, the
profile, the interactions, the event stream's auth) returning constants, served by uvicorn
on a bound socket, and the same ready line on stdout as ``agentdesk.server --child``; it
stops when its stdin closes. No database, no models, no background work.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Any

import sqlalchemy.ext.asyncio  # noqa: F401  (imported as the real server does: part of the floor)
import uvicorn
from fastapi import FastAPI, WebSocket

READY = "AGENTDESK-SERVER-READY"


def bare_app() -> FastAPI:
    app = FastAPI()

    @app.post("/api/v1/auth/login")
    async def login(body: dict[str, Any]) -> dict[str, Any]:
        return {"access_token": "t", "agent": {"id": "a", "username": body.get("username")}}

    @app.get("/api/v1/me")
    async def me() -> dict[str, str]:
        return {"id": "a"}

    @app.get("/api/v1/interactions")
    async def interactions() -> list[dict[str, str]]:
        return []

    @app.websocket("/api/v1/events")
    async def events(ws: WebSocket) -> None:
        await ws.accept()
        await ws.receive_text()
        await ws.send_json({"type": "ready", "last_seq": 0})
        await ws.receive_text()  # until the client goes

    return app


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    server = uvicorn.Server(
        uvicorn.Config(
            bare_app(),
            host="127.0.0.1",
            port=args.port,
            log_config=None,
            log_level="warning",
            ws="websockets-sansio",
            access_log=False,
        )
    )

    def watch_stdin() -> None:
        while os.read(0, 4096):
            pass
        server.should_exit = True

    threading.Thread(target=watch_stdin, daemon=True).start()
    startup = server.startup

    async def announced(sockets: Any = None) -> None:
        await startup(sockets=sockets)
        print(READY, f"http://127.0.0.1:{args.port}", flush=True)

    server.startup = announced  # type: ignore[method-assign]
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
