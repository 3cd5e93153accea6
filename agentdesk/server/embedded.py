"""The backend in-process: uvicorn on its own thread with its own event loop.

The test suite and the benchmarks use it (a server they start, stop and restart in their
own process); the caller's loop (a test's, or Qt's) never runs server code. The desktop's
embedded default does not: it runs the same backend as a child process
(:mod:`agentdesk.gui.embedded_launch`, ``python -m agentdesk.server --child``).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time

import uvicorn

from agentdesk.server.config import ServerSettings
from agentdesk.server.serving import base_url, bind, make_server

log = logging.getLogger(__name__)


class EmbeddedServer:
    """Start, stop and restart the reference backend on a loopback port.

    A new instance with the same settings and port continues the same database: events,
    sequence numbers and tokens survive a restart.
    """

    def __init__(self, settings: ServerSettings, host: str = "127.0.0.1", port: int = 0) -> None:
        self.settings = settings
        self.host = host
        self._requested_port = port
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def base_url(self) -> str:
        return base_url(self.host, self.port)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 30) -> None:
        """Start and block until the port answers; raises if start-up fails."""
        if self.running:
            raise RuntimeError("the embedded server is already running")
        sock = bind(self.host, self.port or self._requested_port)
        self.port = sock.getsockname()[1]
        server, self.settings = make_server(self.settings, sock)
        self._server = server
        self._error = None
        self._thread = threading.Thread(
            target=self._serve,
            args=(server, sock),
            name=f"agentdesk-server:{self.port}",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the embedded server failed to start") from self._error
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"the embedded server did not start within {timeout} s")
            time.sleep(0.02)
        self._wait_until_answering(deadline)
        log.info("embedded server listening on %s", self.base_url)

    def _serve(self, server: uvicorn.Server, sock: socket.socket) -> None:
        try:
            asyncio.run(server.serve(sockets=[sock]))
        except BaseException as exc:
            self._error = exc
            log.exception("the embedded server stopped with an error")
        finally:
            sock.close()

    def _wait_until_answering(self, deadline: float) -> None:
        while True:
            try:
                with socket.create_connection((self.host, self.port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def stop(self, timeout: float = 30) -> None:
        """Stop serving (open websockets are closed) and wait for the thread."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout)
        self._server = None
        self._thread = None
        if thread.is_alive():
            # Say where it is stuck: the next reader needs the stacks, not just the timeout.
            import faulthandler
            import sys

            faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
            raise TimeoutError("the embedded server did not stop")
