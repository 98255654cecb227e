"""Load the shipped fonts so the app renders the same everywhere, whatever
fonts the computer has."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

# Children's messages are full of emoji, and many computers (older Windows,
# minimal Linux) have no emoji font: without one they show as empty boxes.
# Noto Color Emoji (OFL 1.1, 11 MB, colour bitmaps that Qt draws on every
# platform) is the last fallback of every UI font.
EMOJI_FAMILY = "Noto Color Emoji"
EMOJI_FILE = "NotoColorEmoji.ttf"
UI_FAMILIES = ["Noto Sans", "Noto Sans Arabic", EMOJI_FAMILY]
_UI_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
             "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", EMOJI_FILE)


def load(fonts_dir: Path) -> list[str]:
    """Register the UI fonts; returns the families Qt now knows from them."""
    families: list[str] = []
    for name in _UI_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir / name))
        if font_id < 0:
            raise FileNotFoundError(f"{fonts_dir / name}: the font could not be loaded")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    # Qt's emoji segmenter then draws emoji sequences (skin tones, ❤️ with
    # its variation selector) from this font, whatever font the text asks for.
    QFontDatabase.setApplicationEmojiFontFamilies([EMOJI_FAMILY])
    return sorted(set(families))


def ui_font(point_size: float | None = None) -> QFont:
    # Latin text comes from Noto Sans; characters it lacks (Arabic) fall
    # through to Noto Sans Arabic, then emoji to Noto Color Emoji, all
    # shipped with the app.
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    if point_size:
        font.setPointSizeF(point_size)
    return font
