"""Helpers for tests that run coroutines on the qasync loop."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def until(condition: Callable[[], object], limit_s: float = 5.0) -> None:
    """Wait on the running loop (letting Qt and asyncio work) until ``condition()`` holds."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)
