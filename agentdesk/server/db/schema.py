"""The schema's life: Alembic migrations up to head, on start or by command.

Every table module of the backend (``models.py`` and any ``*_models.py`` beside it) belongs
to one metadata; the migrations in ``migrations/versions`` must produce exactly that schema
(:func:`differences` is what CI checks). A database created before migrations existed (by
``create_all`` from the same models) is recognised and stamped at the baseline first.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, inspect, text
from sqlalchemy.engine import Connection

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
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision shipped with this version."""
    heads = ScriptDirectory.from_config(config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def current(connection: Connection) -> str | None:
    """The revision the database is at (``None``: no migrations applied)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: head); a no-op when it is there."""
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
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "render_as_batch": True}
    )
    return list(compare_metadata(context, target_metadata()))
