"""Interface language: Guardian's own catalogue plus Qt's (stock buttons),
and the matching layout direction.  Arabic is the default."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from guardian import paths

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en")
RTL_LANGUAGES = {"ar"}


class Translations:
    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ""

    def switch(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        own = QTranslator(self._app)
        qm = paths.translations_dir() / f"guardian_{language}.qm"
        if not own.load(str(qm)):
            raise FileNotFoundError(f"{qm}: translation missing (run the install step, "
                                    "which compiles translations/*.ts)")
        self._install(own)
        qt = QTranslator(self._app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._install(qt)
        self.language = language
        QLocale.setDefault(QLocale(QLocale.Language.Arabic if language == "ar" else QLocale.Language.English))
        self._app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language in RTL_LANGUAGES
                                     else Qt.LayoutDirection.LeftToRight)
        log.info("interface language: %s", language)

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
