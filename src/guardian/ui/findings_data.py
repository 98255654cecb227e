"""Findings joined with what the list needs to show them (no Qt).

One query reads every finding with its message's time, sender and
conversation; the text is decrypted here, in memory only.  With tens of
thousands of findings that takes seconds, so the window calls it from a
worker thread (`findings_loader`), which can stop it between rows.
Proposal for the store owner: a `Store.finding_rows()` returning these
rows, so the UI does not depend on the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from guardian.domain import Finding, Message
from guardian.store.database import Store, _from_ms


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
    cipher = store.cipher
    names: dict[int, str] = {}
    rows = []
    for mid, cid, pid, ts_ms, offset, content in store.connection.execute(
            "SELECT m.id, m.conversation_id, m.participant_id, m.ts_ms, m.utc_offset_min, m.content"
            " FROM findings f JOIN messages m ON m.id = f.message_id ORDER BY m.ts_ms, m.id"):
        if len(rows) % _CHECK_EVERY == 0 and should_stop():
            raise Stopped()
        if pid is not None and pid not in names:
            blob = store.connection.execute("SELECT name FROM participants WHERE id = ?", (pid,)).fetchone()
            names[pid] = cipher.decrypt_text(blob[0]) if blob else ""
        text = cipher.decrypt_fields(content)[0] or ""
        title, platform = titles.get(cid, ("", ""))
        rows.append(FindingRow(findings[mid], cid, title or platform, platform,
                               names.get(pid, "") if pid else "", _from_ms(ts_ms, offset), text,
                               ts_ms / 1000))
    return rows


def context(store: Store, conversation_id: int, message_id: int, before: int = 5,
            after: int = 5) -> list[Message]:
    """The messages around one message, read without loading the whole chat."""
    row = store.connection.execute("SELECT ts_ms FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        return []
    ts = row[0]
    start = store.connection.execute(
        "SELECT ts_ms FROM messages WHERE conversation_id = ? AND ts_ms < ?"
        " ORDER BY ts_ms DESC, id DESC LIMIT 1 OFFSET ?", (conversation_id, ts, before - 1)).fetchone()
    if start is not None:
        after_ms = start[0] - 1
    else:
        first = store.connection.execute("SELECT MIN(ts_ms) FROM messages WHERE conversation_id = ?",
                                         (conversation_id,)).fetchone()
        after_ms = (first[0] if first[0] is not None else ts) - 1
    messages = store.messages(conversation_id, after_ms=after_ms, limit=before + after + 40)
    index = next((i for i, m in enumerate(messages) if m.id == message_id), None)
    if index is None:
        return messages[: before + after + 1]
    return messages[max(0, index - before): index + after + 1]
