"""Instagram and Messenger JSON threads (shared `meta_json` reader).
Expected values for the shared samples were read off the files themselves;
timestamp_ms values were converted with `date -u -d @<seconds>`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardian.domain import AttachmentKind
from guardian.importers import discord, discord_csv, instagram, messenger, meta_json, telegram_html, telegram_json
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "meta"
IG_THREAD = FIXTURES / "your_instagram_activity" / "messages" / "inbox" / "khaled_1234567890"
FB_THREAD = FIXTURES / "messages" / "inbox" / "noura_abc123"
RIYADH = ZoneInfo("Asia/Riyadh")
UTC = timezone.utc
ALL_IMPORTERS = (telegram_json, telegram_html, instagram, messenger, discord, discord_csv)


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


def mojibake(text: str) -> str:
    """What Meta writes: the UTF-8 bytes, each shown as one Latin-1 char."""
    return text.encode("utf-8").decode("latin-1")


def thread_bytes(value) -> bytes:
    return json.dumps(value).encode("ascii")


# --- shared samples ------------------------------------------------------------


def test_sample_instagram_minimal():
    source = source_from_path(sample("instagram/chat-miner/test_export.json"))
    assert instagram.sniff(source) and not messenger.sniff(source)
    messages, ctx = read(instagram, source)
    assert ctx.skipped == []
    # Newest first in the file; read in time order.
    assert [(m.sender, m.text, m.position) for m in messages] == [
        ("Jane Doe", "Hello John!", 2), ("John Doe", "Hello Jane!", 1)]
    assert messages[0].timestamp == utc(2019, 12, 24, 11, 23)  # 1577186580000
    assert messages[1].timestamp == utc(2020, 1, 17, 20, 49)  # 1579294140000
    assert messages[0].conversation.platform == "instagram"


def test_sample_instagram_mojibake_thread():
    source = source_from_path(sample("instagram/chat-miner/testlog_2023.json"))
    assert instagram.sniff(source) and not messenger.sniff(source)  # ig.me link
    messages, ctx = read(instagram, source)
    assert ctx.skipped == []
    assert len(messages) == 13
    assert messages[0].sender == "Jane Doe" and messages[0].timestamp == utc(2014, 12, 24, 17, 8)  # 1419440880000
    assert messages[0].is_system  # "joined the group" carries `users`
    assert messages[-1].timestamp == utc(2022, 9, 10, 22, 37)  # 1662849420000
    senders = {m.sender for m in messages}
    assert senders == {"John Doe", "Jane Doe", "Lionel Messi", "J❤️hn Doe", "❤️"}
    by_position = {m.position: m for m in messages}
    assert by_position[12].text == "Testing message with emoji: ❤️"
    assert by_position[11].text == "Testing username with emoji: J❤️hn Doe"
    assert by_position[1].is_system and by_position[1].text == ""  # reactions only
    assert by_position[1].timestamp == datetime(2022, 2, 28, 5, 25, 43, 621000, tzinfo=UTC)
    assert (by_position[4].attachment, by_position[5].attachment, by_position[7].attachment) == (
        AttachmentKind.AUDIO, AttachmentKind.VIDEO, AttachmentKind.IMAGE)
    assert by_position[6].attachment is AttachmentKind.OTHER and by_position[6].is_system
    assert by_position[3].is_system  # "This poll is no longer available."
    assert not by_position[13].is_system
    # Equal timestamps (positions 10 and 11) come out in chronological order:
    # the file is newest first, so the later record in the file is older.
    assert [m.position for m in messages if m.timestamp == utc(2020, 1, 18, 14, 53)] == [11, 10]
    conversation = messages[0].conversation
    assert conversation.key == "inbox/testlog_2765720812686121" and conversation.title == "Test Log"
    assert conversation.is_group and conversation.owner is None
    assert "\\u00e2" not in by_position[12].raw and "â\x9d¤" in by_position[12].raw  # raw kept as written


def test_sample_messenger_old_shape_with_bom():
    source = source_from_path(sample("messenger/chat-analytics/2A_7M.json"))
    assert source.head().startswith(b"\xef\xbb\xbf")
    assert messenger.sniff(source) and not instagram.sniff(source)  # `ip`
    messages, ctx = read(messenger, source)
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["Bob", "Bob", "Alice", "Bob", "Bob", "Bob", "Alice"]
    assert [m.attachment for m in messages[:4]] == [AttachmentKind.IMAGE, AttachmentKind.STICKER,
                                                    AttachmentKind.AUDIO, AttachmentKind.DOCUMENT]
    assert messages[3].attachment_name == "messages/inbox/alice_aaaaaaaaaa/files/blabla.docx"
    assert messages[0].timestamp == datetime(2014, 11, 5, 0, 27, 20, 411000, tzinfo=UTC)  # 1415147240411
    assert messages[-1].text == "Hello" and messages[-1].timestamp == datetime(
        2014, 11, 5, 0, 35, 32, 56000, tzinfo=UTC)  # 1415147732056
    assert messages[0].conversation.platform == "messenger" and not messages[0].conversation.is_group


def test_sample_messenger_without_platform_clue():
    """Nothing in this Messenger file tells it from Instagram: the
    documented default (Instagram) applies; the messages are the same."""
    source = source_from_path(sample("messenger/langchain-community/facebook_chat.json"))
    assert instagram.sniff(source) and not messenger.sniff(source)
    messages, ctx = read(instagram, source)
    assert ctx.skipped == [] and len(messages) == 11
    assert messages[0].sender == "User 1" and messages[0].timestamp == datetime(
        2023, 2, 4, 22, 17, 2, 673000, tzinfo=UTC)  # 1675549022673
    assert messages[-1].text == "Bye!" and messages[-1].timestamp == datetime(
        2023, 2, 5, 11, 46, 11, 851000, tzinfo=UTC)  # 1675597571851
    photo = [m for m in messages if m.attachment]
    assert len(photo) == 1 and photo[0].attachment_name == "url_of_some_picture.jpg" and photo[0].text == ""
    assert [m.sender for m in messages].count("User 1") == 5
    assert messages[0].conversation.key == "inbox/User 1 and User 2 chat"
    # Read as Messenger when the dispatcher is told so (e.g. by the parent):
    assert read(messenger, source)[0][0].conversation.platform == "messenger"


def test_samples_claimed_by_exactly_one_importer():
    for folder in ("instagram", "messenger"):
        if not (SAMPLES / folder).exists():
            pytest.skip("shared samples not available")
        for path in sorted((SAMPLES / folder).rglob("*.json")):
            claims = [m.FORMAT for m in ALL_IMPORTERS if m.sniff(source_from_path(path))]
            assert len(claims) == 1 and claims[0] in ("instagram_json", "messenger_json"), path


# --- our fixtures --------------------------------------------------------------


def test_fixture_instagram_split_thread():
    first = source_from_path(IG_THREAD / "message_1.json")
    assert instagram.sniff(first) and not messenger.sniff(first)
    messages, ctx = read(instagram, first)
    # The undated record is the last of part 2: 10 records in part 1 + 10th of part 2.
    assert ctx.skipped == [(20, "the message has no usable timestamp")]
    assert len(messages) == 19
    times = [m.timestamp for m in messages]
    assert times == sorted(times)
    assert messages[0].timestamp == utc(2024, 3, 5, 18, 0)  # 1709661600000
    assert messages[-1].timestamp == utc(2024, 3, 5, 18, 17)
    assert messages[0].text == "ريم 🌸 انضمت إلى المجموعة." and messages[0].is_system
    assert messages[1].sender == "خالد العتيبي" and messages[1].text == "مرحبا يا جماعة"
    assert messages[2].text == "أرسلي لي صورتك 😍" and not messages[2].is_system
    kinds = [(m.attachment, m.attachment_name) for m in messages[3:9]]
    inbox = "your_instagram_activity/messages/inbox/khaled_1234567890"
    assert kinds == [(AttachmentKind.IMAGE, f"{inbox}/photos/4311_n_صورة.jpg"),
                     (AttachmentKind.VIDEO, f"{inbox}/videos/9911_n.mp4"),
                     (AttachmentKind.AUDIO, f"{inbox}/audio/audioclip_77.mp4"),
                     (AttachmentKind.DOCUMENT, f"{inbox}/files/واجب.pdf"),
                     (AttachmentKind.GIF, "https://media.giphy.com/media/abc/giphy.gif"),
                     (AttachmentKind.STICKER, f"{inbox}/stickers/st_1.png")]
    shared_line, shared_post, call, unsent, reaction_only = messages[9:14]
    assert shared_line.is_system and shared_line.text == "خالد العتيبي sent an attachment."
    assert not shared_post.is_system and shared_post.text == "منشور مسيء"
    assert shared_post.attachment is AttachmentKind.OTHER
    assert call.is_system and call.text == "بدأت مكالمة فيديو"
    assert unsent.is_system and reaction_only.is_system and reaction_only.text == ""
    assert [m.text for m in messages[14:16]] == ["رسالة أولى بنفس الوقت", "رسالة ثانية بنفس الوقت"]
    assert messages[16].text == "قالت “لا” بوضوح"  # not mojibake (chars > U+00FF): kept
    assert messages[17].text == "café"  # real Latin-1, not UTF-8 bytes: kept
    assert messages[18].text == "سأنشر صورك إن لم تردي" and messages[18].position == 1
    conversation = messages[0].conversation
    assert (conversation.platform, conversation.key, conversation.title) == (
        "instagram", "inbox/khaled_1234567890", "الشلة 🔥")
    assert conversation.is_group and conversation.owner is None
    assert all(m.conversation == conversation for m in messages)


def test_fixture_later_part_yields_nothing():
    second = source_from_path(IG_THREAD / "message_2.json")
    assert instagram.sniff(second)
    assert read(instagram, second)[0] == []


def test_fixture_old_messenger_thread():
    source = source_from_path(FB_THREAD / "message_1.json")
    assert messenger.sniff(source) and not instagram.sniff(source)
    messages, ctx = read(messenger, source)
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["نورة", "نورة", "سارة", "سارة", "نورة", "نورة", "نورة", "سارة"]
    assert messages[0].timestamp == datetime(2017, 6, 1, 18, 0, tzinfo=RIYADH)  # 1496329200000
    assert [m.is_system for m in messages] == [True, False, False, False, False, True, False, True]
    assert messages[0].text == "نورة أضافت سارة إلى المجموعة."
    assert messages[3].attachment_name == "messages/inbox/noura_abc123/files/صور.zip"
    assert messages[4].attachment is AttachmentKind.OTHER
    assert messages[6].attachment is AttachmentKind.STICKER
    conversation = messages[0].conversation
    assert (conversation.platform, conversation.title, conversation.is_group) == ("messenger", "نورة", False)


def test_parts_in_a_zip_only_pair_with_their_own_folder():
    part1 = (IG_THREAD / "message_1.json").read_bytes()
    part2 = (IG_THREAD / "message_2.json").read_bytes()
    folder = "your_instagram_activity/messages/inbox/khaled_1234567890/"
    source = source_from_bytes(part1, name=folder + "message_1.json", siblings={
        folder + "message_2.json": part2, "other/message_2.json": b"junk", folder + "photos/x.jpg": b""})
    assert len(read(instagram, source)[0]) == 19
    orphan = source_from_bytes(part2, name=folder + "message_2.json",
                               siblings={"elsewhere/message_1.json": part1})
    assert len(read(instagram, orphan)[0]) == 9  # no first part beside it: read alone
    broken = source_from_bytes(part1, name="message_1.json", siblings={"message_2.json": b"[1]"})
    with pytest.raises(BadExport) as info:
        read(instagram, broken)
    assert info.value.path == "message_2.json"


def test_folder_names_break_the_platform_tie():
    thread = thread_bytes({"participants": [{"name": "a"}, {"name": "b"}],
                           "messages": [{"sender_name": "a", "timestamp_ms": 1, "content": "x"}]})
    fb = source_from_bytes(thread, name="your_facebook_activity/messages/inbox/a_1/message_1.json")
    assert messenger.sniff(fb) and not instagram.sniff(fb)
    ig = source_from_bytes(thread, name="your_instagram_activity/messages/inbox/a_1/message_1.json")
    assert instagram.sniff(ig) and not messenger.sniff(ig)
    # The file name alone is never a clue.
    assert instagram.sniff(source_from_bytes(thread, name="facebook.json"))


def test_repair_guards():
    assert meta_json.repair(mojibake("سارة ❤️")) == "سارة ❤️"
    assert meta_json.repair("“quoted”") == "“quoted”"
    assert meta_json.repair("café") == "café"
    assert meta_json.repair("plain") == "plain"


# --- malformed input -----------------------------------------------------------


@pytest.mark.parametrize("data", [
    b'{"participants": [{"name": "a"}], "messages": [{"sender_name": "a", "timestamp_ms": 16',
    b"\xde\xad\xbe\xef" * 10,
    b"[]",
    b"3.5",
    b'"x"',
    b"{}",
    b'{"messages": {"sender_name": "a"}}',
    b'{"messages": "none"}',
    b"[" * 100_000,
])
def test_corrupted_json_raises_bad_export(data):
    source = source_from_bytes(data, name="message_1.json")
    assert isinstance(instagram.sniff(source), bool) and isinstance(messenger.sniff(source), bool)
    for module in (instagram, messenger):
        with pytest.raises(BadExport):
            read(module, source)


def test_wrong_types_are_skipped():
    records = [5, None, "x", {"sender_name": "a"}, {"sender_name": "a", "timestamp_ms": "soon"},
               {"sender_name": "a", "timestamp_ms": True}, {"sender_name": "a", "timestamp_ms": 10**30},
               {"sender_name": ["a"], "timestamp_ms": 1}, {"sender_name": "a", "timestamp_ms": 2, "content": 5},
               {"sender_name": "a", "timestamp_ms": 3, "share": {"share_text": 7}}]
    good = {"sender_name": mojibake("ريم"), "timestamp_ms": 4, "content": mojibake("أهلاً"),
            "photos": "x", "videos": [5], "sticker": [], "reactions": 4, "users": []}
    thread = {"participants": "x", "title": 5, "thread_path": ["p"], "messages": [good, *records]}
    messages, ctx = read(messenger, source_from_bytes(thread_bytes(thread), name="message_1.json"))
    assert sorted(p for p, _ in ctx.skipped) == list(range(2, 12))
    assert [(m.sender, m.text, m.attachment, m.attachment_name) for m in messages] == [
        ("ريم", "أهلاً", AttachmentKind.VIDEO, None)]
    assert messages[0].conversation.key == "message_1"  # no thread_path, title or participants


def test_seconds_timestamps_of_pre_2018_exports():
    thread = {"participants": [{"name": "a"}], "messages": [{"sender_name": "a", "timestamp": 1500000000,
                                                             "content": "old"}]}
    [message], _ = read(instagram, source_from_bytes(thread_bytes(thread), name="message_1.json"))
    assert message.timestamp == utc(2017, 7, 14, 2, 40)


def test_progress_and_cancellation():
    records = [{"sender_name": "a", "timestamp_ms": 10_000 - i, "content": "x"} for i in range(4100)]
    source = source_from_bytes(thread_bytes({"participants": [], "messages": records}), name="message_1.json")
    progress: list[int] = []
    messages = list(instagram.parse(source, ParseContext(tz=UTC, on_progress=progress.append)))
    assert len(messages) == 4100 and progress == [2000, 4000, 4100]
    with pytest.raises(Cancelled):
        list(instagram.parse(source, ParseContext(tz=UTC, should_stop=lambda: True)))


def test_sniff_is_specific():
    telegram_like = b'{"name": "x", "messages": [{"type": "message", "date": "2020-01-01T00:00:00"}]}'
    discord_like = b'{"guild": {}, "channel": {}, "messages": [{"author": {}, "timestamp": "x"}]}'
    for data in (telegram_like, discord_like, b"", b"\xff\xfe", b"sender_name timestamp_ms"):
        source = source_from_bytes(data, name="message_1.json")
        assert not instagram.sniff(source) and not messenger.sniff(source)
    escaped = thread_bytes({"messages": [{"content": '"sender_name": 1, "timestamp_ms": 2'}]})
    assert not instagram.sniff(source_from_bytes(escaped))


# --- property tests ------------------------------------------------------------

TEXT = st.lists(st.sampled_from(list("ابتثجحخدرسشصعغفقكلمنهويءأإآةى ٠١٩،؟") +
                                ["😀", "😠", "❤️", "👍🏽", "\n", "é", "“", "a", '"', "\\"]),
                max_size=30).map("".join)
NAMES = st.sampled_from(["سارة أحمد", "خالد", "ريم 🌸", "Jane", "نورة"])


@st.composite
def meta_thread(draw):
    """A thread's records in time order plus the expected messages."""
    stamps = draw(st.lists(st.integers(0, 4_000_000_000_000), unique=True, max_size=15))
    records, expected = [], []
    for ms in sorted(stamps):
        sender, text = draw(NAMES), draw(TEXT)
        record = {"sender_name": mojibake(sender), "timestamp_ms": ms}
        if text or draw(st.booleans()):
            record["content"] = mojibake(text)
        records.append(record)
        expected.append((sender, datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms), text))
    return records, expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta_thread(), st.randoms(use_true_random=False), st.integers(1, 4), st.booleans())
def test_property_meta_round_trip(thread, rnd, part_count, bom):
    records, expected = thread
    shuffled = list(records)
    rnd.shuffle(shuffled)
    size = -(-len(shuffled) // part_count) if shuffled else 1
    chunks = [shuffled[i:i + size] for i in range(0, len(shuffled), size)] or [[]]
    participants = [{"name": mojibake(n)} for n in ("سارة أحمد", "خالد")]
    files = {f"t/message_{n}.json": (b"\xef\xbb\xbf" if bom else b"") + thread_bytes(
        {"participants": participants, "messages": chunk, "title": mojibake("عنوان"), "thread_path": "inbox/t_1"})
        for n, chunk in enumerate(chunks, 1)}
    first = files.pop("t/message_1.json")
    source = source_from_bytes(first, name="t/message_1.json", siblings=files)
    assert instagram.sniff(source)
    messages, ctx = read(instagram, source, tz=RIYADH)
    assert ctx.skipped == []
    assert [(m.sender, m.timestamp, m.text) for m in messages] == expected
    assert sorted(m.position for m in messages) == list(range(1, len(records) + 1))
    assert all(m.conversation.title == "عنوان" for m in messages)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["messages", "participants", "name", "sender_name", "timestamp_ms", "timestamp",
                         "content", "photos", "videos", "audio_files", "files", "gifs", "sticker", "share",
                         "share_text", "uri", "users", "is_unsent", "call_duration", "type", "title",
                         "thread_path", "thread_type", "reactions"]) | st.text(max_size=5),
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
    _only_clean_results(instagram, source_from_bytes(json.dumps(value).encode(), name="message_1.json"))


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON_VALUES, max_size=6), JSON_VALUES)
def test_fuzz_thread_shaped_json(records, participants):
    shaped = [dict(r, timestamp_ms=1) if isinstance(r, dict) else r for r in records]
    for messages in (records, shaped):
        thread = {"participants": participants, "messages": messages}
        _only_clean_results(messenger, source_from_bytes(json.dumps(thread).encode(), name="message_1.json",
                                                          siblings={"message_2.json": json.dumps(thread).encode()}))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data):
    _only_clean_results(instagram, source_from_bytes(data, name="message_1.json"))
    _only_clean_results(messenger, source_from_bytes(data, name="message_1.json"))


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
    for module in (instagram, messenger):
        _only_clean_results(module, source_from_bytes(bytes(damaged), name=path.name, title_hint=path.stem))
