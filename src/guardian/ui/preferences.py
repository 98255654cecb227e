"""The desktop app's own settings, declared like the core ones and added to
the registry in `guardian.settings` (pure declarations, no I/O), with the
translatable labels of every setting the settings dialog shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from guardian import settings as core
from guardian.domain import CATEGORY_IDS
from guardian.settings import Setting

SENSITIVITY: dict[str, Setting[int]] = {
    cat: Setting(f"sensitivity_{cat}", int, 0, "Sensitivity", (-1, 0, 1)) for cat in CATEGORY_IDS}
# One step of the parent's −/0/+ moves a category's threshold this much.
SENSITIVITY_STEP = 0.1

TEXT_SCALE = Setting("text_scale", int, 100, "Text size", (85, 100, 115, 130, 150, 175))
FIRST_RUN_DONE = Setting("first_run_done", bool, False, "First run finished")
CHILD_NAMES = Setting("child_names", str, "", "Your child's names")
LAST_VISIT = Setting("last_visit", str, "", "When Guardian was last closed")
LAST_SEEN_FINDING = Setting("last_seen_finding", int, 0, "The newest finding at the last visit")
NOTIFY = Setting("notify", bool, True, "Tell me when new serious findings arrive")

UI_SETTINGS: tuple[Setting[Any], ...] = (*SENSITIVITY.values(), TEXT_SCALE, FIRST_RUN_DONE,
                                         CHILD_NAMES, LAST_VISIT, LAST_SEEN_FINDING, NOTIFY)


def register() -> None:
    """Declare the UI settings in the shared registry (idempotent)."""
    for setting in UI_SETTINGS:
        core.REGISTRY.setdefault(setting.key, setting)


LABELS = {
    core.LANGUAGE.key: QT_TRANSLATE_NOOP("Settings", "Language"),
    core.TIME_ZONE.key: QT_TRANSLATE_NOOP("Settings", "Time zone"),
    core.COUNTRY.key: QT_TRANSLATE_NOOP("Settings", "Country for helplines"),
    TEXT_SCALE.key: QT_TRANSLATE_NOOP("Settings", "Text size"),
    CHILD_NAMES.key: QT_TRANSLATE_NOOP("Settings", "Your child's names"),
    NOTIFY.key: QT_TRANSLATE_NOOP("Settings", "Tell me when new serious findings arrive"),
}


def label(setting: Setting[Any]) -> str:
    text = LABELS.get(setting.key, setting.label)
    return QCoreApplication.translate("Settings", text)


def sensitivity(store: core.Settings) -> dict[str, float]:
    """The threshold shifts for `load_classifier(sensitivity)`."""
    return {cat: SENSITIVITY_STEP * store.get(s) for cat, s in SENSITIVITY.items() if store.get(s)}


def child_names(store: core.Settings) -> list[str]:
    return [n.strip() for n in store.get(CHILD_NAMES).replace("،", ",").split(",") if n.strip()]


register()
