"""A job waiting for its wake-up event stops when cancelled, even as the event is set."""

from __future__ import annotations

import asyncio

import pytest

from agentdesk.waiting import wait_event


async def test_set_and_time_out() -> None:
    event = asyncio.Event()
    assert await wait_event(event, 0.01) is False
    event.set()
    assert await wait_event(event, 5) is True


async def test_a_cancellation_that_meets_the_event_is_not_lost() -> None:
    """The shape of the router's and the queue statistics' loops: wait, work, repeat. The
    task is cancelled in the same loop turn as its event is set (a commit's kick as the
    server stops); it must end instead of going round again."""
    for _ in range(50):
        event = asyncio.Event()

        async def job(kick: asyncio.Event) -> None:
            while True:
                await wait_event(kick, 30)
                kick.clear()

        task = asyncio.create_task(job(event))
        await asyncio.sleep(0)  # the job waits
        event.set()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, 2)
