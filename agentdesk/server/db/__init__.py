"""Persistence: tables, column types and the database handle."""

from agentdesk.server.db.database import Database

__all__ = ["Database"]
from agentdesk.server.db import assist_models  # noqa: F401  (tables: create_all)
