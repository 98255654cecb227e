"""The overview's numbers (no Qt): counted once per reload, in the worker
that read the findings, because with tens of thousands of findings the
counting alone takes a noticeable moment."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from guardian.domain import ReviewState, Severity
from guardian.ui.findings_data import FindingRow

NIGHT_HOURS = frozenset({22, 23, 0, 1, 2, 3, 4, 5})
MAX_WEEKS = 520
TOP_SENDERS = 8


@dataclass
class Summary:
    new_since: int = 0                 # new findings (since the last visit, if there was one)
    serious_new: int = 0               # of which high or critical
    categories: Counter[str] = field(default_factory=Counter)
    senders: list[tuple[str, int]] = field(default_factory=list)   # "" is the system
    hours: list[int] = field(default_factory=lambda: [0] * 24)
    weeks: list[tuple[datetime, Counter[str]]] = field(default_factory=list)

    @property
    def night(self) -> int:
        return sum(self.hours[h] for h in NIGHT_HOURS)


def summarise(rows: list[FindingRow], last_visit: datetime | None, last_seen: int) -> Summary:
    """What the overview shows.  "Not a problem" findings are left out; new
    since the last visit means a finding id above the newest one seen then
    (finding ids only grow)."""
    active = [r for r in rows if r.finding.review != ReviewState.NOT_A_PROBLEM]
    summary = Summary()
    if last_visit is None:
        summary.new_since = sum(1 for r in active if r.finding.review == ReviewState.NEW)
    else:
        new = [r for r in active if (r.finding.id or 0) > last_seen]
        summary.new_since = len(new)
        summary.serious_new = sum(1 for r in new if r.finding.severity >= Severity.HIGH)
    summary.categories = Counter(c for r in active for c in r.finding.categories)
    summary.senders = Counter(r.sender for r in active).most_common(TOP_SENDERS)
    days: Counter[tuple[date, str]] = Counter()
    for r in active:
        summary.hours[r.time.hour] += 1
        day = r.time.date()
        for c in r.finding.categories:
            days[(day, c)] += 1
    summary.weeks = _weeks(days, rows[0].time if rows else None)
    return summary


def _weeks(days: Counter[tuple[date, str]], sample: datetime | None) -> list[tuple[datetime, Counter[str]]]:
    """Every week (Monday first) from the first to the last finding, empty
    weeks included, so gaps show as gaps."""
    if not days or sample is None:
        return []
    weeks: dict[date, Counter[str]] = {}
    for (day, cat), n in days.items():
        start = day - timedelta(days=day.weekday())
        weeks.setdefault(start, Counter())[cat] += n
    first, last = min(weeks), max(weeks)
    ordered, cursor = [], first
    while cursor <= last and len(ordered) < MAX_WEEKS:
        moment = datetime(cursor.year, cursor.month, cursor.day, tzinfo=sample.tzinfo)
        ordered.append((moment, weeks.get(cursor, Counter())))
        cursor += timedelta(days=7)
    return ordered


__all__ = ["NIGHT_HOURS", "Summary", "summarise"]
