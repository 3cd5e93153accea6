"""Script graphs: every shipped script loads and every branch is reachable; broken ones are
refused with a clear error; progress goes back and forth and adherence counts checkpoints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agentdesk.domain.script_progress import ProgressError, adherence, advance, start
from agentdesk.domain.scripts import QUESTION, Script, ScriptError, parse_script, render

SHIPPED = Path(__file__).resolve().parents[3] / "agentdesk" / "server" / "assist_data" / "scripts"


def _shipped() -> list[Path]:
    return sorted(SHIPPED.glob("*.yaml"))


def _load(path: Path) -> Script:
    return parse_script(yaml.safe_load(path.read_text("utf-8")), path.name)


def _minimal(**nodes: Any) -> dict[str, Any]:
    return {
        "id": "t",
        "client": "lario",
        "campaign": "test",
        "title": "T",
        "start": "a",
        "nodes": nodes
        or {
            "a": {"kind": "say", "text": "Ciao {customer_name}", "next": "b"},
            "b": {"kind": "end", "text": "Fine"},
        },
    }


def test_the_campaigns_the_issue_asks_for_are_shipped() -> None:
    scripts = [_load(p) for p in _shipped()]
    campaigns = {(s.client_id, s.campaign) for s in scripts}
    assert {("lario", "inbound_care"), ("energia", "inbound_care")} <= campaigns
    assert {c for _, c in campaigns} >= {"caring_due", "collection", "nps_transactional"}
    collection = next(s for s in scripts if s.campaign == "collection")
    assert any(b.answer == "plan" for n in collection.nodes.values() for b in n.branches)
    nps = next(s for s in scripts if s.campaign == "nps_transactional")
    assert any(n.kind == "open_question" for n in nps.nodes.values())
    for script in scripts:
        assert script.mandatory_checkpoints, script.id


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.stem)
def test_every_shipped_script_loads_and_every_branch_is_reachable(path: Path) -> None:
    script = _load(path)
    assert script.id == path.stem
    assert set(script.order) == set(script.nodes)  # every node on some path from the start
    for node in script.nodes.values():
        if node.kind == QUESTION:
            for branch in node.branches:
                progress = advance(start(script), script, node.id, branch.answer)
                assert progress.current == branch.next


@pytest.mark.parametrize(
    ("nodes", "problem"),
    [
        ({"a": {"kind": "say", "text": "x", "next": "nowhere"}, "b": {"kind": "end", "text": "y"}},
         "'nowhere', which is not a node"),
        ({"a": {"kind": "say", "text": "x", "next": "b"},
          "b": {"kind": "say", "text": "y", "next": "a"}, "c": {"kind": "end", "text": "z"}},
         "cycle: a -> b -> a"),
        ({"a": {"kind": "question", "text": "?", "branches": [
            {"answer": "s", "next": "b"}, {"answer": "n", "next": "ghost"}]},
          "b": {"kind": "end", "text": "y"}},
         "'ghost', which is not a node"),
        ({"a": {"kind": "say", "text": "x"}, "b": {"kind": "end", "text": "y"}},
         "dangling"),
        ({"a": {"kind": "say", "text": "x", "next": "b"}, "b": {"kind": "end", "text": "y"},
          "c": {"kind": "end", "text": "orphan"}},
         "reaches ['c']"),
        ({"a": {"kind": "say", "text": "Saldo {saldo}", "next": "b"},
          "b": {"kind": "end", "text": "y"}},
         "unknown variable {saldo}"),
        ({"a": {"kind": "question", "text": "?", "branches": [
            {"answer": True, "next": "b"}, {"answer": "n", "next": "b"}]},
          "b": {"kind": "end", "text": "y"}},
         "quote yes/no"),
        ({"a": {"kind": "dance", "text": "x", "next": "b"}, "b": {"kind": "end", "text": "y"}},
         "kind 'dance'"),
    ],
)
def test_broken_scripts_are_refused_with_a_clear_error(nodes: dict[str, Any], problem: str) -> None:
    with pytest.raises(ScriptError) as caught:
        parse_script(_minimal(**nodes), "broken.yaml")
    assert "broken.yaml" in str(caught.value)
    assert problem in str(caught.value)


def test_not_a_script_at_all() -> None:
    for data in (None, [], "text", {"id": "x"}):
        with pytest.raises(ScriptError):
            parse_script(data, "junk.yaml")


def test_progress_goes_back_and_adherence_counts_owed_checkpoints() -> None:
    script = _load(SHIPPED / "energia-collection.yaml")
    p = start(script)
    assert p.current == "greet" and adherence(script, p) == 0.0
    p = advance(p, script, "greet", None)
    p = advance(p, script, "identity", "confirmed")
    p = advance(p, script, "privacy", "confirmed")
    assert adherence(script, p) == 1.0  # the plan terms are owed only on the plan branch
    p = advance(p, script, "balance", "known")
    p = advance(p, script, "can_pay", "plan")
    p = advance(p, script, "plan", "6")
    assert p.current == "plan_terms" and adherence(script, p) == pytest.approx(2 / 3, abs=0.01)
    # back to the previous question: the plan branch is dropped, the answer replaced
    p = advance(p, script, "can_pay", "full")
    assert p.current == "pay_full" and "plan" not in p.path
    assert p.answers["can_pay"] == "full" and adherence(script, p) == 1.0
    p = advance(p, script, "pay_full", None)
    p = advance(p, script, "close", None)
    assert p.finished and p.current is None
    with pytest.raises(ProgressError):
        advance(p, script, "can_pay", "maybe")
    with pytest.raises(ProgressError):
        advance(p, script, "no-such-node", None)


def test_the_player_never_blocks_skipping_ahead_is_allowed_but_costs_adherence() -> None:
    script = _load(SHIPPED / "lario-inbound-care.yaml")
    p = advance(start(script), script, "reason", "fault")
    assert p.current == "fault"
    assert adherence(script, p) == 0.0


def test_text_is_filled_from_the_customer_and_interaction() -> None:
    text = "Saldo {amount_due} entro il {due_date}, {customer_name}"
    filled = render(text, {"amount_due": "€ 120,00", "due_date": "12/05/2026",
                           "customer_name": "Anna Ferri"})
    assert filled == "Saldo € 120,00 entro il 12/05/2026, Anna Ferri"
    assert render("Ciao {customer_name}", {}) == "Ciao [customer_name]"
