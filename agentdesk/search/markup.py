"""Plain text of an article's Markdown source, for indexing and snippets."""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]*>")
_MARKS = re.compile(r"[#*_`>|~]+|^\s*[-+]\s+|^\s*\d+\.\s+|-{3,}|:?-{2,}:?", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")


def plain_text(markdown: str) -> str:
    """Markdown without its marks: link texts kept, targets, tags and table rules dropped."""
    text = _LINK.sub(r"\1", markdown)
    text = _TAGS.sub(" ", text)
    text = _MARKS.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
