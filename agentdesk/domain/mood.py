"""A customer's mood from the words they write: a small Italian/English lexicon.

Deliberately simple and explainable (contact centres audit why a customer was marked
negative); a statistical model can replace :func:`mood_of` behind the same signature.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NEGATIVE = frozenset(
    [
        "arrabbiato",
        "arrabbiata",
        "vergogna",
        "inaccettabile",
        "assurdo",
        "assurda",
        "ridicolo",
        "pessimo",
        "pessima",
        "schifo",
        "scandaloso",
        "scandalosa",
        "stufo",
        "stufa",
        "basta",
        "reclamo",
        "denuncia",
        "avvocato",
        "truffa",
        "ladri",
        "furto",
        "disservizio",
        "inaudito",
        "incompetenti",
        "incapaci",
        "mai",
        "peggio",
        "disgustato",
        "deluso",
        "delusa",
        "lamentela",
        "problema",
        "problemi",
        "ancora",
        "sbagliata",
        "sbagliato",
        "errore",
        "guasto",
        "perdita",
        "rotto",
        "angry",
        "terrible",
        "awful",
        "worst",
        "unacceptable",
        "ridiculous",
        "disappointed",
        "complaint",
        "scam",
    ]
)
_POSITIVE = frozenset(
    [
        "grazie",
        "gentile",
        "gentilissimo",
        "gentilissima",
        "perfetto",
        "perfetta",
        "ottimo",
        "ottima",
        "bene",
        "contento",
        "contenta",
        "soddisfatto",
        "soddisfatta",
        "risolto",
        "chiarissimo",
        "cortese",
        "disponibile",
        "fantastico",
        "bravissimo",
        "bravissima",
        "preciso",
        "precisa",
        "efficiente",
        "velocissimi",
        "thanks",
        "thank",
        "great",
        "perfect",
        "excellent",
        "helpful",
        "solved",
        "kind",
    ]
)
_WORD = re.compile(r"[a-zàèéìòù]+", re.IGNORECASE)


def mood_score(texts: Iterable[str]) -> int:
    """Positive words minus negative words (exclamation runs count as negative)."""
    score = 0
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if word in _POSITIVE:
                score += 1
            elif word in _NEGATIVE:
                score -= 1
        if "!!" in text:
            score -= 1
    return score


def mood_of(texts: Iterable[str]) -> str | None:
    """ "positive", "neutral" or "negative"; None when there is nothing to judge."""
    texts = [t for t in texts if t.strip()]
    if not texts:
        return None
    score = mood_score(texts)
    if score >= 1:
        return "positive"
    if score <= -2:
        return "negative"
    return "neutral"
