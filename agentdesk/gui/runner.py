"""``DeskRunner``: the desktop's life from window to quit, on the qasync loop.

Waits for the embedded server (a child process ``agentdesk.app`` started at the first
paint) or uses ``--server``, builds the session
around the workstation, signs in (automatically as mario on the embedded default, through
the login dialog otherwise), and on quit writes the screenshot, stops the session and closes
the HTTP client. Nothing here blocks the GUI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer

from agentdesk.client.cache import LocalCache
from agentdesk.client.rest import ApiClient
from agentdesk.client.session import Session
from agentdesk.domain.agent_state import AgentState
from agentdesk.gui.assist.autopilot import ScriptAutopilot
from agentdesk.gui.autopilot import DemoAutopilot
from agentdesk.gui.desk import Desk
from agentdesk.gui.embedded_launch import EmbeddedLaunch, EmbeddedServerError, embedded_port
from agentdesk.gui.errors import EXPECTED, describe_error
from agentdesk.gui.shell.main_window import MainWindow
from agentdesk.gui.workstation import Workstation

if TYPE_CHECKING:
    from agentdesk.client.credentials import CredentialStore

log = logging.getLogger(__name__)

DEMO_USER = "mario"
DEMO_PASSWORD = "demo"
#: The embedded default's name in the local cache (its port may change between runs).
EMBEDDED_KEY = "embedded"


@dataclass
class RunOptions:
    """What ``agentdesk.app`` parsed from the command line."""

    server: str | None = None
    user: str | None = None
    password: str | None = None
    screenshot: Path | None = None
    quit_after: float | None = None
    data_dir: Path = Path(".")
    demo_autopilot: bool = False
    show_shortcuts: bool = False
    #: The embedded server already starting (``agentdesk.app`` starts it at the first paint).
    embedded: EmbeddedLaunch | None = None
    #: A sign-in ``agentdesk.app`` started with the command line's credentials
    #: (:class:`agentdesk.client.sign_in.EarlySignIn`); the session takes over its client.
    early: Any = None


class DeskRunner:
    """Owns the session's lifetime; ``run()`` returns the exit code."""

    def __init__(
        self,
        options: RunOptions,
        settings: QSettings,
        session_factory: Callable[[str, Workstation], Any] | None = None,
        window: MainWindow | None = None,
    ) -> None:
        """``session_factory(base_url, listener)`` replaces the real client (tests);
        ``window``: the shell already showing the cache's picture (``agentdesk.app``)."""
        self.options = options
        self._session_factory = session_factory
        self.settings = settings
        self.workstation = Workstation()
        self.desk = Desk(self.workstation, settings, window)
        self.window = self.desk.window
        #: The embedded server's launch (its child process) once it serves.
        self.server: EmbeddedLaunch | None = None
        self._launch: EmbeddedLaunch | None = options.embedded
        self._api: Any = None
        self._cache: Any = None
        self._session: Any = None
        self._autopilot: DemoAutopilot | None = None
        self._quit = asyncio.Event()
        self._exit_code = 0
        self._embedded_port = 0
        self.window.closeRequested.connect(self.request_quit)

    # ---- lifecycle --------------------------------------------------------------------

    def request_quit(self) -> None:
        self._quit.set()

    async def run(self) -> int:
        self._show_window()
        if self.options.quit_after is not None:
            QTimer.singleShot(int(self.options.quit_after * 1000), self.request_quit)
        started = asyncio.ensure_future(self._start())
        quit_wait = asyncio.ensure_future(self._quit.wait())
        await asyncio.wait({started, quit_wait}, return_when=asyncio.FIRST_COMPLETED)
        if not started.done():
            started.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await started
        elif started.result() != "cancelled":
            # Signed in, or failed with the reason on screen: the operator decides when
            # to close (or --quit-after does).
            await quit_wait
        quit_wait.cancel()
        self._take_screenshot()
        await self.close()
        return self._exit_code

    def _show_window(self) -> None:
        if self.options.screenshot is None:
            self.window.restore_layout()
        self.window.show()  # a no-op over the first paint, which shows this same window
        self.window.statusline.set_connection("connecting", "")
        if self.options.show_shortcuts:
            self.desk.keys.overlay.open()

    async def _start(self) -> str:
        """Server, session, sign-in: ``ok``, ``failed`` or ``cancelled`` (login dialog).

        What the cache knows is on screen before the server answers (marked as refreshing);
        the embedded server starts in its own process meanwhile.
        """
        try:
            embedded = self.options.server is None
            base_url = self._embedded_url() if embedded else self._remote_url()
            self._session = self._make_session(base_url)
            starting = asyncio.ensure_future(self._start_embedded()) if embedded else None
            username = (self.options.user or DEMO_USER) if embedded else self._expected_user()
            # The sign-in's load already here (the early sign-in ran while the desk loaded):
            # the panes paint once, with it, instead of first with what the cache knew.
            loaded = self._early_load_here()
            try:
                if username:
                    await self._session.show_last_known(username)
                # The panes have the cached picture (or it had none): they may paint now.
                if not loaded:
                    self.window.reveal()
                if starting is not None:
                    await starting
            finally:
                if not loaded:
                    self.window.reveal()
                if starting is not None and not starting.done():
                    starting.cancel()  # quit while starting: stop_server() stops it
            controller = self.desk.attach(self._session)
            if self.options.demo_autopilot:
                self._autopilot = DemoAutopilot(
                    self.workstation, controller, self.window.interactions, self.desk
                )
                ScriptAutopilot(self.window.assist.script_player, self.desk)
            if embedded:
                # --user picks another demo account (team leader, tutor...) for demos.
                await self._session.start(
                    self.options.user or DEMO_USER, self.options.password or DEMO_PASSWORD
                )
                # The embedded demo exists to show chats arriving: start the day Ready
                # (a warm start may find the operator still Ready from the last run).
                profile = self._session.profile
                now = profile.state.state if profile is not None and profile.state else None
                if now is not AgentState.READY:
                    await self._session.set_state(AgentState.READY)
                self.desk.focus.refresh()
                return "ok"
            signed_in = await self._sign_in(base_url)
            self.window.reveal()
            if signed_in:
                self.desk.focus.refresh()
                return "ok"
            return "cancelled"
        except asyncio.CancelledError:
            raise
        except EXPECTED as exc:
            self._fail(describe_error(exc))
            return "failed"
        except EmbeddedServerError as exc:  # its own log lines are in the log already
            text = QCoreApplication.translate(
                "DeskRunner", "The local demo server did not start: %1"
            ).replace("%1", exc.reason)
            self._fail(text)
            log.error("start-up failed: %s", text)
            return "failed"
        except Exception as exc:
            log.exception("start-up failed")
            self._fail(describe_error(exc))
            return "failed"

    def _early_load_here(self) -> bool:
        early = self.options.early
        return early is not None and early.done()

    def _remote_url(self) -> str:
        url = (self.options.server or "").rstrip("/")
        self.window.statusline.set_server(url)
        return url

    def _expected_user(self) -> str:
        return self.options.user or str(self.settings.value("login/last_username", "") or "")

    def _embedded_url(self) -> str:
        """The embedded server's URL, known before it starts: the port it had last time
        when free (so the stream resumes where it was), else any free one."""
        if self._launch is None:
            port = embedded_port(self.settings)
            self._launch = EmbeddedLaunch(self.options.data_dir / "server.sqlite3", port)
        self._embedded_port = self._launch.port
        return self._launch.base_url

    async def _start_embedded(self) -> None:
        self.window.statusline.show_notice(
            "info", QCoreApplication.translate("DeskRunner", "Starting the local demo server…")
        )
        # A child process (since the first paint, when app.py started it): a worker thread
        # waits for its ready line, the window paints meanwhile.
        assert self._launch is not None
        self.server = await self._launch.wait()
        self.window.statusline.set_server(str(self.server.base_url), embedded=True)

    def _make_session(self, base_url: str) -> Any:
        if self._session_factory is not None:
            return self._session_factory(base_url, self.workstation)
        early = self.options.early
        self._api = early.api if early is not None else ApiClient(base_url)
        self._cache = LocalCache(self.options.data_dir / "client-cache.sqlite3")
        key = EMBEDDED_KEY if self.options.server is None else None
        return Session(self._api, self._cache, self.workstation, snapshot_key=key)

    async def _sign_in(self, base_url: str) -> bool:
        if self.options.user and self.options.password:
            early = self.options.early
            task = None if early is None else early.take(self.options.user, self.options.password)
            try:
                await self._session.start(self.options.user, self.options.password, early=task)
                return True
            except EXPECTED as exc:
                first_error = describe_error(exc)
        else:
            first_error = ""
        self.window.reveal()  # (a failed early sign-in's load kept it hidden)
        # Only now: the dialog and the keyring (a quarter of a second to import) are not on
        # the path of a start that signs in by itself.
        from agentdesk.gui.login.dialog import LoginDialog
        from agentdesk.gui.login.flow import LoginFlow

        dialog = LoginDialog(base_url, self.window)
        store = await asyncio.to_thread(_credentials)  # probing the keyring may block (D-Bus)
        flow = LoginFlow(dialog, self._session, store, base_url, self.settings)
        if first_error:
            dialog.show_error(first_error)
        return await flow.run(self.options.user or "", "")

    def _fail(self, text: str) -> None:
        self.window.reveal()
        self._exit_code = 1
        self.window.statusline.show_notice("error", text)
        self.window.statusline.set_connection("offline", text)

    # ---- shutdown ---------------------------------------------------------------------

    def _take_screenshot(self) -> None:
        path = self.options.screenshot
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.window.grab().save(str(path), "PNG"):
            log.error("could not write the screenshot to %s", path)
            self._exit_code = self._exit_code or 1
        else:
            log.info("screenshot written to %s", path)

    async def close(self) -> None:
        """Stop the session and the HTTP client; the embedded server stops in ``stop_server``."""
        await self.desk.aclose()
        for what, obj, method in (
            ("early sign-in", self.options.early, "aclose"),  # when nobody took it over
            ("session", self._session, "stop"),
            ("HTTP client", self._api, "aclose"),
            ("cache", self._cache, "aclose"),
        ):
            call = getattr(obj, method, None) if obj is not None else None
            if call is None:
                continue
            try:
                await asyncio.wait_for(call(), timeout=5)
            except Exception:
                log.warning("closing the %s failed", what, exc_info=True)
        self._session = self._api = self._cache = None
        self.window.close_now()

    def stop_server(self) -> None:
        """Blocking: called after the loop has finished (also during a start under way):
        asks the server's process to stop and waits for it (bounded, then kills it)."""
        launch, self._launch, self.server = self._launch, None, None
        if launch is not None:
            try:
                launch.stop()
            except Exception:
                log.warning("stopping the embedded server failed", exc_info=True)


def _credentials() -> CredentialStore | None:
    """The keyring-backed store, or None when there is no usable keyring (no file fallback)."""
    try:
        from agentdesk.client.credentials import CredentialStore

        store = CredentialStore()
        return store if store.available else None
    except Exception:
        log.warning("no credential store available", exc_info=True)
        return None
