"""Screen readers: every interactive widget on every page and dialog has a
name (its own accessible name, a label pointing at it with setBuddy, or the
text on a button); pictures and charts have a name and a description."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from guardian.ui.dashboard import _Chart
from guardian.ui.illustration import Illustration

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView,
               QPlainTextEdit, QTextEdit, QAbstractSlider, QTabBar)


def _buddied(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None
            and label.text().strip()}


def _is_internal(widget: QWidget) -> bool:
    # Parts Qt builds inside other widgets (a combo box's popup list, a date
    # edit's line edit, scroll bars, a tab widget's bar): the outer widget
    # carries the name.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    if isinstance(widget, (QScrollBar, QHeaderView)):   # the view carries the name
        return True
    name = widget.objectName()
    return name.startswith("qt_") or type(widget).__name__ in ("QComboBoxListView", "QCalendarView")


def unnamed(root: QWidget) -> list[str]:
    buddied = _buddied(root)
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if _is_internal(widget):
            continue
        if isinstance(widget, INTERACTIVE):
            named = widget.accessibleName().strip() or id(widget) in buddied
            if isinstance(widget, QAbstractButton):
                named = named or bool(widget.text().replace("&", "").strip())
            if isinstance(widget, QTabBar):
                named = all(widget.tabText(i).strip() for i in range(widget.count()))
            if not named:
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.window()).__name__}")
        elif isinstance(widget, (_Chart, Illustration)):
            if not widget.accessibleName().strip() or not widget.accessibleDescription().strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r} without name/description")
    return missing


def test_main_window_pages(qtbot, window) -> None:
    from .test_findings_loading import add_findings
    add_findings(window.store, 5, "chat")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    window.focus_findings()
    for tab in range(window.tabs.count()):
        window.show_tab(tab)
        assert unnamed(window) == []


def test_import_wizard_pages(qtbot, window) -> None:
    wizard = window.open_import()
    qtbot.waitExposed(wizard)
    problems = unnamed(wizard)
    for _ in range(2):
        wizard.next()
        problems += unnamed(wizard)
    wizard.reject()
    assert problems == []


def test_dialogs(qtbot, window, settings, session) -> None:
    from guardian.ui.about import AboutDialog
    from guardian.ui.first_run import FirstRunWizard
    from guardian.ui.report_export import ReportOptionsDialog
    from guardian.ui.settings_dialog import SettingsDialog
    dialogs: list[QWidget] = [SettingsDialog(settings, window, window.store), AboutDialog(window),
                              ReportOptionsDialog("ar", window)]
    first = FirstRunWizard(settings, session.switch_language, "ar", need_passphrase=True)
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += unnamed(dialog)
        dialog.close()
    qtbot.addWidget(first)
    first.show()
    for _ in range(4):
        problems += unnamed(first)
        first.next()
    assert problems == []
