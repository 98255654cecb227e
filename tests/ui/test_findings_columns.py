"""The findings list shares its width sensibly at the default 1280x800
window: every column at least as wide as its heading, severity, time and
decision in full, long names elided with the whole name in the tooltip; in
Arabic and English, and with the text at 175 % (a sideways scroll bar then,
never a cut heading)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guardian.ui.findings import COL_CONVERSATION, COL_REVIEW, COL_SENDER, COL_SEVERITY, COL_TIME

from .test_findings_loading import add_findings

LONG_CHAT = "الصف الثاني متوسط ب — مجموعة الواجبات والاختبارات"


def column_problems(pane) -> list[str]:
    table, header = pane.table, pane.table.horizontalHeader()
    problems = []
    for col in range(pane.model.columnCount()):
        title = pane.model.headerData(col, Qt.Orientation.Horizontal)
        width = header.sectionSize(col)
        if width + 1 < header.sectionSizeFromContents(col).width():
            problems.append(f"{title!r} narrower than its heading: {width}")
        if width + 1 < pane.column_minimum(col):
            problems.append(f"{title!r} under the minimum: {width}")
        if col in (COL_SEVERITY, COL_TIME, COL_REVIEW):      # short words: always whole
            for row in range(min(pane.proxy.rowCount(), 20)):
                need = table.sizeHintForIndex(pane.proxy.index(row, col)).width()
                if width + 1 < need:
                    problems.append(f"{title!r} row {row} cut: {width} < {need}")
    return problems


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_findings_columns_share_the_width(qtbot, window, store, shot, lang) -> None:
    add_findings(store, 12, LONG_CHAT)
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    if lang == "en":
        window.switch_language("en")
        qtbot.waitUntil(lambda: window.windowTitle() == "Guardian")
    window.resize(1280, 800)
    window.focus_findings()
    QApplication.processEvents()
    pane = window.findings
    header = pane.table.horizontalHeader()
    try:
        assert column_problems(pane) == []
        # At the normal text size everything fits, without a sideways scroll.
        total = sum(header.sectionSize(c) for c in range(pane.model.columnCount()))
        assert total <= pane.table.viewport().width() + 1
        assert not pane.table.horizontalScrollBar().isVisible()
        assert header.sectionSize(COL_CONVERSATION) >= 100
        # The conversation's name is elided on screen, whole in the tooltip.
        index = pane.proxy.index(0, COL_CONVERSATION)
        assert LONG_CHAT in index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.data(Qt.ItemDataRole.DisplayRole) == LONG_CHAT
        sender = pane.proxy.index(0, COL_SENDER).data()
        assert sender in pane.proxy.index(0, COL_SENDER).data(Qt.ItemDataRole.ToolTipRole)
        shot(window, f"23-findings-columns-{lang}")

        window.set_text_scale(175)
        QApplication.processEvents()
        qtbot.wait(10)                 # the refit follows the font change
        assert column_problems(pane) == []
        shot(window, f"24-findings-columns-175-{lang}")
    finally:
        window.set_text_scale(100)
        if lang == "en":
            window.switch_language("ar")
