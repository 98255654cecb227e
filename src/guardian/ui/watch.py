"""Connected folders while the app runs: watch them (QFileSystemWatcher,
debounced, plus a periodic rescan for drives that do not report changes),
import new or changed exports in the background, then analyse them; and
the tray icon that tells the parent about new serious findings."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from guardian.folders import ConnectedFolders, FolderState
from guardian.settings import TIME_ZONE
from guardian.tasks import TaskHandle, run_task, writer_pool
from guardian.ui import preferences
from guardian.ui.import_job import run_import

log = logging.getLogger(__name__)

DEBOUNCE_MS = 3000
RESCAN_MS = 60_000


class FolderWatcher(QObject):
    changed = Signal()            # the folder list or a status changed
    imported = Signal(object)     # conversation ids that got new messages

    def __init__(self, window: Any, folders: ConnectedFolders, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.folders = folders
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.schedule)
        self.watcher.fileChanged.connect(self.schedule)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.check)
        self.periodic = QTimer(self)
        self.periodic.setInterval(RESCAN_MS)
        self.periodic.timeout.connect(self.check)
        self.handle: TaskHandle | None = None
        self.importing: str | None = None     # the folder being imported from, for the status panel
        self._watch_all()

    def start(self) -> None:
        """At start-up: look once now, then keep watching."""
        self.periodic.start()
        QTimer.singleShot(0, self.check)

    def _watch_all(self) -> None:
        current = self.watcher.directories()
        if current:
            self.watcher.removePaths(current)
        existing = [str(p) for p in self.folders.paths() if p.is_dir()]
        if existing:
            self.watcher.addPaths(existing)

    def add(self, path: Path) -> None:
        self.folders.add(path)
        self._watch_all()
        self.changed.emit()
        self.schedule()

    def remove(self, path: Path) -> None:
        self.folders.remove(path)
        self._watch_all()
        self.changed.emit()

    def schedule(self, *_: object) -> None:
        self.debounce.start()

    def check(self) -> None:
        if self.handle is not None or self.window.busy or self.window.scan_handle is not None \
                or not self.folders.states:
            if self.folders.states:
                self.schedule()
            return
        folders = self.folders
        factory = self.window.store_factory
        settings = self.window.settings
        tz_name = settings.get(TIME_ZONE) if settings else ""
        names = preferences.child_names(settings) if settings else []
        states = list(folders.states)

        def job(progress: Callable[[int, int], None],
                cancel: threading.Event) -> list[tuple[FolderState, list[Path], bool, str, list[int]]]:
            results = []
            for number, state in enumerate(states):
                changed = folders.changed_files(state)
                if changed:
                    progress(number, len(states))     # tells the window which folder is busy
                for file in changed:
                    if cancel.is_set():
                        return results
                    outcome = run_import(factory, [file], tz_name=tz_name, child_names=names, cancel=cancel)
                    ids = outcome.report.conversation_ids if outcome.report and outcome.report.added else []
                    results.append((state, [file], not outcome.error, outcome.error, ids))
            return results

        def busy(number: int, _total: int) -> None:
            if 0 <= number < len(states):
                self.importing = states[number].path
                self.changed.emit()

        self.handle = run_task(job, on_done=self._done, on_error=self._failed,
                               on_cancelled=self._cancelled, on_progress=busy, pool=writer_pool())

    def _done(self, results: list[tuple[FolderState, list[Path], bool, str, list[int]]]) -> None:
        self.handle = None
        self.importing = None
        ids: set[int] = set()
        for state, files, ok, problem, conv_ids in results:
            self.folders.mark_imported(state, files, ok=ok, problem=problem)
            if not ok and files:
                state.problem_file = files[0].name
            ids.update(conv_ids)
        self._watch_all()
        self.changed.emit()
        if ids:
            log.info("connected folders: new messages in %d conversations", len(ids))
            self.imported.emit(sorted(ids))

    def _failed(self, message: str) -> None:
        self.handle = None
        self.importing = None
        log.error("connected folders: the import failed")
        self.changed.emit()

    def _cancelled(self) -> None:
        self.handle = None
        self.importing = None
        self.changed.emit()


def make_tray(window: Any) -> QSystemTrayIcon | None:
    """A tray icon where the desktop has one; it carries notifications."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tray = QSystemTrayIcon(app.windowIcon(), window)
    menu = QMenu(window)
    show = QAction(QCoreApplication.translate("Tray", "Show Guardian"), menu)
    show.triggered.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
    quit_ = QAction(QCoreApplication.translate("Tray", "Quit"), menu)
    quit_.triggered.connect(window.close)
    menu.addAction(show)
    menu.addAction(quit_)
    tray.setContextMenu(menu)
    tray.setToolTip(QCoreApplication.translate("Tray", "Guardian"))
    tray.activated.connect(lambda _reason: (window.showNormal(), window.activateWindow()))
    tray.show()

    def notify(title: str, text: str) -> None:
        if window.settings is None or window.settings.get(preferences.NOTIFY):
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)

    window.notify = notify
    return tray
