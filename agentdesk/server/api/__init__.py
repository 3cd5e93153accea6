"""The HTTP and websocket surface under /api/v1."""
