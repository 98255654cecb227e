"""Android SMS Backup & Restore XML (`sms_xml`).

Expected values for the shared sample were read off the file: `date` is
epoch ms, converted with `date -u -d @<seconds>`.  The Arabic fixture
`tests/fixtures/sms/arabic_backup.xml` was written by hand for these tests.
"""

from __future__ import annotations

import io
import os
import re
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.etree.ElementTree import fromstring
from xml.sax.saxutils import quoteattr
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardian.domain import AttachmentKind
from guardian.importers import sms_xml
from guardian.importers.base import BadExport, Cancelled, ParseContext, Source
from guardian.importers.testing import source_from_bytes, source_from_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "formats" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "sms"
RIYADH = ZoneInfo("Asia/Riyadh")
UTC = timezone.utc


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"shared sample {relative} not available")
    return path


def read(source: Source, tz=RIYADH):
    ctx = ParseContext(tz=tz)
    return list(sms_xml.parse(source, ctx)), ctx


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def sms(body: str = "hi", address: str = "+966500000001", date: str = "1700000000000",
        kind: str = "1", contact: str = "null") -> str:
    return (f'<sms protocol="0" address={quoteattr(address)} date="{date}" type="{kind}" '
            f'subject="null" body={quoteattr(body)} read="1" status="-1" locked="0" '
            f'contact_name={quoteattr(contact)} />')


def backup(*elements: str) -> bytes:
    body = "\n".join(elements)
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
            f'<smses count="{len(elements)}">\n{body}\n</smses>\n').encode("utf-8")


# --- the shared sample ---------------------------------------------------------


def test_sample_memacs():
    source = source_from_path(sample("sms/memacs/smsxml.xml"))
    assert sms_xml.sniff(source)
    messages, ctx = read(source)
    assert ctx.skipped == []
    assert [(m.position, m.sender, m.conversation.key) for m in messages] == [
        (1, "+436812314123", "+436812314123"),
        (2, "Me", "+43612341234"),
        (3, "Me", "+43612341238"),
        (4, "Me", "+4312341234"),
    ]
    assert messages[0].text == "did you see the new sms memacs module?"
    assert messages[0].timestamp == utc(2011, 8, 4, 10, 5, 53)           # 1312452353000
    assert messages[1].timestamp == utc(2011, 8, 4, 16, 4, 55, 759000)   # 1312473895759
    assert messages[3].timestamp == utc(2011, 8, 5, 18, 32, 1, 554000)   # 1312569121554
    assert messages[0].timestamp.utcoffset() == RIYADH.utcoffset(datetime(2011, 8, 4))
    assert {m.conversation.owner for m in messages} == {"Me"}
    assert all(m.conversation.platform == "sms" and not m.conversation.is_group for m in messages)
    # No contact names in this 2011 backup: the number is the title.
    assert messages[0].conversation.title == "+436812314123"
    assert messages[3].raw.startswith("<sms ") and 'body="http://google.at"' in messages[3].raw


# --- the Arabic fixture --------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_import():
    source = source_from_path(FIXTURES / "arabic_backup.xml")
    assert sms_xml.sniff(source)
    return read(source)


def test_fixture_counts_and_skips(fixture_import):
    messages, ctx = fixture_import
    assert [m.position for m in messages] == [1, 2, 3, 4, 5, 8, 9, 10, 11]
    assert ctx.skipped == [(6, "an SMS of unknown type '7' was skipped"),
                           (7, "the message has no readable date")]


def test_fixture_received_sms_with_surrogate_emoji(fixture_import):
    first = fixture_import[0][0]
    assert first.sender == "خالد"
    assert first.text == "مرحبا يا سارة، كيف حالك؟ \U0001F600"   # &#55357;&#56832;
    assert first.timestamp == utc(2024, 2, 3, 9, 0)                # 1706950800000
    assert first.timestamp.isoformat() == "2024-02-03T12:00:00+03:00"
    assert first.conversation.title == "خالد"
    assert first.conversation.key == "+966501234567"                # spaces dropped


def test_fixture_sent_sms_and_address_normalisation(fixture_import):
    messages = fixture_import[0]
    sent = messages[1]
    assert sent.sender == "Me" and sent.conversation.owner == "Me"
    assert sent.text == "بخير الحمد لله\nوأنت؟ 'تمام'"              # &#10; and &apos;
    assert sent.conversation is messages[0].conversation             # 00966... == +966...


def test_fixture_null_literals(fixture_import):
    messages = fixture_import[0]
    assert messages[2].text == ""                                     # body="null"
    unknown = messages[3]
    assert unknown.sender == "0551112222"                             # contact "(Unknown)"
    assert unknown.conversation.title == "0551112222"
    assert unknown.text.endswith("كلامنا \ufffd")                     # a lone high surrogate
    assert messages[4].sender == "Me" and messages[4].text == "مسودة لم ترسل"  # draft


def test_fixture_mms_text_and_image(fixture_import):
    mms = fixture_import[0][5]
    assert mms.position == 8 and mms.sender == "خالد"
    assert mms.text == "أرسل لي صورتك \U0001F64F"                    # smil part ignored
    assert mms.attachment is AttachmentKind.IMAGE and mms.attachment_name == "IMG_0001.jpg"
    assert mms.timestamp == utc(2024, 2, 3, 11, 0)                   # 1706958000000
    payload = re.search(r'data="([^"]*)"', (FIXTURES / "arabic_backup.xml").read_text()).group(1)
    assert payload not in mms.raw and "data=" not in mms.raw.replace("data_omitted", "")
    assert f'data_omitted="{len(payload)}"' in mms.raw
    assert mms.raw.startswith("<mms ") and "<parts>" in mms.raw


def test_fixture_outgoing_and_group_mms(fixture_import):
    messages = fixture_import[0]
    assert messages[6].sender == "Me" and messages[6].text == "لا"
    group = messages[7]
    assert group.conversation.is_group
    assert group.conversation.key == "+966501234567~+966559876543"
    assert group.sender == "+966559876543"       # addr type 137; the contact list can't name it
    assert group.text == "شوفوا هذا \U0001F602"  # a valid hex reference is kept
    last = messages[8]
    assert last.sender == "منى" and last.text == "Hi, it's Mona & co \U0001F44B"
    assert last.conversation.key == "+966559876543" and not last.conversation.is_group


# --- the pre-pass ----------------------------------------------------------------


@pytest.mark.parametrize("given_text, expected", [
    (b"&#55357;&#56832;", b"&#128512;"),
    (b"&#xD83D;&#xDE00;", b"&#128512;"),
    (b"&#xd83d;&#56832;", b"&#128512;"),
    (b"&#55357;", b"&#65533;"),
    (b"&#56832;&#55357;", b"&#65533;&#65533;"),
    (b"&#55357;&#55357;&#56832;", b"&#65533;&#128512;"),
    (b"&#0;&#1;&#9;&#10;", b"&#65533;&#65533;&#9;&#10;"),
    (b"&#1114112;", b"&#65533;"),
    (b"&amp;#55357;&#1575;", b"&amp;#55357;&#1575;"),
])
def test_fix_references(given_text, expected):
    assert sms_xml.fix_references(given_text) == expected


def clean(data: bytes, chunk: int) -> bytes:
    stream = sms_xml._CleanStream(io.BytesIO(data))
    stream.CHUNK = chunk
    out = []
    while piece := stream.read(7):
        out.append(piece)
    return b"".join(out)


_pieces = st.sampled_from([b"&#55357;", b"&#56832;", b"&#xD83D;", b"&#xDE00;", b"&#1575;", b"&#",
                           b"&", b";", b"5", b"a", b" ", b"\n", b' data="QUJD+/=="', b' data="',
                           b'"', b"\xd8\xa7", b"&amp;", b" cl=\"x\"", b"data", b"\" data=\"AAAA\""])


@given(parts=st.lists(_pieces, max_size=40), chunk=st.integers(min_value=1, max_value=40))
@settings(max_examples=300, deadline=None)
def test_clean_stream_is_independent_of_chunking(parts, chunk):
    data = b"".join(parts)
    assert clean(data, chunk) == clean(data, 1 << 16)


def test_clean_stream_drops_media_payload():
    data = b'<part ct="image/png" data="' + b"QUJD" * 1000 + b'" name="a.png"/>'
    assert clean(data, 13) == b'<part ct="image/png" data_omitted="4000" name="a.png"/>'


def test_data_inside_a_single_quoted_body_is_text():
    data = b"<smses count='1'><sms address='1' date='1700000000000' type='1' body='x data=\"y\" z'/></smses>"
    (message,), _ = read(source_from_bytes(data))
    assert message.text == 'x data="y" z'


def test_surrogates_split_across_chunks(monkeypatch):
    body = "&#55357;&#56832;" * 1500 + "x"
    data = backup(sms(body="PLACEHOLDER")).replace(b"PLACEHOLDER", body.encode())
    for chunk in (1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 4096):
        monkeypatch.setattr(sms_xml._CleanStream, "CHUNK", chunk)
        messages, ctx = read(source_from_bytes(data, "sms.xml"))
        assert ctx.skipped == [] and messages[0].text == "\U0001F600" * 1500 + "x", chunk


# --- sniffing --------------------------------------------------------------------


def test_sniff_accepts_variants():
    assert sms_xml.sniff(source_from_bytes(b"\xef\xbb\xbf" + backup(sms())))
    assert sms_xml.sniff(source_from_bytes(b'<smses count="0"></smses>'))
    assert sms_xml.sniff(source_from_bytes(b"<?xml version='1.0'?><!-- <calls> --><smses/>"))


@pytest.mark.parametrize("data", [
    b"", b"\x00\x01\x02", b"hello", b"<calls count='1'><call number='1'/></calls>",
    b"<?xml version='1.0'?><html><body>smses</body></html>", b'{"smses": []}',
    b"12/01/2024, 10:00 - Ali: <smses>",
])
def test_sniff_rejects(data):
    assert not sms_xml.sniff(source_from_bytes(data))


OTHER_SAMPLES = [
    "telegram/chat-miner/test_single_export.json", "telegram/langchain-community/messages.html",
    "instagram/chat-miner/test_export.json", "discord/chat-analytics/DM_2A_2M.json",
    "whatsapp/chat-analytics/2A_5M.txt", "signal/chat-miner/test_export.txt",
    "messenger/chat-analytics/2A_7M.json",
]


@pytest.mark.parametrize("relative", OTHER_SAMPLES)
def test_sniff_rejects_other_formats(relative):
    assert not sms_xml.sniff(source_from_path(sample(relative)))


def test_sniff_never_raises():
    def broken(_member):
        raise OSError("gone")
    source = Source(name="x.xml", display_path="x.xml", size=1, _opener=broken)
    assert sms_xml.sniff(source) is False


# --- hostile and damaged input ---------------------------------------------------


def assert_quick_bad_export(data: bytes, fragment: str = "") -> BadExport:
    start = time.monotonic()
    with pytest.raises(BadExport) as info:
        read(source_from_bytes(data, "evil.xml"))
    assert time.monotonic() - start < 5
    assert fragment in info.value.problem
    return info.value


def test_billion_laughs_is_refused():
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    data = ("<?xml version='1.0'?>\n<!DOCTYPE smses [\n" + "\n".join(entities) + "\n]>\n"
            '<smses count="1"><sms address="1" date="1" type="1" body="&lol9;"/></smses>').encode()
    assert sms_xml.sniff(source_from_bytes(data))  # claimed, so that the refusal is visible
    assert_quick_bad_export(data, "refused for safety")


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (f"<?xml version='1.0'?>\n<!DOCTYPE smses [<!ENTITY x SYSTEM \"{secret.as_uri()}\">]>\n"
            '<smses count="1"><sms address="1" date="1" type="1" body="&x;"/></smses>').encode()
    error = assert_quick_bad_export(data, "refused for safety")
    assert "TOP SECRET" not in str(error)


def test_plain_doctype_is_refused():
    assert_quick_bad_export(b'<!DOCTYPE smses SYSTEM "http://example.com/x.dtd"><smses/>', "DTD")


@pytest.mark.parametrize("data", [
    os.urandom(0) + b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
    b"<smses count='1'><sms",
    b"<calls count='1'><call number='1' date='1'/></calls>",
    b"<?xml version='1.0'?><root><sms address='1' date='1' type='1' body='x'/></root>",
    b"",
    b"<smses count='0'/>\x00",
    b"<?xml version='1.0' encoding='x-unknown'?><smses count='0'/>",
    b"<?xml version='1.0' encoding='shift_jis'?><smses count='0'/>",
])
def test_not_a_backup_gives_bad_export(data):
    assert_quick_bad_export(data)


def test_random_bytes_give_bad_export():
    data = bytes((i * 7919 + 13) % 256 for i in range(50_000))
    assert_quick_bad_export(data)


def test_empty_backup_is_fine():
    messages, ctx = read(source_from_bytes(backup()))
    assert messages == [] and ctx.skipped == []


def test_truncated_file_keeps_what_was_read():
    data = backup(*(sms(body=f"رسالة {i}", date=str(1700000000000 + i)) for i in range(50)))
    cut = data[: data.index("رسالة 40".encode())]
    messages, ctx = read(source_from_bytes(cut))
    # Elements 1-40 are whole; the file ends inside the 41st.
    assert [m.text for m in messages] == [f"رسالة {i}" for i in range(40)]
    assert len(ctx.skipped) == 1
    position, reason = ctx.skipped[0]
    assert position == 41 and "cut off" in reason and "40 messages" in reason


def test_invalid_utf8_mid_file_keeps_earlier_messages():
    data = backup(sms(body="أول"), sms(body="ثاني"), sms(body="BROKEN"), sms(body="رابع"))
    messages, ctx = read(source_from_bytes(data.replace(b"BROKEN", b"\xff\xfe\xfd")))
    assert [m.text for m in messages] == ["أول", "ثاني"]
    assert len(ctx.skipped) == 1 and ctx.skipped[0][0] == 3


def test_bad_date_values_are_skipped_not_fatal():
    data = backup(sms(date="abc"), sms(date="99999999999999999"), sms(date="1700000000"), sms())
    messages, ctx = read(source_from_bytes(data))
    assert [p for p, _ in ctx.skipped] == [1, 2]
    # 1700000000 is seconds (an MMS copied from Android's own database)
    assert messages[0].timestamp == messages[1].timestamp == utc(2023, 11, 14, 22, 13, 20)


def test_huge_media_payload_stays_out_of_memory():
    payload = b"QUJD" * (2 * 1024 * 1024)  # 8 MB of base64
    mms = (b'<mms date="1700000000000" msg_box="1" address="+1555"><parts>'
           b'<part seq="0" ct="video/mp4" name="clip.mp4" text="null" data="' + payload + b'" />'
           b'<part seq="0" ct="text/plain" name="null" text="\xd8\xa7\xd9\x86\xd8\xb8\xd8\xb1" />'
           b'</parts><addrs><addr address="+1555" type="137" /></addrs></mms>')
    data = b"<smses count='1'>" + mms + b"</smses>"
    source = source_from_bytes(data)
    tracemalloc.start()
    try:
        messages, _ctx = read(source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024
    (message,) = messages
    assert message.attachment is AttachmentKind.VIDEO and message.attachment_name == "clip.mp4"
    assert message.text == "انظر" and len(message.raw) < 1000


# --- cancellation and progress ---------------------------------------------------


def test_progress_and_cancel():
    data = backup(*(sms(body=str(i)) for i in range(4500)))
    seen: list[int] = []
    ctx = ParseContext(tz=UTC, on_progress=seen.append)
    assert len(list(sms_xml.parse(source_from_bytes(data), ctx))) == 4500
    assert seen == [2000, 4000, 4500]
    stop = ParseContext(tz=UTC, should_stop=lambda: True)
    with pytest.raises(Cancelled):
        list(sms_xml.parse(source_from_bytes(data), stop))


# --- round trip ------------------------------------------------------------------

_TEXT = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.sampled_from(list("😀😂🙏👋🤫❤️🔪 \n\t&<>\"'abc123؟،")),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
), max_size=40)


def encode_like_android(text: str, style: int) -> str:
    """Attribute text as the various producers write it: plain UTF-8,
    decimal references, or (the KXmlSerializer bug) surrogate-pair
    references for astral characters."""
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in '&<>"\n\t' or style == 1:
            out.append(f"&#{cp};")
        elif cp > 0xFFFF and style == 2:
            high, low = 0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF)
            out.append(f"&#{high};&#{low};")
        else:
            out.append(ch)
    return "".join(out)


@given(records=st.lists(st.tuples(_TEXT, st.sampled_from(["1", "2"]),
                                  st.integers(min_value=10**11, max_value=4_000_000_000_000),
                                  st.sampled_from(["+966501234567", "0551112222", "STC"])),
                        max_size=20),
       style=st.integers(min_value=0, max_value=2),
       chunk=st.sampled_from([1, 3, 8, 64, 1 << 16]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_round_trip(records, style, chunk):
    elements = [
        f'<sms address="{address}" date="{date}" type="{kind}" '
        f'body="{encode_like_android(text, style)}" contact_name="null" />'
        for text, kind, date, address in records]
    data = backup(*elements)
    original = sms_xml._CleanStream.CHUNK
    sms_xml._CleanStream.CHUNK = chunk
    try:
        messages, ctx = read(source_from_bytes(data), tz=UTC)
    finally:
        sms_xml._CleanStream.CHUNK = original
    assert ctx.skipped == []
    expected_text = [text.replace("\r", "\n") for text, *_ in records]
    assert [m.text for m in messages] == expected_text
    # The evidence copy reads back to the same text.
    assert [fromstring(m.raw).get("body") for m in messages] == expected_text
    assert [m.sender == "Me" for m in messages] == [kind == "2" for _, kind, _, _ in records]
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    assert [(m.timestamp - epoch) // timedelta(milliseconds=1) for m in messages] == [
        d for _, _, d, _ in records]
