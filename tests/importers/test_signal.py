"""Signal chats from signal-export: `chat.md` (`signal_md`) and the JSON
Lines `data.json` (`signal_jsonl`).

The shared sample is chat-miner's old-form chat.md; its expected values
were read off the file.  tests/fixtures/signal/Sara/ holds one hand-written
chat in both files, tests/fixtures/signal/old_form/ the old md form.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardian.domain import AttachmentKind
from guardian.importers import signal_json, signal_md
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "signal"
RIYADH = ZoneInfo("Asia/Riyadh")
UTC = timezone.utc


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"shared sample {relative} not available")
    return path


def read(module, source: Source, tz=RIYADH):
    ctx = ParseContext(tz=tz)
    return list(module.parse(source, ctx)), ctx


def riyadh(*args: int) -> datetime:
    return datetime(*args, tzinfo=RIYADH)


# --- the shared sample -------------------------------------------------------------


def test_sample_old_form():
    source = source_from_path(sample("signal/chat-miner/test_export.txt"))
    assert signal_md.sniff(source) and not signal_json.sniff(source)
    messages, ctx = read(signal_md, source)
    assert ctx.skipped == []
    assert [(m.position, m.sender, m.text) for m in messages] == [
        (1, "Jane Doe", "Hello John!"),
        (2, "John Doe", "Hello\nJane!"),          # a multi-line body
    ]
    # Naive wall-clock times in the parent's zone.
    assert messages[0].timestamp == riyadh(2019, 12, 24, 12, 23)
    assert messages[1].timestamp == riyadh(2020, 1, 17, 21, 49)
    assert messages[1].raw == "[2020-01-17, 21:49] John Doe: Hello\nJane!"
    assert messages[0].conversation.title == "test_export"  # the file's own, non-generic stem
    assert messages[0].conversation.platform == "signal"


def test_sample_in_another_zone():
    source = source_from_path(sample("signal/chat-miner/test_export.txt"))
    messages, _ = read(signal_md, source, tz=UTC)
    assert messages[0].timestamp == datetime(2019, 12, 24, 12, 23, tzinfo=UTC)


# --- chat.md, current form ---------------------------------------------------------


@pytest.fixture(scope="module")
def sara_md():
    source = source_from_path(FIXTURES / "Sara" / "chat.md")
    assert signal_md.sniff(source) and not signal_json.sniff(source)
    return read(signal_md, source)


def test_md_counts_and_titles(sara_md):
    messages, ctx = sara_md
    assert ctx.skipped == [(20, "the message has an impossible date")]  # 2024-02-30
    assert [m.position for m in messages] == [1, 3, 6, 13, 15, 17]
    conversation = messages[0].conversation
    # title_hint is the generic stem "chat": the folder names the chat.
    assert (conversation.key, conversation.title, conversation.owner) == ("Sara", "Sara", "Me")
    assert conversation.is_group  # Sara and Noor besides Me


def test_md_bodies(sara_md):
    messages = sara_md[0]
    assert messages[0].sender == "Sara" and messages[0].text == "مرحبا، هل أنت وحدك الآن؟"
    assert messages[0].timestamp == riyadh(2024, 1, 15, 21, 5, 9)
    assert messages[1].sender == "Me" and messages[1].text == "نعم\nلماذا؟"
    # Quote and reaction lines dropped.
    assert messages[2].text == "لا تخبري أمك عن محادثاتنا 🤫"
    assert "(- Me: 😢 -)" in messages[2].raw and "> Me: نعم" in messages[2].raw


def test_md_attachments_and_deleted(sara_md):
    messages = sara_md[0]
    image = messages[3]
    assert image.text == "" and image.attachment is AttachmentKind.IMAGE
    assert image.attachment_name == "IMG_20240115.jpg"
    deleted = messages[4]
    assert deleted.is_system and deleted.text == "This message was deleted"
    voice = messages[5]
    assert voice.sender == "Noor" and voice.text == "اسمعي"
    assert voice.attachment is AttachmentKind.AUDIO and voice.attachment_name == "voice-note.m4a"


def test_md_old_form_fixture():
    source = source_from_path(FIXTURES / "old_form" / "chat.md")
    assert signal_md.sniff(source)
    messages, ctx = read(signal_md, source)
    assert ctx.skipped == []
    assert [(m.position, m.sender, m.text) for m in messages] == [
        (1, "Me", "السلام عليكم"), (2, "أبو فهد", "وعليكم السلام\nمن معي؟"), (4, "Me", "😅")]
    assert messages[2].timestamp == riyadh(2019, 5, 29, 15, 7)
    assert messages[0].conversation.title == "old_form" and not messages[0].conversation.is_group


def test_md_text_before_first_message_is_reported():
    data = "مقدمة\n\n[2024-01-01 10:00:00] Sara: hi\n".encode()
    messages, ctx = read(signal_md, source_from_bytes(data, "chat.md"))
    assert [m.text for m in messages] == ["hi"] and ctx.skipped[0][0] == 1


def test_md_crlf_and_unicode_line_separators():
    data = "[2024-01-01 10:00:00] Sara: a\u2028b\x85c\r\nd\r\n\r\n[2024-01-01 10:01:00] Me: ok\r\n".encode()
    messages, _ = read(signal_md, source_from_bytes(data, "chat.md"))
    assert [m.text for m in messages] == ["a\u2028b\x85c\nd", "ok"]


def test_md_links_to_websites_stay_text():
    data = b"[2024-01-01 10:00:00] Sara: look\n[site](https://example.com/a.jpg)\n"
    (message,), _ = read(signal_md, source_from_bytes(data, "chat.md"))
    assert message.text == "look\n[site](https://example.com/a.jpg)" and message.attachment is None


# --- data.json ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sara_json():
    source = source_from_path(FIXTURES / "Sara" / "data.json")
    assert signal_json.sniff(source) and not signal_md.sniff(source)
    return read(signal_json, source)


def test_jsonl_counts_and_skips(sara_json):
    messages, ctx = sara_json
    assert [p for p, _ in ctx.skipped] == [9, 10]   # bad date, cut line; line 11 is blank
    assert [m.position for m in messages] == [1, 2, 3, 4, 5, 6, 7, 8, 12]
    conversation = messages[0].conversation
    assert (conversation.key, conversation.title, conversation.owner) == ("Sara", "Sara", "Me")
    assert conversation.is_group


def test_jsonl_matches_md(sara_json, sara_md):
    """Both files of one chat give the same messages (the JSON has more)."""
    md = [(m.sender, m.timestamp, m.text, m.attachment, m.is_system) for m in sara_md[0]]
    js = [(m.sender, m.timestamp, m.text, m.attachment, m.is_system) for m in sara_json[0]][:6]
    assert md == js
    assert sara_md[0][0].conversation == sara_json[0][0].conversation


def test_jsonl_fields(sara_json):
    messages = sara_json[0]
    assert messages[2].text == "لا تخبري أمك عن محادثاتنا 🤫"        # quote left out
    assert messages[3].attachment_name == "IMG_20240115.jpg"
    assert messages[5].attachment is AttachmentKind.AUDIO              # from missing_kind
    assert messages[6].attachment is AttachmentKind.STICKER and messages[6].text == ""
    assert messages[7].is_system and messages[7].text == "Missed call"
    last = messages[8]
    assert last.timestamp == datetime(2024, 1, 15, 18, 14, tzinfo=UTC)  # explicit +03:00
    assert json.loads(last.raw)["body"] == "تصبحين على خير"


def jsonl(*records) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode() + b"\n"


def record(**overrides):
    base = {"date": "2024-01-01T10:00:00", "sender": "Sara", "body": "x", "quote": "",
            "sticker": "", "reactions": [], "attachments": []}
    return {**base, **overrides}


def test_jsonl_one_to_one_and_bom():
    data = b"\xef\xbb\xbf" + jsonl(record(), record(sender="Me"), record(sender=""))
    source = source_from_bytes(data, "Sara/data.json", title_hint="data")
    assert signal_json.sniff(source)
    messages, ctx = read(signal_json, source)
    assert [m.sender for m in messages] == ["Sara", "Me", "Unknown"] and ctx.skipped == []
    assert not messages[0].conversation.is_group and messages[0].conversation.title == "Sara"


def test_jsonl_over_long_line_is_skipped(monkeypatch):
    monkeypatch.setattr(signal_json, "MAX_LINE_BYTES", 160)
    data = jsonl(record(body="a" * 400), record(body="ok"))
    messages, ctx = read(signal_json, source_from_bytes(data, "data.json"))
    assert [m.text for m in messages] == ["ok"]
    assert ctx.skipped == [(1, "the line is too long to be a message")]


def test_jsonl_progress_and_cancel():
    data = jsonl(*(record(body=str(i)) for i in range(2100)))
    seen: list[int] = []
    ctx = ParseContext(tz=UTC, on_progress=seen.append)
    assert len(list(signal_json.parse(source_from_bytes(data, "data.json"), ctx))) == 2100
    assert seen == [2000, 2100]
    with pytest.raises(Cancelled):
        list(signal_json.parse(source_from_bytes(data, "data.json"),
                               ParseContext(tz=UTC, should_stop=lambda: True)))


# --- chat titles -------------------------------------------------------------------


@pytest.mark.parametrize("name, display, hint, expected", [
    ("chat.md", "/home/u/signal-chats/Sara/chat.md", "chat", "Sara"),
    ("chat.md", "C:\\Users\\u\\Signal\\Mona\\chat.md", "chat", "Mona"),
    ("Khaled/chat.md", "/x/export.zip!/Khaled/chat.md", "export", "Khaled"),
    ("chat.md", "/x/Reem.zip!/chat.md", "Reem", "Reem"),
    ("chat.md", "/x/chat.zip!/chat.md", "chat", "chat"),
    ("family.md", "/x/family.md", "family", "family"),
    ("data.json", "data.json", "data", "data"),
])
def test_chat_title(name, display, hint, expected):
    source = Source(name=name, display_path=display, size=0, _opener=lambda m: None,
                    title_hint=hint)
    assert signal_md.chat_title(source) == expected


# --- sniff -----------------------------------------------------------------------


OTHER_SAMPLES = [
    "whatsapp/chat-miner/test_yyyymmdd_24hrs.txt", "whatsapp/chat-miner/test_[mmddyy]_24hrs.txt",
    "whatsapp/langchain-community/chat_loaders_whatsapp_chat_ios.txt",
    "whatsapp/langchain-community/examples_whatsapp_chat.txt", "whatsapp/rwhatsapp/sample.txt",
    "whatsapp/chat-analytics/2A_5M.txt", "whatsapp/chat-miner/testlog.txt",
    "whatsapp/derived/ios_english_ui_arabic_names__whatstk-issue-135.txt",
    "telegram/chat-miner/test_single_export.json", "telegram/langchain-community/result.json",
    "instagram/chat-miner/test_export.json", "discord/chat-analytics/GC_3A_5M.json",
    "messenger/chat-analytics/2A_7M.json", "sms/memacs/smsxml.xml",
]


@pytest.mark.parametrize("relative", OTHER_SAMPLES)
def test_sniff_rejects_other_formats(relative):
    source = source_from_path(sample(relative))
    assert not signal_md.sniff(source) and not signal_json.sniff(source)


@pytest.mark.parametrize("data", [
    b"", b"\x00\xff", b"[2024-01-01 10:00:00] Sara: hi\n[2024-01-01 10:01:00] Me: no blank line\n",
    b"[2024-01-01, 10:00:00] Sara: hi\n", b"hello\n[2024-01-01 10:00:00] Sara: hi\n",
    "\u200e[2024-01-01 10:00:00] Sara: hi\n".encode(),
    b'{"date": "2024-01-01", "sender": "a"}\n', b'{"date": "x", "sender": "a", "body": "b"}',
    b'[{"date": "x", "sender": "a", "body": "b", "quote": ""}]',
])
def test_sniff_rejects_junk(data):
    source = source_from_bytes(data, "chat.md")
    assert not signal_md.sniff(source) and not signal_json.sniff(source)


def test_sniff_accepts_bom_and_single_message():
    assert signal_md.sniff(source_from_bytes(b"\xef\xbb\xbf[2024-01-01 10:00:00] Sara: hi\n"))
    assert signal_json.sniff(source_from_bytes(b"\xef\xbb\xbf" + jsonl(record())))


# --- hostile input ---------------------------------------------------------------


@pytest.mark.parametrize("module", [signal_md, signal_json])
@pytest.mark.parametrize("data", [
    b"", b"\x00" * 1000, bytes(range(256)) * 100, b"\xff\xfe" + "نص".encode("utf-16-le"),
    b"{" * 50_000, b'{"date": "2024-01-01T10:00:00", "sender": "a", "body": ' + b"[" * 50_000,
])
def test_malformed_gives_bad_export(module, data):
    start = time.monotonic()
    with pytest.raises(BadExport):
        read(module, source_from_bytes(data, "chat.md"))
    assert time.monotonic() - start < 5


def test_md_invalid_utf8_is_replaced_not_fatal():
    data = b"[2024-01-01 10:00:00] Sara: \xd9\x85\xff\xfe\n\n[2024-01-01 10:01:00] Me: ok\n"
    messages, ctx = read(signal_md, source_from_bytes(data, "chat.md"))
    assert [m.text for m in messages] == ["م\ufffd\ufffd", "ok"] and ctx.skipped == []


def test_jsonl_invalid_utf8_is_replaced_not_fatal():
    data = jsonl(record(body="BROKEN"), record(body="ok")).replace(b"BROKEN", b"\xd9\x85\xff")
    messages, _ = read(signal_json, source_from_bytes(data, "data.json"))
    assert [m.text for m in messages] == ["م\ufffd", "ok"]


def test_md_progress_and_cancel():
    data = "\n\n".join(f"[2024-01-01 10:00:00] Sara: {i}" for i in range(2100)).encode()
    seen: list[int] = []
    ctx = ParseContext(tz=UTC, on_progress=seen.append)
    assert len(list(signal_md.parse(source_from_bytes(data, "chat.md"), ctx))) == 2100
    assert seen == [2000, 2100]
    with pytest.raises(Cancelled):
        list(signal_md.parse(source_from_bytes(data, "chat.md"),
                             ParseContext(tz=UTC, should_stop=lambda: True)))


# --- round trip ------------------------------------------------------------------

_LINE = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0621, max_codepoint=0x064A),
    st.characters(min_codepoint=0x1F600, max_codepoint=0x1F64F),
    st.sampled_from(list(" ؟،.!:-[]()>*_#0123456789abc")),
), min_size=1, max_size=30).map(str.strip).filter(
    # Lines signal-export would itself write differently: a header look-alike,
    # a quote, a reaction or attachment line.
    lambda s: s and not s.startswith((">", "[", "(-", "![")))
_NAME = st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A),
                min_size=1, max_size=12)


@given(messages=st.lists(st.tuples(
           st.one_of(st.just("Me"), _NAME),
           st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 1, 1)),
           st.lists(_LINE, min_size=1, max_size=4)),
       min_size=1, max_size=15),
       old_form=st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_md_round_trip(messages, old_form):
    blocks = []
    for sender, when, lines in messages:
        if old_form:
            stamp = when.strftime("%Y-%m-%d, %H:%M")
        else:
            stamp = when.strftime("%Y-%m-%d %H:%M:%S")
        blocks.append(f"[{stamp}] {sender}: " + "\n".join(lines))
    data = ("\n" if old_form else "\n\n").join(blocks).encode()
    source = source_from_bytes(data, "Family/chat.md", title_hint="chat")
    assert signal_md.sniff(source)
    parsed, ctx = read(signal_md, source, tz=UTC)
    assert ctx.skipped == []
    assert [(m.sender, m.text) for m in parsed] == [(s, "\n".join(lines)) for s, _, lines in messages]
    precision = timedelta(minutes=1) if old_form else timedelta(seconds=1)
    expected = [when.replace(tzinfo=UTC) for _, when, _ in messages]
    assert all(e - precision < m.timestamp <= e for m, e in zip(parsed, expected))
    assert parsed[0].conversation.title == "Family"
