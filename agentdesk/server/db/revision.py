"""``python -m agentdesk.server.db.revision "message"``: draft the next migration.

Builds a scratch SQLite database at head, compares it with the models and writes the
difference as a new revision in ``migrations/versions`` (to be read and corrected by hand:
autogenerate misses renames and data moves).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from agentdesk.server.db import schema


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__)
        return 2
    versions = schema.MIGRATIONS / "versions"
    number = 1 + max(int(p.name[:4]) for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.sqlite3'}")
        with engine.begin() as conn:
            schema.upgrade(conn)
            command.revision(
                schema.config(conn), message=args[0], autogenerate=True, rev_id=f"{number:04d}"
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
