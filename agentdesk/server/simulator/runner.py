"""Run the traffic simulator inside the server (``--simulate``)."""

from __future__ import annotations

import asyncio
import logging

from agentdesk.server.context import ServerContext

log = logging.getLogger(__name__)

#: How long the voice simulator waits before loading (at most until its first call is due).
VOICE_SETTLE_S = 3.0


async def run_simulator(ctx: ServerContext) -> None:
    """Drive the server's own gateway over loopback until cancelled."""
    from agentdesk.server.simulator.traffic import TrafficSimulator

    settings = ctx.settings
    if settings.self_url is None or settings.gateway_key is None:
        log.warning("simulator not started: the server's own URL or the gateway key is unknown")
        return
    simulator = TrafficSimulator(
        settings.self_url,
        settings.gateway_key,
        ctx.db.sessions,
        rate_per_min=settings.simulate_rate,
        seed=settings.simulate_seed,
        time_scale=settings.simulate_time_scale,
    )
    from agentdesk.server.simulator.emails import EmailSimulator

    emails = EmailSimulator(
        settings.self_url,
        settings.gateway_key,
        ctx.db.sessions,
        rate_per_min=max(0.2, settings.simulate_rate / 4),  # e-mails are rarer than chats
        seed=settings.simulate_seed,
        time_scale=settings.simulate_time_scale,
    )
    runs = [simulator.run(), emails.run()]
    if settings.simulate_call_rate > 0:
        runs.append(_callers(ctx))
    await asyncio.gather(*runs)


async def _callers(ctx: ServerContext) -> None:
    """The voice simulator, loaded (aiortc and numpy: over a second of imports) only once
    the server has had a moment to serve the desk that started with it; the first call is
    still placed ``simulate_first_call_s`` after start."""
    settings = ctx.settings
    assert settings.self_url is not None and settings.gateway_key is not None
    settle = min(settings.simulate_first_call_s, VOICE_SETTLE_S)
    await asyncio.sleep(settle)
    from agentdesk.server.simulator.voice import VoiceSimulator

    callers = VoiceSimulator(
        settings.self_url,
        settings.gateway_key,
        rate_per_min=settings.simulate_call_rate,
        seed=settings.simulate_seed,
        time_scale=settings.simulate_time_scale,
        first_call_s=settings.simulate_first_call_s - settle,
    )
    await callers.run()
