"""Binding the listening socket and configuring uvicorn (shared by the CLI and embedding)."""

from __future__ import annotations

import socket

import uvicorn

from agentdesk.server.app import create_app
from agentdesk.server.config import ServerSettings


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket; port 0 picks a free one. Reusable right after a restart."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY only on sockets whose proto says TCP,
    # and without it Nagle holds a response's body behind its headers until the client's
    # delayed ACK (40 ms added to every HTTP answer written in two parts).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def base_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:
        shown = f"[{shown}]" if shown != "::" else "[::1]"
    return f"http://{shown}:{port}"


def make_server(
    settings: ServerSettings,
    sock: socket.socket,
    *,
    log_level: str = "warning",
    access_log: bool = False,
) -> tuple[uvicorn.Server, ServerSettings]:
    """A uvicorn server for ``settings`` on the bound socket; settings get ``self_url``."""
    host, port = sock.getsockname()[:2]
    settings = settings.model_copy(update={"self_url": base_url(host, port)})
    config = uvicorn.Config(
        create_app(settings, defer=True),
        log_config=None,
        log_level=log_level,
        ws="websockets-sansio",
        lifespan="on",
        access_log=access_log,
        timeout_graceful_shutdown=3,
        ws_ping_interval=None,
    )
    return uvicorn.Server(config), settings
