"""A synthetic but realistic knowledge base of any size, from the demo articles' material.

Titles and bodies mix the demo corpus' sentences with clients, places, products and codes,
so the vocabulary grows with the size as a real KB's does.
"""

from __future__ import annotations

import random
import re

from agentdesk.server.seed.kb_corpus import ARTICLES

_SENTENCES = [
    s.strip()
    for *_, body in ARTICLES
    for s in re.split(r"(?<=[.!?])\s+|\n+", re.sub(r"[#*|]", " ", body))
    if len(s.split()) >= 5
]
_TITLES = [a[5] for a in ARTICLES]
_PLACES = (
    "Como",
    "Lecco",
    "Varese",
    "Bergamo",
    "Sondrio",
    "Monza",
    "Cantù",
    "Erba",
    "Merate",
    "Menaggio",
    "Bellano",
    "Tremezzina",
    "Olgiate",
    "Mariano",
    "Saronno",
)
_SEGMENTS = (
    "clienti domestici",
    "condomini",
    "piccole imprese",
    "seconde case",
    "clienti business",
    "enti pubblici",
    "residenti",
    "non residenti",
)
_AREAS = (
    "fatturazione",
    "contratti",
    "pagamenti",
    "guasti",
    "letture",
    "commerciale",
    "privacy",
    "qualità",
    "agevolazioni",
    "comunicazioni",
)
_KINDS = ("procedure", "procedure", "procedure", "faq", "faq", "news", "urgent")


def generate(n: int, seed: int = 7) -> list[dict[str, object]]:
    """``n`` articles in the import body's shape."""
    rnd = random.Random(seed)
    out: list[dict[str, object]] = []
    for i in range(n):
        title = rnd.choice(_TITLES)
        extra = rnd.choice(
            (
                f" a {rnd.choice(_PLACES)}",
                f" per {rnd.choice(_SEGMENTS)}",
                f" (rev. {rnd.randint(1, 40)})",
                f": casi {rnd.choice(_SEGMENTS)}",
                "",
            )
        )
        sentences = rnd.sample(_SENTENCES, rnd.randint(3, 7))
        code = f"Codice pratica {rnd.choice('ABCDEFGH')}{rnd.randint(100, 99999)}."
        place = f"Vale per {rnd.choice(_SEGMENTS)} della zona di {rnd.choice(_PLACES)}."
        body = " ".join([*sentences, place, code])
        out.append(
            {
                "title": (title + extra)[:200],
                "body": body,
                "area": rnd.choice(_AREAS),
                "kind": rnd.choice(_KINDS) if i % 50 else "news",
                "client_id": rnd.choice(("lario", "energia", None)),
                "tags": rnd.sample(
                    [
                        "bolletta",
                        "contratto",
                        "lettura",
                        "rate",
                        "guasto",
                        "privacy",
                        "offerta",
                        "pagamento",
                    ],
                    2,
                ),
            }
        )
    return out
