"""``agentdesk``: the desktop's entry point (``main.py`` and ``[project.scripts]`` call it).

Without ``--server`` it starts the reference backend as a child process (demo data,
simulated customers; :mod:`agentdesk.gui.embedded_launch`) on a loopback port and signs in
as the demo operator ``mario``.
``--demo-autopilot`` (demos and screenshots only) accepts the first offered chat and sends
the client's greeting, so a headless ``--screenshot`` shows a live conversation.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="agentdesk", description="AgentDesk — contact-centre operator workstation"
    )
    parser.add_argument(
        "--server", metavar="URL", help="connect to a running backend (shows the login dialog)"
    )
    parser.add_argument(
        "--user", help="username to sign in with (with --server; or a demo account, e.g. luca)"
    )
    parser.add_argument("--password", help="password to sign in with (with --server)")
    parser.add_argument(
        "--offscreen", action="store_true", help="run without a display (QT_QPA_PLATFORM=offscreen)"
    )
    parser.add_argument(
        "--screenshot", metavar="FILE", type=Path, help="write a PNG of the window before quitting"
    )
    parser.add_argument(
        "--quit-after", metavar="SECONDS", type=float, help="quit by itself after SECONDS"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where the local database, cache and settings live",
    )
    parser.add_argument("--lang", choices=["it", "en"], help="UI language (default: system locale)")
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )
    parser.add_argument(
        "--demo-autopilot",
        action="store_true",
        help="demos and screenshots only: accept the first offered chat and greet the customer",
    )
    parser.add_argument(
        "--show-shortcuts",
        action="store_true",
        help="open the keyboard shortcuts overlay at start (as F1 does), e.g. for a screenshot",
    )
    return parser.parse_args(argv)


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("AgentDesk", "AgentDesk"))


#: What the desk needs beyond the first paint, imported one slice at a time after it, so
#: the event loop runs (and the window repaints) between slices.
DESK_SLICES = (
    "agentdesk.protocol.interactions",
    "agentdesk.client.rest",
    "agentdesk.client.sign_in",
    "agentdesk.client.session",
    "agentdesk.gui.interactions.pane",
    "agentdesk.gui.customer.center",
    "agentdesk.gui.assist.pane",
    "agentdesk.gui.softphone.wiring",
    "agentdesk.gui.people.workspace",
    "agentdesk.gui.desk",
    "agentdesk.gui.runner",
)
#: The slice after which the HTTP client and the sign-in can be used.
CLIENT_SLICE = "agentdesk.client.sign_in"


async def load_runner(
    on_client: Callable[[], None] | None = None, after_slice: Callable[[], None] | None = None
) -> type[Any]:
    """``DeskRunner``, its modules imported in slices that let the event loop breathe;
    ``on_client`` runs once the HTTP client and the sign-in are loaded (a sign-in may
    start then, its round trips overlapping the rest); ``after_slice`` after each slice
    (the collector's :meth:`~agentdesk.gui.gc_guard.GuiThreadCollector.settle`)."""
    import asyncio

    for name in DESK_SLICES:
        importlib.import_module(name)
        if after_slice is not None:
            after_slice()
        if name == CLIENT_SLICE and on_client is not None:
            on_client()
        await asyncio.sleep(0)
    from agentdesk.gui.runner import DeskRunner

    return DeskRunner


def first_picture_key(args: argparse.Namespace, last_username: str) -> tuple[str, str]:
    """Which cached picture the first paint shows: (server key, username), as the session
    names them (``EMBEDDED_KEY`` for the embedded default, else the server's URL)."""
    if args.server is None:
        return "embedded", args.user or "mario"
    return args.server.rstrip("/"), args.user or last_username


def main(argv: list[str] | None = None) -> int:
    """Run the desktop; returns the process exit code.

    The first paint comes before anything heavy is imported: the window's shell shows the
    cache's picture (:mod:`agentdesk.gui.shell.preview`), then the rest loads on the running
    event loop and the runner builds the panes in the same window.
    """
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve-embedded"]:
        # A frozen app's embedded server: its own executable started as the child
        # (agentdesk.gui.embedded_launch.SERVE_ARG); a Python install runs the module.
        from agentdesk.server.cli import main as serve

        return serve(argv[1:])
    args = parse_args(argv)
    # No automatic collection while the desk starts: its imports make long-lived objects,
    # not garbage, and once the loop runs the GUI thread collects by a timer
    # (agentdesk.gui.gc_guard), with what the imports made frozen out of its sight.
    gc_enabled = gc.isenabled()
    gc.disable()
    logging.basicConfig(
        level=getattr(logging, args.log_level),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.log_level != "DEBUG":
        # One line per HTTP request (httpx) and alembic's narration of every start are
        # noise on a shift; --log-level DEBUG brings them back.
        for noisy in ("httpx", "httpcore", "alembic"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Pydantic looks for plugins in every installed package's entry points when it builds
    # its first model (the sign-in's, on the start's path): the desktop uses none. A value
    # set by the user (e.g. empty, to load plugins) is kept; the embedded server inherits it.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    # Qt is imported only now, so QT_QPA_PLATFORM is set before the QApplication exists.
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from agentdesk.gui import feature_scan

    feature_scan.install()  # before the imports below: PySide6 checks each of them

    from agentdesk.gui import i18n, theme
    from agentdesk.gui.icons import app_icon
    from agentdesk.gui.shell import preview
    from agentdesk.gui.shell.main_window import MainWindow

    data_dir: Path = args.data_dir or default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "agentdesk"])
    assert isinstance(app, QApplication)
    app.setOrganizationName("AgentDesk")
    app.setApplicationName("AgentDesk")
    app.setApplicationDisplayName("AgentDesk")
    # With --data-dir everything (settings included) stays inside it: tests and screenshots
    # never touch the operator's own layout.
    settings = (
        QSettings(str(data_dir / "agentdesk.ini"), QSettings.Format.IniFormat)
        if args.data_dir
        else QSettings()
    )
    key, username = first_picture_key(args, str(settings.value("login/last_username", "") or ""))
    reader = preview.PictureReader(data_dir, key, username)  # a worker thread reads the cache
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    translators = i18n.install_translators(app, i18n.choose_language(args.lang))
    theme.apply(app)
    window = MainWindow.shell(settings)
    if args.screenshot is None:
        window.restore_layout()
    preview.show_picture(window, reader.result())
    app.processEvents()  # paint it now, before the server's process competes for the CPU
    launch = None
    if args.server is None:
        # The embedded backend starts at once, in a process of its own: its imports run on
        # another core while the desk's load here.
        from agentdesk.gui.embedded_launch import EmbeddedLaunch, embedded_port

        launch = EmbeddedLaunch(data_dir / "server.sqlite3", embedded_port(settings))

    # After the first paint: the event loop and everything behind it.
    import asyncio

    import qasync

    from agentdesk.gui.gc_guard import GuiThreadCollector

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    collector = GuiThreadCollector(app)
    collector.start()
    collector.settle()  # the first paint's imports are in: out of the collector's sight
    runners: list[Any] = []
    quit_early: list[bool] = []

    def request_quit() -> None:
        if runners:
            runners[0].request_quit()
        else:
            quit_early.append(True)  # before the runner exists: it quits as soon as it does

    window.closeRequested.connect(request_quit)
    app.aboutToQuit.connect(request_quit)
    previous = signal.signal(signal.SIGINT, lambda *_: request_quit())

    early: list[Any] = []  # agentdesk.client.sign_in.EarlySignIn, when credentials are given

    def sign_in_early() -> None:
        # Credentials on the command line for a running backend: the server checks them
        # and answers while the desk's own modules still load.
        if args.server and args.user and args.password:
            from agentdesk.client.rest import ApiClient
            from agentdesk.client.sign_in import EarlySignIn

            api = ApiClient(args.server.rstrip("/"))
            early.append(EarlySignIn(api, args.user, args.password))

    async def run() -> int:
        runner_class = await load_runner(sign_in_early, collector.settle)
        from agentdesk.gui.runner import RunOptions

        runner = runner_class(
            RunOptions(
                server=args.server,
                user=args.user,
                password=args.password,
                screenshot=args.screenshot,
                quit_after=args.quit_after,
                data_dir=data_dir,
                demo_autopilot=args.demo_autopilot,
                show_shortcuts=args.show_shortcuts,
                embedded=launch,
                early=early.pop() if early else None,
            ),
            settings,
            window=window,
        )
        runners.append(runner)
        if quit_early:
            runner.request_quit()
        return int(await runner.run())

    code = 1
    try:
        code = loop.run_until_complete(run())
    except RuntimeError:
        # Qt quit underneath us (e.g. the session manager): close what is still open.
        logging.getLogger(__name__).warning("event loop stopped early; closing down")
        code = 0
    finally:
        signal.signal(signal.SIGINT, previous)
        if runners:
            runners[0].stop_server()
        elif launch is not None:
            launch.stop()
        for unused in early:  # quit before the runner took it over
            loop.run_until_complete(unused.aclose())
        settings.sync()
        del translators
        collector.stop()
        if gc_enabled:
            gc.enable()
        loop.close()
        asyncio.set_event_loop(None)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
