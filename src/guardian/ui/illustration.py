"""An SVG illustration from assets/illustrations, drawn at any size and
mirrored in right-to-left layouts (the pictures hold no text, so a mirror
image matches an Arabic phone, where menus open from the other side)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from guardian import paths

# What each picture shows, for screen readers (the pictures hold no text).
DESCRIPTIONS = {
    "android-menu.svg": QT_TRANSLATE_NOOP("Illustration", "A phone with the chat's menu open at the top "
                                                          "corner and the export item marked."),
    "desktop-export.svg": QT_TRANSLATE_NOOP("Illustration", "A computer window with the app's export "
                                                            "button marked."),
    "drop-files.svg": QT_TRANSLATE_NOOP("Illustration", "Files being dragged onto the Guardian window."),
    "iphone-name.svg": QT_TRANSLATE_NOOP("Illustration", "An iPhone chat with the contact's name at the "
                                                         "top marked, where the export option is."),
    "request-data.svg": QT_TRANSLATE_NOOP("Illustration", "An app's settings page with the request for a "
                                                          "copy of your data marked."),
    "send-to-computer.svg": QT_TRANSLATE_NOOP("Illustration", "A phone sending the exported file to a "
                                                              "computer."),
    "table-columns.svg": QT_TRANSLATE_NOOP("Illustration", "A table whose columns are matched to date, "
                                                           "sender and message."),
}


class Illustration(QWidget):
    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(160, 130)
        if name:
            self.load(name)

    def load(self, name: str) -> None:
        self._renderer.load(str(paths.assets_dir() / "illustrations" / name))
        self.setObjectName(name)
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("Illustration", "Picture"))
        text = DESCRIPTIONS.get(self.objectName(), "")
        self.setAccessibleDescription(QCoreApplication.translate("Illustration", text) if text else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(240, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._renderer.isValid():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        view = self._renderer.viewBoxF()
        scale = min(self.width() / view.width(), self.height() / view.height())
        w, h = view.width() * scale, view.height() * scale
        target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        self._renderer.render(painter, target)
