"""The same path with the keyboard only, and what "not a problem" teaches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from guardian.domain import ReviewState
from guardian.ui.wizard import P_CHILD, P_DONE, P_FILES, P_STEPS

from .conftest import demo_export


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, k, mod)


def test_keyboard_only(qtbot, window, store, monkeypatch, shot) -> None:
    # The platform's file dialog is out of scope: it "returns" the demo file
    # as if the parent had typed its name there.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(demo_export())], "")))
    window.activateWindow()
    window.findings.import_button.setFocus()
    key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)            # Import chats…
    qtbot.waitUntil(lambda: getattr(window, "wizard", None) is not None and window.wizard.isVisible())
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.app_page.apps.hasFocus())
    key(Qt.Key.Key_Down)
    assert wizard.app() == "telegram"
    key(Qt.Key.Key_Up)                                                 # WhatsApp
    assert wizard.app() == "whatsapp"
    key(Qt.Key.Key_Return)
    assert wizard.currentId() == P_STEPS
    key(Qt.Key.Key_Return)
    assert wizard.currentId() == P_FILES
    qtbot.waitUntil(lambda: wizard.files_page.files_button.hasFocus())
    key(Qt.Key.Key_Space)                                              # Choose files…
    assert wizard.files_page.paths == [demo_export()]
    key(Qt.Key.Key_Return)                                             # Next: import
    qtbot.waitUntil(lambda: wizard.currentId() == P_CHILD, timeout=30000)
    key(Qt.Key.Key_Return)                                             # the guess is right
    assert wizard.currentId() == P_DONE
    with qtbot.waitSignal(window.analysis_finished, timeout=60000):
        key(Qt.Key.Key_Return)                                         # Finish
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)            # to the list
    assert window.findings.table.hasFocus()
    first = window.findings.current_row()
    key(Qt.Key.Key_Down)
    second = window.findings.current_row()
    assert second is not None and second.finding.id != first.finding.id
    key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert {f.id: f.review for f in store.findings()}[second.finding.id] == ReviewState.IMPORTANT
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)            # undo
    assert {f.id: f.review for f in store.findings()}[second.finding.id] == ReviewState.NEW
    key(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    key(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)          # larger text
    assert window.text_scale() > 100
    shot(window, "60-keyboard-larger-text-ar")
    key(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_scale() == 100


def _export(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_and_scan(qtbot, window, path: Path) -> None:
    wizard = window.open_import([path])
    qtbot.waitUntil(lambda: wizard.currentId() == P_CHILD, timeout=30000)
    wizard.next()
    with qtbot.waitSignal(window.analysis_finished, timeout=60000):
        wizard.accept()


def test_not_a_problem_stops_the_same_false_alarm_but_not_others(qtbot, window, store, tmp_path) -> None:
    first = _export(tmp_path / "WhatsApp Chat with Sami.txt", [
        "01/03/2024, 10:00 - Sami: صباح الخير",
        "01/03/2024, 10:01 - Reem: هههه انت غبي 😂",
        "01/03/2024, 10:02 - Sami: وانتي غبية اكثر هههه",
    ])
    _import_and_scan(qtbot, window, first)
    rows = {(r.sender, r.text): r for r in window.findings.model.rows}
    joke = rows[("Sami", "وانتي غبية اكثر هههه")]
    assert window.findings.select_finding(joke.finding.id)
    window.review.not_problem.click()
    assert len(window.rules) == 1

    # A newer export: Sami says the same thing again, and Omar says it too.
    second = _export(tmp_path / "WhatsApp Chat with Sami 2.txt", [
        "01/03/2024, 10:00 - Sami: صباح الخير",
        "01/03/2024, 10:01 - Reem: هههه انت غبي 😂",
        "01/03/2024, 10:02 - Sami: وانتي غبية اكثر هههه",
        "05/03/2024, 18:00 - Sami: وانتي غبية اكثر هههه",
        "05/03/2024, 18:01 - Omar: وانتي غبية اكثر هههه",
    ])
    _import_and_scan(qtbot, window, second)
    flagged = [(r.sender, r.time.day, r.finding.review) for r in window.findings.model.rows
               if r.text == "وانتي غبية اكثر هههه"]
    assert ("Sami", 5, ReviewState.NEW) not in flagged            # the same false alarm: gone
    assert ("Omar", 5, ReviewState.NEW) in flagged                # someone else: still flagged
    assert ("Sami", 1, ReviewState.NOT_A_PROBLEM) in flagged      # the decision is kept

    # Undo the decision: the rule goes, and the next scan flags Sami again.
    window.undo_stack.undo()
    assert len(window.rules) == 0
    with qtbot.waitSignal(window.analysis_finished, timeout=60000):
        window.start_scan()
    flagged = [(r.sender, r.time.day) for r in window.findings.model.rows if r.text == "وانتي غبية اكثر هههه"]
    assert ("Sami", 5) in flagged
