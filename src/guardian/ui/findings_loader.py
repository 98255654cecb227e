"""Reading the findings list off the GUI thread.

Decrypting tens of thousands of findings takes seconds; done on the GUI
thread it would freeze the window.  `FindingsLoader.reload()` reads the
conversations and the finding rows in a worker with its own store
connection and hands a `Snapshot` back on the main thread.

Reloads can overlap (an import lands while a scan finishes): each reload
gets a generation number, the older task is asked to stop, and whatever
an older task still delivers is dropped, so the window only ever shows
the newest snapshot.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from guardian.collector import collector_paused
from guardian.store.database import ConversationSummary
from guardian.tasks import TaskCancelled, TaskHandle, run_task
from guardian.ui import findings_data
from guardian.ui.dashboard_data import Summary, summarise
from guardian.ui.findings_data import FindingRow
from guardian.ui.storeaccess import StoreFactory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """What the window shows of the store at one moment."""

    conversations: list[ConversationSummary]
    rows: list[FindingRow]
    summary: Summary | None = None        # the overview's counts


@dataclass(frozen=True)
class LastVisit:
    """What "new since your last visit" is measured against."""

    when: datetime | None = None
    newest_seen: int = 0


def release_gradually(rows: list[Any], owner: QObject, step: int = 2000) -> None:
    """Free a replaced list of rows a slice at a time, between events.

    Freeing 30,000 rows at once took about 15 ms of the reload's worst
    stall.  A private copy of the list is emptied, so anyone still holding
    the old list keeps it whole (its rows then simply live on)."""
    mine = list(rows)

    def drop() -> None:
        del mine[-step:]
        if mine:
            QTimer.singleShot(0, owner, drop)

    if mine:
        QTimer.singleShot(0, owner, drop)


def read_snapshot(open_store: StoreFactory, should_stop: Callable[[], bool],
                  visit: LastVisit | None = None) -> Snapshot:
    """Runs in the worker: its own connection, closed before returning."""
    # Reading 30,000 findings allocates some 300,000 objects, and the full
    # collections they set off walked every object (the list on screen and
    # the one being read) for 50-100 ms holding the GIL, freezing the
    # window: the worst stall of a reload measured 110-150 ms with them,
    # 30-65 ms without (`bench/ui_latency.py --findings 30000`).  The rows
    # read then stay out of later collections (frozen): they hold no cycles.
    with collector_paused(freeze_after=True):
        return _read_snapshot(open_store, should_stop, visit)


def _read_snapshot(open_store: StoreFactory, should_stop: Callable[[], bool],
                   visit: LastVisit | None) -> Snapshot:
    store = open_store()
    try:
        conversations = store.conversations()
        try:
            rows = findings_data.finding_rows(store, should_stop)
        except findings_data.Stopped:
            raise TaskCancelled() from None
        visit = visit or LastVisit()
        return Snapshot(conversations, rows, summarise(rows, visit.when, visit.newest_seen))
    finally:
        store.close()


class FindingsLoader(QObject):
    started = Signal()
    loaded = Signal(object)     # Snapshot, only the newest
    failed = Signal(str)

    def __init__(self, open_store: StoreFactory, parent: QObject | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._pool = pool
        self._generation = 0
        self._handle: TaskHandle | None = None

    @property
    def loading(self) -> bool:
        return self._handle is not None

    def reload(self, visit: LastVisit | None = None) -> TaskHandle:
        self._generation += 1
        generation = self._generation
        if self._handle is not None:
            self._handle.cancel()      # its result would be dropped anyway
        open_store = self._open_store

        def job(_progress: Callable[[int, int], None], cancel: threading.Event) -> Snapshot:
            return read_snapshot(open_store, cancel.is_set, visit)

        self._handle = run_task(job, pool=self._pool,
                                on_done=lambda snap: self._landed(generation, snap),
                                on_error=lambda message: self._failed(generation, message),
                                on_cancelled=lambda: self._cancelled(generation))
        self.started.emit()
        return self._handle

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _landed(self, generation: int, snapshot: Snapshot) -> None:
        if not self._current(generation):
            return
        self._handle = None
        self.loaded.emit(snapshot)

    def _failed(self, generation: int, message: str) -> None:
        if not self._current(generation):
            return
        self._handle = None
        log.error("the findings could not be read")
        self.failed.emit(message)

    def _cancelled(self, generation: int) -> None:
        if self._current(generation):
            self._handle = None


__all__ = ["FindingsLoader", "LastVisit", "Snapshot", "read_snapshot", "release_gradually"]
