"""Ask the parent for the data passphrase where no OS keyring can keep the key."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from guardian.ui import contrast


class PassphraseDialog(QDialog):
    """One field to unlock; two fields and a plain warning to create."""

    def __init__(self, creating: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.creating = creating
        self.setWindowTitle(self.tr("Guardian passphrase"))
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.first)
        if creating:
            form.addRow(self.tr("Repeat:"), self.second)
            self.message.setText(self.tr(
                "This computer has no system keyring, so a passphrase protects the chats. "
                "If you forget it, the imported chats cannot be recovered."))
        else:
            self.second.hide()
        self.error = QLabel()
        # Red, made lighter on a dark theme so it stays readable.
        self.error.setStyleSheet("color: " + contrast.hex_(contrast.readable(
            QColor("#a00000"), self.palette().color(QPalette.ColorRole.Window))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if not self.first.text():
            self.error.setText(self.tr("Please enter a passphrase."))
            return
        if self.creating and self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passphrases differ. Please try again."))
            return
        self.accept()

    def passphrase(self) -> str:
        return self.first.text()


def ask(parent: QWidget | None, creating: bool) -> str | None:
    """The passphrase, or None when the parent cancels."""
    dialog = PassphraseDialog(creating, parent)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
