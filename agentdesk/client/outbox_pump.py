"""Background delivery of the outbox: what could not be sent at once goes out later."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from agentdesk.client.outbox import Outbox

log = logging.getLogger(__name__)


class OutboxPump:
    """Flushes an outbox in a task of its own: again at once when kicked while flushing,
    after a growing wait (0.5 s doubling up to ``retry_cap``) while ``connected()`` holds,
    and not at all once it does not (the next connection kicks it)."""

    def __init__(self, connected: Callable[[], bool], retry_cap: float = 30.0) -> None:
        self._connected = connected
        self._retry_cap = retry_cap
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def kick(self, outbox: Outbox | None) -> None:
        """Deliver what waits in ``outbox`` in the background."""
        if outbox is None:
            return
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.create_task(self._run(outbox), name="agentdesk-outbox")

    async def stop(self) -> None:
        """Cancel the delivery under way, if any (what waits stays in the outbox)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self, outbox: Outbox) -> None:
        delay = 0.5
        while True:
            self._again = False
            try:
                done = await outbox.flush()
            except Exception:
                log.exception("outbox flush failed")
                done = False
            if done and not self._again:
                return
            if self._again:
                continue
            if not self._connected():
                return  # the next (re)connect kicks the outbox again
            await asyncio.sleep(delay)
            delay = min(self._retry_cap, delay * 2)
