"""Chaos fixtures: the soak's qasync loop on headless Qt."""

from __future__ import annotations

from tests.soak.conftest import qloop

__all__ = ["qloop"]
