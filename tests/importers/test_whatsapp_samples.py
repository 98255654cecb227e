"""Regression over the third-party WhatsApp samples in the shared folder
(never copied into the repo: their licences differ).  Expected values were
worked out by reading the files (head/grep/wc), not taken from the parser.

Skipped cleanly when the shared folder is absent."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from guardian.domain import AttachmentKind, Message
from guardian.importers import whatsapp
from guardian.importers.base import ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples" / "whatsapp"
ZONE = ZoneInfo("Asia/Riyadh")

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not available")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=ZONE)


def source(relative: str) -> Source:
    path = SAMPLES / relative
    if path.suffix != ".zip":
        return source_from_path(path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    chat = next(name for name in members if name.endswith(".txt"))
    siblings = {name: data for name, data in members.items() if name != chat}
    return source_from_bytes(members[chat], name=chat, title_hint=path.stem, siblings=siblings)


def load(relative: str) -> tuple[list[Message], ParseContext]:
    src = source(relative)
    assert whatsapp.sniff(src)
    ctx = ParseContext(tz=ZONE)
    return list(whatsapp.parse(src, ctx)), ctx


# file, messages, (first sender, first time), (last sender, last time), title, is_group
CASES = [
    # 1/1/21 can be read either way; every line of the file is that day.
    ("chat-analytics/2A_5M.txt", 5, ("A", at(2021, 1, 1, 12, 0)), ("A", at(2021, 1, 1, 12, 2)),
     "2A_5M", False),
    # All lines are "12/9/20": nothing in the file decides the order, so the
    # importer's default (day-first, no AM/PM) gives 12 September.
    ("chat-analytics/4A_11M.txt", 14, ("", at(2020, 9, 12, 23, 55)), ("Trent", at(2020, 9, 12, 23, 56)),
     "Some cool group chat", True),
    ("chat-analytics/4A_11M.zip", 14, ("", at(2020, 9, 12, 23, 55)), ("Trent", at(2020, 9, 12, 23, 56)),
     "Some cool group chat", True),
    # 11 lines each: 9 headers; lines 4 and 11 continue the message above.
    ("chat-miner/test_[mmddyy]_24hrs.txt", 9, ("John Doe", at(2019, 1, 1, 11, 25)),
     ("John Doe", at(2021, 12, 30, 22, 1)), "Groupname", True),
    ("chat-miner/test_ddmmyy_24hrs.txt", 9, ("John Doe", at(2019, 1, 1, 11, 25)),
     ("John Doe", at(2021, 12, 30, 22, 1)), "Groupname", True),
    ("chat-miner/test_mmddyy_24hrs.txt", 9, ("John Doe", at(2019, 1, 1, 11, 25)),
     ("John Doe", at(2021, 12, 30, 22, 1)), "Groupname", True),
    ("chat-miner/test_mmddyyyy_12hrs.txt", 9, ("John Doe", at(2019, 1, 1, 11, 25)),
     ("John Doe", at(2021, 12, 30, 22, 1)), "Groupname", True),
    ("chat-miner/test_yyyymmdd_24hrs.txt", 9, ("John Doe", at(2019, 1, 1, 11, 25)),
     ("John Doe", at(2021, 12, 30, 22, 1)), "Groupname", True),
    # 29 lines, 6 of them continuation lines; "12/24/19" and "10.24.21" make it month-first.
    ("chat-miner/testlog.txt", 23, ("John Doe", at(2019, 12, 24, 11, 23)),
     ("\U0001f913", at(2022, 12, 24, 13, 1)), "Groupname", True),
    ("derived/arabic_android_arabic_indic_digits__mtln-chat-export.txt", 2,
     ("عمار لبنان", at(2022, 4, 24, 14, 7)), ("الحمد الله", at(2022, 4, 24, 14, 8)),
     "arabic_android_arabic_indic_digits__mtln-chat-export", False),
    ("derived/arabic_android_latin_digits__unattributed.txt", 2, ("", at(2025, 4, 22, 1, 14)),
     ("Gehad", at(2025, 4, 22, 1, 15)), "arabic_android_latin_digits__unattributed", False),
    ("derived/ios_english_ui_arabic_names__whatstk-issue-135.txt", 6, ("", at(2022, 2, 28, 21, 52, 58)),
     ("عماد عافيه", at(2023, 1, 17, 10, 14, 48)), "ملتقي", True),
    ("langchain-community/chat_loaders_whatsapp_chat_ios.txt", 12, ("Dr. Feather", at(2023, 8, 15, 9, 12, 33)),
     ("Jungle Jane", at(2023, 8, 15, 21, 25, 16)), "chat_loaders_whatsapp_chat_ios", False),
    # 10 lines; "3:22_AM" is not a WhatsApp header (made up), so it continues line 3.
    ("langchain-community/examples_whatsapp_chat.txt", 9, ("James", at(2023, 5, 5, 15, 48, 11)),
     ("User 4", at(2023, 6, 29, 0, 16)), "examples_whatsapp_chat", True),
    # 11 lines: line 6 continues line 5, line 11 is an empty last line.
    ("rwhatsapp/sample.txt", 9, ("", at(2017, 7, 12, 22, 35)), ("Johannes Gruber", at(2018, 9, 28, 13, 30)),
     "Tes", True),
    ("rwhatsapp/sample.zip", 9, ("", at(2017, 7, 12, 22, 35)), ("Johannes Gruber", at(2018, 9, 28, 13, 30)),
     "Tes", True),
    # 21 lines: 20 headers and an empty last line.
    ("whatstk/pokemon.txt", 20, ("", at(2016, 4, 15, 15, 4)), ("Wobbuffet", at(2016, 10, 31, 12, 23)),
     "Pokemon Chat", True),
    # 500 iOS-style lines, "15-01-20" makes it day-first.
    ("whatstk/lorem.txt", 500, ("Mary", at(2020, 1, 15, 2, 22, 56)), ("Mary", at(2020, 5, 11, 22, 32, 48)),
     "lorem", True),
]


@pytest.mark.parametrize(("relative", "count", "first", "last", "title", "is_group"), CASES,
                         ids=[c[0] for c in CASES])
def test_sample(relative: str, count: int, first: tuple[str, datetime], last: tuple[str, datetime],
                title: str, is_group: bool) -> None:
    messages, ctx = load(relative)
    assert ctx.skipped == []
    assert len(messages) == count
    assert (messages[0].sender, messages[0].timestamp) == first
    assert (messages[-1].sender, messages[-1].timestamp) == last
    conversation = messages[0].conversation
    assert (conversation.title, conversation.is_group, conversation.platform) == (title, is_group, "whatsapp")
    assert all(m.conversation is conversation for m in messages)


def test_every_whatsapp_sample_is_covered() -> None:
    on_disk = {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.is_file()}
    assert on_disk == {c[0] for c in CASES}


def test_rwhatsapp_details() -> None:
    messages, _ = load("rwhatsapp/sample.txt")
    assert [m.position for m in messages] == [1, 2, 3, 4, 5, 7, 8, 9, 10]
    assert [m.is_system for m in messages[:3]] == [True, True, False]
    assert (messages[2].attachment, messages[2].text) == (AttachmentKind.OTHER, "")
    assert messages[4].text == "It's fun doing text analysis with R\nisn't it?"
    assert messages[-1].raw.endswith("\n")          # the empty last line is evidence
    assert not messages[-1].text.endswith("\n")


def test_crlf_zip_matches_the_plain_file() -> None:
    plain, _ = load("chat-analytics/4A_11M.txt")
    zipped, _ = load("chat-analytics/4A_11M.zip")
    assert [(m.sender, m.timestamp, m.text, m.raw) for m in plain] == [
        (m.sender, m.timestamp, m.text, m.raw) for m in zipped]
    assert [m.is_system for m in plain[:4]] == [True, True, True, False]


def test_ios_placeholders_and_system_line() -> None:
    messages, _ = load("langchain-community/chat_loaders_whatsapp_chat_ios.txt")
    assert messages[0].is_system
    assert [m.position for m in messages if m.attachment is AttachmentKind.IMAGE] == [3, 5, 8]
    assert all(m.text == "" for m in messages if m.attachment)


def test_arabic_samples() -> None:
    indic, _ = load("derived/arabic_android_arabic_indic_digits__mtln-chat-export.txt")
    assert [m.text for m in indic] == ["السلام", "اهلين"]
    latin, _ = load("derived/arabic_android_latin_digits__unattributed.txt")
    assert (latin[0].is_system, latin[1].sender) == (True, "Gehad")
    ios, _ = load("derived/ios_english_ui_arabic_names__whatstk-issue-135.txt")
    assert [m.is_system for m in ios] == [True, True, True, False, False, False]


def test_mixed_format_lists() -> None:
    messages, _ = load("chat-miner/testlog.txt")
    # "a. m."/"p. m." with NBSP, "p.m.", a trailing dot and brackets all read.
    assert messages[8].position == 15
    assert messages[8].timestamp == at(2019, 9, 24, 23, 30)           # 9/24/2019 11:30 p.m.
    assert messages[9].timestamp == at(2019, 9, 24, 11, 30)           # 11:30 a.m.
    assert messages[10].timestamp == at(2019, 12, 24, 23, 30)         # 11:30 p. m.
    assert messages[19].timestamp == at(2022, 9, 10, 22, 37)          # p.\xa0m.
    assert messages[22].text == "Testing emoji \U0001f913 with yyyy first"
    examples, _ = load("langchain-community/examples_whatsapp_chat.txt")
    assert examples[2].text == "Bye!\n1/23/23, 3:22_AM - User 1: And let me know if anything changes"
    assert examples[4].sender == "User 2" and examples[7].attachment is AttachmentKind.OTHER
