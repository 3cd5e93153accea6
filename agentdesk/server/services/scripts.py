"""Client scripts on the server: the library read from YAML, and each interaction's progress."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agentdesk.domain.script_progress import (
    ProgressError,
    ScriptProgress,
    adherence,
    advance,
    start,
)
from agentdesk.domain.scripts import VARIABLES, Script, ScriptError, parse_script
from agentdesk.protocol.customers import InvoiceStatus
from agentdesk.protocol.scripts import (
    ScriptBranchView,
    ScriptNodeView,
    ScriptProgressRequest,
    ScriptProgressView,
    ScriptSummary,
    ScriptView,
)
from agentdesk.server.context import UnitOfWork
from agentdesk.server.db.assist_models import ScriptProgressRow
from agentdesk.server.db.models import AgentRow, ClientRow, CustomerRow, InteractionRow, InvoiceRow
from agentdesk.server.errors import Invalid, NotFound
from agentdesk.server.services.timeline import euro

log = logging.getLogger(__name__)

#: An extra directory of scripts a deployment adds (same format, same validation).
SCRIPTS_DIR_ENV = "AGENTDESK_SCRIPTS_DIR"


@dataclass
class ScriptLibrary:
    """The scripts that loaded, and why the others were refused."""

    scripts: dict[str, Script] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)

    def for_client(self, client_id: str) -> list[Script]:
        return sorted(
            (s for s in self.scripts.values() if s.client_id == client_id), key=lambda s: s.id
        )

    def for_interaction(self, client_id: str, queue_id: str) -> Script | None:
        """The queue's script, else the client's inbound care script."""
        mine = self.for_client(client_id)
        for script in mine:
            if queue_id in script.queues:
                return script
        return next((s for s in mine if s.campaign == "inbound_care"), None)


def load_file(path: Path) -> Script:
    """One script file, validated; :class:`ScriptError` says what is wrong and where."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ScriptError(path.name, [f"unreadable: {exc}"]) from exc
    return parse_script(data, path.name)


def load_library(*directories: Path) -> ScriptLibrary:
    """Every ``*.yaml``/``*.json`` script in the directories; broken ones are refused."""
    library = ScriptLibrary()
    for directory in directories:
        for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.json")]):
            try:
                script = load_file(path)
            except ScriptError as exc:
                library.refused[path.name] = str(exc)
                log.error("refused %s", exc)
                continue
            if script.id in library.scripts:
                library.refused[path.name] = f"script {path.name}: duplicate id {script.id!r}"
                log.error("refused %s: duplicate id %r", path.name, script.id)
                continue
            library.scripts[script.id] = script
    return library


def shipped_directory() -> Path:
    return Path(str(resources.files("agentdesk.server").joinpath("assist_data/scripts")))


@cache
def script_library() -> ScriptLibrary:
    """The shipped scripts plus those in ``$AGENTDESK_SCRIPTS_DIR`` (read once)."""
    extra = os.environ.get(SCRIPTS_DIR_ENV)
    dirs = [shipped_directory(), *([Path(extra)] if extra else [])]
    return load_library(*dirs)


def script_view(script: Script) -> ScriptView:
    return ScriptView(
        id=script.id,
        client_id=script.client_id,
        campaign=script.campaign,
        title=script.title,
        description=script.description,
        start=script.start,
        queues=list(script.queues),
        variables=sorted(VARIABLES),
        nodes=[
            ScriptNodeView(
                id=n.id,
                kind=n.kind,
                text=n.text,
                next=n.next,
                branches=[
                    ScriptBranchView(answer=b.answer, label=b.label, next=b.next)
                    for b in n.branches
                ],
                checkpoint=n.checkpoint,
                mandatory=n.mandatory,
                articles=list(n.articles),
            )
            for n in script.ordered()
        ],
    )


def summary(script: Script) -> ScriptSummary:
    return ScriptSummary(
        id=script.id, client_id=script.client_id, campaign=script.campaign, title=script.title
    )


def get_script(script_id: str, agent: AgentRow) -> Script:
    script = script_library().scripts.get(script_id)
    if script is None or (agent.role != "admin" and script.client_id not in agent.clients):
        raise NotFound(f"no script {script_id}")
    return script


async def variables(
    session: AsyncSession, row: InteractionRow, agent: AgentRow | None
) -> dict[str, str]:
    """Values for a script's ``{variables}`` from the customer and the interaction."""
    client = await session.get(ClientRow, row.client_id)
    values = {"client": client.name if client else row.client_id}
    if agent is not None:
        values["agent"] = agent.name.split()[0] if agent.name.strip() else agent.username
    customer = await session.get(CustomerRow, row.customer_id) if row.customer_id else None
    if customer is not None:
        values["customer_name"] = customer.name
        values["customer_first_name"] = (
            customer.name.split()[0] if customer.segment == "residential" else customer.name
        )
        unpaid = list(
            await session.scalars(
                select(InvoiceRow).where(
                    InvoiceRow.customer_id == customer.id,
                    InvoiceRow.status.in_((InvoiceStatus.OPEN.value, InvoiceStatus.OVERDUE.value)),
                )
            )
        )
        if unpaid:
            values["amount_due"] = euro(sum(i.amount_cents for i in unpaid))
            values["due_date"] = min(i.due_at for i in unpaid).strftime("%d/%m/%Y")
    return values


def _view(
    row: InteractionRow,
    script: Script,
    progress: ScriptProgress,
    values: dict[str, str],
    stored: ScriptProgressRow | None,
) -> ScriptProgressView:
    return ScriptProgressView(
        interaction_id=row.id,
        script_id=script.id,
        current=progress.current,
        path=progress.path,
        answers=progress.answers,
        confirmed=progress.confirmed,
        finished=progress.finished,
        adherence=adherence(script, progress),
        variables=values,
        updated_at=stored.updated_at if stored else None,
    )


def _script_of(row: InteractionRow, stored: ScriptProgressRow | None) -> Script:
    library = script_library()
    script = library.scripts.get(stored.script_id) if stored else None
    script = script or library.for_interaction(row.client_id, row.queue_id)
    if script is None:
        raise NotFound(f"no script for interaction {row.id}", code="no_script")
    return script


async def progress_view(
    session: AsyncSession, row: InteractionRow, agent: AgentRow
) -> ScriptProgressView:
    stored = await session.get(ScriptProgressRow, row.id)
    script = _script_of(row, stored)
    progress = (
        ScriptProgress.from_json(stored.state)
        if stored and stored.script_id == script.id
        else start(script)
    )
    return _view(row, script, progress, await variables(session, row, agent), stored)


async def record_progress(
    uow: UnitOfWork, row: InteractionRow, agent: AgentRow, body: ScriptProgressRequest
) -> ScriptProgressView:
    """Apply one answer; the progress and its adherence are stored on the interaction."""
    stored = await uow.session.get(ScriptProgressRow, row.id)
    if body.script_id is not None:
        script = script_library().scripts.get(body.script_id)
        if script is None or script.client_id != row.client_id:
            raise Invalid(
                f"no script {body.script_id!r} for this interaction's client",
                details={"script_id": body.script_id, "client_id": row.client_id},
            )
    else:
        script = _script_of(row, stored)
    current = (
        ScriptProgress.from_json(stored.state)
        if stored and stored.script_id == script.id
        else start(script)
    )
    switching = stored is None or stored.script_id != script.id
    try:
        if switching and body.node_id == script.start and body.answer is None:
            progress = current  # a switch to another script starts at its first step
        else:
            progress = advance(current, script, body.node_id, body.answer)
    except ProgressError as exc:
        raise Invalid(str(exc), details={"node_id": body.node_id, "script_id": script.id}) from exc
    if stored is None:
        stored = ScriptProgressRow(
            interaction_id=row.id, script_id=script.id, state={}, adherence=0.0, updated_at=uow.now
        )
        uow.session.add(stored)
    stored.script_id = script.id
    stored.agent_id = agent.id
    stored.state = progress.to_json()
    stored.adherence = adherence(script, progress)
    stored.updated_at = uow.now
    await uow.session.flush()
    return _view(row, script, progress, await variables(uow.session, row, agent), stored)
