"""Persistence: tables, column types and the database handle."""

from agentdesk.server.db import kb_models as kb_models
from agentdesk.server.db.database import Database

__all__ = ["Database"]
