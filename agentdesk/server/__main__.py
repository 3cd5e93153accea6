"""``python -m agentdesk.server``: the same as ``agentdesk-server`` (the desktop starts its
embedded server this way, as a child process)."""

from agentdesk.server.cli import main

raise SystemExit(main())
