"""The desktop's connection to a backend: REST, event stream, outbox, cache, credentials.

No Qt widgets here: the GUI binds to these objects through its view models.
"""
