"""The server's media bridge: every leg of a call terminates here and is mixed per listener.

:mod:`.bridge` is the interface the call service uses, :mod:`.mixing` the pure "who hears
what" rules, :mod:`.aiortc_bridge` the in-process implementation (aiortc + numpy).
"""

from agentdesk.server.media.bridge import LegRole, MediaBridge, MediaError

__all__ = ["LegRole", "MediaBridge", "MediaError"]
