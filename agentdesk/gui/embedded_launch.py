"""The embedded default's server: a child process started at the first possible moment.

``agentdesk.app`` starts it right after the first paint, so the backend's imports and its
start-up run on another core while the desk's own modules load (one process would share
one interpreter lock between them), and the desktop's memory holds the desk only; the
runner then waits for it (:meth:`EmbeddedLaunch.wait`) and owns it until quit.

The child is ``python -m agentdesk.server --child ...`` (``agentdesk.server.cli``): it
prints one line on stdout when it serves, writes its log records to stderr as JSON lines,
which threads here relay into the desktop's log at their own levels, and stops when its
stdin closes — the desktop holds the other end, and the system closes it however the
desktop ends, so the server never outlives it. Light on purpose (standard library only):
it is imported before the first paint.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Where the embedded server's port is remembered between runs (in the desk's QSettings).
PORT_SETTING = "embedded/port"
#: The child's ready line starts with this word (``agentdesk.server.cli.READY``; not
#: imported from there: importing the server package is what the child is for).
READY = "AGENTDESK-SERVER-READY"
#: A frozen app (PyInstaller) has no ``python -m``: its own executable serves when started
#: with this first argument (``agentdesk.app.main`` hands the rest to the server's CLI).
SERVE_ARG = "--serve-embedded"
#: Asked to stop, the child has this long (uvicorn's graceful shutdown, the jobs' clean-up)
#: before it is killed.
STOP_TIMEOUT_S = 15.0
#: Lines of the child's output kept for a report when it fails.
TAIL_LINES = 40
#: The desktop's log levels, as the server's CLI spells them.
_LEVELS = {logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warning"}


class EmbeddedServerError(RuntimeError):
    """The embedded server did not start; ``reason`` is its own account (from its log)."""

    def __init__(self, reason: str, exit_code: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.exit_code = exit_code


class EmbeddedLaunch:
    """Starts the reference backend on ``port`` with ``database`` (demo data; simulated
    customers unless ``simulate`` is false) as a child process, at once.

    ``log_level``: the child's (default: the desktop's own); ``env``: added to the child's
    environment (e.g. ``AGENTDESK_GATEWAY_KEY``).
    """

    def __init__(
        self,
        database: Path,
        port: int,
        *,
        simulate: bool = True,
        log_level: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.database = database
        self.port = port
        self.error: EmbeddedServerError | None = None
        self._ready = threading.Event()  # set once it serves, or once it ended before
        self._stopping = False
        self._tail: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
        self._causes: list[str] = []  # exceptions the child logged at ERROR or worse
        self._errors: list[str] = []  # messages it logged at ERROR or worse
        level = log_level or _LEVELS.get(logging.getLogger().getEffectiveLevel(), "error")
        command = server_command(database, port, simulate=simulate, log_level=level.lower())
        self._log_reader = threading.Thread(target=self._read_log, name="embedded-log", daemon=True)
        self._watcher = threading.Thread(target=self._watch, name="embedded-watch", daemon=True)
        self.process: subprocess.Popen[bytes] | None = None
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=_child_env(env),
                # Its own session: a Ctrl+C in the terminal reaches the desktop, which stops
                # the server itself, in order.
                start_new_session=os.name == "posix",
            )
        except OSError as exc:  # e.g. the interpreter is gone (an upgrade under a running app)
            log.error("cannot start the embedded server (%s): %s", command[0], exc)
            self.error = EmbeddedServerError(f"{command[0]}: {exc}", None)
            self._ready.set()
            return
        log.info("embedded server starting as process %d on port %d", self.pid, port)
        self._log_reader.start()
        self._watcher.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid if self.process is not None else 0

    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self.error is None

    async def wait(self) -> EmbeddedLaunch:
        """This launch once the server answers; raises :class:`EmbeddedServerError` when it
        ended before (the GUI thread does not block: a worker thread waits)."""
        if not self._ready.is_set():
            await asyncio.to_thread(self._ready.wait)
        if self.error is not None:
            raise self.error
        return self

    def wait_blocking(self, timeout: float | None = None) -> EmbeddedLaunch:
        """:meth:`wait` for callers without an event loop (tests, tools)."""
        if not self._ready.wait(timeout):
            raise TimeoutError(f"the embedded server did not start within {timeout} s")
        if self.error is not None:
            raise self.error
        return self

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> int | None:
        """Blocking: ask the server to stop (its stdin closes; SIGTERM on POSIX: uvicorn's
        graceful shutdown), kill it after ``timeout``; its exit code."""
        self._stopping = True
        proc = self.process
        if proc is None:
            return None
        with contextlib.suppress(OSError):
            if proc.stdin is not None:
                proc.stdin.close()
        if proc.poll() is None and os.name == "posix":
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("the embedded server did not stop within %g s: killing it", timeout)
            proc.kill()
            proc.wait(10)
        self._watcher.join(10)
        self._log_reader.join(10)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
        log.info("embedded server (process %d) stopped, exit code %s", proc.pid, proc.returncode)
        return proc.returncode

    # ---- the child's output (worker threads) ----------------------------------------------

    def _watch(self) -> None:
        """Stdout: the ready line, then anything else the child prints; its end is the
        child's end."""
        assert self.process is not None and self.process.stdout is not None
        out = self.process.stdout
        for raw in out:
            line = raw.decode("utf-8", "replace").rstrip()
            if not self._ready.is_set() and line.startswith(READY):
                log.info("embedded server ready on %s (process %d)", self.base_url, self.pid)
                self._ready.set()
            elif line:
                logging.getLogger("agentdesk.server.stdout").info("%s", line)
        code = self.process.wait()
        self._log_reader.join(10)  # its last words, before saying why it ended
        if not self._ready.is_set():
            if self._stopping:  # a quit during the start: nothing went wrong
                self.error = EmbeddedServerError("stopped before it served", code)
            else:
                reason = self._reason(code)
                self.error = EmbeddedServerError(reason, code)
                log.error(
                    "the embedded server did not start (exit code %s): %s\n  last lines:\n  %s",
                    code,
                    reason,
                    "\n  ".join(self._tail) or "(none)",
                )
            self._ready.set()
        elif not self._stopping:
            log.error(
                "the embedded server (process %d) ended by itself, exit code %s; last lines:\n  %s",
                self.pid,
                code,
                "\n  ".join(self._tail) or "(none)",
            )

    def _read_log(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        err = self.process.stderr
        for raw in err:
            self._relay(raw.decode("utf-8", "replace").rstrip("\n"))

    def _relay(self, line: str) -> None:
        """One line of the child's stderr into the desktop's log, at the child's level."""
        try:
            fields = json.loads(line) if line.startswith("{") else None
        except ValueError:
            fields = None
        if not isinstance(fields, dict) or "level" not in fields:
            if line.strip():  # not one of its log records: a crash's traceback, a C library
                self._tail.append(line)
                logging.getLogger("agentdesk.server.stderr").warning("%s", line)
            return
        level = int(fields["level"])
        name = str(fields.get("name") or "agentdesk.server")
        message = str(fields.get("message", ""))
        self._tail.append(f"{logging.getLevelName(level)} {name}: {message}")
        if level >= logging.ERROR:
            self._errors.append(_last_words(message))
            if fields.get("exc_summary"):
                self._causes.append(_last_words(str(fields["exc_summary"])))
        logger = logging.getLogger(name)
        if not logger.isEnabledFor(level):
            return
        record = logging.makeLogRecord(
            {
                "name": name,
                "levelno": level,
                "levelname": logging.getLevelName(level),
                "msg": message,
                "created": float(fields.get("created") or 0) or None,
                "threadName": fields.get("thread"),
                "processName": "embedded-server",
                "process": self.pid,
                "exc_text": fields.get("exc_text"),
            }
        )
        if record.created is None:
            record.created = logging.makeLogRecord({}).created
        record.msecs = (record.created - int(record.created)) * 1000
        logger.handle(record)

    def _reason(self, code: int | None) -> str:
        for found in (self._causes, self._errors):
            if found:
                return found[0]
        if self._tail:
            return self._tail[-1]
        return f"it ended with exit code {code}"


def _last_words(text: str) -> str:
    """A logged traceback's last line (the exception), or the text when it is none."""
    if "Traceback (most recent call last)" not in text and "\n" not in text:
        return text
    lines = [
        line
        for line in text.splitlines()
        if line.strip() and not line.startswith((" ", "\t", "(Background on this error"))
    ]
    return lines[-1] if lines else text.strip()


def server_command(database: Path, port: int, *, simulate: bool, log_level: str) -> list[str]:
    """The child's command line: the server's CLI as the desktop's child, on loopback."""
    args = [
        "--child",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--database",
        f"sqlite+aiosqlite:///{database}",
        "--demo",
        "--log-level",
        log_level,
    ]
    if simulate:
        args.append("--simulate")
    if getattr(sys, "frozen", False):
        return [sys.executable, SERVE_ARG, *args]
    return [sys.executable, "-m", "agentdesk.server", *args]


def _child_env(extra: Mapping[str, str] | None) -> dict[str, str]:
    """The desktop's environment; the child imports the same ``agentdesk`` as the desktop
    (first on its path, whatever the working directory)."""
    env = {**os.environ, **(extra or {})}
    if not getattr(sys, "frozen", False):
        import agentdesk

        root = str(Path(agentdesk.__file__).resolve().parents[1])
        path = env.get("PYTHONPATH")
        env["PYTHONPATH"] = root + (os.pathsep + path if path else "")
    return env


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
