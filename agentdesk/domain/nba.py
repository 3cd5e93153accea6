"""Next best action: hints for the operator, each with its reason, from rules kept as data.

A rule (see ``assist_data/nba_rules.yaml`` and docs/PROTOCOL.md) names conditions from the
fixed vocabulary below, all of which must hold; when they do, the hint's title and reason are
filled from what the conditions found ("{amount}", "{due_date}", "{article}", ...). Hints are
ranked by priority, then by the rule's place in the file: the same context always gives the
same list. Pure: the server builds the :class:`NbaContext` and injects the article finder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

ACTION_KINDS = frozenset(
    {
        "script",
        "article",
        "callback",
        "escalate",
        "repayment_plan",
        "offer",
        "case_update",
        "acknowledge",
    }
)


class RuleError(ValueError):
    """A rules file that cannot be used; the message says which rule and why."""


@dataclass(frozen=True)
class InvoiceFact:
    number: str
    amount_cents: int
    due_at: datetime
    status: str  # open | overdue | paid


@dataclass(frozen=True)
class Offer:
    id: str
    title: str
    segments: frozenset[str]


@dataclass(frozen=True)
class ArticleRef:
    id: str
    title: str


#: (text of the customer's last line, client id) -> an article that answers it, or None.
ArticleFinder = Callable[[str, str | None], ArticleRef | None]


@dataclass(frozen=True)
class NbaContext:
    """What the rules may look at, gathered by the server for one interaction."""

    now: datetime
    client_id: str
    channel: str
    segment: str = "residential"
    flags: frozenset[str] = frozenset()
    invoices: tuple[InvoiceFact, ...] = ()
    open_cases: int = 0
    #: Labels of the customer's lines in this interaction, oldest first.
    moods: tuple[str, ...] = ()
    #: Cues of the latest customer line.
    last_cues: tuple[str, ...] = ()
    last_customer_text: str = ""
    offers: tuple[Offer, ...] = ()


@dataclass(frozen=True)
class Hint:
    rule: str
    title: str
    reason: str
    priority: int
    action_kind: str
    action_target: str | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        """What makes two hints the same suggestion (for keeping ids and outcomes)."""
        return (self.rule, self.action_target)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    reason: str
    priority: int
    action_kind: str
    action_target: str | None
    when: Mapping[str, Any] = field(default_factory=dict)
    order: int = 0


def _money(cents: int) -> str:
    euros = f"{cents / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{euros} €"


Found = dict[str, str] | None
Condition = Callable[[NbaContext, Any, ArticleFinder], Found]


def _invoice_due_within_days(ctx: NbaContext, days: Any, _f: ArticleFinder) -> Found:
    soon = [
        i
        for i in ctx.invoices
        if i.status == "open" and ctx.now <= i.due_at <= ctx.now + timedelta(days=int(days))
    ]
    if not soon:
        return None
    first = min(soon, key=lambda i: i.due_at)
    return {
        "amount": _money(first.amount_cents),
        "due_date": first.due_at.strftime("%d/%m/%Y"),
        "days": str(max(0, (first.due_at - ctx.now).days)),
        "invoice": first.number,
    }


def _overdue_at_least_cents(ctx: NbaContext, cents: Any, _f: ArticleFinder) -> Found:
    overdue = [i for i in ctx.invoices if i.status == "overdue"]
    total = sum(i.amount_cents for i in overdue)
    if not overdue or total < int(cents):
        return None
    return {"amount": _money(total), "count": str(len(overdue))}


def _without_flag(ctx: NbaContext, flag: Any, _f: ArticleFinder) -> Found:
    return None if str(flag) in ctx.flags else {}


def _flag(ctx: NbaContext, flag: Any, _f: ArticleFinder) -> Found:
    return {} if str(flag) in ctx.flags else None


def _segment_in(ctx: NbaContext, segments: Any, _f: ArticleFinder) -> Found:
    return {} if ctx.segment in set(segments) else None


def _mood_turning_negative(ctx: NbaContext, wanted: Any, _f: ArticleFinder) -> Found:
    """The latest line is negative and the one before was not (a turn, not a state)."""
    turning = (
        len(ctx.moods) >= 1
        and ctx.moods[-1] == "negative"
        and (len(ctx.moods) == 1 or ctx.moods[-2] != "negative")
    )
    if turning != bool(wanted):
        return None
    return {"cues": ", ".join(ctx.last_cues[:3]) or "-"}


def _negative_lines_in_a_row(ctx: NbaContext, count: Any, _f: ArticleFinder) -> Found:
    run = 0
    for label in reversed(ctx.moods):
        if label != "negative":
            break
        run += 1
    if run < int(count):
        return None
    return {"count": str(run), "cues": ", ".join(ctx.last_cues[:3]) or "-"}


def _cue_in(ctx: NbaContext, words: Any, _f: ArticleFinder) -> Found:
    wanted = [str(w).lower() for w in words]
    hits = [c for c in ctx.last_cues if any(w in c.lower() for w in wanted)]
    return {"cues": ", ".join(hits[:3])} if hits else None


def _open_cases_at_least(ctx: NbaContext, count: Any, _f: ArticleFinder) -> Found:
    return {"count": str(ctx.open_cases)} if ctx.open_cases >= int(count) else None


def _offer_for_segment(ctx: NbaContext, wanted: Any, _f: ArticleFinder) -> Found:
    offers = [o for o in ctx.offers if ctx.segment in o.segments]
    if bool(offers) != bool(wanted):
        return None
    return {"offer": offers[0].title, "offer_id": offers[0].id} if offers else {}


def _mood_not_negative(ctx: NbaContext, wanted: Any, _f: ArticleFinder) -> Found:
    calm = not ctx.moods or ctx.moods[-1] != "negative"
    return {} if calm == bool(wanted) else None


def _article_answers_last_line(ctx: NbaContext, wanted: Any, find: ArticleFinder) -> Found:
    if not wanted or not ctx.last_customer_text.strip():
        return None
    article = find(ctx.last_customer_text, ctx.client_id)
    if article is None:
        return None
    return {"article": article.title, "article_id": article.id}


def _channel_in(ctx: NbaContext, channels: Any, _f: ArticleFinder) -> Found:
    return {} if ctx.channel in set(channels) else None


CONDITIONS: dict[str, Condition] = {
    "invoice_due_within_days": _invoice_due_within_days,
    "overdue_at_least_cents": _overdue_at_least_cents,
    "flag": _flag,
    "without_flag": _without_flag,
    "segment_in": _segment_in,
    "channel_in": _channel_in,
    "mood_turning_negative": _mood_turning_negative,
    "negative_lines_in_a_row": _negative_lines_in_a_row,
    "mood_not_negative": _mood_not_negative,
    "cue_in": _cue_in,
    "open_cases_at_least": _open_cases_at_least,
    "offer_for_segment": _offer_for_segment,
    "article_answers_last_line": _article_answers_last_line,
}


def parse_rules(data: Any) -> list[Rule]:
    """Rules from the ``rules`` list of a rules file; :class:`RuleError` on the first problem."""
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise RuleError("a rules file holds a mapping with a 'rules' list")
    rules: list[Rule] = []
    seen: set[str] = set()
    for n, raw in enumerate(data["rules"]):
        if not isinstance(raw, Mapping):
            raise RuleError(f"rule #{n + 1} must be a mapping")
        rid = str(raw.get("id", ""))
        where = f"rule {rid or '#' + str(n + 1)}"
        if not rid or rid in seen:
            raise RuleError(f"{where}: a unique 'id' is required")
        seen.add(rid)
        for key in ("title", "reason", "priority", "action", "when"):
            if key not in raw:
                raise RuleError(f"{where}: missing {key!r}")
        when = raw["when"]
        if not isinstance(when, Mapping) or not when:
            raise RuleError(f"{where}: 'when' must name at least one condition")
        unknown = sorted(set(when) - set(CONDITIONS))
        if unknown:
            raise RuleError(f"{where}: unknown condition(s) {unknown}; known: {sorted(CONDITIONS)}")
        action = raw["action"]
        if not isinstance(action, Mapping) or action.get("kind") not in ACTION_KINDS:
            raise RuleError(f"{where}: action.kind must be one of {sorted(ACTION_KINDS)}")
        rules.append(
            Rule(
                id=rid,
                title=str(raw["title"]),
                reason=str(raw["reason"]),
                priority=int(raw["priority"]),
                action_kind=str(action["kind"]),
                action_target=str(action["target"]) if action.get("target") else None,
                when=dict(when),
                order=n,
            )
        )
    return rules


def parse_policies(data: Any) -> dict[str, tuple[Offer, ...]]:
    """Per client, the offers its policy allows and for which segments (``policies``)."""
    raw = data.get("policies", {}) if isinstance(data, Mapping) else {}
    if not isinstance(raw, Mapping):
        raise RuleError("'policies' must map client ids to their offers")
    policies: dict[str, tuple[Offer, ...]] = {}
    for client_id, policy in raw.items():
        offers = policy.get("offers", []) if isinstance(policy, Mapping) else None
        if not isinstance(offers, list):
            raise RuleError(f"policy of {client_id}: 'offers' must be a list")
        parsed = []
        for o in offers:
            if not isinstance(o, Mapping) or not o.get("id") or not o.get("segments"):
                raise RuleError(f"policy of {client_id}: an offer needs id and segments")
            parsed.append(
                Offer(str(o["id"]), str(o.get("title", o["id"])), frozenset(o["segments"]))
            )
        policies[str(client_id)] = tuple(parsed)
    return policies


def _fill(template: str, values: Mapping[str, str]) -> str:
    class _Keep(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(_Keep(values))


def suggest(
    rules: Sequence[Rule], ctx: NbaContext, find_article: ArticleFinder, limit: int = 5
) -> list[Hint]:
    """The hints whose rules hold for ``ctx``, best first (priority, then file order)."""
    fired: list[tuple[int, int, Hint]] = []
    for rule in rules:
        values: dict[str, str] = {"client": ctx.client_id}
        for name, arg in rule.when.items():
            found = CONDITIONS[name](ctx, arg, find_article)
            if found is None:
                break
            values.update(found)
        else:
            target = _fill(rule.action_target, values) if rule.action_target else None
            hint = Hint(
                rule=rule.id,
                title=_fill(rule.title, values),
                reason=_fill(rule.reason, values),
                priority=rule.priority,
                action_kind=rule.action_kind,
                action_target=target,
            )
            fired.append((-rule.priority, rule.order, hint))
    fired.sort(key=lambda item: (item[0], item[1]))
    return [hint for _, _, hint in fired[:limit]]
