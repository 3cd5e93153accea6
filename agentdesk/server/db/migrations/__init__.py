"""Alembic migrations: the only way the backend's schema changes.

``0001`` is the schema as it stood when migrations were introduced; every later change is a
revision in ``versions/``. :mod:`agentdesk.server.db.schema` runs them (on start, or with
``agentdesk-server migrate``).
"""
