"""Articles in the database: create, import, edit, delete, read, changes since a version.

Every change takes the next KB version (``UPDATE kb_state ... RETURNING``, a row lock on
PostgreSQL) and stamps it on the articles it touched, so ``/kb/changes`` is exact.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.protocol.kb import KbArticle, KbArticleIn, KbChanges, KbUrgentNote
from agentdesk.search.render import render_markdown
from agentdesk.server.db.kb_models import KbArticleRow, KbStateRow
from agentdesk.server.errors import Invalid, NotFound

#: Articles per ``/kb/changes`` page (a page always ends on a whole version).
CHANGES_PAGE = 1000


async def kb_state(session: AsyncSession) -> KbStateRow:
    state = await session.get(KbStateRow, 1)
    if state is None:
        state = KbStateRow(id=1, version=0, epoch=uuid.uuid4().hex)
        session.add(state)
        await session.flush()
    return state


async def next_version(session: AsyncSession) -> int:
    await kb_state(session)
    version = await session.scalar(
        update(KbStateRow)
        .where(KbStateRow.id == 1)
        .values(version=KbStateRow.version + 1)
        .returning(KbStateRow.version)
    )
    assert version is not None
    return int(version)


def _check_dates(articles: Sequence[KbArticleIn]) -> None:
    for n, a in enumerate(articles):
        if a.valid_from and a.valid_to and a.valid_to <= a.valid_from:
            raise Invalid("valid_to must follow valid_from", details={"index": n})


def new_id() -> str:
    return "kb-" + secrets.token_hex(6)


async def create_many(
    session: AsyncSession, articles: Sequence[KbArticleIn], now: datetime
) -> list[KbArticleRow]:
    """Insert articles under one new KB version (all or nothing: the caller's transaction)."""
    _check_dates(articles)
    version = await next_version(session)
    rows = []
    for a in articles:
        row = KbArticleRow(
            id=new_id(), version=1, kb_version=version, deleted=False, updated_at=now
        )
        _fill(row, a)
        rows.append(row)
    session.add_all(rows)
    await session.flush()
    return rows


async def update_one(
    session: AsyncSession, article_id: str, body: KbArticleIn, now: datetime
) -> KbArticleRow:
    _check_dates([body])
    row = await live(session, article_id, for_update=True)
    _fill(row, body)
    row.version += 1
    row.kb_version = await next_version(session)
    row.updated_at = now
    await session.flush()
    return row


async def delete_one(session: AsyncSession, article_id: str, now: datetime) -> None:
    row = await live(session, article_id, for_update=True)
    row.deleted = True
    row.version += 1
    row.kb_version = await next_version(session)
    row.updated_at = now
    await session.flush()


def _fill(row: KbArticleRow, a: KbArticleIn) -> None:
    row.title = a.title.strip()
    row.body = a.body
    row.area = a.area.strip() or "generale"
    row.kind = a.kind
    row.client_id = a.client_id
    row.tags = list(dict.fromkeys(t.strip() for t in a.tags if t.strip()))
    row.valid_from = a.valid_from
    row.valid_to = a.valid_to


async def live(session: AsyncSession, article_id: str, for_update: bool = False) -> KbArticleRow:
    stmt = select(KbArticleRow).where(KbArticleRow.id == article_id)
    if for_update:
        stmt = stmt.with_for_update()
    row = await session.scalar(stmt)
    if row is None or row.deleted:
        raise NotFound("no such article", details={"id": article_id})
    return row


async def changes(session: AsyncSession, since: int, render: bool = True) -> KbChanges:
    """Articles and deletions after ``since``, a page ending on a whole version
    (``render=False``: without ``html``, for the server's own index)."""
    current = (await kb_state(session)).version
    rows = list(
        await session.scalars(
            select(KbArticleRow)
            .where(KbArticleRow.kb_version > since)
            .order_by(KbArticleRow.kb_version, KbArticleRow.id)
            .limit(CHANGES_PAGE + 1)
        )
    )
    version, more = current, False
    if len(rows) > CHANGES_PAGE:
        more = True
        last = rows[CHANGES_PAGE - 1].kb_version
        if rows[0].kb_version == last:
            # one version bigger than a page (an import): send it whole
            rows = list(
                await session.scalars(
                    select(KbArticleRow)
                    .where(KbArticleRow.kb_version == last)
                    .order_by(KbArticleRow.id)
                )
            )
            version = last
        else:
            # every version below ``last`` is complete in this page
            rows = [r for r in rows if r.kb_version < last]
            version = last - 1
        more = version < current
    return KbChanges(
        version=version,
        articles=[to_wire(r, render) for r in rows if not r.deleted],
        deleted=[r.id for r in rows if r.deleted],
        more=more,
    )


async def count_live(session: AsyncSession) -> int:
    n = await session.scalar(
        select(func.count()).select_from(KbArticleRow).where(KbArticleRow.deleted.is_(False))
    )
    return int(n or 0)


def to_wire(row: KbArticleRow, render: bool = True) -> KbArticle:
    return KbArticle(
        id=row.id,
        title=row.title,
        body=row.body,
        html=render_markdown(row.body) if render else "",
        area=row.area,
        kind=row.kind,
        client_id=row.client_id,
        tags=list(row.tags or []),
        version=row.version,
        kb_version=row.kb_version,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        updated_at=row.updated_at,
    )


def to_note(row: KbArticleRow) -> KbUrgentNote:
    return KbUrgentNote(
        id=row.id,
        title=row.title,
        body=row.body,
        html=render_markdown(row.body),
        client_id=row.client_id,
        area=row.area,
        version=row.version,
        updated_at=row.updated_at,
    )
