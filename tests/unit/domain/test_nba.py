"""Next-best-action rules: each fires on its context and not otherwise; ranking is stable."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from agentdesk.domain.nba import (
    ArticleRef,
    InvoiceFact,
    NbaContext,
    RuleError,
    parse_policies,
    parse_rules,
    suggest,
)

RULES_FILE = (
    Path(__file__).resolve().parents[3] / "agentdesk" / "server" / "assist_data" / "nba_rules.yaml"
)
DATA = yaml.safe_load(RULES_FILE.read_text("utf-8"))
RULES = parse_rules(DATA)
POLICIES = parse_policies(DATA)
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def no_article(_text: str, _client: str | None) -> ArticleRef | None:
    return None


def leak_article(text: str, _client: str | None) -> ArticleRef | None:
    return ArticleRef("kb-003", "Segnalazione di perdita") if "perdita" in text else None


#: A calm customer with nothing pending, of a segment no offer is for.
CALM = NbaContext(now=NOW, client_id="lario", channel="chat", segment="business",
                  moods=("neutral",), last_customer_text="Buongiorno")


def _rules(ctx: NbaContext, finder: object = no_article) -> list[str]:
    return [h.rule for h in suggest(RULES, ctx, finder, limit=20)]  # type: ignore[arg-type]


def _invoice(days: int, cents: int = 12000, status: str = "open") -> InvoiceFact:
    return InvoiceFact("F-1", cents, NOW + timedelta(days=days), status)


CASES: dict[str, NbaContext] = {
    "invoice_due_soon": replace(CALM, invoices=(_invoice(5),)),
    "overdue_plan": replace(CALM, invoices=(_invoice(-20, status="overdue"),),
                            flags=frozenset({"overdue"})),
    "overdue_plan_active": replace(CALM, invoices=(_invoice(-20, status="overdue"),),
                                   flags=frozenset({"overdue", "payment_plan"})),
    "repeat_contact": replace(CALM, flags=frozenset({"repeat_contact"})),
    "mood_turning_negative": replace(CALM, moods=("neutral", "negative"),
                                     last_cues=("terza volta",)),
    "mood_negative_callback": replace(CALM, moods=("negative", "negative", "negative"),
                                      last_cues=("pessimo",)),
    "threat_escalate": replace(CALM, moods=("neutral", "negative"),
                               last_cues=("avvocato",)),
    "open_case_update": replace(CALM, open_cases=1),
    "article_for_last_line": replace(CALM, last_customer_text="C'è una perdita in strada"),
    "segment_offer": replace(CALM, segment="residential", offers=POLICIES["lario"]),
}


def test_a_calm_context_gets_no_hint() -> None:
    assert _rules(CALM) == []


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_fires_on_its_context(rule: str) -> None:
    ctx = CASES[rule]
    fired = _rules(ctx, leak_article)
    assert rule in fired, fired
    hint = next(h for h in suggest(RULES, ctx, leak_article, limit=20) if h.rule == rule)
    assert hint.reason and "{" not in hint.reason and "{" not in hint.title


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_stays_quiet_in_the_other_contexts(rule: str) -> None:
    for other, ctx in CASES.items():
        if other == rule:
            continue
        allowed = {  # contexts that honestly imply more than one rule
            "mood_turning_negative": {"threat_escalate"},
            "mood_negative_callback": set(),
            "threat_escalate": {"mood_turning_negative"},
        }.get(other, set())
        fired = set(_rules(ctx, leak_article)) - {other} - allowed
        assert rule not in fired, (other, fired)


def test_details_the_reason_gives() -> None:
    due = suggest(RULES, CASES["invoice_due_soon"], no_article)[0]
    assert due.title == "Bolletta in scadenza il 09/05/2026"
    assert "120,00 €" in due.reason and "5 giorni" in due.reason
    assert due.action_kind == "script" and due.action_target == "lario-caring-due"
    plan = suggest(RULES, CASES["overdue_plan"], no_article)[0]
    assert plan.action_target == "lario-collection"
    offer = suggest(RULES, replace(CALM, client_id="energia", segment="residential",
                                   offers=POLICIES["energia"]), no_article)
    assert [h.action_target for h in offer] == ["energia-fisso-12"]


def test_negative_mood_silences_selling_and_reminders() -> None:
    angry = replace(CALM, segment="residential", invoices=(_invoice(3),),
                    moods=("neutral", "negative"), last_cues=("vergogna",),
                    offers=POLICIES["lario"])
    fired = _rules(angry)
    assert "mood_turning_negative" in fired
    assert "segment_offer" not in fired and "invoice_due_soon" not in fired


def test_ranking_is_by_priority_then_file_order_and_stable() -> None:
    busy = replace(
        CALM,
        segment="residential",
        flags=frozenset({"repeat_contact"}),
        open_cases=2,
        invoices=(_invoice(4),),
        last_customer_text="perdita in strada",
        offers=POLICIES["lario"],
    )
    first = suggest(RULES, busy, leak_article, limit=20)
    priorities = [h.priority for h in first]
    assert priorities == sorted(priorities, reverse=True)
    assert [h.rule for h in first][:2] == ["repeat_contact", "open_case_update"]
    for _ in range(5):
        assert suggest(RULES, busy, leak_article, limit=20) == first
    assert len(suggest(RULES, busy, leak_article)) == 5  # the default limit


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({}, "'rules' list"),
        ({"rules": [{"id": "x"}]}, "missing"),
        ({"rules": [{"id": "x", "title": "t", "reason": "r", "priority": 1,
                     "action": {"kind": "callback"}, "when": {"moon_phase": "full"}}]},
         "unknown condition"),
        ({"rules": [{"id": "x", "title": "t", "reason": "r", "priority": 1,
                     "action": {"kind": "teleport"}, "when": {"flag": "vip"}}]},
         "action.kind"),
    ],
)
def test_broken_rules_are_refused(data: object, problem: str) -> None:
    with pytest.raises(RuleError, match=problem):
        parse_rules(data)
