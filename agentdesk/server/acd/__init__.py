"""The automatic contact distributor: router, offer timeouts, queue statistics."""
