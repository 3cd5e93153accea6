"""Alembic environment: runs on the connection :mod:`agentdesk.server.db.schema` hands over."""

from __future__ import annotations

from alembic import context

from agentdesk.server.db.schema import target_metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a bare `alembic` command line
    raise RuntimeError("run migrations through agentdesk.server.db.schema")

context.configure(
    connection=connection,
    target_metadata=target_metadata(),
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
    user_module_prefix="agentdesk.server.db.types.",
)
with context.begin_transaction():
    context.run_migrations()
