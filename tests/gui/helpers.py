"""Helpers for tests that run coroutines on the qasync loop, or code in a fresh interpreter."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter from the project's root (what a start imports, without
    what the test session has loaded already); its output captured, its exit code not checked."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


async def until(condition: Callable[[], object], limit_s: float = 5.0) -> None:
    """Wait on the running loop (letting Qt and asyncio work) until ``condition()`` holds."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)
