"""The e-mail simulator against a real embedded server: e-mails arrive, threads are joined."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from agentdesk.server.config import ServerSettings
from agentdesk.server.db.database import Database
from agentdesk.server.db.email_models import EmailAttachmentRow, EmailInteractionRow
from agentdesk.server.db.models import InteractionRow, MessageRow
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.simulator.emails import EmailSimulator

KEY = "test-gateway-key"


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[EmbeddedServer]:
    settings = ServerSettings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'mail.sqlite3'}", demo=True, gateway_key=KEY
    )
    embedded = EmbeddedServer(settings)
    await asyncio.to_thread(embedded.start)
    try:
        yield embedded
    finally:
        await asyncio.to_thread(embedded.stop)


async def test_simulated_emails_arrive_and_follow_ups_join_their_thread(
    server: EmbeddedServer,
) -> None:
    db = Database(server.settings.database_url)
    sim = EmailSimulator(
        str(server.base_url),
        KEY,
        db.sessions,
        rate_per_min=120,
        seed=7,
        time_scale=0.01,
        follow_up_share=1.0,
    )
    task = asyncio.create_task(sim.run())
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 20
        while sim.followed_up < 2:
            assert loop.time() < deadline, "no follow-ups in time"
            await asyncio.sleep(0.1)
        await sim.stop()
        await asyncio.wait_for(task, 10)
        async with db.sessions() as session:
            emails = (
                await session.scalars(
                    select(InteractionRow).join(
                        EmailInteractionRow,
                        EmailInteractionRow.interaction_id == InteractionRow.id,
                    )
                )
            ).all()
            assert emails and all(e.status == "queued" for e in emails)
            assert all(e.queue_id.startswith("email-") and e.subject for e in emails)
            # Nobody answered: every follow-up joined its queued interaction.
            counts = await session.execute(
                select(MessageRow.interaction_id, func.count())
                .where(MessageRow.interaction_id.in_([e.id for e in emails]))
                .group_by(MessageRow.interaction_id)
            )
            assert sum(1 for _iid, n in counts if n >= 2) >= 2
            assert sim.sent == len(emails)
            listed = await session.scalar(select(func.count()).select_from(EmailAttachmentRow))
            assert listed and listed > 0  # some came with files, listed by name
    finally:
        if not task.done():
            await sim.stop()
            await asyncio.wait_for(task, 10)
        await db.dispose()
