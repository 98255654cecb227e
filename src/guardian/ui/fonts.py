"""Load the shipped fonts so the app renders the same everywhere, whatever
fonts the computer has."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

UI_FAMILIES = ["Noto Sans", "Noto Sans Arabic"]
_UI_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
             "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")


def load(fonts_dir: Path) -> list[str]:
    """Register the UI fonts; returns the families Qt now knows from them."""
    families: list[str] = []
    for name in _UI_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir / name))
        if font_id < 0:
            raise FileNotFoundError(f"{fonts_dir / name}: the font could not be loaded")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_font(point_size: float | None = None) -> QFont:
    # Latin text comes from Noto Sans; characters it lacks (Arabic) fall
    # through to Noto Sans Arabic, both shipped with the app.
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    if point_size:
        font.setPointSizeF(point_size)
    return font
