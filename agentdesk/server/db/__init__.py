"""Persistence: tables, column types and the database handle."""

from agentdesk.server.db import canned_models as canned_models
from agentdesk.server.db import email_models as email_models
from agentdesk.server.db.database import Database

__all__ = ["Database"]
