"""Emoji in children's messages render, from the shipped emoji font, in
the chat bubbles and the findings list; not as empty boxes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtGui import QFontDatabase, QImage

from guardian.domain import Conversation, Message
from guardian.ui import fonts
from guardian.ui.detail import ChatView

from .test_findings_loading import add_findings


def coloured_pixels(image: QImage) -> int:
    """Pixels whose channels differ a lot: colour emoji, never grey text."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) > 90:
                count += 1
    return count


def test_the_emoji_font_is_registered_as_fallback(session) -> None:
    assert fonts.EMOJI_FAMILY in QFontDatabase.families()
    assert fonts.EMOJI_FAMILY in QFontDatabase.applicationEmojiFontFamilies()
    assert fonts.ui_font().families()[-1] == fonts.EMOJI_FAMILY


def test_chat_bubbles_show_emoji(qtbot, session, shot) -> None:
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(420, 220)
    conv = Conversation("whatsapp", "k", "t")
    when = datetime(2024, 3, 1, 21, tzinfo=timezone(timedelta(hours=3)))
    plain = [Message(conv, "سامي", when, "هههه", "", 1, id=1)]
    view.show_messages(plain, "ريم")
    view.show()
    qtbot.waitExposed(view)
    without = coloured_pixels(view.grab().toImage())
    view.show_messages([Message(conv, "سامي", when, "هههه 😂🔥👍🏽❤️", "", 1, id=1)], "ريم")
    with_emoji = coloured_pixels(view.grab().toImage())
    shot(view, "70-emoji-bubble-ar")
    assert with_emoji > without + 20


def test_the_findings_list_shows_emoji(qtbot, window, store, shot) -> None:
    add_findings(store, 3, "الصف 😂🔥")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    table = window.findings.table
    rect = table.visualRect(window.findings.proxy.index(0, 3))      # the conversation column
    image = table.viewport().grab(rect).toImage()
    shot(window, "71-emoji-findings-ar")
    assert coloured_pixels(image) > 20
