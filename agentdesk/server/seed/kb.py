"""The demo knowledge base (``kb_corpus``) written as one KB version."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.server.db.kb_models import KbArticleRow
from agentdesk.server.kb.articles import next_version
from agentdesk.server.seed.kb_corpus import ARTICLES


async def seed_kb(session: AsyncSession, now: datetime) -> None:
    version = await next_version(session)
    for n, (article_id, client_id, area, kind, tags, title, body) in enumerate(ARTICLES):
        session.add(
            KbArticleRow(
                id=article_id,
                client_id=client_id,
                area=area,
                kind=kind,
                title=title,
                body=body,
                tags=list(tags),
                version=1,
                kb_version=version,
                deleted=False,
                updated_at=now - timedelta(days=n % 20, hours=n),
            )
        )
    await session.flush()
