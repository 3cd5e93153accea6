"""The schema's life: Alembic migrations up to head, on start or by command.

Every table module of the backend (``models.py`` and any ``*_models.py`` beside it) belongs
to one metadata; the migrations in ``migrations/versions`` must produce exactly that schema
(:func:`differences` is what CI checks). A database created before migrations existed (by
``create_all`` from the same models) is recognised and stamped at the baseline first.

Alembic is imported only when there is work for it: a database already at the head shipped
with this version (its ``alembic_version`` row against :func:`shipped_head`, read from the
revision files' text) starts without it, which is most starts of the embedded default.
"""

from __future__ import annotations

import ast
import importlib
import logging
import pkgutil
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import MetaData, inspect, text
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"
#: A table every baseline database has; its presence without ``alembic_version`` means
#: "created by create_all before migrations existed".
_BASELINE_MARKER = "agents"
#: Serialises concurrent upgrades of one PostgreSQL database by several server processes.
_PG_LOCK_KEY = 0x41474E54  # "AGNT"


def target_metadata() -> MetaData:
    """The metadata of every table module (``models`` and each ``*_models``)."""
    package = __name__.rpartition(".")[0]
    from agentdesk.server.db.models import Base

    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name.endswith("_models"):
            importlib.import_module(f"{package}.{info.name}")
    return Base.metadata


def config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision shipped with this version (as Alembic reads the scripts)."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def current(connection: Connection) -> str | None:
    """The revision the database is at (``None``: no migrations applied)."""
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: head); a no-op when it is there."""
    from alembic import command

    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables and _BASELINE_MARKER in tables:
        log.info("database predates migrations: stamping it at the baseline %s", BASELINE)
        command.stamp(config(connection), BASELINE)
    before = current(connection)
    command.upgrade(config(connection), revision)
    after = current(connection)
    if before != after:
        log.info("database upgraded from %s to %s", before or "empty", after)


def differences(connection: Connection) -> list[Any]:
    """What the models have that the migrated database does not (empty when they agree)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "render_as_batch": True}
    )
    return list(compare_metadata(context, target_metadata()))


#: A module-level ``revision = ...`` / ``down_revision = ...`` line of a revision file.
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.*?)\s*$", re.MULTILINE)


@cache
def shipped_head() -> str | None:
    """The head revision, read from the revision files' ``revision``/``down_revision``
    assignments without importing Alembic (or the files); ``None`` when not exactly one.

    Only the assignment lines are read (parsing the files whole took 20-40 ms of every
    start); a value that is not a literal on its line leaves the decision to Alembic.
    Only a shortcut for :func:`at_shipped_head`: a test checks it equals :func:`head`.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        values: dict[str, Any] = {}
        for match in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8")):
            try:
                values[match[1]] = ast.literal_eval(match[2])
            except (ValueError, SyntaxError):
                return None  # computed in code, or spread over lines: let Alembic decide
        if not isinstance(values.get("revision"), str):
            continue
        revisions.add(values["revision"])
        down = values.get("down_revision")
        parents.update([down] if isinstance(down, str) else list(down or ()))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(connection: Connection) -> str | None:
    """``alembic_version`` read with plain SQL (``None``: no table, no row, or several)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def at_shipped_head(connection: Connection) -> bool:
    """Whether the database is already at the newest shipped revision (no upgrade to run)."""
    head_id = shipped_head()
    return head_id is not None and stored_revision(connection) == head_id
