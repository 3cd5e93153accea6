"""The desktop: Qt widgets, Qt item models and view models. Only this package imports Qt.

Widgets bind to view models and item models, emit intent signals and hold no business rules;
:mod:`agentdesk.gui.controller` turns intents into calls on the session, and
:mod:`agentdesk.gui.workstation` turns the session's callbacks into Qt signals.
"""
