"""``agentdesk-server``: the standalone reference backend."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from agentdesk.server.config import ServerSettings, default_database_url
from agentdesk.server.serving import bind, make_server

log = logging.getLogger("agentdesk.server")


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
    import asyncio

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
    _configure_logging(args.log_level)
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
    server, settings = make_server(
        settings, sock, log_level=args.log_level, access_log=args.log_level == "debug"
    )
    log.info(
        "AgentDesk server on %s (database %s)", settings.self_url, _redact(settings.database_url)
    )
    server.run(sockets=[sock])
    return 0


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        stream=sys.stderr,
    )
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
