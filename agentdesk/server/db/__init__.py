"""Persistence: tables, column types and the database handle."""

from agentdesk.server.db import voice_models as voice_models
from agentdesk.server.db.database import Database

__all__ = ["Database"]
