"""``EventStream``: the agent's ordered event stream over a websocket, resumed by ``seq``.

One connection at a time: connect, ``{"type": "auth"}``, wait for ``ready``, send
``{"type": "resume", "since": last_applied}``, then apply events strictly in order. An event
whose ``seq`` was already applied is dropped; after each applied event its ``seq`` is stored,
so a reconnect (or the next start of the desktop) continues exactly after it. Silence longer
than the heartbeat timeout counts as a dead connection. Lost connections are retried with
jittered, capped exponential backoff. ``resync`` (our position is unknown to the server)
makes the owner reload its state over REST before the stream continues from the server's
``last_seq``. Frames that do not parse are logged and dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from agentdesk.protocol.events import (
    AuthMessage,
    Event,
    PingMessage,
    ReadyMessage,
    ResumeMessage,
    ResyncMessage,
    ServerMessage,
    StreamError,
    parse_server_message,
)
from agentdesk.waiting import wait_event

if TYPE_CHECKING:
    # websockets loads with the first connection, after the sign-in's load is on screen.
    from websockets.asyncio.client import ClientConnection
    from websockets.exceptions import ConnectionClosed

log = logging.getLogger(__name__)

#: Close code the server uses for a missing, wrong or expired token.
CLOSE_BAD_TOKEN = 4401


class ConnectionStatus(StrEnum):
    CONNECTING = "connecting"  # first connection of this stream
    CONNECTED = "connected"  # authenticated, resumed, receiving
    RECONNECTING = "reconnecting"  # lost; waiting for the next attempt or trying again
    OFFLINE = "offline"  # stopped, or the server no longer accepts our credentials


class StreamHandler(Protocol):
    """What the stream's owner (the session) does with what arrives."""

    async def apply_event(self, event: Event) -> None:
        """Apply one event; when it returns, the event counts as applied."""

    async def resync(self, last_seq: int) -> None:
        """Reload state over REST: the server cannot replay what we missed."""

    def stream_status(self, status: ConnectionStatus, detail: str) -> None:
        """The connection's status changed."""


class SeqStore(Protocol):
    """Where the last applied ``seq`` lives (the local cache, for one server and agent)."""

    async def load(self) -> int: ...

    async def save(self, seq: int) -> None: ...


class TokenSource(Protocol):
    """Gives a valid access token; ``force_refresh`` after the server refused one."""

    def __call__(self, *, force_refresh: bool = False) -> Awaitable[str]: ...


class AuthRejected(Exception):
    """The server refused our token and no fresh one can be had: stop retrying."""


@dataclass(frozen=True)
class Backoff:
    """Jittered, capped exponential backoff: ``min(cap, initial * factor**n)``, then a
    uniformly random point in its upper half, so many desktops do not reconnect in step."""

    initial: float = 0.5
    factor: float = 2.0
    cap: float = 10.0
    jitter: float = 0.5  # share of the delay that is random

    def delay(self, attempt: int, rnd: Callable[[], float] = random.random) -> float:
        # The exponent is bounded: factor ** attempt overflows a float after ~1,000 failed
        # attempts (hours of outage), which killed the stream for good.
        base = min(self.cap, self.initial * self.factor ** min(max(0, attempt), 64))
        return base * (1.0 - self.jitter) + base * self.jitter * rnd()


class _Dead(Exception):
    """This connection is unusable (silence, protocol violation): reconnect."""


class EventStream:
    """Runs the websocket in a background task between :meth:`start` and :meth:`stop`."""

    def __init__(
        self,
        url: str,
        token: TokenSource,
        positions: SeqStore,
        handler: StreamHandler,
        *,
        heartbeat_timeout: float = 30.0,
        backoff: Backoff | None = None,
        open_timeout: float = 10.0,
    ) -> None:
        self.url = url
        self._token = token
        self._positions = positions
        self._handler = handler
        self.heartbeat_timeout = heartbeat_timeout
        self.backoff = backoff or Backoff()
        self.open_timeout = open_timeout
        self._task: asyncio.Task[None] | None = None
        self._ws: ClientConnection | None = None
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()
        self._status = ConnectionStatus.OFFLINE
        self._last_seq = 0
        self._force_refresh = False
        self._was_connected = False
        #: Counts connections that reached ``connected`` (tests and diagnostics).
        self.connections = 0

    # ---- public -----------------------------------------------------------------------

    @property
    def status(self) -> ConnectionStatus:
        return self._status

    @property
    def last_seq(self) -> int:
        """The last applied (and stored) ``seq``."""
        return self._last_seq

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self, since: int | None = None) -> None:
        """Load the stored position (``since``: the caller has just read it) and start
        connecting in the background."""
        if self.running:
            return
        self._last_seq = await self._positions.load() if since is None else since
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name="agentdesk-event-stream")

    async def stop(self) -> None:
        """Close the connection and end the background task."""
        self._stopping.set()
        self._wake.set()
        task, self._task = self._task, None
        ws = self._ws
        if ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(), timeout=2.0)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._set_status(ConnectionStatus.OFFLINE, "stopped")

    def reconnect_now(self) -> None:
        """Skip the current backoff wait (e.g. the network came back)."""
        self._wake.set()

    async def drop_connection(self) -> None:
        """Close the current connection as if the network had dropped it (it reconnects)."""
        ws = self._ws
        if ws is not None:
            await ws.close()

    # ---- the loop ---------------------------------------------------------------------

    async def _run(self) -> None:
        from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

        attempt = 0
        first = True
        try:
            while not self._stopping.is_set():
                if first:
                    self._set_status(ConnectionStatus.CONNECTING, self.url)
                    first = False
                try:
                    await self._connect_once()
                    detail = "connection closed"
                except AuthRejected as exc:
                    log.warning("event stream: %s", exc)
                    self._set_status(ConnectionStatus.OFFLINE, str(exc))
                    return
                except (OSError, TimeoutError, InvalidHandshake, InvalidURI, _Dead) as exc:
                    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                except ConnectionClosed as exc:
                    detail = _closed_detail(exc)
                    if _close_code(exc) == CLOSE_BAD_TOKEN:
                        self._force_refresh = True
                except Exception as exc:
                    # e.g. the resync's REST reload failed, or a bug: log it, never die
                    # silently; the next connection resumes from the last applied seq.
                    log.exception("event stream: connection failed")
                    detail = f"{type(exc).__name__}: {exc}"
                if self._stopping.is_set():
                    break
                if self._was_connected:
                    attempt = 0
                delay = self.backoff.delay(attempt)
                attempt += 1
                log.info("event stream lost (%s); retrying in %.2f s", detail, delay)
                self._set_status(ConnectionStatus.RECONNECTING, detail)
                await self._sleep(delay)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # only a failing status callback gets here
            log.exception("event stream failed")
            self._set_status(ConnectionStatus.OFFLINE, f"{type(exc).__name__}: {exc}")

    async def _sleep(self, delay: float) -> None:
        self._wake.clear()
        await wait_event(self._wake, delay)

    async def _connect_once(self) -> None:
        from websockets.asyncio.client import connect

        self._was_connected = False
        async with connect(
            self.url,
            open_timeout=self.open_timeout,
            ping_interval=None,  # the server's heartbeat frames are the liveness check
            close_timeout=2.0,
            max_size=8 * 1024 * 1024,
        ) as ws:
            self._ws = ws
            try:
                await self._session(ws)
            finally:
                self._ws = None

    async def _session(self, ws: ClientConnection) -> None:
        try:
            token = await self._token(force_refresh=self._force_refresh)
        except Exception as exc:
            if getattr(exc, "status", None) == 401:
                raise AuthRejected(f"sign-in expired: {exc}") from exc
            # e.g. the refresh could not reach the server: try again after the backoff
            raise _Dead(f"no access token: {exc}") from exc
        refreshed = self._force_refresh
        self._force_refresh = False
        await ws.send(AuthMessage(token=token).model_dump_json())
        ready = await self._until_ready(ws, refreshed)
        since = self._last_seq
        log.info("event stream ready (server at %d); resuming after %d", ready.last_seq, since)
        await ws.send(ResumeMessage(since=since).model_dump_json())
        self._was_connected = True
        self.connections += 1
        self._set_status(ConnectionStatus.CONNECTED, self.url)
        while True:
            message = await self._next(ws)
            if message is None:
                continue
            if isinstance(message, Event):
                await self._on_event(message)
            elif isinstance(message, ResyncMessage):
                await self._on_resync(ws, message.last_seq)
            elif isinstance(message, StreamError):
                log.warning("event stream error from server: %s %s", message.code, message.message)
                if message.code == "unauthorized":
                    self._force_refresh = True
            # ping and a repeated ready only prove the connection is alive

    async def _until_ready(self, ws: ClientConnection, refreshed: bool) -> ReadyMessage:
        from websockets.exceptions import ConnectionClosed

        while True:
            try:
                message = await self._next(ws)
            except ConnectionClosed as exc:
                if _close_code(exc) == CLOSE_BAD_TOKEN and refreshed:
                    raise AuthRejected("the server refused a freshly refreshed token") from exc
                raise
            if isinstance(message, ReadyMessage):
                return message
            if isinstance(message, StreamError):
                self._force_refresh = True
                log.warning("event stream refused: %s %s", message.code, message.message)
            elif isinstance(message, PingMessage | None):
                continue
            else:
                raise _Dead(f"expected ready, got {type(message).__name__}")

    async def _next(self, ws: ClientConnection) -> ServerMessage | None:
        """The next parsed frame; ``None`` for a malformed one (logged and dropped)."""
        try:
            raw = await asyncio.wait_for(ws.recv(), timeout=self.heartbeat_timeout)
        except TimeoutError:
            raise _Dead(f"no frame for {self.heartbeat_timeout:g} s") from None
        try:
            return parse_server_message(raw)
        except ValueError as exc:
            log.warning("event stream: dropped a malformed frame (%s): %.200r", exc, raw)
            return None

    async def _on_event(self, event: Event) -> None:
        if event.seq <= self._last_seq:
            log.debug("event stream: seq %d already applied, dropped", event.seq)
            return
        if event.seq > self._last_seq + 1:
            # The contract has no gaps; if one shows up, REST is the only complete truth.
            log.warning(
                "event stream: gap after seq %d (got %d); reloading", self._last_seq, event.seq
            )
            await self._handler.resync(event.seq - 1)
        try:
            await self._handler.apply_event(event)
        except Exception:
            # Stopping here would replay the same event forever; log it and move on.
            log.exception("applying event %d (%s) failed", event.seq, event.type)
        await self._store(event.seq)

    async def _on_resync(self, ws: ClientConnection, last_seq: int) -> None:
        log.info("event stream: resync (server at %d, we were at %d)", last_seq, self._last_seq)
        await self._handler.resync(last_seq)
        await self._store(last_seq)
        # Continue from the server's position on this connection.
        await ws.send(ResumeMessage(since=last_seq).model_dump_json())

    async def _store(self, seq: int) -> None:
        self._last_seq = seq
        await self._positions.save(seq)

    def _set_status(self, status: ConnectionStatus, detail: str) -> None:
        if status is self._status and status is not ConnectionStatus.RECONNECTING:
            return
        self._status = status
        try:
            self._handler.stream_status(status, detail)
        except Exception:
            log.exception("stream status callback failed")


def _close_code(exc: ConnectionClosed) -> int | None:
    return exc.rcvd.code if exc.rcvd is not None else None


def _closed_detail(exc: ConnectionClosed) -> str:
    if exc.rcvd is not None:
        reason = f" {exc.rcvd.reason}" if exc.rcvd.reason else ""
        return f"closed by the server ({exc.rcvd.code}{reason})"
    return "connection lost"
