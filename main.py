"""Thin shim so ``python main.py`` runs the desktop like the ``agentdesk`` entry point."""

from agentdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
