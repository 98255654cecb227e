"""The parent lock in the window: after some minutes without keyboard or
mouse input, or when Qt says the app was suspended, the chats are hidden
behind a passphrase screen.  Only where a passphrase protects the data:
with the keyring option there is nothing to type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class LockScreen(QWidget):
    def __init__(self, check: Callable[[str], bool], on_unlocked: Callable[[], None]) -> None:
        super().__init__()
        self._check = check
        self._on_unlocked = on_unlocked
        self.setObjectName("lockScreen")
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.field.setMaximumWidth(360)
        self.button = QPushButton()
        self.error = QLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.message, self.field, self.button, self.error):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.field.returnPressed.connect(self.try_unlock)
        self.button.clicked.connect(self.try_unlock)
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self.tr("Guardian is locked to keep the chats private. "
                                     "Enter the passphrase to continue."))
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.button.setText(self.tr("&Unlock"))

    def try_unlock(self) -> None:
        self.button.setEnabled(False)
        ok = self._check(self.field.text())
        self.field.clear()
        self.button.setEnabled(True)
        if ok:
            self.error.clear()
            self._on_unlocked()
        else:
            self.error.setText(self.tr("That passphrase is not right. Each wrong try makes the next "
                                       "one wait a little longer."))


class IdleLock(QObject):
    """Watches the whole application for input and locks `window` after
    `minutes` without any."""

    def __init__(self, window: QMainWindow, check: Callable[[str], bool], minutes: int) -> None:
        super().__init__(window)
        self._window = window
        self._check = check
        self._hidden: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            app.applicationStateChanged.connect(self._state_changed)  # type: ignore[attr-defined]
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self._hidden is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.locked:
            self.timer.start()
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        # Qt reports "suspended" where the platform tells it (e.g. the
        # session is locked on some systems); lock then too.
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    def lock(self) -> None:
        if self.locked:
            return
        self._hidden = self._window.takeCentralWidget()
        self._window.menuBar().setEnabled(False)
        screen = LockScreen(self._check, self.unlock)
        self._window.setCentralWidget(screen)
        screen.field.setFocus()

    def unlock(self) -> None:
        if self._hidden is None:
            return
        self._window.setCentralWidget(self._hidden)
        self._hidden = None
        self._window.menuBar().setEnabled(True)
        self.timer.start()
