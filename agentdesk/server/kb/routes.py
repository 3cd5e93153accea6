"""``/kb``: search, read, changes, feedback, acknowledgements; and who read an urgent note."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy import select

from agentdesk.protocol.base import utcnow
from agentdesk.protocol.kb import (
    KbAckResult,
    KbArticle,
    KbChanges,
    KbFeedbackRequest,
    KbFeedbackResult,
    KbInteractionArticles,
    KbKind,
    KbReads,
    KbSearchHit,
    KbSearchResult,
    KbUrgentList,
)
from agentdesk.server.api.deps import AnyAgent, Ctx, CustomerViewer, Supervisor
from agentdesk.server.db.kb_models import KbFeedbackRow
from agentdesk.server.db.models import InteractionRow
from agentdesk.server.errors import Conflict, Invalid
from agentdesk.server.kb import articles, urgent
from agentdesk.server.kb.engine import KbEngine

router = APIRouter(prefix="/kb", tags=["knowledge base"])


def engine(request: Request) -> KbEngine:
    kb: KbEngine = request.app.state.kb
    return kb


@router.get("/search", response_model=KbSearchResult)
async def search(
    *,
    principal: AnyAgent,
    request: Request,
    q: Annotated[str, Query(max_length=20_000)] = "",
    area: Annotated[str | None, Query(max_length=40)] = None,
    client_id: Annotated[str | None, Query(max_length=40)] = None,
    kind: KbKind | None = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> KbSearchResult:
    """Articles for what the operator typed, best first; ``client_id`` (the interaction's
    client) keeps that client's and general articles, the client's own first."""
    started = time.perf_counter()
    hits = await engine(request).search(
        q, area=area or None, kind=kind, client_id=client_id or None, limit=limit
    )
    took = (time.perf_counter() - started) * 1000
    return KbSearchResult(
        items=[
            KbSearchHit(
                id=h.id,
                title=h.title,
                snippet=h.snippet,
                kind=h.kind,
                area=h.area,
                client_id=h.client_id,
                score=h.score,
            )
            for h in hits
        ],
        took_ms=round(took, 3),
    )


@router.get("/changes", response_model=KbChanges)
async def kb_changes(
    principal: AnyAgent, ctx: Ctx, since: Annotated[int, Query(ge=0)] = 0
) -> KbChanges:
    """Articles changed (and ids deleted) after KB version ``since``."""
    async with ctx.db.read() as session:
        return await articles.changes(session, since)


@router.get("/urgent", response_model=KbUrgentList)
async def my_urgent(principal: AnyAgent, ctx: Ctx) -> KbUrgentList:
    """Urgent communications for me that I have not acknowledged yet."""
    async with ctx.db.read() as session:
        items = await urgent.pending_for(session, principal.agent, utcnow())
    return KbUrgentList(items=items)


@router.get("/articles/{article_id}", response_model=KbArticle)
async def get_article(article_id: str, principal: AnyAgent, ctx: Ctx) -> KbArticle:
    async with ctx.db.read() as session:
        return articles.to_wire(await articles.live(session, article_id))


@router.post("/articles/{article_id}/feedback", response_model=KbFeedbackResult, status_code=201)
async def feedback(
    article_id: str, body: KbFeedbackRequest, principal: AnyAgent, ctx: Ctx
) -> KbFeedbackResult:
    """ "Was this helpful?"; with ``interaction_id`` the article is linked to the contact."""
    async with ctx.transaction() as uow:
        await articles.live(uow.session, article_id)
        if body.interaction_id is not None:
            found = await uow.session.get(InteractionRow, body.interaction_id)
            if found is None:
                raise Invalid("unknown interaction", details={"id": body.interaction_id})
        uow.session.add(
            KbFeedbackRow(
                article_id=article_id,
                agent_id=principal.id,
                interaction_id=body.interaction_id,
                helpful=body.helpful,
                created_at=uow.now,
            )
        )
    return KbFeedbackResult(
        article_id=article_id, helpful=body.helpful, interaction_id=body.interaction_id
    )


@router.post("/articles/{article_id}/ack", response_model=KbAckResult)
async def ack(article_id: str, principal: AnyAgent, ctx: Ctx) -> KbAckResult:
    """Acknowledge an urgent communication (its banner goes away)."""
    async with ctx.transaction() as uow:
        row = await articles.live(uow.session, article_id)
        if row.kind != "urgent":
            raise Conflict("only urgent communications are acknowledged")
        done = await urgent.acknowledge(uow.session, row, principal.id, uow.now)
    return KbAckResult(article_id=article_id, acknowledged_at=done.acknowledged_at)


@router.get("/articles/{article_id}/reads", response_model=KbReads)
async def reads(article_id: str, principal: Supervisor, ctx: Ctx) -> KbReads:
    """Team leaders: who an urgent communication concerns, who acknowledged, who has not."""
    async with ctx.db.read() as session:
        return await urgent.reads(session, await articles.live(session, article_id))


@router.get("/interactions/{interaction_id}/articles", response_model=KbInteractionArticles)
async def interaction_articles(
    interaction_id: str, principal: CustomerViewer, ctx: Ctx
) -> KbInteractionArticles:
    """Articles linked to a contact through feedback (latest verdict per article)."""
    async with ctx.db.read() as session:
        rows = await session.scalars(
            select(KbFeedbackRow)
            .where(KbFeedbackRow.interaction_id == interaction_id)
            .order_by(KbFeedbackRow.id)
        )
        latest = {r.article_id: r for r in rows}
    return KbInteractionArticles(
        interaction_id=interaction_id,
        items=[
            KbFeedbackResult(article_id=a, helpful=r.helpful, interaction_id=interaction_id)
            for a, r in latest.items()
        ],
    )
