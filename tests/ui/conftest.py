"""UI test helpers: a keyword classifier (the shipped model may be absent
while the UI is built, and a real model takes minutes to train), a fresh
window, and screenshots kept under the test's tmp dir and /tmp/guardian-shots."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from guardian import paths
from guardian.analysis.classify import Prediction
from guardian.domain import Severity, Span
from guardian.settings import LANGUAGE, Settings
from guardian.store.database import Store, Unlock
from guardian.ui import preferences
from guardian.ui.app import Session, create_application

SHOTS = Path("/tmp/guardian-shots")

KEYWORDS = {
    "محد يبيك": ("exclusion", Severity.MEDIUM),
    "مين يحميك": ("threat", Severity.HIGH),
    "انطردت": ("rumor", Severity.MEDIUM),
    "تعبت من كل شي": ("self_harm", Severity.CRITICAL),
    "خبلة": ("insult", Severity.LOW),
    "غبي": ("insult", Severity.LOW),
    "ما يستاهلونك": ("grooming", Severity.HIGH),
}


class _Model:
    version = "keyword-test-1"


class KeywordClassifier:
    """Flags fixed words; enough to drive the interface end to end."""

    model = _Model()

    def __init__(self, sensitivity: dict[str, float] | None = None) -> None:
        self.sensitivity = sensitivity or {}

    def classify(self, texts, with_spans=True, progress=None, should_stop=lambda: False):
        out = []
        for text in texts:
            labels, spans, severity = [], [], Severity.NONE
            for word, (cat, sev) in KEYWORDS.items():
                i = text.find(word)
                if i >= 0 and self.sensitivity.get(cat, 0) >= 0:
                    labels.append(cat)
                    spans.append(Span(i, i + len(word), cat))
                    severity = max(severity, sev)
            out.append(Prediction(text, tuple(labels), {c: 0.9 for c in labels}, severity,
                                  tuple(spans), ()))
            if progress and len(out) % 50 == 0:
                progress(len(out))
        if progress:
            progress(len(out))
        return out


@pytest.fixture
def session(qapp: QApplication) -> Iterator[Session]:
    create_application()
    settings = Settings(paths.locations().settings_file)
    s = Session(qapp, settings, settings.get(LANGUAGE))
    yield s
    # The application outlives the test: take this test's catalogues out.
    for translator in s.translations._installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def settings(session: Session) -> Settings:
    return session.settings


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True))
    yield s
    s.close()


@pytest.fixture
def window(qtbot, session: Session, store: Store, settings: Settings):
    from guardian.ui.main_window import MainWindow
    settings.set(preferences.CHILD_NAMES, "ريم")
    w = MainWindow(store, session.switch_language, session.translations.language,
                   settings=settings, classifier_factory=KeywordClassifier)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.loading)      # the first background read of the findings
    yield w
    w.close()


@pytest.fixture
def shot(tmp_path: Path) -> Callable[[QWidget, str], Path]:
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(widget: QWidget, name: str) -> Path:
        QApplication.processEvents()
        target = tmp_path / f"{name}.png"
        assert widget.grab().save(str(target)), name
        shutil.copy(target, SHOTS / target.name)
        return target

    return take


@contextmanager
def window_language(qtbot, window, lang: str) -> Iterator[None]:
    """The window in `lang` ("ar" or "en") for the block, and in Arabic, the
    default the other tests expect, after it."""
    if lang == "en":
        window.switch_language("en")
        qtbot.waitUntil(lambda: window.windowTitle() == "Guardian")
    try:
        yield
    finally:
        if lang == "en":
            window.switch_language("ar")


def demo_export() -> Path:
    from guardian.demo import demo_export as find
    return find()
