"""DiscordChatExporter JSON and CSV importers.  Expected values for the
shared samples were read off the files themselves."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.domain import AttachmentKind
from guardian.importers import discord, discord_csv, instagram, messenger, telegram_html, telegram_json
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples" / "discord"
FIXTURES = ROOT / "tests" / "fixtures" / "discord"
CSV_FIXTURE = FIXTURES / "Direct Messages - Private - khaled_2010 [912345678901234567].csv"
RIYADH = ZoneInfo("Asia/Riyadh")
UTC = timezone.utc
ALL_IMPORTERS = (telegram_json, telegram_html, instagram, messenger, discord, discord_csv)
HEADER = b"AuthorID,Author,Date,Content,Attachments,Reactions\r\n"


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"shared sample {relative} not available")
    return path


def read(module, source: Source, tz=RIYADH):
    ctx = ParseContext(tz=tz)
    return list(module.parse(source, ctx)), ctx


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def json_source(value, name: str = "chat.json") -> Source:
    return source_from_bytes(json.dumps(value, ensure_ascii=False).encode("utf-8"), name=name)


# --- shared samples ------------------------------------------------------------


def test_sample_direct_message():
    source = source_from_path(sample("chat-analytics/DM_2A_2M.json"))
    assert discord.sniff(source) and not discord_csv.sniff(source)
    messages, ctx = read(discord, source)
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["mlomb", "Someones nickname", "Someones nickname"]
    assert messages[0].timestamp == datetime(2019, 1, 4, 17, 52, 39, 762000, tzinfo=UTC)
    assert messages[0].timestamp.utcoffset().total_seconds() == 3 * 3600  # shown in the parent's zone
    assert messages[2].is_system and messages[2].text == "Started a call that lasted 251 minutes."
    assert not messages[0].is_system
    conversation = messages[0].conversation
    assert (conversation.platform, conversation.key, conversation.title) == (
        "discord", "530805775262679064", "Someones name")  # DM: no "Direct Messages /" prefix
    assert not conversation.is_group


def test_sample_group_dm_nickname_and_system_types():
    messages, ctx = read(discord, source_from_path(sample("chat-analytics/GC_3A_5M.json")))
    assert ctx.skipped == []
    assert len(messages) == 6  # messageCount says 5; every record is imported
    assert [m.sender for m in messages] == ["lombi", "theplant", "lombi", "lombi", "mlomb", "mlomb"]
    assert [m.is_system for m in messages] == [True, False, True, False, False, True]
    assert messages[1].timestamp == datetime(2023, 1, 17, 19, 33, 19, 87000, tzinfo=UTC)
    assert messages[5].timestamp == datetime(2023, 3, 3, 14, 47, 59, 187000, tzinfo=UTC)
    assert messages[0].conversation.is_group and messages[0].conversation.title == "a group chat"
    assert messages[0].conversation.key == "1064990764406419508"  # 19-digit snowflake


def test_sample_guild_channel_with_attachment():
    messages, ctx = read(discord, source_from_path(sample("chat-analytics/SV_5A_5M.json")))
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["Deleted User", "Deleted User", "mlomb", "mlomb", "mlomb"]
    assert (messages[3].attachment, messages[3].attachment_name) == (AttachmentKind.IMAGE, "unknown.png")
    assert messages[2].timestamp == datetime(2018, 5, 20, 16, 9, 51, 118000, tzinfo=UTC)
    conversation = messages[0].conversation
    assert conversation.title == "DefleMask / general-chiptune" and conversation.key == "253601524398293010"
    assert conversation.is_group


def test_samples_claimed_by_exactly_one_importer():
    if not SAMPLES.exists():
        pytest.skip("shared samples not available")
    for path in sorted(SAMPLES.rglob("*.json")):
        assert [m.FORMAT for m in ALL_IMPORTERS if m.sniff(source_from_path(path))] == ["discord_json"]


# --- our fixtures: JSON --------------------------------------------------------


def test_fixture_guild_channel():
    messages, ctx = read(discord, source_from_path(FIXTURES / "guild_channel.json"))
    assert ctx.skipped == []
    assert len(messages) == 14
    assert [m.sender for m in messages[:4]] == ["سارة", "خالد", "سارة", "reem"]  # reem has no nickname
    assert messages[1].text == "مرحبا سارة، أرسلي رقمك"
    assert messages[1].timestamp == datetime(2024, 3, 1, 16, 5, 12, 345000, tzinfo=UTC)
    assert messages[11].timestamp == utc(2024, 3, 1, 22, 15)  # written with +00:00
    assert messages[11].timestamp.utcoffset().total_seconds() == 3 * 3600
    assert [(m.attachment, m.attachment_name) for m in messages[3:10]] == [
        (AttachmentKind.IMAGE, "صورة.jpg"), (AttachmentKind.VIDEO, "clip.MP4"),
        (AttachmentKind.AUDIO, "voice-message.ogg"), (AttachmentKind.DOCUMENT, "homework.pdf"),
        (AttachmentKind.GIF, "dance.gif"), (AttachmentKind.OTHER, "data.bin"),
        (AttachmentKind.STICKER, None)]
    assert [m.position for m in messages if m.is_system] == [1, 11, 14]  # join, pin, thread
    assert not messages[2].is_system  # Reply is a user message
    assert messages[12].text == "الكل يكرهك يا سارة 😡\nاتركي المجموعة"
    conversation = messages[0].conversation
    assert (conversation.key, conversation.title, conversation.is_group) == (
        "700000000000000002", "مدرسة النور / الصف-الثالث", True)
    assert json.loads(messages[12].raw)["id"] == "900000000000000013"


def test_fixture_direct_message_matches_csv_key():
    messages, _ = read(discord, source_from_path(FIXTURES / "direct_message.json"))
    assert [m.sender for m in messages] == ["خالد", "خالد", "سارة"]
    assert messages[1].is_system
    csv_messages, _ = read(discord_csv, source_from_path(CSV_FIXTURE))
    assert messages[0].conversation.key == csv_messages[0].conversation.key == "912345678901234567"


# --- our fixtures: CSV ---------------------------------------------------------


def test_fixture_csv():
    source = source_from_path(CSV_FIXTURE)
    assert discord_csv.sniff(source) and not discord.sniff(source)
    messages, ctx = read(discord_csv, source)
    assert ctx.skipped == [(10, "the date 'not a date' is not a valid date")]
    assert [m.position for m in messages] == [2, 3, 5, 6, 7, 11]  # first line of each record
    assert [m.sender for m in messages] == ["khaled_2010", "sara.a", "khaled_2010", "khaled_2010",
                                            "sara.a", "khaled_2010"]
    assert messages[0].timestamp == datetime(2024, 3, 3, 20, 30, 0, 123000, tzinfo=UTC)
    assert messages[5].timestamp == utc(2024, 3, 3, 20, 40)
    assert messages[1].text == "ليش؟\nأنا خايفة"
    assert messages[2].text == 'قال لي "سرّنا" فقط, لا أحد غيرنا'
    assert messages[4].text == "سطر\n\nبعد سطر فارغ"
    assert (messages[3].attachment, messages[3].attachment_name) == (AttachmentKind.IMAGE, "صورة.jpg")
    assert (messages[4].attachment, messages[4].attachment_name) == (AttachmentKind.AUDIO, "voice.ogg")
    assert not any(m.is_system for m in messages)
    assert messages[1].raw == ('"222222222222222222","sara.a","2024-03-03T23:31:00.0000000+03:00",'
                               '"ليش؟\nأنا خايفة","","😢 (1)"')
    conversation = messages[0].conversation
    assert (conversation.title, conversation.key, conversation.is_group) == (
        "Direct Messages - Private - khaled_2010", "912345678901234567", False)


def test_csv_without_id_in_name_and_plain_newlines():
    body = HEADER.replace(b"\r\n", b"\n") + '"1","أ","2024-01-01T10:00:00+03:00","نص","",""\n'.encode()
    [message], _ = read(discord_csv, source_from_bytes(body, name="export.csv", title_hint="قناة"))
    assert message.conversation.key == message.conversation.title == "قناة"
    assert message.position == 2 and message.raw == '"1","أ","2024-01-01T10:00:00+03:00","نص","",""'


def test_csv_bad_rows_are_skipped():
    body = HEADER + (
        '"1","a","2024-01-01T10:00:00+00:00","ok","",""\r\n'
        '"1","a"\r\n'
        '"1","a","","no date","",""\r\n'
        '\r\n'
        '"1","a","2024-01-01T10:00:00","naive","",""\r\n').encode()
    messages, ctx = read(discord_csv, source_from_bytes(body, name="x.csv"))
    assert [p for p, _ in ctx.skipped] == [3, 4]
    assert [m.text for m in messages] == ["ok", "naive"]
    assert messages[1].timestamp == datetime(2024, 1, 1, 10, tzinfo=RIYADH) and messages[1].position == 6


@pytest.mark.parametrize("data", [
    b"",
    b"AuthorID,Author,Date\r\n",
    b"\xff\xfe\x00\x01",
    HEADER + b'"1","a","2024-01-01T10:00:00+00:00","\xff\xfe","",""\r\n',
    "AuthorID,Author,Date,Content,Attachments,Reactions\r\n".encode("utf-16"),
])
def test_csv_corrupted_raises_bad_export(data):
    source = source_from_bytes(data, name="x.csv")
    assert isinstance(discord_csv.sniff(source), bool)
    with pytest.raises(BadExport):
        read(discord_csv, source)


def test_csv_huge_field_is_a_clean_bad_export():
    body = HEADER + b'"1","a","2024-01-01T10:00:00+00:00","' + b"x" * 200_000 + b'","",""\r\n'
    with pytest.raises(BadExport, match="line 2"):
        read(discord_csv, source_from_bytes(body, name="x.csv"))


# --- malformed JSON ------------------------------------------------------------


@pytest.mark.parametrize("data", [
    b'{"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": [{"id": "3", "timest',
    b"\x89PNG\r\n\x1a\n",
    b"[]",
    b"7",
    b"true",
    b'{"guild": {}, "channel": {}}',
    b'{"guild": {}, "channel": {}, "messages": {"a": 1}}',
    b"[" * 100_000,
])
def test_corrupted_json_raises_bad_export(data):
    source = source_from_bytes(data, name="chat.json")
    assert isinstance(discord.sniff(source), bool)
    with pytest.raises(BadExport):
        read(discord, source)


def test_wrong_types_are_skipped():
    records = [5, None, [], {"timestamp": 5}, {"timestamp": "never"}, {"timestamp": "2024-01-01T00:00:00Z",
                                                                       "content": 5},
               {"timestamp": "2024-01-01T00:00:00Z", "author": "x"}]
    good = {"timestamp": "2024-01-01T00:00:00Z", "content": None, "author": {"name": "أ", "nickname": 5},
            "type": ["x"], "attachments": [{"url": "https://x/y/a.webm?ex=1"}], "stickers": 5}
    export = {"guild": [], "channel": {"type": ["x"], "id": True, "name": 5}, "messages": [*records, good]}
    messages, ctx = read(discord, json_source(export))
    assert [p for p, _ in ctx.skipped] == list(range(1, 8))
    [message] = messages
    assert (message.sender, message.text, message.attachment, message.attachment_name) == (
        "أ", "", AttachmentKind.VIDEO, "a.webm")
    assert message.conversation.key == "chat" and not message.is_system


def test_progress_and_cancellation():
    records = [{"timestamp": "2024-01-01T00:00:00Z", "content": "x", "author": {"name": "a"}}] * 2500
    source = json_source({"guild": {}, "channel": {}, "messages": records})
    progress: list[int] = []
    assert len(list(discord.parse(source, ParseContext(tz=UTC, on_progress=progress.append)))) == 2500
    assert progress == [2000, 2500]
    with pytest.raises(Cancelled):
        list(discord.parse(source, ParseContext(tz=UTC, should_stop=lambda: True)))
    rows = "".join(f'"1","a","2024-01-01T00:00:00Z","{i}","",""\r\n' for i in range(2500))
    csv_source = source_from_bytes(HEADER + rows.encode(), name="x.csv")
    with pytest.raises(Cancelled):
        list(discord_csv.parse(csv_source, ParseContext(tz=UTC, should_stop=lambda: True)))


def test_sniffers_are_specific():
    telegram_like = b'{"name": "x", "messages": [{"type": "message", "date": "2020-01-01T00:00:00"}]}'
    meta_like = b'{"participants": [], "messages": [{"sender_name": "a", "timestamp_ms": 1}]}'
    for data in (telegram_like, meta_like, b"", b"\x00\x01", b'{"content": "\\"guild\\": {"}'):
        assert not discord.sniff(source_from_bytes(data))
    assert not discord_csv.sniff(source_from_bytes(b"Author,Date,Content\r\n"))
    assert discord_csv.sniff(source_from_bytes(b'\xef\xbb\xbf"AuthorID","Author","Date","Content",'
                                               b'"Attachments","Reactions"\n'))


# --- property and fuzz tests ---------------------------------------------------

TEXT = st.lists(st.sampled_from(list("ابتثجحخدرسشصعغفقكلمنهويءأإآةى ٠١٩،؟") +
                                ["😀", "❤️", "\n", "\r\n", '"', ",", '""', "a"]), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["سارة", "khaled#1234", 'a "b", c']), TEXT,
                          st.integers(0, 4_000_000_000)), max_size=10))
def test_property_csv_round_trip(rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    expected, line = [], 2
    for author, text, seconds in rows:
        when = datetime.fromtimestamp(seconds, UTC).astimezone(RIYADH)
        writer.writerow(["1", author, when.isoformat(), text, "", ""])
        expected.append((author, when, text, line))
        line += text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    data = HEADER + out.getvalue().encode("utf-8")
    messages, ctx = read(discord_csv, source_from_bytes(data, name="x.csv"))
    assert ctx.skipped == []
    assert [(m.sender, m.timestamp, m.text, m.position) for m in messages] == expected


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["guild", "channel", "messages", "id", "name", "type", "timestamp", "content",
                         "author", "nickname", "attachments", "fileName", "url", "stickers"]) | st.text(max_size=5),
        inner, max_size=6),
    max_leaves=30)


def _only_clean_results(module, source: Source) -> None:
    assert isinstance(module.sniff(source), bool)
    try:
        messages, _ = read(module, source)
    except BadExport:
        return
    for m in messages:
        assert m.timestamp.tzinfo is not None and isinstance(m.text, str) and isinstance(m.sender, str)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_fuzz_random_json(value):
    _only_clean_results(discord, json_source(value))


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON_VALUES, max_size=6), JSON_VALUES, JSON_VALUES)
def test_fuzz_export_shaped_json(records, guild, channel):
    shaped = [dict(r, timestamp="2024-01-01T00:00:00+03:00") if isinstance(r, dict) else r for r in records]
    for messages in (records, shaped):
        _only_clean_results(discord, json_source({"guild": guild, "channel": channel, "messages": messages}))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_fuzz_random_bytes(data):
    _only_clean_results(discord, source_from_bytes(data, name="chat.json"))
    _only_clean_results(discord_csv, source_from_bytes(data, name="chat.csv"))
    _only_clean_results(discord_csv, source_from_bytes(HEADER + data, name="chat.csv"))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_fuzz_damaged_fixtures(data):
    """Truncated files and flipped bytes: a clean result or BadExport."""
    path = data.draw(st.sampled_from(sorted(p for p in FIXTURES.rglob("*") if p.is_file())))
    damaged = bytearray(path.read_bytes())
    del damaged[data.draw(st.integers(0, len(damaged))):]
    for _ in range(data.draw(st.integers(0, 4))):
        if damaged:
            damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    for module in (discord, discord_csv):
        _only_clean_results(module, source_from_bytes(bytes(damaged), name=path.name, title_hint=path.stem))
