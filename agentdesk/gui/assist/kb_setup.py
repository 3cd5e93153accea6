"""Where the desktop keeps its knowledge-base copy, and the service for a session."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from agentdesk.client.kb_index import LocalKnowledgeBase
from agentdesk.gui.assist.kb_service import KbApi, KbService

log = logging.getLogger(__name__)


def kb_service_for(session: object, settings: QSettings, parent: QObject) -> KbService | None:
    """A service on the session's REST client, its copy beside the settings file (one per
    server); None for sessions without one (GUI tests' fakes)."""
    api = getattr(session, "api", None)
    if api is None or not hasattr(api, "kb_changes"):
        return None
    base = str(getattr(api, "base_url", ""))
    folder = Path(settings.fileName()).parent if settings.fileName() else None
    path: Path | str = ":memory:"
    if folder is not None and folder.is_dir():
        digest = hashlib.sha256(base.encode()).hexdigest()[:12]
        path = folder / f"kb-{digest}.sqlite3"
    try:
        kb = LocalKnowledgeBase(path)
    except Exception:  # a damaged copy: start again in memory, the sync refills it
        log.exception("local knowledge base at %s unusable", path)
        kb = LocalKnowledgeBase()
    typed: KbApi = api
    return KbService(kb, typed, parent)
