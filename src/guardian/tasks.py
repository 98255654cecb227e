"""Background work for the desktop app, without blocking the window.

`run_task(fn, on_done=..., on_error=..., on_progress=...)` runs
`fn(progress, cancel)` on a `QThreadPool`.  `fn` is plain Python: it gets a
`progress(done, total)` callable and a `threading.Event` that is set when the
parent cancels, so importing and scanning stay Qt-free (STYLE habit 8).

The result, the error or the progress reach the callbacks on the main
thread through the typed signals of a small `QObject` created on the main
thread (queued connections, no `processEvents()` loops).  Progress is
coalesced: a worker may report thousands of times a second, the window
hears at most one update per event-loop turn.

Every pool is drained at exit (`drain()`, connected to `aboutToQuit`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
TaskFn = Callable[[Progress, threading.Event], Any]


class TaskCancelled(Exception):
    """Raise (or let an importer's Cancelled propagate) to end a task early;
    `on_error` is not called for it, `on_cancelled` is."""


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    _progress_posted = Signal()


class TaskHandle:
    """What the caller keeps: cancel it, ask whether it is running."""

    def __init__(self, signals: _Signals, runnable: _Runnable, pool: QThreadPool) -> None:
        self.signals = signals
        self._runnable = runnable
        self._pool = pool
        self.cancel_event = runnable.cancel_event
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop.  A task that has not started is dropped
        from the pool and reports `cancelled` at once."""
        self.cancel_event.set()
        if not self.done and self._pool.tryTake(self._runnable):
            self._runnable.taken = True
            self.signals.cancelled.emit()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = signals
        self.cancel_event = threading.Event()
        self.taken = False
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None

    def _progress(self, done: int, total: int) -> None:
        # Coalesce: only post an event when the previous one was consumed.
        with self._lock:
            pending = self._latest is not None
            self._latest = (int(done), int(total))
        if not pending:
            self.signals._progress_posted.emit()

    def take_progress(self) -> tuple[int, int] | None:
        with self._lock:
            latest, self._latest = self._latest, None
        return latest

    def run(self) -> None:
        from guardian.importers.base import Cancelled
        try:
            result = self.fn(self._progress, self.cancel_event)
        except (TaskCancelled, Cancelled):
            self.signals.cancelled.emit()
            return
        except Exception as exc:  # noqa: BLE001 - reported to the caller, never lost
            # The type only: exception texts may quote what was imported.
            log.error("background task failed: %s", type(exc).__name__)
            self.signals.failed.emit(_describe(exc))
            return
        if self.cancel_event.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return text if text else type(exc).__name__


_pools: list[QThreadPool] = []
_live: set[TaskHandle] = set()


def default_pool() -> QThreadPool:
    """The pool for reading and analysis work.  Writers use `writer_pool()`."""
    return QThreadPool.globalInstance()


_writer: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """One thread for everything that writes the database (STYLE habit 7)."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
        register_pool(_writer)
    return _writer


def register_pool(pool: QThreadPool) -> None:
    if pool not in _pools:
        _pools.append(pool)
        app = QCoreApplication.instance()
        if app is not None and len(_pools) == 1:
            app.aboutToQuit.connect(drain)


def drain(timeout_ms: int = -1) -> bool:
    """Cancel every running task and wait for the pools to finish."""
    for handle in list(_live):
        handle.cancel_event.set()
    ok = True
    for pool in [*_pools, QThreadPool.globalInstance()]:
        ok = pool.waitForDone(timeout_ms) and ok
    return ok


def run_task(fn: TaskFn, *, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[str], None] | None = None,
             on_progress: Callable[[int, int], None] | None = None,
             on_cancelled: Callable[[], None] | None = None,
             pool: QThreadPool | None = None) -> TaskHandle:
    """Run `fn(progress, cancel_event)` off the GUI thread.  Must be called
    on the main thread (the signals object lives there)."""
    pool = pool or default_pool()
    register_pool(pool)
    signals = _Signals()
    runnable = _Runnable(fn, signals)
    handle = TaskHandle(signals, runnable, pool)
    _live.add(handle)

    def finish() -> None:
        handle.done = True
        _live.discard(handle)

    @Slot()
    def deliver_progress() -> None:
        latest = runnable.take_progress()
        if latest is not None and not handle.done:
            signals.progress.emit(*latest)

    def done(result: object) -> None:
        finish()
        if on_done is not None:
            on_done(result)

    def failed(message: str) -> None:
        finish()
        if on_error is not None:
            on_error(message)

    def cancelled() -> None:
        if handle.done:
            return
        finish()
        if on_cancelled is not None:
            on_cancelled()

    # The signals object lives on the main thread, so these connections are
    # queued whenever a worker emits: the callbacks always run here.
    signals._progress_posted.connect(deliver_progress)
    signals.finished.connect(done)
    signals.failed.connect(failed)
    signals.cancelled.connect(cancelled)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    pool.start(runnable)
    return handle


__all__ = ["Progress", "TaskCancelled", "TaskHandle", "default_pool", "drain", "register_pool",
           "run_task", "writer_pool"]
