"""Use cases: plain async functions over a session or a unit of work."""
