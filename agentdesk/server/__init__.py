"""The reference backend: ASGI app, routing (ACD), persistence, event bus, simulator."""
