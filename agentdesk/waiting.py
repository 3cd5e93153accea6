"""Waiting for an asyncio event with a time limit, without losing a cancellation.

Python 3.11's ``asyncio.wait_for(event.wait(), t)`` returns normally when the task is
cancelled in the moment the event is set, and the cancellation is lost: a background job
stopped at shutdown then goes round its loop again and keeps the server from stopping (the
chaos test met it). ``asyncio.timeout`` tells its own time-out from a cancellation.
"""

from __future__ import annotations

import asyncio


async def wait_event(event: asyncio.Event, within: float) -> bool:
    """Wait until ``event`` is set, at most ``within`` seconds; whether it was set."""
    try:
        async with asyncio.timeout(max(0.0, within)):
            await event.wait()
    except TimeoutError:
        return False
    return True
