"""A conversation at a glance: its period, who is involved, counts by
category and severity, the patterns the conversation rules found, and the
three findings to read first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from guardian.domain import CATEGORY_IDS, Finding, Message, Severity
from guardian.explain.engine import STAGES, number, resolve_templates, stages_text
from guardian.explain.templates import Templates, check_lang

__all__ = ["PATTERN_CODES", "Summary", "read_first", "summarize_conversation"]

# The order patterns are listed in: what a parent must see first, first.
PATTERN_CODES: tuple[str, ...] = (
    "image_after_request", "grooming_sequence", "escalation", "pile_on", "same_sender",
    "child_distressed", "late_night", "child_refused")
READ_FIRST = 3
_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Summary:
    """`period_first`/`period_last` are ISO 8601 times (with offset) of the
    earliest and latest message given; `participants` the senders of the
    findings, most findings first; `by_category` and `by_severity` count
    findings (a finding with two categories counts in both); `read_first`
    holds up to three finding ids (`Finding.id`, or the message id for a
    finding not saved yet)."""

    title: str
    period_first: str
    period_last: str
    period_text: str
    participants: tuple[str, ...]
    by_category: Mapping[str, int]
    by_severity: Mapping[str, int]
    patterns: tuple[str, ...]
    read_first: tuple[int, ...]
    overview: str = ""
    messages: int = 0

    def as_json(self) -> dict[str, object]:
        """The report's ``conversations[].summary`` shape (finding ids as
        strings, as the report writes them), plus ``title``,
        ``period_text`` and ``overview``."""
        return {
            "period": {"first": self.period_first, "last": self.period_last},
            "participants": list(self.participants),
            "by_category": dict(self.by_category),
            "by_severity": dict(self.by_severity),
            "patterns": list(self.patterns),
            "read_first": [str(i) for i in self.read_first],
            "messages": self.messages,
            "title": self.title,
            "period_text": self.period_text,
            "overview": self.overview,
        }


def _finding_id(f: Finding) -> int:
    return f.id if f.id is not None else f.message_id


def read_first(findings: Sequence[Finding], messages_by_id: Mapping[int, Message],
               limit: int = READ_FIRST) -> tuple[int, ...]:
    """The findings to read first: highest severity, then most recent."""
    def key(f: Finding) -> tuple[int, datetime, int]:
        msg = messages_by_id.get(f.message_id)
        return (int(f.severity), msg.timestamp if msg else _EARLIEST, _finding_id(f))
    return tuple(_finding_id(f) for f in sorted(findings, key=key, reverse=True)[:limit])


def summarize_conversation(conversation_title: str, messages_by_id: Mapping[int, Message],
                           findings: Sequence[Finding], lang: str, *,
                           templates: Templates | None = None) -> Summary:
    """Summarise one conversation.  `messages_by_id` should hold the
    conversation's messages (at least those the findings point at); the
    period covers all of them."""
    check_lang(lang)
    t = resolve_templates(templates)
    times = sorted(m.timestamp for m in messages_by_id.values())
    first, last = (times[0], times[-1]) if times else (None, None)
    period_text = ""
    if first and last:
        if first.date() == last.date():
            period_text = t.text("summary.period.day", lang, date=t.date(first, lang))
        else:
            period_text = t.text("summary.period.range", lang, first=t.date(first, lang),
                                 last=t.date(last, lang))
    senders: Counter[str] = Counter()
    order: dict[str, int] = {}
    for f in findings:
        msg = messages_by_id.get(f.message_id)
        if msg and msg.sender.strip():
            senders[msg.sender] += 1
            order.setdefault(msg.sender, len(order))
    participants = tuple(sorted(senders, key=lambda s: (-senders[s], order[s])))
    cat_counts = Counter(c for f in findings for c in dict.fromkeys(f.categories))
    by_category = {c: cat_counts[c] for c in CATEGORY_IDS if cat_counts[c]}
    sev_counts = Counter(f.severity for f in findings)
    by_severity = {s.id: sev_counts[s] for s in sorted(Severity, reverse=True) if sev_counts[s]}
    overview = ""
    if findings:
        worst = max(f.severity for f in findings)
        overview = t.text("summary.overview", lang, count=len(findings),
                          severity=t.text(f"severity.inline.{worst.id}", lang))
    return Summary(
        title=conversation_title,
        period_first=first.isoformat() if first else "",
        period_last=last.isoformat() if last else "",
        period_text=period_text,
        participants=participants,
        by_category=by_category,
        by_severity=by_severity,
        patterns=tuple(patterns(findings, lang, templates=t)),
        read_first=read_first(findings, messages_by_id),
        overview=overview,
        messages=len(messages_by_id),
    )


def patterns(findings: Sequence[Finding], lang: str, *, templates: Templates | None = None) -> list[str]:
    """The conversation rules' findings as short sentences, one per pattern
    (and per sender where the rule names one)."""
    t = resolve_templates(templates)
    repeat: dict[str, tuple[int, int]] = {}       # sender -> (count, days), largest count
    escalation: dict[str, int] = {}               # sender -> days
    grooming: dict[str, set[str]] = {}            # sender -> stages
    pile_on: tuple[int, int] | None = None        # (senders, hours), most senders
    image_minutes: int | None = None
    counts: Counter[str] = Counter()              # findings carrying the reason
    for f in findings:
        seen: set[str] = set()
        for r in f.reasons:
            v = r.values
            sender = str(v.get("sender", ""))
            if r.code == "same_sender":
                count, days = number(v.get("count")), number(v.get("days"))
                if count > repeat.get(sender, (0, 0))[0]:
                    repeat[sender] = (count, days)
            elif r.code == "escalation":
                escalation[sender] = max(escalation.get(sender, 0), number(v.get("days")))
            elif r.code == "grooming_sequence":
                grooming.setdefault(sender, set()).update(
                    s.strip() for s in str(v.get("stages", "")).split(","))
            elif r.code == "pile_on":
                candidate = (number(v.get("senders")), number(v.get("hours")))
                if pile_on is None or candidate[0] > pile_on[0]:
                    pile_on = candidate
            elif r.code == "image_after_request":
                minutes = number(v.get("minutes"))
                image_minutes = minutes if image_minutes is None else min(image_minutes, minutes)
            if r.code not in seen:
                counts[r.code] += 1
                seen.add(r.code)

    def who(sender: str) -> str:
        return t.name(sender, lang) if sender.strip() else t.text("name.unknown", lang)

    out: dict[str, list[str]] = {code: [] for code in PATTERN_CODES}
    if image_minutes is not None:
        out["image_after_request"].append(
            t.text("pattern.image_after_request", lang, minutes=max(1, image_minutes)))
    for sender, stages in grooming.items():
        named = ",".join(s for s in STAGES if s in stages)
        out["grooming_sequence"].append(t.text("pattern.grooming_sequence", lang, sender=who(sender),
                                               stages=stages_text(named, lang, templates=t)))
    for sender, days in escalation.items():
        out["escalation"].append(t.text("pattern.escalation", lang, sender=who(sender), days=max(1, days)))
    if pile_on is not None:
        out["pile_on"].append(t.text("pattern.pile_on", lang, senders=pile_on[0], hours=max(1, pile_on[1])))
    for sender, (count, days) in sorted(repeat.items(), key=lambda item: -item[1][0]):
        out["same_sender"].append(t.text("pattern.same_sender", lang, sender=who(sender), count=count,
                                         days=max(1, days)))
    for code in ("child_distressed", "late_night", "child_refused"):
        if counts[code]:
            out[code].append(t.text(f"pattern.{code}", lang, count=counts[code]))
    return [line for code in PATTERN_CODES for line in out[code]]
