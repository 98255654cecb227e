"""Snapchat `chat_history.json` (`snapchat_json`).

No real export is available (SPEC.md section 7), so both generations are
covered by hand-written fixtures in tests/fixtures/snapchat/ following the
field lists in the SPEC.  Epoch values were converted with `date -u -d @N`.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from guardian.domain import AttachmentKind
from guardian.importers import snapchat
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "snapchat"
RIYADH = ZoneInfo("Asia/Riyadh")
UTC = timezone.utc


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"shared sample {relative} not available")
    return path


def read(source: Source, tz=RIYADH):
    ctx = ParseContext(tz=tz)
    return list(snapchat.parse(source, ctx)), ctx


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def from_json(value) -> Source:
    return source_from_bytes(json.dumps(value, ensure_ascii=False).encode(), "chat_history.json")


# --- up to 2022 ------------------------------------------------------------------


def test_old_generation():
    source = source_from_path(FIXTURES / "chat_history_2022.json")
    assert snapchat.sniff(source)
    messages, ctx = read(source)
    assert ctx.skipped == [(4, "the message has no readable date")]  # "yesterday"
    # Regrouped by the other person; file order within each chat.
    assert [(m.position, m.conversation.key, m.sender) for m in messages] == [
        (1, "khaled_99", "khaled_99"), (2, "khaled_99", "khaled_99"), (5, "khaled_99", "Me"),
        (3, "noura.s", "noura.s"), (6, "noura.s", "Me")]
    first = messages[0]
    assert first.text == "وين صورك اللي وعدتني فيها؟ don't tell your mom"  # &#39; unescaped
    assert first.timestamp == utc(2022, 7, 22, 19, 28, 21)
    assert first.timestamp.isoformat() == "2022-07-22T22:28:21+03:00"
    assert first.conversation.owner == "Me" and first.conversation.platform == "snapchat"
    assert not first.conversation.is_group
    assert messages[1].text == "" and messages[1].attachment is AttachmentKind.IMAGE  # null Text
    assert messages[2].text == "ما أبغى" and messages[2].timestamp == utc(2022, 7, 22, 19, 29, 10)
    assert messages[3].text == 'صباح الخير & "يا هلا"'
    assert messages[4].attachment is AttachmentKind.STICKER
    assert json.loads(first.raw)["From"] == "khaled_99"


# --- 2023 and later ----------------------------------------------------------------


@pytest.fixture(scope="module")
def new_generation():
    source = source_from_path(FIXTURES / "chat_history_2023.json")
    assert snapchat.sniff(source)
    return read(source)


def test_new_generation_owner_and_conversations(new_generation):
    messages, ctx = new_generation
    assert ctx.skipped == [(8, "the message has no readable date")]
    assert len(messages) == 7
    assert {m.conversation.owner for m in messages} == {"lama_2010"}  # IsSender: true
    direct, group = messages[0].conversation, messages[5].conversation
    assert (direct.key, direct.title, direct.is_group) == ("khaled_99", "khaled_99", False)
    assert group.key == "f3a9c2d4-1111-4222-8333-944445555666"
    assert group.title == "شلة المدرسة" and group.is_group


def test_new_generation_created_variants(new_generation):
    messages = new_generation[0]
    # "Created" text agrees with Created(microseconds), which is more precise.
    assert messages[0].timestamp == utc(2023, 3, 1, 20, 15, 30, 123456)
    assert messages[1].timestamp == utc(2023, 3, 1, 20, 16, 30)   # epoch seconds 1677701790
    assert messages[2].timestamp == utc(2023, 3, 1, 20, 17, 30)   # epoch ms as a string
    assert messages[3].timestamp == utc(2023, 3, 1, 20, 18)
    assert messages[4].timestamp == utc(2023, 3, 1, 20, 19)       # epoch ms 1677701940000
    assert messages[5].timestamp == utc(2021, 8, 19, 12, 0)       # "Wed Aug 19 12:00:00 UTC 2021"
    assert messages[6].timestamp == utc(2021, 8, 19, 12, 1)


def test_new_generation_text_and_media(new_generation):
    messages = new_generation[0]
    assert messages[0].sender == "khaled_99" and messages[0].text == "إذا ما رديتي بنشر الصور"
    assert messages[1].sender == "lama_2010" and messages[1].text == "أرجوك لا 'تنشرها'"
    assert messages[2].attachment is AttachmentKind.IMAGE and messages[2].text == ""  # SNAP
    assert messages[3].is_system and messages[3].attachment is None              # STATUS...
    assert messages[4].attachment is AttachmentKind.AUDIO                         # NOTE
    assert messages[5].text == "يا جماعة لا تكلمون لمى 😂"


@pytest.mark.parametrize("media, kind", [
    ("TEXT", None), ("MEDIA", AttachmentKind.IMAGE), ("STICKER", AttachmentKind.STICKER),
    ("SHARE", AttachmentKind.OTHER), ("LOCATION", AttachmentKind.LOCATION),
    ("SOMETHING_NEW", AttachmentKind.OTHER), (None, None),
])
def test_media_types(media, kind):
    record = {"From": "a", "Media Type": media, "Created": "2023-01-01 00:00:00 UTC",
              "Content": "x", "IsSender": False, "Conversation Title": None}
    (message,), _ = read(from_json({"a": [record]}))
    assert message.attachment is kind


@pytest.mark.parametrize("created, expected", [
    ("2021-08-19 12:00:00 UTC", utc(2021, 8, 19, 12)),
    ("Wed Aug 19 12:00:00 UTC 2021", utc(2021, 8, 19, 12)),
    (1629374400, utc(2021, 8, 19, 12)),
    (1629374400000, utc(2021, 8, 19, 12)),
    ("1629374400", utc(2021, 8, 19, 12)),
    (1629374400.5, utc(2021, 8, 19, 12, 0, 0, 500000)),
    ("2021-08-19T15:00:00+03:00", utc(2021, 8, 19, 12)),
    ("2021-08-19 12:00:00", utc(2021, 8, 19, 12)),   # no zone: Snapchat writes UTC
])
def test_created_variants(created, expected):
    record = {"From": "a", "Media Type": "TEXT", "Created": created, "Content": "x"}
    (message,), _ = read(from_json({"Received Saved Chat History": [record]}))
    assert message.timestamp == expected


def test_microseconds_that_disagree_are_ignored():
    record = {"From": "a", "Media Type": "TEXT", "Created": "2021-08-19 12:00:00 UTC",
              "Created(microseconds)": 1629374400, "Content": "x", "IsSender": False}
    (message,), _ = read(from_json({"a": [record]}))
    assert message.timestamp == utc(2021, 8, 19, 12)


@pytest.mark.parametrize("created", ["Thu Foo 19 12:00:00 UTC 2021", "", None, True, [1],
                                     "2021-02-30 10:00:00 UTC", 10**30])
def test_unreadable_created_is_skipped(created):
    records = [{"From": "a", "Media Type": "TEXT", "Created": created, "Content": "x"},
               {"From": "a", "Media Type": "TEXT", "Created": 1629374400, "Content": "y"}]
    messages, ctx = read(from_json({"Received Saved Chat History": records}))
    assert [m.text for m in messages] == ["y"] and [p for p, _ in ctx.skipped] == [1]


def test_broken_records_are_skipped():
    root = {"Received Saved Chat History": ["not a record", {"Media Type": "TEXT", "Created": 1}],
            "Sent Saved Chat History": [{"To": "b", "Created": 1629374400, "Text": None}]}
    messages, ctx = read(from_json(root))
    assert len(messages) == 1 and messages[0].sender == "Me" and messages[0].text == ""
    assert sorted(p for p, _ in ctx.skipped) == [1, 2]


# --- sniff -----------------------------------------------------------------------


OTHER_SAMPLES = [
    "telegram/chat-miner/test_single_export.json", "telegram/chat-miner/test_batch_export.json",
    "telegram/langchain-community/result.json", "telegram/chat-analytics/DM_2A_7M.json",
    "instagram/chat-miner/test_export.json", "instagram/chat-miner/testlog_2023.json",
    "messenger/chat-analytics/2A_7M.json", "messenger/langchain-community/facebook_chat.json",
    "discord/chat-analytics/DM_2A_2M.json", "discord/chat-analytics/SV_5A_5M.json",
    "whatsapp/chat-analytics/2A_5M.txt", "sms/memacs/smsxml.xml", "signal/chat-miner/test_export.txt",
]


@pytest.mark.parametrize("relative", OTHER_SAMPLES)
def test_sniff_rejects_other_formats(relative):
    assert not snapchat.sniff(source_from_path(sample(relative)))


@pytest.mark.parametrize("data", [b"", b"[]", b"{}", b"\xff\xfe\x00", b'{"From": "a"}',
                                  b'{"messages": [{"Created": 1, "Media Type": "TEXT"}]}'])
def test_sniff_rejects_junk(data):
    assert not snapchat.sniff(source_from_bytes(data))


def test_sniff_tolerates_bom():
    data = json.dumps({"Sent Saved Chat History": []}).encode()
    assert snapchat.sniff(source_from_bytes(b"\xef\xbb\xbf" + data))


# --- hostile input ---------------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"", b"\x00" * 100, bytes(range(256)) * 10, b'{"Received Saved Chat History": [',
    b"[1, 2, 3]", b'{"a": 1}', b'{"a": [1], "b": {}}', b'\xef\xbb\xbf{"x": "\xff\xfe"}',
    b"[" * 100_000 + b"]" * 100_000,
])
def test_malformed_gives_bad_export(data):
    start = time.monotonic()
    with pytest.raises(BadExport):
        read(source_from_bytes(data, "chat_history.json"))
    assert time.monotonic() - start < 5


def test_progress_and_cancel():
    records = [{"From": "a", "Media Type": "TEXT", "Created": 1629374400 + i, "Content": str(i)}
               for i in range(2500)]
    source = from_json({"Received Saved Chat History": records})
    seen: list[int] = []
    ctx = ParseContext(tz=UTC, on_progress=seen.append)
    assert len(list(snapchat.parse(source, ctx))) == 2500
    assert seen[0] == 2000 and seen[-1] == 2500
    with pytest.raises(Cancelled):
        list(snapchat.parse(source, ParseContext(tz=UTC, should_stop=lambda: True)))
