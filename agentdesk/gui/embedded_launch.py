"""The embedded default's server, started on a worker thread at the first possible moment.

``agentdesk.app`` starts it right after the first paint, so the backend's imports and its
start-up overlap the loading of the desk's own modules instead of following them; the
runner then waits for it (:meth:`EmbeddedLaunch.wait`) and owns it until quit. Light on
purpose (standard library only): it is imported before the first paint.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Where the embedded server's port is remembered between runs (in the desk's QSettings).
PORT_SETTING = "embedded/port"


class EmbeddedLaunch:
    """Starts the reference backend on ``port`` with ``database`` (demo data, simulated
    customers) on its own thread; ``server`` is kept as soon as it exists, so a quit during
    start-up still stops it."""

    def __init__(self, database: Path, port: int) -> None:
        self.database = database
        self.port = port
        self.server: Any = None  # agentdesk.server.embedded.EmbeddedServer
        self.error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="embedded-start", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        try:
            from agentdesk.server.config import ServerSettings
            from agentdesk.server.embedded import EmbeddedServer

            settings = ServerSettings(
                database_url=f"sqlite+aiosqlite:///{self.database}", demo=True, simulate=True
            )
            self.server = EmbeddedServer(settings, port=self.port)
            self.server.start()
        except BaseException as exc:  # reported by wait(), on the event loop
            self.error = exc
        finally:
            self._done.set()

    async def wait(self) -> Any:
        """The running server, once it answers; raises what stopped it from starting."""
        await asyncio.to_thread(self._done.wait)
        if self.error is not None:
            raise self.error
        return self.server

    def stop(self) -> None:
        """Blocking: wait for a start still under way, then stop the server."""
        self._done.wait(60)
        if self.server is not None:
            self.server.stop()
            self.server = None


def embedded_port(settings: Any) -> int:
    """The port for this run: the last one when free (the stream resumes where it was),
    else any free one; remembered in ``settings`` (a QSettings) for the next run."""
    last = int(str(settings.value(PORT_SETTING, 0) or 0))
    port = free_port(last)
    settings.setValue(PORT_SETTING, port)
    return port


def free_port(preferred: int) -> int:
    """``preferred`` if it can be bound on loopback now, else a free port."""
    for port in (preferred, 0) if preferred else (0,):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise OSError("no free loopback port")
