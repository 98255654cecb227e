"""The idle lock hides the chats until the passphrase is typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow

from guardian.store.database import Store, Unlock
from guardian.ui.lock import IdleLock, LockScreen


def test_idle_lock_hides_the_window_until_the_right_passphrase(qtbot, tmp_path: Path, no_keyring: None,
                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from guardian import keys
    monkeypatch.setattr(keys, "_sleep", lambda seconds: None)
    store = Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="family passphrase"))
    window = QMainWindow()
    qtbot.addWidget(window)
    content = QLabel("chat content")
    window.setCentralWidget(content)
    window.show()
    lock = IdleLock(window, store.check_passphrase, minutes=10)
    lock.timer.setInterval(50)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    screen = window.centralWidget()
    assert isinstance(screen, LockScreen) and not window.menuBar().isEnabled()
    screen.field.setText("wrong")
    screen.try_unlock()
    assert lock.locked and screen.error.text()
    screen.field.setText("family passphrase")
    screen.try_unlock()
    assert not lock.locked and window.centralWidget() is content and window.menuBar().isEnabled()
    store.close()


def test_settings_change_the_passphrase(qtbot, tmp_path: Path, no_keyring: None, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from guardian import paths
    from guardian.settings import Settings
    from guardian.ui import passphrase
    from guardian.ui.settings_dialog import SettingsDialog
    store = Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="old passphrase"))
    monkeypatch.setattr(passphrase, "ask", lambda parent, creating: "new passphrase")
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    dialog = SettingsDialog(Settings(paths.locations().settings_file), store=store)
    qtbot.addWidget(dialog)
    dialog.passphrase_button.click()
    assert store.check_passphrase("new passphrase") and not store.check_passphrase("old passphrase")
    store.close()
