"""run_task: results, errors, progress and cancellation reach the main thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from guardian.tasks import run_task


def test_result_and_progress_arrive_on_the_main_thread(qtbot) -> None:
    main = QThread.currentThread()
    seen: dict[str, object] = {}

    def job(progress, cancel):
        for i in range(1, 101):
            progress(i, 100)
        return threading.current_thread().name

    def done(result):
        seen["thread_ok"] = QThread.currentThread() is main
        seen["result"] = result

    progress = []
    handle = run_task(job, on_done=done, on_progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["thread_ok"] is True
    assert seen["result"] != threading.current_thread().name
    assert progress and progress[-1] == (100, 100)   # coalesced, the last one kept
    assert len(progress) <= 100
    assert handle.done


def test_errors_are_reported_as_text(qtbot) -> None:
    errors = []

    def job(progress, cancel):
        raise ValueError("the file is broken")

    run_task(job, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == ["the file is broken"]


def test_cancel_stops_a_running_task(qtbot) -> None:
    started = threading.Event()
    cancelled = []
    done = []

    def job(progress, cancel):
        started.set()
        while not cancel.is_set():
            time.sleep(0.005)
        return "stopped"

    handle = run_task(job, on_done=done.append, on_cancelled=lambda: cancelled.append(True))
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert done == []
