"""Placeholder replaced below."""

from __future__ import annotations

from agentdesk.server.config import ServerSettings


async def run_simulator(settings: ServerSettings) -> None:
    return None
