"""Telegram Desktop importers: JSON (single chat, full account, old and new
shapes) and HTML (multi-part).  Expected values for the shared samples were
read off the files themselves (epoch values converted with `date -u`)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardian.domain import AttachmentKind
from guardian.importers import discord, discord_csv, instagram, messenger, telegram_html, telegram_json
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples" / "telegram"
FIXTURES = ROOT / "tests" / "fixtures" / "telegram"
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


def json_source(value, name: str = "result.json") -> Source:
    return source_from_bytes(json.dumps(value, ensure_ascii=False).encode("utf-8"), name=name)


# --- shared samples ------------------------------------------------------------


def test_sample_chat_analytics_mixed_dates_and_service():
    source = source_from_path(sample("chat-analytics/DM_2A_7M.json"))
    assert telegram_json.sniff(source)
    messages, ctx = read(telegram_json, source)
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["Bob", "Bob", "Alice", "Bob", "Alice", "Alice", "Alice", "Alice"]
    assert [m.position for m in messages] == list(range(1, 9))
    # Only `date`: the exporting PC's wall clock, placed in the parent's zone.
    assert messages[0].timestamp == datetime(2019, 7, 5, 16, 55, 32, tzinfo=RIYADH)
    # Only `date_unixtime` 1652135033.
    assert messages[3].timestamp == utc(2022, 5, 9, 22, 23, 53)
    assert messages[3].timestamp.utcoffset() == timedelta(hours=3)
    # Both: the epoch wins over the naive "2023-08-10T23:11:02".
    assert messages[7].timestamp == utc(2023, 8, 11, 2, 11, 2)
    assert messages[0].is_system and messages[0].text == "Bob joined Telegram"
    assert messages[7].is_system and messages[7].text == "Alice phone call (56 s, hangup)"
    assert messages[1].text == "https://google.com 👀"
    assert (messages[5].attachment, messages[5].attachment_name) == (AttachmentKind.IMAGE, None)
    conversation = messages[0].conversation
    assert (conversation.platform, conversation.key, conversation.title) == ("telegram", "700000000", "Bob")
    # Personal chat id 700000000 is Bob ("user700000000"), so Alice exported it.
    assert conversation.owner == "Alice" and not conversation.is_group
    assert json.loads(messages[2].raw)["id"] == 3645


def test_sample_langchain_current_format():
    messages, ctx = read(telegram_json, source_from_path(sample("langchain-community/result.json")))
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["Jimmeny Marvelton", "Batman & Robin",
                                            "Jimmeny Marvelton", "Jimmeny Marvelton"]
    assert messages[0].timestamp == utc(2023, 8, 23, 20, 11, 23)  # date_unixtime 1692821483
    assert messages[3].text == "you will not trick me this time"
    # Neither from_id is "user5965280513": the exporter cannot be told.
    assert messages[0].conversation.owner is None
    assert messages[0].conversation.key == "5965280513"


def test_sample_old_format_int_from_id():
    messages, ctx = read(telegram_json, source_from_path(sample("langchain-community/telegram_old_format.json")))
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["Henry", "Henry", "Grace ðŸ§¤ ðŸ\x8d’"]
    assert messages[0].timestamp == datetime(2020, 1, 1, 0, 0, 2, tzinfo=RIYADH)
    assert messages[2].text == "You're a minute late!"


def test_sample_chat_miner_single_and_batch():
    single = source_from_path(sample("chat-miner/test_single_export.json"))
    messages, _ = read(telegram_json, single)
    assert [(m.sender, m.text) for m in messages] == [("Author 1", "Minimal Message"),
                                                      ("Author 2", "Link:https://telegram.org/")]
    assert messages[0].timestamp == utc(2018, 12, 5, 10, 39, 10)  # 1544006350
    assert messages[0].conversation.title == "test_single_export"  # no name: the file's title hint
    batch, _ = read(telegram_json, source_from_path(sample("chat-miner/test_batch_export.json")))
    assert [m.sender for m in batch] == ["Author 1", "Author 2"]
    assert batch[1].timestamp == utc(2018, 12, 5, 10, 49, 24)  # 1544006964
    assert batch[0].conversation.title == "Chatname"


def test_sample_html():
    source = source_from_path(sample("langchain-community/messages.html"))
    assert telegram_html.sniff(source) and not telegram_json.sniff(source)
    messages, ctx = read(telegram_html, source)
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["Jimmeny Marvelton", "Batman & Robin",
                                            "Jimmeny Marvelton", "Jimmeny Marvelton"]
    assert messages[0].timestamp == utc(2023, 8, 23, 21, 11, 23)  # 13:11:23 UTC-08:00
    assert messages[3].timestamp == utc(2023, 8, 23, 21, 15, 53)
    assert messages[3].text == "you will not trick me this time"
    assert messages[3].raw.startswith('<div class="message default clearfix joined" id="message4">')
    assert messages[3].raw.endswith("</div>")
    assert messages[0].conversation.title == "Jimmeny Marvelton"


def test_every_sample_is_claimed_by_exactly_one_importer():
    if not SAMPLES.exists():
        pytest.skip("shared samples not available")
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file():
            claims = [m.FORMAT for m in ALL_IMPORTERS if m.sniff(source_from_path(path))]
            expected = "telegram_html" if path.suffix == ".html" else "telegram_json"
            assert claims == [expected], path


# --- our fixtures: JSON --------------------------------------------------------


def test_fixture_single_chat_every_media_kind():
    messages, ctx = read(telegram_json, source_from_path(FIXTURES / "single_chat.json"))
    assert ctx.skipped == []
    assert len(messages) == 17
    by_id = {json.loads(m.raw)["id"]: m for m in messages}
    assert by_id[1].is_system and by_id[1].text == "خالد العتيبي joined Telegram"
    assert by_id[2].timestamp == utc(2024, 3, 1, 17, 15)  # 20:15 at +03:00
    assert by_id[3].text == "شوفي هذا الرابط https://t.me/example 😂"
    expected = {
        4: (AttachmentKind.IMAGE, "photos/photo_1@01-03-2024_20-17-00.jpg"),
        5: (AttachmentKind.STICKER, "stickers/sticker.webp"),
        6: (AttachmentKind.AUDIO, None),  # voice message not included
        7: (AttachmentKind.VIDEO, "video_files/مقطع.mp4"),
        8: (AttachmentKind.GIF, "video_files/funny.gif.mp4"),
        9: (AttachmentKind.VIDEO, "round_video_messages/file_0@01-03-2024_20-20-00.mp4"),
        10: (AttachmentKind.AUDIO, "أغنية.mp3"),  # too big to export: original name kept
        11: (AttachmentKind.DOCUMENT, "files/واجب.pdf"),
        12: (AttachmentKind.CONTACT, None),
        13: (AttachmentKind.LOCATION, None),
        14: (AttachmentKind.OTHER, None),
    }
    for record_id, (kind, name) in expected.items():
        assert (by_id[record_id].attachment, by_id[record_id].attachment_name) == (kind, name), record_id
    assert by_id[7].text == "لا تخبري أحداً"
    assert by_id[14].text == "هل تحبين المدرسة؟"
    assert by_id[15].is_system and by_id[15].text == "خالد العتيبي phone call (95 s, hangup)"
    assert by_id[16].sender == "Deleted Account"
    assert by_id[17].text == "سطر أول\nسطر ثاني"
    conversation = messages[0].conversation
    assert conversation.owner == "سارة أحمد" and conversation.title == "خالد العتيبي"
    assert conversation.key == "5000000001" and not conversation.is_group
    assert json.loads(by_id[17].raw) == json.loads((FIXTURES / "single_chat.json").read_text("utf-8"))["messages"][16]


def test_fixture_old_format_is_localized():
    messages, ctx = read(telegram_json, source_from_path(FIXTURES / "old_format.json"))
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["نورة", "سارة", "نورة", "نورة"]
    assert messages[0].timestamp == datetime(2020, 1, 5, 22, 30, tzinfo=RIYADH)
    assert messages[1].text == "في المدرسة"
    assert messages[2].is_system and messages[2].text == "نورة pinned a message"
    assert messages[3].attachment is AttachmentKind.IMAGE and messages[3].attachment_name is None
    # int from_id 4000000004 is the chat id, so the other sender exported it.
    assert messages[0].conversation.owner == "سارة"


def test_fixture_full_account_export():
    source = source_from_path(FIXTURES / "full_account.json")
    assert telegram_json.sniff(source)
    messages, ctx = read(telegram_json, source)
    assert ctx.skipped == []
    conversations = {}
    for m in messages:
        conversations.setdefault(m.conversation.key, []).append(m)
    assert list(conversations) == ["5000000001", "1700000005", "6000000002", "1600000006"]
    assert {m.conversation.owner for m in messages} == {"سارة أحمد"}
    assert [len(v) for v in conversations.values()] == [2, 10, 1, 2]
    assert [m.position for m in messages] == list(range(1, 16))  # unique across chats
    group = conversations["1700000005"]
    assert group[0].conversation.is_group and group[0].conversation.title == "صف ٣ب"
    assert [m.text for m in group if m.is_system] == [
        "المعلمة هند created group «صف ٣ب»",
        "المعلمة هند invited سارة أحمد, خالد العتيبي, Deleted Account",
        "ريم joined group by link",
        "سارة أحمد took a screenshot",
        "المعلمة هند removed خالد العتيبي",
        "المعلمة هند changed group title to «صف ٣ب - الرسمي»",
        "المعلمة هند some future action",
    ]
    assert group[9].attachment is AttachmentKind.DOCUMENT and group[9].attachment_name == "files/جدول.xlsx"
    saved = conversations["6000000002"][0].conversation
    assert saved.title == "Saved Messages" and not saved.is_group
    left = conversations["1600000006"]
    assert left[0].conversation.title == "مجموعة قديمة" and left[0].conversation.is_group
    assert left[0].timestamp == utc(2023, 12, 31, 20, 59, 59)


# --- our fixtures: HTML --------------------------------------------------------


def test_fixture_html_two_parts():
    first = source_from_path(FIXTURES / "html_chat" / "messages.html")
    messages, ctx = read(telegram_html, first)
    assert ctx.skipped == [(12, "the message has no readable date")]
    assert [m.sender for m in messages] == [
        "", "خالد العتيبي", "خالد العتيبي", "ريم", "سارة أحمد", "سارة أحمد", "المعلمة هند",
        "المعلمة هند",  # first block of part 2 is `joined`: sender carried across files
        "خالد العتيبي", "", "المعلمة هند"]
    assert [m.position for m in messages] == list(range(1, 12))
    system = [m for m in messages if m.is_system]
    assert [m.text for m in system] == ["المعلمة هند invited سارة أحمد", "المعلمة هند removed خالد العتيبي"]
    # The leading service block borrows the next message's time; the later one the previous.
    assert system[0].timestamp == utc(2024, 2, 1, 6, 3)
    assert system[1].timestamp == utc(2024, 2, 2, 5, 10)
    assert messages[1].text == "سارة غبية & لا أحد يحبها\nارحلي"
    assert messages[2].text == "https://t.me/example <شوفوا>"
    assert messages[3].text == "😂😂"  # the reply header is not part of the text
    assert (messages[4].attachment, messages[4].attachment_name) == (
        AttachmentKind.IMAGE, "photos/photo_1@01-02-2024_09-05-00.jpg")
    assert (messages[5].attachment, messages[5].attachment_name) == (AttachmentKind.AUDIO, None)
    assert messages[6].text == "الاختبار يوم الأحد"  # forwarded text
    assert messages[6].timestamp == utc(2024, 2, 1, 6, 6)  # own time, not the forwarded one
    assert (messages[8].attachment, messages[8].attachment_name) == (AttachmentKind.STICKER, "stickers/sticker.webp")
    assert messages[10].timestamp == datetime(2024, 2, 2, 10, 0, tzinfo=RIYADH)  # no UTC part: local
    conversation = messages[0].conversation
    assert conversation.title == conversation.key == "صف ٣ب" and conversation.is_group
    page = (FIXTURES / "html_chat" / "messages.html").read_text("utf-8")
    assert all(m.raw in page for m in messages[:7])


def test_html_later_part_yields_nothing_when_first_part_is_there():
    second = source_from_path(FIXTURES / "html_chat" / "messages2.html")
    assert telegram_html.sniff(second)
    assert read(telegram_html, second)[0] == []


def test_html_orphan_part_and_zip_folders():
    part2 = (FIXTURES / "html_chat" / "messages2.html").read_bytes()
    alone = source_from_bytes(part2, name="chats/chat_02/messages2.html")
    messages, _ = read(telegram_html, alone)
    assert len(messages) == 4 and messages[0].sender == ""  # joined, nobody to carry from
    # A messages.html in another chat's folder is not this part's first part.
    other = source_from_bytes(part2, name="chats/chat_02/messages2.html",
                              siblings={"chats/chat_01/messages.html": b""})
    assert len(read(telegram_html, other)[0]) == 4
    part1 = (FIXTURES / "html_chat" / "messages.html").read_bytes()
    zipped = source_from_bytes(part1, name="chats/chat_01/messages.html",
                               siblings={"chats/chat_01/messages2.html": part2,
                                         "chats/chat_02/messages2.html": b"<junk"})
    assert len(read(telegram_html, zipped)[0]) == 11


def test_html_service_without_any_time_is_skipped():
    page = ('<div class="page_wrap"><div class="history"><div class="message service" id="message5">'
            '<div class="body details">X joined</div></div></div></div>')
    messages, ctx = read(telegram_html, source_from_bytes(page.encode(), name="messages.html"))
    assert messages == [] and ctx.skipped[0][0] == 1
    with_divider = page.replace('<div class="message service" id="message5">',
                                '<div class="message service" id="message-1"><div class="body details">'
                                '2 March 2024</div></div><div class="message service" id="message5">')
    messages, _ = read(telegram_html, source_from_bytes(with_divider.encode(), name="messages.html"))
    assert messages[0].timestamp == datetime(2024, 3, 2, tzinfo=RIYADH) and messages[0].is_system


def test_html_forwarded_authors_do_not_make_a_group():
    def block(i, sender, inner):
        return (f'<div class="message default clearfix" id="message{i}"><div class="body">'
                f'<div class="pull_right date details" title="01.02.2024 09:0{i}:00 UTC+03:00">09:0{i}</div>'
                f'<div class="from_name">{sender}</div>{inner}</div></div>')
    forwarded = ('<div class="forwarded body">\n <div class="from_name">قناة<span class="date details" '
                 'title="01.01.2024 08:00:00 UTC+03:00"> x</span></div><div class="text">منقول</div></div>')
    page = ('<div class="page_wrap"><div class="page_header"><div class="text bold">أ</div></div>'
            '<div class="history">' + block(1, "أ", '<div class="text">هلا</div>')
            + block(2, "ب", forwarded) + "<![junk[ </div></div>")
    messages, ctx = read(telegram_html, source_from_bytes(page.encode(), name="messages.html"))
    assert ctx.skipped == [] and [m.sender for m in messages] == ["أ", "ب"]
    assert messages[1].text == "منقول" and not messages[0].conversation.is_group


@pytest.mark.parametrize("data", [
    b"\xff\xfe<\x00h\x00t\x00m\x00l\x00",  # UTF-16
    b"\x80\x81\x82",
])
def test_html_bad_bytes_raise_bad_export(data):
    with pytest.raises(BadExport):
        read(telegram_html, source_from_bytes(data, name="messages.html"))


# --- malformed input -----------------------------------------------------------


@pytest.mark.parametrize("data", [
    b'{"name": "x", "messages": [{"id": 1, "type": "message", "date": "2020-01-',  # truncated
    b"\x00\x01\x02\xff\xfe garbage",
    b"[1, 2, 3]",
    b"42",
    b'"messages"',
    b"null",
    b"{}",
    b'{"messages": 5}',
    b'{"messages": {"a": 1}}',
    b'{"chats": []}',
    b'{"chats": {"list": 5}}',
    b'{"left_chats": "x"}',
    "{\"name\": \"س\"}".encode("utf-16"),
    b"[" * 100_000,
    b'{"messages": [1' + b"0" * 5000 + b"]}",  # an integer too long for Python to read
])
def test_corrupted_json_raises_bad_export(data):
    source = source_from_bytes(data, name="result.json")
    assert isinstance(telegram_json.sniff(source), bool)
    with pytest.raises(BadExport) as info:
        read(telegram_json, source)
    assert info.value.path == "result.json" and info.value.problem


def test_wrong_types_everywhere_are_skipped_not_raised():
    records = [
        1, "x", None, [], {"date": 5}, {"date_unixtime": "abc"}, {"date": "yesterday"},
        {"date_unixtime": "1700000000", "text": 5},
        {"date_unixtime": "1700000000", "text": [{"type": "bold", "text": 7}]},
        {"date_unixtime": "1700000000", "text": [["nested"]]},
        {"date_unixtime": "1700000000", "from": ["a"], "text": "x"},
        {"date_unixtime": "9" * 18, "text": "x"},
        {"date_unixtime": True, "text": "x"},
        {"type": "service", "date_unixtime": "1700000000", "actor": 5},
    ]
    export = {"name": 5, "type": ["x"], "id": {"a": 1}, "messages": records + [
        {"date_unixtime": "1700000000", "from": "سارة", "text": "سليم",
         "photo": 5, "media_type": 3, "members": 7, "poll": 3}]}
    messages, ctx = read(telegram_json, json_source(export))
    assert [p for p, _ in ctx.skipped] == list(range(1, len(records) + 1))
    assert all(isinstance(reason, str) and reason for _, reason in ctx.skipped)
    assert len(messages) == 1 and messages[0].text == "سليم" and messages[0].position == len(records) + 1
    assert messages[0].conversation.key == "result"  # unusable id and name: the title hint


def test_full_account_with_bad_chat_entries():
    export = {"personal_information": {"user_id": "x", "first_name": 5},
              "chats": {"list": [5, {"messages": "x"}, {"id": 9, "type": "private_group", "messages": [
                  {"date_unixtime": "1700000000", "from": "أ", "from_id": "user1", "text": "نص"}]}]}}
    messages, ctx = read(telegram_json, json_source(export))
    assert [p for p, _ in ctx.skipped] == [1, 2]
    assert len(messages) == 1 and messages[0].position == 3 and messages[0].conversation.owner is None


def test_full_account_owner_from_user_id_when_names_missing():
    export = {"personal_information": {"user_id": 77},
              "chats": {"list": [{"id": 1, "type": "personal_chat", "messages": [
                  {"date_unixtime": "1700000000", "from": "لمى", "from_id": "user77", "text": "هلا"}]}]}}
    messages, _ = read(telegram_json, json_source(export))
    assert messages[0].conversation.owner == "لمى"


def test_oversized_file_is_refused_cleanly():
    big = Source(name="result.json", display_path="/x/result.json", size=2**40,
                 _opener=lambda _: (_ for _ in ()).throw(AssertionError("must not be opened")))
    with pytest.raises(BadExport, match="larger than"):
        read(telegram_json, big)


def test_lone_surrogates_do_not_leak():
    data = b'{"messages": [{"date_unixtime": "1700000000", "from": "\\ud800", "text": "a\\udfffb"}]}'
    [message], _ = read(telegram_json, source_from_bytes(data))
    assert message.sender == "\ufffd" and message.text == "a\ufffdb"
    message.raw.encode("utf-8")


def test_progress_and_cancellation():
    records = [{"date_unixtime": str(1_700_000_000 + i), "from": "أ", "text": "x"} for i in range(4500)]
    progress: list[int] = []
    ctx = ParseContext(tz=UTC, on_progress=progress.append)
    assert len(list(telegram_json.parse(json_source({"messages": records}), ctx))) == 4500
    assert progress == [2000, 4000, 4500]
    stop = ParseContext(tz=UTC, should_stop=lambda: True)
    with pytest.raises(Cancelled):
        list(telegram_json.parse(json_source({"messages": records}), stop))


# --- sniffing ------------------------------------------------------------------


def test_sniff_needs_content_not_names():
    meta = json.dumps({"participants": [{"name": "a"}], "messages": [
        {"sender_name": "a", "timestamp_ms": 1, "content": "date"}]}).encode()
    assert not telegram_json.sniff(source_from_bytes(meta, name="result.json"))
    discord_like = json.dumps({"guild": {}, "channel": {}, "messages": [
        {"timestamp": "2020-01-01T00:00:00+00:00", "content": '"date": "x"', "type": "Default"}]}).encode()
    assert not telegram_json.sniff(source_from_bytes(discord_like, name="result.json"))
    tg = b'\xef\xbb\xbf  {"messages": [{"id": 1, "type": "message", "date": "2020-01-01T00:00:00"}]}'
    assert telegram_json.sniff(source_from_bytes(tg, name="anything.bin"))
    assert not telegram_json.sniff(source_from_bytes(b"", name="result.json"))
    # Full-account export whose first 64 KB are all contacts.
    contacts = [{"first_name": "x" * 50, "date": "2020-01-01T00:00:00"}] * 2000
    head = json.dumps({"about": "a", "personal_information": {"user_id": 1},
                       "contacts": {"list": contacts}, "chats": {"list": []}}).encode()
    assert telegram_json.sniff(source_from_bytes(head))


def test_sniff_never_raises_when_opening_fails():
    def boom(_name):
        raise OSError("gone")
    broken = Source(name="result.json", display_path="result.json", size=10, _opener=boom)
    assert telegram_json.sniff(broken) is False and telegram_html.sniff(broken) is False


# --- property tests ------------------------------------------------------------

# Arabic letters, harakat, Arabic-Indic digits and punctuation, emoji
# (including multi-code-point ones, which entity splits may cut through).
ARABIC_TEXT = st.lists(st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة ًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩،؛؟") + ["😀", "😡", "❤️", "👨‍👩‍👧", "\n", " ", "a", "<", "&"]),
    max_size=40).map("".join)
NAMES = st.sampled_from(["سارة", "خالد العتيبي", "ريم 🌸", "Ahmed", "نورة"])


@st.composite
def entity_split(draw, text: str):
    """`text` cut into random runs, each a plain string or an entity."""
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=4)))
    runs = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)]) if a < b]
    parts = []
    for run in runs:
        kind = draw(st.sampled_from(["plain", "bold", "link", "mention_name", "spoiler"]))
        parts.append(run if kind == "plain" and draw(st.booleans()) else {"type": kind, "text": run})
    return parts if len(parts) != 1 or draw(st.booleans()) else text


@st.composite
def telegram_export(draw):
    count = draw(st.integers(0, 12))
    expected, records = [], []
    for i in range(count):
        text, sender = draw(ARABIC_TEXT), draw(NAMES)
        seconds = draw(st.integers(0, 4_000_000_000))
        record = {"id": i + 1, "type": "message", "from": sender, "from_id": f"user{hash(sender) % 1000}",
                  "text": draw(entity_split(text))}
        if draw(st.booleans()):
            record["date_unixtime"] = str(seconds)
            when = datetime.fromtimestamp(seconds, UTC)
        else:
            naive = datetime(2000, 1, 1) + timedelta(seconds=seconds % 900_000_000)
            record["date"] = naive.isoformat()
            when = naive.replace(tzinfo=RIYADH)
        records.append(record)
        expected.append((sender, when, text, i + 1))
    chat = {"name": draw(NAMES), "type": "private_group", "id": draw(st.integers(1, 10**12)), "messages": records}
    if draw(st.booleans()):
        return {"personal_information": {"user_id": 1, "first_name": "سارة"}, "chats": {"list": [chat]}}, expected
    return chat, expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(telegram_export(), st.booleans())
def test_property_telegram_json_round_trip(export_and_expected, ascii_escapes):
    export, expected = export_and_expected
    data = json.dumps(export, ensure_ascii=ascii_escapes).encode("utf-8")
    messages, ctx = read(telegram_json, source_from_bytes(data))
    assert ctx.skipped == []
    assert [(m.sender, m.timestamp, m.text, m.position) for m in messages] == expected
    for m in messages:
        assert m.timestamp.tzinfo is not None and json.loads(m.raw)["id"] == m.position


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["messages", "chats", "list", "left_chats", "date", "date_unixtime", "text", "from",
                         "from_id", "type", "id", "name", "photo", "file", "media_type", "action", "actor",
                         "members", "personal_information", "user_id", "first_name", "poll", "question",
                         "text_entities", "title", "duration_seconds"]) | st.text(max_size=5),
        inner, max_size=6),
    max_leaves=30)


def _only_clean_results(module, source: Source) -> None:
    assert isinstance(module.sniff(source), bool)
    try:
        messages, _ = read(module, source)
    except BadExport:
        return
    for m in messages:
        assert m.timestamp.tzinfo is not None and isinstance(m.text, str) and isinstance(m.raw, str)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_fuzz_random_json(value):
    source = source_from_bytes(json.dumps(value).encode(), name="messages.html")
    _only_clean_results(telegram_json, source)
    _only_clean_results(telegram_html, source)


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON_VALUES, max_size=6), st.sampled_from(["message", "service", "unsupported", 5]))
def test_fuzz_export_shaped_json(records, kind):
    shaped = [dict(r, type=kind, date_unixtime="1700000000") if isinstance(r, dict) else r for r in records]
    _only_clean_results(telegram_json, json_source({"name": "x", "type": "personal_chat", "id": 1,
                                                   "messages": shaped}))
    _only_clean_results(telegram_json, json_source({"personal_information": {"user_id": 1},
                                                   "chats": {"list": records}}))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_fuzz_random_bytes(data):
    source = source_from_bytes(data, name="messages.html")
    _only_clean_results(telegram_json, source)
    _only_clean_results(telegram_html, source)


HTML_PIECES = st.sampled_from([
    '<div class="message default clearfix" id="message1">', '<div class="message service" id="message2">',
    '<div class="message service" id="message-1">', '<div class="body">', '<div class="body details">',
    '<div class="pull_right date details" title="01.02.2024 09:03:00 UTC+03:00">',
    '<div class="pull_right date details" title="99.99.2024 09:03:00 UTC+03:00">',
    '<div class="from_name">', '<div class="text">', '<div class="media_wrap clearfix">',
    '<a class="photo_wrap" href="photos/a.jpg">', "</a>", "</div>", "<br>", "سارة", "&amp;", "&#0;", "<",
    '<div class="forwarded body">', '<div class="message default clearfix joined" id="message3">',
    "12 March 2024", "31 February 2024", "<![x[", "<![if IE]>", "<!", "]]>", "<!--", "-->"])


@settings(max_examples=200, deadline=None)
@given(st.lists(HTML_PIECES, max_size=30))
def test_fuzz_html_fragments(pieces):
    page = '<div class="page_wrap"><div class="history">' + "".join(pieces)
    _only_clean_results(telegram_html, source_from_bytes(page.encode(), name="messages.html"))


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
    for module in (telegram_json, telegram_html):
        _only_clean_results(module, source_from_bytes(bytes(damaged), name=path.name, title_hint=path.stem))
