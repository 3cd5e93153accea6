"""routing: an index for when each operator last finished a contact

Every arrival and routing pass asks, for the ready operators, when each last closed a
wrap-up (longest-idle first). Without an index that read scans every interaction ever
stored; with (wrapup_agent_id, closed_at) it is a covering index search.

Revision ID: last_freed_index
Revises: voice_routing
Create Date: 2026-12-01 07:40:00
"""

from __future__ import annotations

from alembic import op

revision = "last_freed_index"
down_revision = "voice_routing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_interactions_wrapup_agent_closed",
        "interactions",
        ["wrapup_agent_id", "closed_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_interactions_wrapup_agent_closed", table_name="interactions")
