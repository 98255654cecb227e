"""The generic CSV importer with user-mapped columns (`csv`).

Fixtures in tests/fixtures/csv/ were written for these tests: an Arabic
Excel file saved as cp1256, a UTF-8-with-BOM file with English headers
and a conversation column, and a semicolon file with Arabic headers and
Arabic-Indic digits.  Epoch values were converted with `date -u -d @N`.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from guardian.importers import generic_csv
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.generic_csv import CsvMapping
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "csv"
RIYADH = ZoneInfo("Asia/Riyadh")
UTC = timezone.utc


def read(source: Source, mapping: CsvMapping | None = None, tz=RIYADH):
    ctx = ParseContext(tz=tz)
    if mapping is None:
        return list(generic_csv.parse(source, ctx)), ctx
    return list(generic_csv.parse_with_mapping(source, ctx, mapping)), ctx


def riyadh(*args: int) -> datetime:
    return datetime(*args, tzinfo=RIYADH)


# --- fixtures --------------------------------------------------------------------


def test_cp1256_arabic_excel():
    source = source_from_path(FIXTURES / "arabic_excel_cp1256.csv")
    assert generic_csv.detect_encoding(source) == "cp1256"
    assert generic_csv.read_header(source) == ["التاريخ", "المرسل", "الرسالة"]
    mapping = generic_csv.suggest_mapping(source)
    assert mapping == CsvMapping(timestamp="التاريخ", sender="المرسل", text="الرسالة")
    messages, ctx = read(source, mapping)
    assert ctx.skipped == [(6, "the time 'أمس' could not be read")]
    assert [(m.position, m.sender) for m in messages] == [(2, "خالد"), (3, "سارة"), (5, "خالد")]
    assert messages[0].text == "مرحبا، كيف حالك؟"
    assert messages[0].timestamp == riyadh(2024, 1, 15, 21, 5)    # "09:05 م"
    assert messages[1].text == "بخير\nوأنت؟"                      # quoted CRLF inside a cell
    assert messages[2].timestamp == riyadh(2024, 1, 31, 10, 0)    # "10:00 ص", day-first
    conversation = messages[0].conversation
    assert (conversation.platform, conversation.title, conversation.key) == (
        "csv", "arabic_excel_cp1256", "arabic_excel_cp1256")
    assert conversation.owner is None and not conversation.is_group
    assert messages[1].raw == '15/01/2024 09:06 م,سارة,"بخير\r\nوأنت؟"'


def test_utf8_bom_english_with_conversations():
    source = source_from_path(FIXTURES / "utf8_bom_english.csv")
    assert generic_csv.detect_encoding(source) == "utf-8-sig"
    mapping = generic_csv.suggest_mapping(source)
    assert mapping == CsvMapping(timestamp="Timestamp", sender="Author", text="Message",
                                 conversation="Chat")
    messages, ctx = read(source, mapping)
    assert ctx.skipped == [(8, "the time '' could not be read")]
    assert len(messages) == 6
    assert messages[0].timestamp == datetime(2024, 3, 10, 15, 30, tzinfo=UTC)  # +03:00 offset
    assert messages[1].timestamp == riyadh(2024, 3, 10, 18, 31)                 # naive: local
    assert messages[2].timestamp == datetime(2024, 3, 10, 15, 52, tzinfo=UTC)   # 1710085920
    assert messages[3].timestamp == datetime(2024, 3, 10, 15, 53, tzinfo=UTC)   # 1710085980000 ms
    assert messages[2].text == 'why not? "just one"'
    khaled, klass = messages[0].conversation, messages[3].conversation
    assert khaled.title == "Khaled" and not khaled.is_group
    assert klass.title == "Class 7B" and klass.is_group      # Noor, Reem and Me
    assert messages[4].conversation is klass


def test_semicolon_arabic_headers_and_digits():
    source = source_from_path(FIXTURES / "semicolon_arabic_headers.csv")
    mapping = generic_csv.suggest_mapping(source)
    assert mapping == CsvMapping(timestamp="الوقت", sender="الاسم", text="النص",
                                 conversation="المحادثة")
    messages, ctx = read(source, mapping)
    assert ctx.skipped == []
    assert [m.sender for m in messages] == ["منى", "أنا", "منى", "لمى"]
    assert messages[0].timestamp == riyadh(2024, 2, 3, 14, 30)      # ٠٣/٠٢/٢٠٢٤ ١٤:٣٠
    assert messages[1].timestamp == riyadh(2024, 2, 3, 14, 31, 59)
    assert messages[2].text == "نص فيه ; فاصلة منقوطة"
    assert messages[3].timestamp == riyadh(2024, 2, 3, 14, 33)      # ٢:٣٣ م
    assert messages[0].conversation.title == "صديقات"
    assert messages[0].raw == "٠٣/٠٢/٢٠٢٤ ١٤:٣٠;منى;يا هلا، وش أخبارك؟;صديقات"


def test_parse_without_mapping_uses_the_suggestion():
    messages, _ = read(source_from_path(FIXTURES / "semicolon_arabic_headers.csv"))
    assert len(messages) == 4


# --- encodings and dialects ------------------------------------------------------


def test_utf16_with_bom_tab_delimited():
    text = "الوقت\tالمرسل\tالرسالة\r\n2024-01-01 10:00\tعلي\tمرحبا\r\n"
    for data in (text.encode("utf-16"), b"\xfe\xff" + text.encode("utf-16-be"), text.encode("utf-16-le")):
        source = source_from_bytes(data, "x.csv")
        assert generic_csv.read_header(source) == ["الوقت", "المرسل", "الرسالة"]
        (message,), _ = read(source)
        assert message.sender == "علي" and message.timestamp == riyadh(2024, 1, 1, 10)


def test_explicit_mapping_format_and_delimiter():
    data = "when|who|what|extra\n01.02.24 7h05|Ali|hi|x\n".encode()
    mapping = CsvMapping(timestamp="when", sender="who", text="what",
                         timestamp_format="%d.%m.%y %Hh%M", delimiter="|")
    (message,), _ = read(source_from_bytes(data, "x.csv"), mapping)
    assert message.timestamp == riyadh(2024, 2, 1, 7, 5)


def test_mapping_matches_header_loosely_and_refuses_missing_columns():
    data = b"\xef\xbb\xbf Date , From , Text \n2024-01-01 10:00,Ali,hi\n"
    source = source_from_bytes(data, "x.csv")
    (message,), _ = read(source, CsvMapping(timestamp="date", sender="from", text="text"))
    assert message.text == "hi"
    with pytest.raises(BadExport, match="'body' is not in the file"):
        read(source, CsvMapping(timestamp="date", sender="from", text="body"))


def test_month_first_file_is_detected():
    rows = ["date,sender,message", "01/02/2024 10:00,a,x", "12/25/2024 10:00,a,y"]
    messages, _ = read(source_from_bytes("\n".join(rows).encode(), "x.csv"))
    assert [m.timestamp for m in messages] == [riyadh(2024, 1, 2, 10), riyadh(2024, 12, 25, 10)]


@pytest.mark.parametrize("value, expected", [
    ("2024-01-05T10:00:00Z", datetime(2024, 1, 5, 10, tzinfo=UTC)),
    ("2024-01-05 13:00:00+03:00", datetime(2024, 1, 5, 10, tzinfo=UTC)),
    ("2024-01-05 10:00", riyadh(2024, 1, 5, 10)),
    ("1704448800", datetime(2024, 1, 5, 10, tzinfo=UTC)),
    ("1704448800000", datetime(2024, 1, 5, 10, tzinfo=UTC)),
    ("05/01/2024 10:00", riyadh(2024, 1, 5, 10)),
    ("5-1-24 10:00:30", riyadh(2024, 1, 5, 10, 0, 30)),
    ("05.01.2024, 10:00 PM", riyadh(2024, 1, 5, 22)),
    ("٥/١/٢٠٢٤ ١٠:٠٠ ص", riyadh(2024, 1, 5, 10)),
    ("\u200f05\u200f/01/2024، 12:15 م", riyadh(2024, 1, 5, 12, 15)),
    ("۰۵/۰۱/۲۰۲۴ ۱۲:۱۵ ص", riyadh(2024, 1, 5, 0, 15)),
    ("2024/1/5 10:00", riyadh(2024, 1, 5, 10)),
    ("05/01/2024", riyadh(2024, 1, 5)),
])
def test_timestamp_forms(value, expected):
    ctx = ParseContext(tz=RIYADH)
    assert generic_csv.parse_timestamp(value, ctx) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "31/31/2024 10:00", "13:00 PM 01/01/2024",
                                   "01/01/2024 13:00 PM", "99999999999999999999999", "1e400"])
def test_unreadable_timestamps(value):
    with pytest.raises(ValueError):
        generic_csv.parse_timestamp(value, ParseContext(tz=RIYADH))


# --- header suggestions ----------------------------------------------------------


@pytest.mark.parametrize("header, expected", [
    (["Date", "Time", "Sender", "Message"], ("Date", "Sender", "Message")),
    (["message_text", "sender_name", "sent_at"], ("sent_at", "sender_name", "message_text")),
    (["التاريخ والوقت", "اسم المرسل", "نص الرسالة"], ("التاريخ والوقت", "اسم المرسل", "نص الرسالة")),
    (["تاريخ", "المُرسِل", "رسالة"], ("تاريخ", "المُرسِل", "رسالة")),
    (["author", "content", "timestamp", "channel"], ("timestamp", "author", "content")),
])
def test_suggest_mapping(header, expected):
    data = (",".join(header) + "\n" + ",".join("x" for _ in header) + "\n").encode()
    mapping = generic_csv.suggest_mapping(source_from_bytes(data, "x.csv"))
    assert mapping is not None
    assert (mapping.timestamp, mapping.sender, mapping.text) == expected


def test_suggest_mapping_gives_up():
    assert generic_csv.suggest_mapping(source_from_bytes(b"a,b,c\n1,2,3\n")) is None
    assert generic_csv.suggest_mapping(source_from_bytes(b"")) is None
    with pytest.raises(BadExport, match="choose them by hand"):
        read(source_from_bytes(b"a,b,c\n1,2,3\n"))


# --- the importer contract -------------------------------------------------------


OTHER_SAMPLES = ["telegram/chat-miner/test_single_export.json", "whatsapp/chat-analytics/2A_5M.txt",
                 "sms/memacs/smsxml.xml"]


@pytest.mark.parametrize("relative", OTHER_SAMPLES)
def test_sniff_never_claims(relative):
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip("shared samples not available")
    assert generic_csv.sniff(source_from_path(path)) is False


def test_sniff_never_claims_even_a_csv():
    assert generic_csv.sniff(source_from_path(FIXTURES / "utf8_bom_english.csv")) is False


# --- hostile and damaged input ---------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\n", bytes(range(256)) * 50, b"\x00" * 4096])
def test_unreadable_files_give_bad_export(data):
    start = time.monotonic()
    with pytest.raises(BadExport):
        read(source_from_bytes(data, "x.csv"), CsvMapping(timestamp="t", sender="s", text="m"))
    assert time.monotonic() - start < 5


def test_broken_rows_are_skipped():
    huge = "x" * 200_000  # over the csv module's field limit
    rows = ["t,s,m", "2024-01-01 10:00,a", f'2024-01-01 10:01,b,"{huge}"', "", "2024-01-01 10:02,c,ok"]
    messages, ctx = read(source_from_bytes("\n".join(rows).encode(), "x.csv"),
                         CsvMapping(timestamp="t", sender="s", text="m"))
    assert [m.text for m in messages] == ["ok"]
    assert [p for p, _ in ctx.skipped] == [2, 3]
    assert messages[0].position == 5


def test_invalid_utf8_late_in_file_is_replaced():
    head = "t,s,m\n" + "".join(f"2024-01-01 10:00,علي,سطر {i}\n" for i in range(5000))
    data = head.encode() + b"2024-01-01 10:00,x,\xff\xfe\n"
    source = source_from_bytes(data, "x.csv")
    assert generic_csv.detect_encoding(source) == "utf-8-sig"
    messages, _ = read(source, CsvMapping(timestamp="t", sender="s", text="m"))
    assert len(messages) == 5001 and messages[-1].text == "\ufffd\ufffd"
    assert messages[0].sender == "علي"


def test_progress_and_cancel():
    data = ("t,s,m\n" + "".join(f"2024-01-01 10:00,a,{i}\n" for i in range(2100))).encode()
    mapping = CsvMapping(timestamp="t", sender="s", text="m")
    seen: list[int] = []
    ctx = ParseContext(tz=UTC, on_progress=seen.append)
    assert len(list(generic_csv.parse_with_mapping(source_from_bytes(data), ctx, mapping))) == 2100
    assert seen == [2000, 2100]
    with pytest.raises(Cancelled):
        list(generic_csv.parse_with_mapping(source_from_bytes(data), ParseContext(
            tz=UTC, should_stop=lambda: True), mapping))
