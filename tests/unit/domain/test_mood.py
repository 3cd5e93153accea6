"""The mood reader on what customers actually write (issue 7, item 4)."""

from __future__ import annotations

import pytest

from agentdesk.domain.mood import MoodReading, combine, mood_of, read_conversation, read_mood
from tests.unit.domain import mood_eval


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # negation and its scope
        ("Non sono affatto soddisfatto", "negative"),
        ("I'm not happy at all", "negative"),
        ("Non è un problema, aspetto la chiamata", "neutral"),
        ("Nessun problema, grazie a voi!", "positive"),
        ("non male davvero", "positive"),
        # contrast
        ("Grazie, ma è la terza volta che vi scrivo", "negative"),
        ("Thanks, but this is the third time I call", "negative"),
        ("All'inizio ero arrabbiato, ma avete risolto tutto, grazie", "positive"),
        # intensifiers and downtoners
        ("Sono molto deluso", "negative"),
        # requests that merely mention a problem
        ("Ho un problema con la bolletta, potete aiutarmi?", "neutral"),
        ("Vorrei segnalare un guasto al contatore", "neutral"),
        ("The app doesn't work, how can I send the reading?", "neutral"),
        # threats to leave or to sue
        ("Se non risolvete mi rivolgo a un avvocato", "negative"),
        ("Passo alla concorrenza", "negative"),
        ("I'm switching supplier", "negative"),
        # informal and rude
        ("incompetenti del cazzo", "negative"),
        ("wtf is this bill", "negative"),
        # emoji, capitals, exclamations
        ("👍👍", "positive"),
        ("ok 😡", "negative"),
        ("E' LA TERZA VOLTA CHE CHIAMO", "negative"),
        ("GRAZIE MILLE!!!", "positive"),
        # missing accents, chat spelling, typos
        ("perche nessuno mi risponde???", "negative"),
        ("nn sn x niente contento", "negative"),
        ("garzie mille, gentilisimi", "positive"),
        ("pesimo servizio", "negative"),
        ("grazieeee", "positive"),
        # a fault that keeps coming back, and being left in the dark (the demo's own lines)
        ("Ho il frigo pieno e nessuno mi dice niente!", "negative"),
        ("È la seconda volta questa settimana, non è normale.", "negative"),
        # plain lines
        ("Vorrei sapere quando scade la bolletta", "neutral"),
        ("Qual è l'IBAN per il bonifico?", "neutral"),
    ],
)
def test_reads_what_customers_write(text: str, label: str) -> None:
    reading = read_mood(text)
    assert reading.label == label, reading


def test_reading_explains_itself() -> None:
    reading = read_mood("Non sono affatto soddisfatto, siete dei ladri 😡")
    assert reading.label == "negative"
    assert -1.0 <= reading.score < 0
    assert "ladri" in reading.cues
    assert "😡" in reading.cues
    assert any("soddisfatto" in cue for cue in reading.cues)
    positive = read_mood("Grazie mille, gentilissima")
    assert positive.score > 0 and "gentilissima" in positive.cues


def test_intensifiers_and_downtoners_scale_the_word() -> None:
    plain = read_mood("sono deluso").score
    assert read_mood("sono molto deluso").score < plain < read_mood("sono un po' deluso").score < 0
    assert read_mood("I am very happy").score > read_mood("I am happy").score > 0


def test_ordinary_words_are_not_mistaken_for_typos() -> None:
    # "chiamo" is one letter from "chiaro", "stufa" (a stove) from "stufo" (fed up)
    assert read_mood("Vi chiamo per la lettura").cues == ()
    assert read_mood("La bolletta è alta perché abbiamo usato la stufa?").label == "neutral"


def test_empty_and_huge_lines() -> None:
    assert read_mood("") == MoodReading("neutral", 0.0, ())
    assert read_mood("   ").label == "neutral"
    long_line = read_mood("pessimo " * 5000)
    assert long_line.label == "negative" and long_line.score >= -1.0


def test_conversation_follows_the_latest_lines() -> None:
    conv = read_conversation(["Buongiorno", "è la terza volta che chiamo!!", "inaccettabile"])
    assert conv is not None and conv.label == "negative"
    turned = read_conversation(["siete pessimi", "ah ok, ora funziona tutto, grazie mille!"])
    assert turned is not None and turned.label == "positive"
    assert read_conversation(["", " "]) is None
    assert combine([]) is None
    assert mood_of(["Grazie mille, gentilissimo!"]) == "positive"


def test_macro_f1_on_the_labelled_set() -> None:
    lines = mood_eval.load()
    assert len(lines) >= 300
    assert {line.lang for line in lines} == {"it", "en"}
    assert sum(line.hard for line in lines) >= len(lines) / 3
    scores = mood_eval.evaluate(lines)
    print({k: round(v, 3) for k, v in scores.items()})
    # the held-out half was never used to tune rules; this floor guards against regressions
    assert scores["test"] >= 0.8
    assert scores["dev"] >= 0.85
