"""Start the desktop app: fonts, language, the store, the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from guardian import __version__, paths
from guardian.keys import LockedError, WrongPassphrase
from guardian.settings import LANGUAGE, Settings
from guardian.store.database import Store, StoreError, Unlock
from guardian.ui import fonts, passphrase, preferences
from guardian.ui.i18n import Translations
from guardian.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Guardian")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Guardian")
    app.setDesktopFileName("org.guardian.Guardian")
    app.setWindowIcon(QIcon(str(paths.assets_dir() / "icons" / "guardian.svg")))
    fonts.load(paths.assets_dir() / "fonts")
    app.setFont(fonts.ui_font(app.font().pointSizeF()))
    preferences.register()
    return app


class Session:
    """The running app: language switching that persists, the window."""

    def __init__(self, app: QApplication, settings: Settings, language: str) -> None:
        self.app = app
        self.settings = settings
        self.translations = Translations(app)
        self.translations.switch(language)

    def switch_language(self, language: str) -> None:
        self.translations.switch(language)
        self.settings.set(LANGUAGE, language)


def open_user_store(parent_passphrase: str | None) -> Store:
    """Unlock the parent's store, asking for the passphrase in a dialog
    where the keyring cannot hold the key."""
    loc = paths.locations()
    unlock = Unlock(passphrase=parent_passphrase, prompt=lambda creating: passphrase.ask(None, creating))
    return Store.open(loc.database, unlock, backups=loc.backups)


def first_run(settings: Settings, session: Session) -> str | None:
    """The getting-started wizard on the very first start.  Returns the new
    passphrase (None where the parent chose the keyring).  Raises
    LockedError when the parent closes it without finishing."""
    from guardian import keys
    from guardian.ui.first_run import FirstRunWizard
    # A new store always gets the lock page: a passphrase by default, the
    # keyring where the computer has one and the parent prefers it.
    need_passphrase = not paths.locations().database.exists()
    wizard = FirstRunWizard(settings, session.switch_language, session.translations.language,
                            need_passphrase, keyring_available=keys.keyring_usable())
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        raise LockedError("the first-run set-up was closed before it finished")
    return wizard.passphrase()


def run(demo: bool, lang: str | None, passphrase: str | None, self_test: bool = False) -> int:
    app = create_application()
    settings = Settings(paths.locations().settings_file)
    session = Session(app, settings, lang or settings.get(LANGUAGE))
    holder = None
    try:
        if not demo and not self_test and not settings.get(preferences.FIRST_RUN_DONE):
            passphrase = first_run(settings, session) or passphrase
        if demo:
            from guardian.demo import open_demo_store
            store, _report, holder = open_demo_store()
        else:
            store = open_user_store(passphrase)
    except (LockedError, WrongPassphrase, StoreError) as exc:
        QMessageBox.critical(None, "Guardian", str(exc))
        return 4 if isinstance(exc, (LockedError, WrongPassphrase)) else 1
    window = MainWindow(store, session.switch_language, session.translations.language, demo=demo,
                        settings=settings)
    if not demo and "passphrase" in store.lock_mode():
        from guardian.settings import IDLE_LOCK_MINUTES
        from guardian.ui.lock import IdleLock
        minutes = settings.get(IDLE_LOCK_MINUTES)
        if minutes > 0:
            window.idle_lock = IdleLock(window, store.check_passphrase, minutes)
    if not demo:
        from guardian.folders import ConnectedFolders, default_file
        from guardian.ui.watch import FolderWatcher, make_tray
        window.set_watcher(FolderWatcher(window, ConnectedFolders(default_file(paths.locations().config))))
        window.watcher.imported.connect(lambda ids: (window.refresh(), window.start_scan(ids)))
        window.tray = make_tray(window)
        window.watcher.start()
    window.show()
    if demo and not self_test:
        QTimer.singleShot(0, window.start_scan)
    if self_test:
        # Quit from the event loop once the window has been shown and painted.
        QTimer.singleShot(0, window.close)
    try:
        return app.exec()
    finally:
        from guardian.tasks import drain
        drain()
        store.close()
        if holder is not None:
            holder.cleanup()
