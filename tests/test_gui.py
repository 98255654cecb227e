"""The main window opens in Arabic, right-to-left, switches language live,
remembers the choice, and closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel

from guardian import paths
from guardian.settings import LANGUAGE, Settings
from guardian.store.database import Store, Unlock
from guardian.ui.about import AboutDialog
from guardian.ui.app import Session, create_application
from guardian.ui.main_window import MainWindow


@pytest.fixture
def session(qapp: QApplication) -> Session:
    create_application()
    settings = Settings(paths.locations().settings_file)
    return Session(qapp, settings, settings.get(LANGUAGE))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True))
    yield s
    s.close()


def test_shipped_fonts_are_loaded(session: Session) -> None:
    families = QFontDatabase.families()
    assert "Noto Sans Arabic" in families and "Noto Sans" in families
    assert "Noto Sans Arabic" in QApplication.font().families()


def test_window_opens_in_arabic_switches_and_closes(qtbot, session: Session, store: Store,
                                                    tmp_path: Path) -> None:
    window = MainWindow(store, session.switch_language, session.translations.language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.windowTitle() == "حارس"
    assert window.findings.heading.text() == "التنبيهات"
    window.grab().save(str(tmp_path / "main-ar.png"))

    window.english_action.trigger()
    # Qt delivers LanguageChange through the event loop.
    qtbot.waitUntil(lambda: window.windowTitle() == "Guardian")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.file_menu.title() == "&File"
    assert window.findings.heading.text() == "Findings"
    window.grab().save(str(tmp_path / "main-en.png"))
    assert Settings(paths.locations().settings_file).get(LANGUAGE) == "en"

    window.arabic_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&ملف")
    window.close()
    assert not window.isVisible()


def test_language_choice_is_remembered(qapp: QApplication) -> None:
    Settings(paths.locations().settings_file).set(LANGUAGE, "en")
    reopened = Settings(paths.locations().settings_file)
    session = Session(qapp, reopened, reopened.get(LANGUAGE))
    assert session.translations.language == "en"
    session.switch_language("ar")


def test_about_shows_version_and_privacy(qtbot, session: Session) -> None:
    from guardian import __version__
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text
    assert "كل شيء يبقى على هذا الحاسوب" in text
