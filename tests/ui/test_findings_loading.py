"""The findings list is read off the GUI thread: the window stays live while
it loads, keeps the parent's filters and selection when the new list
lands, and drops a reload that a newer one overtook."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QThreadPool, QTimer

from guardian import tasks
from guardian.domain import Conversation, Finding, Message, Severity, Span
from guardian.store.database import Store
from guardian.ui.findings import COL_SEVERITY, ROW_ROLE


def add_findings(store: Store, count: int, chat: str) -> None:
    """`count` flagged messages in a new conversation, straight through the Store API."""
    conv = Conversation("whatsapp", chat, chat)
    start = datetime(2024, 3, 1, 20, tzinfo=timezone(timedelta(hours=3)))
    with store.import_session() as session:
        source = session.begin_source(path=chat, sha256=chat, size=0, format="whatsapp",
                                      importer_version="test", tz="Asia/Riyadh")
        added = [Message(conv, ["سامي", "عمر"][i % 2], start + timedelta(minutes=i), f"{chat} {i} غبي 😂",
                         "", i) for i in range(count)]
        session.add_messages(added, source)
    known = {f.message_id for f in store.findings()}
    ids = [row[0] for row in store.connection.execute("SELECT id FROM messages ORDER BY id")
           if row[0] not in known]
    store.save_findings([Finding(mid, ("insult",), {"insult": 0.9}, Severity(1 + mid % 4),
                                 (Span(0, 3, "insult"),)) for mid in ids], "test")


def test_reload_runs_in_the_background_and_keeps_filters_and_selection(qtbot, window, store, shot) -> None:
    add_findings(store, 120, "chat-a")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    pane = window.findings
    pane.severity.setCurrentIndex(pane.severity.findData(int(Severity.MEDIUM)))
    shown = pane.proxy.rowCount()
    assert 0 < shown < 120
    pane.table.setCurrentIndex(pane.proxy.index(3, 0))
    chosen = pane.current_row().finding.id

    # Hold the worker at its start, to look at the window meanwhile.
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = window.loader._open_store

    def held() -> Store:
        threads.append(threading.current_thread())
        gate.wait(20)
        return real()

    window.loader._open_store = held
    add_findings(store, 40, "chat-b")
    window.refresh()
    assert window.loading and pane.loading
    assert not pane.loading_label.isHidden()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 10)          # the event loop keeps running
    timer.stop()
    assert pane.current_row().finding.id == chosen     # and the old list stays usable
    shot(window, "22-findings-updating-ar")

    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        gate.set()
    assert threads and threads[0] is not threading.main_thread()
    assert not pane.loading and pane.loading_label.isHidden()
    assert pane.model.rowCount() == 160
    assert pane.severity.currentData() == int(Severity.MEDIUM)
    assert all(pane.proxy.index(i, COL_SEVERITY).data(ROW_ROLE).finding.severity >= Severity.MEDIUM
               for i in range(pane.proxy.rowCount()))
    assert pane.proxy.rowCount() > shown
    assert pane.current_row().finding.id == chosen


def test_a_reload_overtaken_by_a_newer_one_is_dropped(qtbot, window, store, monkeypatch) -> None:
    add_findings(store, 30, "chat-a")
    # Let the older task run to the end instead of stopping it, so that only
    # the generation check stands between its result and the window.
    monkeypatch.setattr(tasks.TaskHandle, "cancel", lambda self: None)
    gate = threading.Event()
    calls: list[int] = []
    real = window.loader._open_store

    def first_one_slow() -> Store:
        calls.append(1)
        if len(calls) == 1:
            gate.wait(20)
        return real()

    window.loader._open_store = first_one_slow
    landed: list[int] = []
    window.loader.loaded.connect(lambda snapshot: landed.append(len(snapshot.rows)))
    window.refresh()                                   # older: held at the gate
    qtbot.waitUntil(lambda: len(calls) == 1)
    add_findings(store, 10, "chat-b")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()                               # newer: lands first
    assert landed == [40]
    gate.set()
    QThreadPool.globalInstance().waitForDone(20000)
    qtbot.wait(50)                                     # let the older result arrive and be dropped
    assert landed == [40]
    assert window.findings.model.rowCount() == 40 and not window.loading


def test_sorting_and_decisions_keep_the_list_consistent(qtbot, window, store) -> None:
    from PySide6.QtCore import Qt

    from guardian.domain import ReviewState
    from guardian.ui.findings import COL_TIME
    add_findings(store, 25, "chat-a")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    pane = window.findings
    pane.table.sortByColumn(COL_TIME, Qt.SortOrder.AscendingOrder)
    times = [pane.proxy.index(i, 0).data(ROW_ROLE).time for i in range(pane.proxy.rowCount())]
    assert times == sorted(times) and len(times) == 25
    pane.table.setCurrentIndex(pane.proxy.index(4, 0))
    decided = pane.current_row().finding.id
    following = pane.proxy.index(5, 0).data(ROW_ROLE).finding.id
    window.decide(ReviewState.REVIEWED, None)
    # "Needing attention" no longer lists it; the next one takes its place.
    assert pane.proxy.rowCount() == 24
    assert pane.current_row().finding.id == following
    assert window.review._finding is not None and window.review._finding.id == following
    window.undo_stack.undo()
    assert pane.proxy.rowCount() == 25
    assert pane.model.rows[pane.model.row_of(decided)].finding.review == ReviewState.NEW
