"""The server's script library: shipped scripts load, broken files are refused at load."""

from __future__ import annotations

from pathlib import Path

from agentdesk.server.seed.kb_corpus import ARTICLES
from agentdesk.server.services.scripts import load_library, script_library, shipped_directory

GOOD = """
id: extra-ok
client: lario
campaign: test
title: Prova
start: a
nodes:
  a: {kind: say, text: "Ciao {customer_name}", next: b}
  b: {kind: end, text: Fine}
"""


def test_shipped_library_loads_everything_and_links_real_articles() -> None:
    library = load_library(shipped_directory())
    assert library.refused == {}
    assert len(library.scripts) == len(list(shipped_directory().glob("*.yaml")))
    seeded = {entry[0] for entry in ARTICLES}
    for script in library.scripts.values():
        for node in script.nodes.values():
            assert set(node.articles) <= seeded, (script.id, node.id)
    assert script_library().for_interaction("energia", "chat-energia") is not None
    assert script_library().for_interaction("lario", "voice-lario").id == "lario-inbound-care"


def test_broken_files_are_refused_with_a_clear_error_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(GOOD, "utf-8")
    (tmp_path / "cycle.yaml").write_text(
        GOOD.replace("extra-ok", "cyc").replace("b: {kind: end, text: Fine}",
                                                 "b: {kind: say, text: x, next: a}\n"
                                                 "  c: {kind: end, text: y}"),
        "utf-8",
    )
    (tmp_path / "dangling.yaml").write_text(
        GOOD.replace("extra-ok", "dang").replace("next: b", "next: z"), "utf-8"
    )
    (tmp_path / "garbage.yaml").write_text("id: [unclosed", "utf-8")
    (tmp_path / "dup.yaml").write_text(GOOD, "utf-8")
    library = load_library(tmp_path)
    assert set(library.scripts) == {"extra-ok"}
    assert "cycle: a -> b -> a" in library.refused["cycle.yaml"]
    assert "'z', which is not a node" in library.refused["dangling.yaml"]
    assert "unreadable" in library.refused["garbage.yaml"]
    assert "duplicate id" in library.refused["ok.yaml"] or "duplicate id" in library.refused[
        "dup.yaml"
    ]
