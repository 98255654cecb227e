"""Findings joined with what the list needs to show them (no Qt).

The store reads every finding's message with its time and sender
(`Store.finding_messages`), decrypted in memory only.  With tens of
thousands of findings that takes seconds, so the window calls this from a
worker thread (`findings_loader`), which can stop it between rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from guardian.domain import Finding
from guardian.store.database import Store


@dataclass(frozen=True)
class FindingRow:
    finding: Finding
    conversation_id: int
    conversation: str
    platform: str
    sender: str
    time: datetime
    text: str
    # Seconds since 1970, for sorting without calling time.timestamp()
    # tens of thousands of times on the GUI thread.
    stamp: float = 0.0


class Stopped(Exception):
    """The caller asked `finding_rows` to stop (a newer reload started)."""


# How many rows are decrypted between two looks at `should_stop`.
_CHECK_EVERY = 500


def finding_rows(store: Store, should_stop: Callable[[], bool] = lambda: False) -> list[FindingRow]:
    findings = {f.message_id: f for f in store.findings()}
    if not findings:
        return []
    titles = {c.id: (c.title, c.platform) for c in store.conversations()}
    rows = []
    for mid, cid, sender, time, ts_ms, text in store.finding_messages():
        if len(rows) % _CHECK_EVERY == 0 and should_stop():
            raise Stopped()
        title, platform = titles.get(cid, ("", ""))
        rows.append(FindingRow(findings[mid], cid, title or platform, platform, sender, time, text,
                               ts_ms / 1000))
    return rows

