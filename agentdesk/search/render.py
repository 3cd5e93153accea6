"""Safe rich content: an article's Markdown as sanitised HTML.

Raw HTML in the source is never passed through (markdown-it escapes it), and nh3 keeps only
a small set of tags: no scripts, no images (remote or not), no styles, links only to other
articles (``kb:<id>``) or to https pages. Server and desktop render with this one function.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
}
_ATTRIBUTES = {"a": {"href"}, "th": {"align"}, "td": {"align"}}
_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_md.disable("image")


def render_markdown(source: str) -> str:
    """Sanitised HTML of ``source``; links keep ``kb:`` and ``https:`` targets only."""
    html = _md.render(source)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"kb", "https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
