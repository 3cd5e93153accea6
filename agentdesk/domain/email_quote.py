"""How an e-mail reply quotes the conversation under it (server and desktop agree on it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Quoted:
    """An earlier message of the thread."""

    ts: datetime
    author: str
    text: str


def quote_history(text: str, earlier: Sequence[Quoted]) -> str:
    """``text``, then each earlier message (give them newest first) with its lines quoted.

    ``Il 14/03/2025 09:30, Anna Neri ha scritto:`` then ``> `` before every line.
    """
    parts = [text.rstrip()]
    for msg in earlier:
        when = msg.ts.strftime("%d/%m/%Y %H:%M")
        quoted = "\n".join(f"> {line}" if line else ">" for line in msg.text.splitlines())
        parts.append(f"Il {when}, {msg.author} ha scritto:\n{quoted}")
    return "\n\n".join(parts)


def reply_subject(subject: str, is_reply: bool) -> str:
    return subject if is_reply else f"Re: {subject}"
