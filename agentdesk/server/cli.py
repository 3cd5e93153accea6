"""``agentdesk-server``: the standalone reference backend.

``--child`` runs it as the desktop's embedded server (``agentdesk.gui.embedded_launch``
starts it so): log records go to stderr as JSON lines for the desktop to relay into its own
log, one line on stdout says the server is ready, and the server stops when its stdin
closes (the desktop that started it quit or died).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from typing import Any

log = logging.getLogger("agentdesk.server")

#: How ``--child`` says it serves: this word and the base URL, one line on stdout.
READY = "AGENTDESK-SERVER-READY"
#: ``--child``: once stdin has closed, how long a graceful stop may take before a hard exit.
ORPHAN_EXIT_S = 15.0


def parse_migrate_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="agentdesk-server migrate",
        description="Upgrade a database's schema to this version (then exit).",
    )
    parser.add_argument("--database", metavar="URL", default=None, help="SQLAlchemy URL")
    parser.add_argument("--revision", default="head", help="target migration (default: head)")
    return parser.parse_args(argv)


def migrate(argv: Sequence[str]) -> int:
    """``agentdesk-server migrate``: run the migrations once, e.g. before a rolling upgrade."""
    from agentdesk.server.config import default_database_url
    from agentdesk.server.db import Database

    args = parse_migrate_args(argv)
    url = args.database or default_database_url()

    async def run() -> str | None:
        db = Database(url)
        try:
            await db.migrate(args.revision)
            return await db.revision()
        finally:
            await db.dispose()

    revision = asyncio.run(run())
    log.info("database %s is at migration %s", _redact(url), revision)
    return 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="agentdesk-server", description="The AgentDesk reference backend."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port (0 = any free port)")
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="SQLAlchemy URL: sqlite+aiosqlite:///file or postgresql+asyncpg://... "
        "(default: SQLite in the user data directory)",
    )
    parser.add_argument("--demo", action="store_true", help="seed the demo contact centre")
    parser.add_argument(
        "--no-migrate",
        action="store_true",
        help="do not upgrade the schema on start; refuse a database that is not up to date "
        "(run `agentdesk-server migrate` once per upgrade instead)",
    )
    parser.add_argument(
        "--simulate", action="store_true", help="run the customer traffic simulator"
    )
    parser.add_argument(
        "--simulate-rate",
        type=float,
        default=4.0,
        metavar="CHATS_PER_MIN",
        help="mean chats per minute the simulator opens (default 4)",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="log verbosity",
    )
    parser.add_argument(
        "--child",
        action="store_true",
        help="run as the desktop's embedded server: JSON log lines on stderr, a ready line "
        "on stdout, and stop when stdin closes",
    )
    args = parser.parse_args(argv)
    if args.simulate_rate <= 0:
        parser.error("--simulate-rate must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["migrate"]:
        _configure_logging("info")
        return migrate(argv[1:])
    args = parse_args(argv)
    # No cyclic collections while the modules load and the server starts (they found almost
    # nothing to free and took a sixth of the import time); the start's end freezes what it
    # built and turns the collector back on (agentdesk.server.app).
    gc.disable()
    parent = ParentWatch() if args.child else None
    _configure_logging(args.log_level, as_json=args.child)
    # The server's modules only now: a --child notices its parent's end while they load.
    from agentdesk.server.config import ServerSettings, default_database_url
    from agentdesk.server.serving import bind, make_server

    settings = ServerSettings(
        database_url=args.database or default_database_url(),
        demo=args.demo,
        migrate_on_start=not args.no_migrate,
        simulate=args.simulate,
        simulate_rate=args.simulate_rate,
    )
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        log.error("cannot listen on %s:%s: %s", args.host, args.port, exc)
        return 2
    # As the desktop's child, uvicorn's own start/stop narration only at DEBUG (the desktop
    # logs the child's pid and URL itself).
    quiet = args.child and args.log_level != "debug"
    server, settings = make_server(
        settings,
        sock,
        log_level="warning" if quiet else args.log_level,
        access_log=args.log_level == "debug",
    )
    log.info(
        "AgentDesk server on %s (database %s)", settings.self_url, _redact(settings.database_url)
    )
    if parent is not None:
        parent.server = server
        if parent.gone.is_set():
            log.info("the desktop is gone before the server started")
            return 0
        announce_when_started(server, str(settings.self_url))
    server.run(sockets=[sock])
    return 0


def announce_when_started(server: Any, url: str) -> None:
    """Print the ready line once uvicorn has started: the lifespan's start-up (migrations,
    seed) is done and the socket serves: the sign-in at once, anything else once the rest
    of the start is done (see :mod:`agentdesk.server.app`). (A failed start-up exits with
    uvicorn's code 3.)"""
    startup = server.startup

    async def announced(sockets: Any = None) -> None:
        await startup(sockets=sockets)
        if server.started:
            print(READY, url, flush=True)

    server.startup = announced


class ParentWatch:
    """Stops the server when stdin reaches its end: the desktop holds the pipe's other end,
    and the system closes it when the desktop ends, however it ends (quit, crash, SIGKILL).

    A thread blocks reading stdin (portable: no signal, no prctl); at end of file it asks
    uvicorn to shut down gracefully, and exits the process outright if that takes longer
    than :data:`ORPHAN_EXIT_S`.
    """

    def __init__(self) -> None:
        self.server: Any = None  # the uvicorn.Server once it exists
        self.gone = threading.Event()
        threading.Thread(target=self._watch, name="parent-watch", daemon=True).start()

    def _watch(self) -> None:
        try:
            fd = sys.stdin.fileno()
            while os.read(fd, 4096):
                pass
        except (OSError, ValueError, AttributeError):
            pass  # no stdin at all: nobody to watch for, stop as if it had closed
        self.gone.set()
        log.info("the desktop closed its end of the pipe: stopping")
        server = self.server
        if server is not None:
            server.should_exit = True
        timer = threading.Timer(ORPHAN_EXIT_S, self._hard_exit)
        timer.daemon = True
        timer.start()

    @staticmethod
    def _hard_exit() -> None:
        log.error("did not stop within %g s of the desktop's end: exiting", ORPHAN_EXIT_S)
        logging.shutdown()
        os._exit(1)


class JsonLines(logging.Formatter):
    """One JSON object per record (a traceback stays inside its record), for the desktop to
    relay at the same level: ``agentdesk.gui.embedded_launch`` reads them."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "created": record.created,
            "level": record.levelno,
            "name": record.name,
            "thread": record.threadName,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[1] is not None:
            line["exc_text"] = self.formatException(record.exc_info)
            line["exc_summary"] = "".join(
                traceback.format_exception_only(record.exc_info[1])
            ).strip()
        elif record.stack_info:
            line["exc_text"] = record.stack_info
        return json.dumps(line, ensure_ascii=False)


def _configure_logging(level: str, as_json: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonLines()
        if as_json
        else logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    )
    logging.basicConfig(level=level.upper(), handlers=[handler])
    if level != "debug":
        # The simulator's own HTTP calls would drown the server's log; alembic narrates
        # every start.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        logging.getLogger("alembic").setLevel(logging.WARNING)


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    raise SystemExit(main())
