"""The server's traffic simulator on its own thread and event loop, at a soak's pace.

The soak runs the real :class:`TrafficSimulator` (simulated customers through the real
gateway over loopback), as ``--simulate`` does, but tuned for volume: human delays shrunk by
``time_scale``, customers patient enough never to give up on a busy operator, and no more
chats open at once than the operator can hold plus a short queue — so every contact is
served and the shift's volume fits in minutes.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from agentdesk.server.simulator.traffic import TrafficSimulator


class SimulatorThread:
    """Start, count and stop a :class:`TrafficSimulator` in a thread of its own."""

    def __init__(
        self,
        base_url: str,
        gateway_key: str,
        database_url: str,
        *,
        seed: int,
        max_concurrent: int,
        rate_per_min: float = 6000.0,
        time_scale: float = 0.005,
    ) -> None:
        self._args: dict[str, Any] = {
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
        self._database_url = database_url
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, name="soak-simulator", daemon=True)
        self.simulator: TrafficSimulator | None = None

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(30):
            raise TimeoutError("the simulator thread did not start")

    def stop(self, timeout: float = 30.0) -> None:
        loop, sim = self._loop, self.simulator
        if loop is not None and sim is not None and self._thread.is_alive():
            done: Future[None] = asyncio.run_coroutine_threadsafe(sim.stop(), loop)
            done.result(timeout)
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError("the simulator did not stop")

    @property
    def opened(self) -> int:
        return self.simulator.opened if self.simulator is not None else 0

    def _main(self) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        engine = create_async_engine(self._database_url)
        try:
            self.simulator = TrafficSimulator(
                sessionmaker=async_sessionmaker(engine, expire_on_commit=False), **self._args
            )
            self._loop = asyncio.get_running_loop()
            self._ready.set()
            await self.simulator.run()
        finally:
            self._ready.set()
            await engine.dispose()
