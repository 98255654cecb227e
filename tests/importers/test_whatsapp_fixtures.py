"""Whole exports written for Guardian's tests (tests/fixtures/whatsapp/):
an Arabic-locale Android class group and an iOS English-UI chat of Arabic
speakers (CRLF, BOM, LRM, "~" + NNBSP), also as a zip with its media."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from guardian.domain import AttachmentKind as K
from guardian.importers import whatsapp
from guardian.importers.base import ParseContext
from guardian.importers.testing import source_from_bytes, source_from_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "whatsapp"
ZONE = ZoneInfo("Asia/Riyadh")
ENCRYPTED = ("الرسائل والمكالمات مشفرة تمامًا بين الطرفين، بحيث لا يستطيع أحد خارج هذه الدردشة، "
             "ولا حتى شركة واتساب نفسها، قراءتها أو الاستماع إليها.")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=ZONE)


def test_android_arabic_group() -> None:
    source = source_from_path(FIXTURES / "android_arabic_group.txt")
    assert whatsapp.sniff(source)
    ctx = ParseContext(tz=ZONE)
    messages = list(whatsapp.parse(source, ctx))
    got = [(m.position, m.timestamp, m.sender, m.text.split("\n")[0], m.attachment, m.attachment_name,
            m.is_system) for m in messages]
    assert got == [
        (1, at(2024, 9, 1, 7, 5), "", ENCRYPTED, None, None, True),
        (2, at(2024, 9, 1, 7, 5), "", "أنشأ أ. منى المجموعة \"الصف الثالث ب\"", None, None, True),
        (3, at(2024, 9, 1, 7, 6), "", "أضافك أ. منى", None, None, True),
        (4, at(2024, 9, 1, 7, 7), "أ. منى", "صباح الخير يا بنات 🌸", None, None, False),
        (5, at(2024, 9, 1, 11, 59), "ريم", "", K.OTHER, None, False),
        (6, at(2024, 9, 1, 12, 1), "هيا", "مين معها الواجب؟", None, None, False),
        (10, at(2024, 9, 1, 12, 2), "ريم", "هذي الصفحة", K.IMAGE, "IMG-20240901-WA0003.jpg", False),
        (12, at(2024, 9, 13, 21, 30), "هيا", "تم حذف هذه الرسالة", None, None, False),
        (14, at(2024, 9, 14, 0, 15), "", "غادر +966 50 123 4567", None, None, True),
        (15, at(2024, 9, 14, 0, 20), "ريم", "تصبحون على خير", None, None, False),
    ]
    assert messages[5].text == "مين معها الواجب؟\nالصفحة ٢٣ ولا ٢٤؟\n\nردوا بسرعة"
    assert messages[5].raw.count("\n") == 3
    assert [line for line, _ in ctx.skipped] == [13]
    assert "month 13" in ctx.skipped[0][1]
    conversation = messages[0].conversation
    assert (conversation.title, conversation.key, conversation.is_group, conversation.owner) == (
        "الصف الثالث ب", "الصف الثالث ب", True, None)


def _ios_expectations(messages: list) -> None:
    got = [(m.position, m.timestamp, m.sender, m.text, m.attachment, m.is_system) for m in messages]
    # Every date is ambiguous (3/10 and 4/10); a four-digit year with "PM" is
    # the day-first iOS English layout of SPEC I5, so 3 October.
    assert got == [
        (1, at(2024, 10, 3, 16, 1), "Noor", "Messages and calls are end-to-end encrypted. No one outside "
         "of this chat, not even WhatsApp, can read or listen to them.", None, True),
        (2, at(2024, 10, 3, 16, 1, 10), "Sara", "مرحبا نور", None, False),
        (3, at(2024, 10, 3, 16, 2), "Noor", "", K.IMAGE, False),
        (4, at(2024, 10, 3, 16, 2, 30), "Sara", "", K.IMAGE, False),
        (5, at(2024, 10, 3, 16, 3), "Noor", "😂😂\nوش هذا", None, False),
        (7, at(2024, 10, 3, 23, 59, 59), "Sara", "This message was deleted.", None, False),
        (8, at(2024, 10, 4, 0, 0, 1), "Noor", "بكرة نكمل", None, False),
    ]
    assert messages[3].attachment_name == "00000007-PHOTO-2024-10-03-16-02-30.jpg"
    assert messages[4].raw == "[3/10/2024, 4:03:00\u202fPM] Noor: 😂😂\nوش هذا"


def test_ios_english_ui_file() -> None:
    source = source_from_path(FIXTURES / "WhatsApp Chat - Sara.txt")
    messages = list(whatsapp.parse(source, ParseContext(tz=ZONE)))
    _ios_expectations(messages)
    conversation = messages[0].conversation
    assert (conversation.title, conversation.key, conversation.is_group) == ("Sara", "sara", False)


def test_ios_zip_with_media() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_chat.txt", (FIXTURES / "WhatsApp Chat - Sara.txt").read_bytes())
        archive.writestr("00000007-PHOTO-2024-10-03-16-02-30.jpg", b"\xff\xd8")
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    source = source_from_bytes(members.pop("_chat.txt"), name="_chat.txt",
                               title_hint="WhatsApp Chat - Sara", siblings=members)
    messages = list(whatsapp.parse(source, ParseContext(tz=ZONE)))
    _ios_expectations(messages)
    assert messages[0].conversation.key == "sara"
    assert not whatsapp.sniff(source_from_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64))
