"""The reference backend: ASGI app, routing (ACD), persistence, event bus, simulator."""

from agentdesk.protocol.base import build_all

# The wire models build their validators lazily (the desktop's start-up needs few of them);
# a server builds them all before any route is declared, so no request pays for it and the
# adapters FastAPI makes of them are complete from the start.
build_all()
