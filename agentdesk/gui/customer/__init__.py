"""Customer 360: header facts from the screen pop, the unified history, the conversation."""
