"""Connected folders: new or changed exports are found and imported."""

from __future__ import annotations

import os

from guardian import paths
from guardian.folders import ConnectedFolders, default_file
from guardian.ui.watch import FolderWatcher

from .conftest import demo_export


def test_changed_files_are_found_once(tmp_path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    chat = folder / "chat.txt"
    chat.write_text("x", encoding="utf-8")
    folders = ConnectedFolders(tmp_path / "cf.json")
    state = folders.add(folder)
    assert folders.changed_files(state) == [chat]
    folders.mark_imported(state, [chat], ok=True)
    assert folders.changed_files(state) == []
    chat.write_text("xy", encoding="utf-8")
    os.utime(chat, ns=(1, 2))
    assert folders.changed_files(state) == [chat]
    reopened = ConnectedFolders(tmp_path / "cf.json")
    assert reopened.paths() == [folder] and reopened.states[0].status == "ok"


def test_watcher_imports_and_analyses(qtbot, window, store, tmp_path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    watcher = FolderWatcher(window, ConnectedFolders(default_file(paths.locations().config)))
    window.watcher = watcher
    watcher.imported.connect(lambda ids: (window.refresh(), window.start_scan(ids)))
    watcher.add(folder)
    (folder / demo_export().name).write_bytes(demo_export().read_bytes())
    with qtbot.waitSignal(window.analysis_finished, timeout=60000):
        watcher.check()
    assert store.message_count() == 200
    assert window.findings.model.rowCount() > 0
    assert watcher.folders.states[0].status == "ok" and watcher.folders.states[0].last_import
