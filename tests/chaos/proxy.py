"""A TCP proxy on loopback that breaks the connections it carries, on purpose.

Every client connection gets its own upstream connection to the target; two pumps copy
bytes each way. A test (or :class:`Chaos`) then picks live links and

- **closes** them (FIN both ways),
- **resets** them (``SO_LINGER`` 0, then close: the peer sees RST),
- **stalls** them (nothing is copied either way for a while: a half-open connection the
  endpoints cannot tell from a slow one), then either resumes or resets,
- **slows** them (reads a few bytes at a time with pauses: the sender sees backpressure).

While the target is down, new connections are accepted and closed at once (the client sees
a connection that dies before any answer), as a load balancer in front of a restarting
server would do.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

_CHUNK = 65536


@dataclass(eq=False)
class Link:
    """One proxied connection: client side and upstream side."""

    number: int
    client_w: asyncio.StreamWriter
    upstream_w: asyncio.StreamWriter
    flowing: asyncio.Event = field(default_factory=asyncio.Event)
    slow: bool = False
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    bytes_up: int = 0
    bytes_down: int = 0

    def __post_init__(self) -> None:
        self.flowing.set()

    @property
    def closed(self) -> bool:
        return self.client_w.is_closing() or self.upstream_w.is_closing()


def _rst(writer: asyncio.StreamWriter) -> None:
    """Close with an RST instead of a FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class ChaosProxy:
    """Listens on 127.0.0.1:<port> and forwards to ``target_port``; see the module doc."""

    def __init__(self, target_port: int, host: str = "127.0.0.1") -> None:
        self.host = host
        self.target_port = target_port
        self.port = 0
        self.links: set[Link] = set()
        self.accepted = 0
        self.refused = 0
        self._server: asyncio.Server | None = None
        self._numbers = 0

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, self.host, 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def aclose(self) -> None:
        if self._server is not None:
            self._server.close()
        for link in list(self.links):
            self.close(link)
        tasks = [t for link in list(self.links) for t in link.tasks]
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    # ---- breaking things ----------------------------------------------------------------

    def live(self) -> list[Link]:
        return [link for link in self.links if not link.closed]

    def close(self, link: Link) -> None:
        link.flowing.set()
        for w in (link.client_w, link.upstream_w):
            with contextlib.suppress(Exception):
                w.close()

    def reset(self, link: Link) -> None:
        link.flowing.set()
        _rst(link.client_w)
        _rst(link.upstream_w)

    def stall(self, link: Link) -> None:
        link.flowing.clear()

    def resume(self, link: Link) -> None:
        link.flowing.set()

    def set_slow(self, link: Link, slow: bool = True) -> None:
        link.slow = slow

    def reset_all(self) -> int:
        links = self.live()
        for link in links:
            self.reset(link)
        return len(links)

    # ---- copying ------------------------------------------------------------------------

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        self.accepted += 1
        try:
            upstream_r, upstream_w = await asyncio.open_connection(self.host, self.target_port)
        except OSError:
            self.refused += 1
            _rst(client_w)
            return
        self._numbers += 1
        link = Link(self._numbers, client_w, upstream_w)
        self.links.add(link)
        up = asyncio.create_task(self._pump(link, client_r, upstream_w, up=True))
        down = asyncio.create_task(self._pump(link, upstream_r, client_w, up=False))
        link.tasks = [up, down]
        try:
            await asyncio.gather(up, down, return_exceptions=True)
        finally:
            self.links.discard(link)
            for w in (client_w, upstream_w):
                with contextlib.suppress(Exception):
                    w.close()

    async def _pump(
        self, link: Link, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, up: bool
    ) -> None:
        try:
            while True:
                await link.flowing.wait()
                data = await reader.read(16 if link.slow else _CHUNK)
                if not data:
                    break
                await link.flowing.wait()  # a stall holds what was read, too
                if link.closed:
                    break
                writer.write(data)
                await writer.drain()
                if up:
                    link.bytes_up += len(data)
                else:
                    link.bytes_down += len(data)
                if link.slow:
                    await asyncio.sleep(0.002)
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            # One side ended: end the other the same way it would see it (FIN).
            with contextlib.suppress(Exception):
                if writer.can_write_eof():
                    writer.write_eof()
            if not up:
                with contextlib.suppress(Exception):
                    writer.close()
