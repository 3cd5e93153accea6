"""routing: an e-mail limit per operator, a priority per queue

Revision ID: voice_routing
Revises: 0006
Create Date: 2026-12-01 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "voice_routing"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("max_emails", sa.Integer(), server_default="2", nullable=False)
        )
    with op.batch_alter_table("queues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("queues", schema=None) as batch_op:
        batch_op.drop_column("priority")
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("max_emails")
