"""Fixtures for server tests: a fresh PostgreSQL database when the suite has a cluster."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("AGENTDESK_TEST_POSTGRES_URL")


@pytest.fixture
async def pg_database() -> AsyncIterator[str]:
    """A fresh database on the test cluster, dropped afterwards."""
    if not PG_URL:
        pytest.skip("AGENTDESK_TEST_POSTGRES_URL is not set (scripts/test sets it)")
    import asyncpg

    admin = make_url(PG_URL)
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"agentdesk_test_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()
