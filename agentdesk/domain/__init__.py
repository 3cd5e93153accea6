"""Pure domain logic: entities, the agent state machine, routing rules. No Qt, no IO."""
