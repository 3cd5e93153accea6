"""Run the traffic simulator inside the server (``--simulate``)."""

from __future__ import annotations

import asyncio
import logging

from agentdesk.server.context import ServerContext

log = logging.getLogger(__name__)


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
        from agentdesk.server.simulator.voice import VoiceSimulator

        callers = VoiceSimulator(
            settings.self_url,
            settings.gateway_key,
            rate_per_min=settings.simulate_call_rate,
            seed=settings.simulate_seed,
            time_scale=settings.simulate_time_scale,
            first_call_s=settings.simulate_first_call_s,
        )
        runs.append(callers.run())
    await asyncio.gather(*runs)
