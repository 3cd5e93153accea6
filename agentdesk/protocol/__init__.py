"""The wire contract between desktop and backend: pydantic models shared by both sides.

Nothing here imports Qt, httpx or the server.
"""

API_PREFIX = "/api/v1"
