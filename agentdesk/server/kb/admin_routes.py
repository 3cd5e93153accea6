"""``/admin/kb``: knowledge managers import, create, edit and delete articles.

Each call is one transaction and one new KB version; the search index applies it before the
answer is sent, and urgent communications are pushed once the change has committed.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from agentdesk.protocol.kb import KbArticle, KbArticleIn, KbImportRequest, KbImportResult
from agentdesk.server.api.deps import Admin, Ctx
from agentdesk.server.kb import articles, urgent
from agentdesk.server.kb.routes import engine

router = APIRouter(prefix="/admin/kb", tags=["knowledge base admin"])


@router.post("/import", response_model=KbImportResult, status_code=201)
async def import_articles(
    body: KbImportRequest, principal: Admin, ctx: Ctx, request: Request
) -> KbImportResult:
    """Up to 5,000 articles; all are imported or none. ``ids`` follow the request's order."""
    async with ctx.transaction() as uow:
        rows = await articles.create_many(uow.session, body.articles, uow.now)
        await urgent.push(uow, rows)
        ids = [r.id for r in rows]
    await engine(request).sync()
    return KbImportResult(ids=ids)


@router.post("/articles", response_model=KbArticle, status_code=201)
async def create_article(
    body: KbArticleIn, principal: Admin, ctx: Ctx, request: Request
) -> KbArticle:
    async with ctx.transaction() as uow:
        (row,) = await articles.create_many(uow.session, [body], uow.now)
        await urgent.push(uow, [row])
        article = articles.to_wire(row)
    await engine(request).sync()
    return article


@router.put("/articles/{article_id}", response_model=KbArticle)
async def update_article(
    article_id: str, body: KbArticleIn, principal: Admin, ctx: Ctx, request: Request
) -> KbArticle:
    """Replace an article; its revision and the KB version go up. An urgent one is pushed
    again and must be acknowledged again."""
    async with ctx.transaction() as uow:
        row = await articles.update_one(uow.session, article_id, body, uow.now)
        await urgent.push(uow, [row])
        article = articles.to_wire(row)
    await engine(request).sync()
    return article


@router.delete("/articles/{article_id}", status_code=204)
async def delete_article(article_id: str, principal: Admin, ctx: Ctx, request: Request) -> Response:
    async with ctx.transaction() as uow:
        await articles.delete_one(uow.session, article_id, uow.now)
    await engine(request).sync()
    return Response(status_code=204)
