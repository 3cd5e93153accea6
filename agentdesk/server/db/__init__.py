"""Persistence: tables, column types and the database handle."""

from agentdesk.server.db import people_models  # noqa: F401  (registers the people tables)
from agentdesk.server.db.database import Database

__all__ = ["Database"]
