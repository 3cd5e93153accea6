"""The server's traffic simulator in a process of its own, at a soak's pace.

The soak runs the real :class:`TrafficSimulator` (simulated customers through the real
gateway over loopback), as ``--simulate`` does, but tuned for volume: human delays shrunk by
``time_scale``, customers patient enough never to give up on a busy operator, and no more
chats open at once than the operator can hold plus a short queue — so every contact is
served and the shift's volume fits in minutes.

The customers are neither the desktop nor its server: :class:`SimulatorProcess` runs them as
``python -m tests.soak.simulator`` (:func:`main`), so the desktop process the soak measures
holds the desktop's modules only, and the server's child process the server's. It says it
runs with one line on stdout (with the lines that end a conversation, which need no answer),
stops when its stdin closes, and then lists the warnings it logged.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
READY = "SOAK-SIMULATOR-READY"
#: Its last line: every warning or error it logged (the soak allows none, as for its own).
WARNINGS = "SOAK-SIMULATOR-WARNINGS"


class SimulatorProcess:
    """Start and stop the simulator process; ``farewells``: what customers say last."""

    def __init__(
        self,
        base_url: str,
        gateway_key: str,
        database_url: str,
        *,
        seed: int,
        max_concurrent: int,
    ) -> None:
        self._command = [
            sys.executable,
            "-m",
            "tests.soak.simulator",
            "--base-url",
            base_url,
            "--database",
            database_url,
            "--seed",
            str(seed),
            "--max-concurrent",
            str(max_concurrent),
        ]
        self._env = {**os.environ, "SOAK_GATEWAY_KEY": gateway_key}
        self.process: subprocess.Popen[str] | None = None
        self.farewells: frozenset[str] = frozenset()
        #: What it logged at WARNING or worse (known once it has stopped).
        self.warnings: list[str] = []
        self._reader: threading.Thread | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout: float = 120.0) -> None:
        """Blocking: until the simulator runs (call it on a worker thread)."""
        self.process = subprocess.Popen(
            self._command,
            cwd=ROOT,
            env=self._env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        ready = threading.Event()
        lines: list[str] = []

        def read() -> None:
            assert self.process is not None and self.process.stdout is not None
            for line in self.process.stdout:
                if line.startswith(READY):
                    lines.append(line[len(READY) :])
                    ready.set()
                elif line.startswith(WARNINGS):
                    self.warnings.extend(json.loads(line[len(WARNINGS) :]))
            ready.set()

        self._reader = threading.Thread(target=read, name="soak-simulator-out", daemon=True)
        self._reader.start()
        if not ready.wait(timeout) or not lines:
            self.stop()
            raise RuntimeError("the simulator process did not start (its stderr is above)")
        self.farewells = frozenset(json.loads(lines[0])["farewells"])

    def stop(self, timeout: float = 60.0) -> None:
        """Blocking: no new customers (stdin closes: the simulator stops), then the end."""
        proc = self.process
        if proc is None:
            return
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
            raise TimeoutError("the simulator did not stop") from None
        finally:
            if self._reader is not None:
                self._reader.join(10)
            if proc.stdout is not None:
                proc.stdout.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak.simulator")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--max-concurrent", type=int, required=True)
    args = parser.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    warned: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warned.append(f"{record.levelname} {record.name} (simulator): {record.getMessage()}")

    logging.getLogger().addHandler(Collect(logging.WARNING))
    try:
        asyncio.run(_run(args, os.environ["SOAK_GATEWAY_KEY"]))
    finally:
        print(WARNINGS, json.dumps(warned), flush=True)
    return 0


async def _run(args: argparse.Namespace, gateway_key: str) -> None:
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from agentdesk.server import demo_text
    from agentdesk.server.simulator.traffic import TrafficSimulator

    engine = create_async_engine(args.database)
    try:
        simulator = TrafficSimulator(
            sessionmaker=async_sessionmaker(engine, expire_on_commit=False),
            **simulator_args(args.base_url, gateway_key, args.seed, args.max_concurrent),
        )
        loop = asyncio.get_running_loop()
        closed = asyncio.Event()

        def watch_stdin() -> None:  # the soak closes it to stop the customers
            with contextlib.suppress(OSError, ValueError):
                while os.read(sys.stdin.fileno(), 4096):
                    pass
            loop.call_soon_threadsafe(closed.set)

        threading.Thread(target=watch_stdin, name="stdin-watch", daemon=True).start()
        running = asyncio.ensure_future(simulator.run())
        farewells = list(demo_text.THANKS + demo_text.THANKS_IRRITATED)
        print(READY, json.dumps({"farewells": farewells}), flush=True)
        stopping = asyncio.ensure_future(closed.wait())
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        await simulator.stop()
        stopping.cancel()
        await running
    finally:
        await engine.dispose()


def simulator_args(
    base_url: str,
    gateway_key: str,
    seed: int,
    max_concurrent: int,
    *,
    rate_per_min: float = 6000.0,
    time_scale: float = 0.005,
) -> dict[str, Any]:
    return {
        "base_url": base_url,
        "gateway_key": gateway_key,
        "rate_per_min": rate_per_min,
        "seed": seed,
        "max_concurrent": max_concurrent,
        "time_scale": time_scale,
        # Effectively endless patience (scaled: ~500 s) and no idle give-up.
        "patience_s": (1e5, 1e5),
        "idle_timeout_s": 1e6,
        # A loaded 2-core CI machine can be slow; a late answer is not a failure here.
        "request_timeout_s": 60.0,
    }


if __name__ == "__main__":
    raise SystemExit(main())
