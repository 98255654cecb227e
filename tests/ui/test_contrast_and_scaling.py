"""High-contrast themes (dark and light) keep every coloured text readable,
severity reads without colour, and larger text does not clip."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from guardian.domain import Severity
from guardian.ui import contrast, labels, preferences
from guardian.ui.findings import COL_SEVERITY, ROW_ROLE, severity_icon

from .test_findings_loading import add_findings


def high_contrast(dark: bool) -> QPalette:
    ink, paper = (QColor("white"), QColor("black")) if dark else (QColor("black"), QColor("white"))
    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
                 QPalette.ColorRole.Button):
        palette.setColor(role, paper)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, ink)
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ffff00") if dark else QColor("#0000aa"))
    palette.setColor(QPalette.ColorRole.HighlightedText, paper if dark else ink)
    return palette


@pytest.fixture
def themed(qapp):
    previous = qapp.palette()

    def apply(dark: bool) -> QPalette:
        palette = high_contrast(dark)
        qapp.setPalette(palette)
        return palette

    yield apply
    qapp.setPalette(previous)


@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
def test_high_contrast_themes_keep_text_readable(qtbot, window, store, themed, shot, dark) -> None:
    palette = themed(dark)
    base = palette.color(QPalette.ColorRole.Base)
    add_findings(store, 8, "chat 😂")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    window.focus_findings()
    row = window.findings.current_row()
    assert row is not None
    for mine in (True, False):
        bubble, ink = contrast.bubble_colours(window.chat.palette(), mine)
        assert contrast.ratio(bubble, ink) >= contrast.TEXT
    assert contrast.ratio(contrast.muted(window.chat.palette()), base) >= contrast.TEXT
    model = window.findings.model
    for i in range(model.rowCount()):
        brush = model.data(model.index(i, COL_SEVERITY), 9)          # ForegroundRole
        assert contrast.ratio(brush.color(), base) >= contrast.TEXT
    for sev in Severity:
        assert contrast.ratio(contrast.readable(labels.SEVERITY_COLOURS[sev], base), base) >= contrast.TEXT
        if sev > Severity.NONE:        # the icon's bars stand out from the background (3:1)
            image = severity_icon(sev, base).pixmap(28, 16).toImage()
            bar = image.pixelColor(4, 14)
            assert bar.alpha() > 0 and contrast.ratio(bar, base) >= contrast.GRAPHIC - 0.2
    html = window.chat.toHtml() + window.report.toHtml()
    assert "#4b5563" not in html and "#dcfce7" not in html and "#f3f4f6" not in html
    name = "dark" if dark else "light"
    shot(window, f"80-high-contrast-{name}-findings")
    window.show_tab(1)
    shot(window, f"81-high-contrast-{name}-overview")


def test_severity_reads_without_colour(qtbot, window, store) -> None:
    add_findings(store, 8, "chat")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    proxy = window.findings.proxy
    words = {labels.severity(s) for s in Severity}
    for i in range(proxy.rowCount()):
        assert proxy.index(i, COL_SEVERITY).data() in words      # a word, not only a colour
    # The icons differ in shape (number of bars), not only in hue.
    shapes = set()
    for sev in Severity:
        image = severity_icon(sev).pixmap(28, 16).toImage()
        shapes.add(tuple(image.pixelColor(x, y).alpha() > 0 for x in range(28) for y in range(16)))
    assert len(shapes) == len(Severity)
    row = proxy.index(0, 0).data(ROW_ROLE)
    window.findings.select_finding(row.finding.id)
    assert labels.SEVERITY_MARKS[row.finding.severity] in window.report.toPlainText()


def clipped(root: QWidget) -> list[str]:
    """Buttons and one-line labels narrower or lower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            need = widget.minimumSizeHint()
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and not widget.pixmap():
            need = widget.minimumSizeHint()
        else:
            continue
        if widget.width() + 1 < need.width() or widget.height() + 1 < need.height():
            found.append(f"{type(widget).__name__} {widget.text()[:30]!r}: {widget.width()}x{widget.height()}"
                         f" < {need.width()}x{need.height()}")
    return found


def test_larger_text_does_not_clip(qtbot, window, store, settings, shot) -> None:
    add_findings(store, 8, "chat")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    window.focus_findings()
    window.set_text_scale(175)
    QApplication.processEvents()
    try:
        problems = []
        for tab in range(window.tabs.count()):
            window.show_tab(tab)
            QApplication.processEvents()
            problems += clipped(window)
            for combo in (window.findings.severity, window.findings.review):
                if combo.isVisible() and combo.width() + 1 < combo.sizeHint().width():
                    problems.append(f"combo {combo.currentText()!r} cut")
            shot(window, f"82-text-175-tab{tab}-ar")
        window.open_settings()
        dialog = window.settings_dialog
        qtbot.waitExposed(dialog)
        problems += clipped(dialog)
        shot(dialog, "83-text-175-settings-ar")          # (lets the layout settle)
        from PySide6.QtWidgets import QScrollArea
        if dialog.findChild(QScrollArea).horizontalScrollBar().isVisible():
            problems.append("the settings need a sideways scroll bar")
        dialog.reject()
        assert problems == []
    finally:
        window.set_text_scale(100)
    assert settings.get(preferences.TEXT_SCALE) == 100
