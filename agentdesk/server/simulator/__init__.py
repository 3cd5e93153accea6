"""The traffic simulator: customers who chat through the real gateway."""
