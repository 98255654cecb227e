"""Connected folders' state is visible in the main window (overview panel
and status bar) and follows the watcher live: waiting, importing,
watching with the last import time, a problem with its reason, missing."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from guardian import paths
from guardian.folders import ConnectedFolders, default_file
from guardian.ui.folder_status import ERROR, IMPORTING, MISSING, WAITING, WATCHING
from guardian.ui.watch import FolderWatcher

from .conftest import demo_export


def _states(window) -> list[str]:
    tree = window.folder_status.tree
    return [tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(tree.topLevelItemCount())]


def assert_reason_whole(qtbot, panel, shot, name: str) -> None:
    """The state's row wraps: it is as tall as the reason wrapped to the
    column's width (more than one line), and the list shows the whole row."""
    tree = panel.tree
    window = panel.window()
    for width in (1280, 820):           # at 820 px the reason needs several lines
        window.resize(width, 800)
        qtbot.wait(20)                  # the rows follow the column's width
        item = tree.topLevelItem(0)
        need = panel.row_heights()[0]
        text_width = tree.fontMetrics().horizontalAdvance(item.text(1))
        if text_width > tree.header().sectionSize(1):
            assert need > 1.5 * tree.fontMetrics().height()
        rect = tree.visualItemRect(item)
        assert rect.height() + 1 >= need
        assert rect.bottom() <= tree.viewport().height()      # not cut by the list's edge
    shot(window, name)
    assert need > 1.5 * tree.fontMetrics().height()
    window.resize(1280, 800)
    qtbot.wait(20)


def test_folder_states_show_live_in_the_main_window(qtbot, window, store, tmp_path, shot) -> None:
    panel = window.folder_status
    assert panel.isHidden()                     # no watcher (as in the demo): no panel
    watcher = FolderWatcher(window, ConnectedFolders(default_file(paths.locations().config)))
    watcher.imported.connect(lambda ids: (window.refresh(), window.start_scan(ids)))
    window.set_watcher(watcher)
    window.show_tab(1)
    assert panel.isVisible() and not panel.tree.isVisible()    # nothing connected yet: says how

    folder = tmp_path / "exports"
    folder.mkdir()
    watcher.add(folder)
    assert _states(window) == [WAITING]
    assert not window.folder_status.status_line.isHidden()

    seen: list[list[str]] = []
    watcher.changed.connect(lambda: seen.append(_states(window)))
    shutil.copy(demo_export(), folder / demo_export().name)
    with qtbot.waitSignal(window.analysis_finished, timeout=60000):
        watcher.check()
    assert [IMPORTING] in seen                  # shown while the import ran
    assert _states(window) == [WATCHING]
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "exports" and item.text(2).strip("\u2066\u2069")[:4].isdigit()
    assert "✓" in window.folder_status.status_line.text()
    shot(window, "31-overview-folders-ar")

    (folder / "broken.txt").write_text("hello, this is not a chat\n", encoding="utf-8")
    with qtbot.waitSignal(watcher.changed, timeout=30000, check_params_cb=lambda *a: watcher.handle is None):
        watcher.check()
    assert _states(window) == [ERROR]
    state_text = panel.tree.topLevelItem(0).text(1)
    assert "broken.txt" in state_text and "⚠" in state_text
    assert "⚠" in window.folder_status.status_line.text()
    assert_reason_whole(qtbot, panel, shot, "33-folder-error-wrapped-ar")

    window.switch_language("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Guardian")
    assert panel.tree.topLevelItem(0).text(1).startswith("⚠ “broken.txt” could not be imported: this is not a chat")
    assert_reason_whole(qtbot, panel, shot, "33-folder-error-wrapped-en")
    shot(window, "31-overview-folders-en")
    window.switch_language("ar")

    shutil.rmtree(folder)
    with qtbot.waitSignal(watcher.changed, timeout=30000, check_params_cb=lambda *a: watcher.handle is None):
        watcher.check()
    assert _states(window) == [MISSING]
