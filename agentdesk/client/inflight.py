"""REST actions under way, and whether the event stream has overtaken them.

An action's answer (accept, reject, hang up) may arrive after the stream has already told
newer news of the same interaction (a slow answer, or the replay of a retried request).
Applying it then would roll the desk back; the stream, which carries the action's own event
too, stays the judge.
"""

from __future__ import annotations


class InFlight:
    """Actions under way by interaction: token -> "no newer news yet"."""

    def __init__(self) -> None:
        self._pending: dict[str, dict[object, bool]] = {}

    def begin(self, interaction_id: str) -> object:
        """An action on ``interaction_id`` starts; returns its token for :meth:`end`."""
        token = object()
        self._pending.setdefault(interaction_id, {})[token] = True
        return token

    def end(self, interaction_id: str, token: object) -> bool:
        """The action's answer came: whether it is still the freshest news we have."""
        pending = self._pending[interaction_id]
        fresh = pending.pop(token)
        if not pending:
            del self._pending[interaction_id]
        return fresh

    def news(self, interaction_id: str | None = None) -> None:
        """The stream (or a reload) told us something about an interaction (None: all)."""
        if interaction_id is None:
            targets = list(self._pending.values())
        else:
            targets = [self._pending[interaction_id]] if interaction_id in self._pending else []
        for pending in targets:
            for token in pending:
                pending[token] = False
