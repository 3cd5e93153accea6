"""Events: the pub/sub bus, the per-agent event store, the websocket streams."""
