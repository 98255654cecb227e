"""The import as a background job (no Qt): open the store in this thread,
import, and work out whom to suggest as the child in each conversation.

Used by the import wizard and by connected folders.  Errors the parent must
see come back in the outcome (never as a crash), and a cancelled import
raises `Cancelled` after the store rolled everything back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guardian.importers.base import BadExport
from guardian.importing import ImportProgress, ImportReport, import_paths
from guardian.store.database import ConversationSummary, Store, StoreError


@dataclass
class ImportStatus:
    """Shared with the window while the job runs (plain attributes, read
    from the main thread, written from the worker)."""

    path: str = ""
    files_done: int = 0
    files: int = 0
    messages: int = 0
    _before: int = 0
    _index: int = -1

    def update(self, p: ImportProgress) -> None:
        if p.sources_done != self._index:
            self._before = self.messages
            self._index = p.sources_done
        self.path, self.files_done, self.files = p.path, p.sources_done, p.sources_total
        self.messages = self._before + p.messages


@dataclass
class ChildChoice:
    conversation: ConversationSummary
    guess: str | None
    reason: str            # "marked", "owner", "name", "most_frequent", ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class ImportOutcome:
    report: ImportReport | None = None
    choices: list[ChildChoice] = field(default_factory=list)
    error_path: str = ""
    error: str = ""


def sender_counts(store: Store, conversation_id: int) -> dict[str, int]:
    cipher = store.cipher
    counts = {}
    for name, count in store.connection.execute(
            "SELECT p.name, COUNT(m.id) FROM messages m JOIN participants p ON p.id = m.participant_id"
            " WHERE m.conversation_id = ? AND m.is_system = 0 GROUP BY p.id", (conversation_id,)):
        counts[cipher.decrypt_text(name)] = count
    return counts


def _matches(participant: str, names: Sequence[str]) -> bool:
    folded = participant.casefold()
    return any(n.casefold() in folded for n in names if len(n) >= 2)


def guess_child(store: Store, conv: ConversationSummary, child_names: Sequence[str]) -> ChildChoice:
    counts = sender_counts(store, conv.id)
    if conv.child:
        reason = "owner" if conv.owner and conv.owner == conv.child else "marked"
        return ChildChoice(conv, conv.child, reason, counts)
    wanted = {n.casefold() for n in child_names}
    named = [p for p in conv.participants if p.casefold() in wanted] \
        or [p for p in conv.participants if _matches(p, child_names)]
    if len(named) == 1:
        return ChildChoice(conv, named[0], "name", counts)
    if not conv.is_group and counts:
        return ChildChoice(conv, max(counts, key=lambda n: counts[n]), "most_frequent", counts)
    return ChildChoice(conv, None, "", counts)


def run_import(open_store: Callable[[], Store], paths: Sequence[Path], *, tz_name: str,
               child_names: Sequence[str] = (), explicit: object = None,
               status: ImportStatus | None = None,
               progress: Callable[[int, int], None] = lambda done, total: None,
               cancel: threading.Event | None = None) -> ImportOutcome:
    from guardian.timezones import resolve
    cancel = cancel or threading.Event()
    status = status or ImportStatus()
    name, tz = resolve(tz_name or None)

    def on_progress(p: ImportProgress) -> None:
        status.update(p)
        progress(status.messages, 0)

    store = open_store()
    try:
        try:
            report = import_paths(store, paths, tz=tz, tz_name=name, progress=on_progress,
                                  should_stop=cancel.is_set, explicit=explicit)  # type: ignore[arg-type]
        except BadExport as exc:
            return ImportOutcome(error_path=exc.path, error=exc.problem)
        except StoreError as exc:
            return ImportOutcome(error_path=str(store.path), error=str(exc))
        wanted = set(report.conversation_ids)
        choices = [guess_child(store, c, child_names) for c in store.conversations() if c.id in wanted]
        return ImportOutcome(report=report, choices=choices)
    finally:
        store.close()
