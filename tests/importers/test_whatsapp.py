"""WhatsApp importer: every header variant of SPEC.md 1.2 (Arabic first),
placeholders, system lines, multi-line messages, line endings, the file-wide
date order, skipped lines and the two Arabic failures of SPEC 1.8.

All lines here are written for these tests (shaped after the SPEC rows),
not copied from the sample files."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from guardian.domain import AttachmentKind, Message
from guardian.importers import whatsapp
from guardian.importers.base import BadExport, Cancelled, ParseContext
from guardian.importers.testing import source_from_bytes

RIYADH = ZoneInfo("Asia/Riyadh")
LRM, RLM, NNBSP, NBSP = "\u200e", "\u200f", "\u202f", "\u00a0"


def parse(text: str | bytes, *, title_hint: str = "", siblings: dict[str, bytes] | None = None,
          ctx: ParseContext | None = None) -> tuple[list[Message], ParseContext]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    ctx = ctx or ParseContext(tz=RIYADH)
    source = source_from_bytes(data, name="chat.txt", title_hint=title_hint, siblings=siblings)
    return list(whatsapp.parse(source, ctx)), ctx


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=RIYADH)


# --- header variants (SPEC 1.2) --------------------------------------------------

VARIANTS = [
    # id, line, timestamp, sender, text
    ("A10 Arabic-Indic digits, RLM, U+060C, م",
     f"٢٤{RLM}/٤{RLM}/٢٠٢٢\u060c ٢:٠٧ م - ليان خالد: السلام عليكم",
     at(2022, 4, 24, 14, 7), "ليان خالد", "السلام عليكم"),
    ("A10 ص is AM, 12 ص is midnight",
     f"٣{RLM}/٥{RLM}/٢٠٢٣\u060c ١٢:٤٥ ص - ليان خالد: نايمة؟",
     at(2023, 5, 3, 0, 45), "ليان خالد", "نايمة؟"),
    ("A10 12 م is noon",
     f"٣{RLM}/٥{RLM}/٢٠٢٣\u060c ١٢:٠٥ م - ليان خالد: الغداء",
     at(2023, 5, 3, 12, 5), "ليان خالد", "الغداء"),
    ("Extended Arabic-Indic digits U+06F0-06F9",
     f"۱۵{RLM}/۹{RLM}/۲۰۲۴\u060c ۹:۳۰ م - ریم: سلام",
     at(2024, 9, 15, 21, 30), "ریم", "سلام"),
    ("A11 Latin digits, RLM after ' - '",
     f"7{RLM}/3{RLM}/2025\u060c 1:15 ص - {RLM}Omar: وصلت البيت",
     at(2025, 3, 7, 1, 15), "Omar", "وصلت البيت"),
    ("A12 Morocco, 24h, Arabic comma, no RLM",
     "2/5/2025\u060c 21:17 - +212 600-111222: واش نتا هنا؟",
     at(2025, 5, 2, 21, 17), "+212 600-111222", "واش نتا هنا؟"),
    ("A1 en-GB 24h",
     "12/07/2017, 22:35 - Sami Haddad: see you tomorrow",
     at(2017, 7, 12, 22, 35), "Sami Haddad", "see you tomorrow"),
    ("A2 en-US 12h, NNBSP before PM",
     f"1/4/23, 7:02{NNBSP}PM - Person 2: ok then",
     at(2023, 1, 4, 19, 2), "Person 2", "ok then"),
    ("A3 en-GB 12h lower-case am, phone sender",
     f"09/10/2023, 11:11{NNBSP}am - +44 7123 456789: hello",
     at(2023, 10, 9, 11, 11), "+44 7123 456789", "hello"),
    ("A4 en-CA year first, p.m.",
     "2023-12-20, 5:46 p.m. - Farid: 👋🏼",
     at(2023, 12, 20, 17, 46), "Farid", "👋🏼"),
    ("A4 en-ZA year first, pm",
     "2023/12/20, 5:46 pm - Farid: 👋🏼",
     at(2023, 12, 20, 17, 46), "Farid", "👋🏼"),
    ("A5 de dotted date",
     "03.08.21, 12:30 - Jana: Hallo",
     at(2021, 8, 3, 12, 30), "Jana", "Hallo"),
    ("A6 fr, a word between date and time",
     "12/07/2017 à 22:35 - Yasmine: Salut :)",
     at(2017, 7, 12, 22, 35), "Yasmine", "Salut :)"),
    ("A7 fi, klo and a dotted time",
     "13.6.2018 klo 21.25.15 - Aino: moi",
     at(2018, 6, 13, 21, 25, 15), "Aino", "moi"),
    ("A8 es, NBSP inside p. m.",
     f"3/6/2018 1:55 p.{NBSP}m. - Lucía: hola",
     at(2018, 6, 3, 13, 55), "Lucía", "hola"),
    ("A9 trailing dot after the time",
     "2022/12/24, 13:01. - John Doe: testing",
     at(2022, 12, 24, 13, 1), "John Doe", "testing"),
    ("I1 iOS en 12h",
     "[30/04/23, 5:33:19 PM] Sam: Hi Sameer",
     at(2023, 4, 30, 17, 33, 19), "Sam", "Hi Sameer"),
    ("I2 iOS en, LRM before [ and before the body",
     f"{LRM}[8/15/23, 9:12:48 AM] Dr. Owl: {LRM}nice",
     at(2023, 8, 15, 9, 12, 48), "Dr. Owl", "nice"),
    ("I3 iOS en-GB 24h, no comma",
     "[31/12/2022 11:40:26] John Doe: happy new year",
     at(2022, 12, 31, 11, 40, 26), "John Doe", "happy new year"),
    ("I4 iOS, ~ before a non-contact, U+2011 in the number",
     "[7/18/21, 18:34:07] ~ +1 (777) 777\u20117777: hey",
     at(2021, 7, 18, 18, 34, 7), "+1 (777) 777\u20117777", "hey"),
    ("I5 iOS English UI, Arabic names",
     "[17/01/2023, 10:14:09 AM] ~ عماد: 12",
     at(2023, 1, 17, 10, 14, 9), "عماد", "12"),
    ("I6 iOS dotted date with 12h",
     f"[05.08.23, 5:52:02{NNBSP}PM] Hana: hi",
     at(2023, 8, 5, 17, 52, 2), "Hana", "hi"),
    ("I7 iOS tr, no comma",
     "[23.09.2016 17:00:28] Mert: selam",
     at(2016, 9, 23, 17, 0, 28), "Mert", "selam"),
    ("I8 iOS fi, dotted time, ~ + NNBSP",
     f"[22.4.2026, 20.20.13] ~{NNBSP}Maija Meikäläinen: hei",
     at(2026, 4, 22, 20, 20, 13), "Maija Meikäläinen", "hei"),
    ("I9 iOS de",
     f"[12.01.25, 11:01:18] ~{NNBSP}Somebody: Look here.",
     at(2025, 1, 12, 11, 1, 18), "Somebody", "Look here."),
    ("I10 old export, ': ' after the time",
     "2016-06-27, 8:04:08 AM: Neil: Hi",
     at(2016, 6, 27, 8, 4, 8), "Neil", "Hi"),
    ("I10 dashed date in brackets",
     "[27-11-18 18:43:20] Tom Hanks: Message",
     at(2018, 11, 27, 18, 43, 20), "Tom Hanks", "Message"),
    ("I11 iOS Arabic UI, Arabic-Indic digits",
     "[١٥/٠٩/٢٠٢٦\u060c ٨:٤٦:٠٠ م] دانة: وينك",
     at(2026, 9, 15, 20, 46), "دانة", "وينك"),
    ("I11 iOS Arabic UI, RLM, LRE/PDF around the phone number",
     f"{RLM}[{RLM}21{RLM}/9{RLM}/2026\u060c 9:47:45 م] \u202a+966 55 000 0001\u202c: مرحبا",
     at(2026, 9, 21, 21, 47, 45), "+966 55 000 0001", "مرحبا"),
]


@pytest.mark.parametrize(("line", "timestamp", "sender", "text"),
                         [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_header_variant(line: str, timestamp: datetime, sender: str, text: str) -> None:
    messages, ctx = parse(line + "\n")
    assert [(m.timestamp, m.sender, m.text, m.is_system) for m in messages] == [
        (timestamp, sender, text, False)]
    assert messages[0].raw == line and messages[0].position == 1
    assert ctx.skipped == []
    assert whatsapp.sniff(source_from_bytes(line.encode()))


def test_timestamps_are_aware_in_the_context_zone() -> None:
    messages, _ = parse("12/07/2017, 22:35 - A: x\n", ctx=ParseContext(tz=ZoneInfo("Africa/Cairo")))
    assert messages[0].timestamp.tzinfo == ZoneInfo("Africa/Cairo")


# --- the two Arabic failures of SPEC 1.8 -----------------------------------------

def test_arabic_pm_is_not_read_as_am() -> None:
    """whatstk reads "٢:٠٧ م" as 02:07; chat-miner crashes on it."""
    messages, _ = parse(f"٢٤{RLM}/٤{RLM}/٢٠٢٢\u060c ٢:٠٧ م - عمار: السلام\n"
                        f"٢٤{RLM}/٤{RLM}/٢٠٢٢\u060c ٢:٠٨ م - سلمى: اهلين\n")
    assert [m.timestamp for m in messages] == [at(2022, 4, 24, 14, 7), at(2022, 4, 24, 14, 8)]


def test_arabic_am_after_pm_starts_a_new_message() -> None:
    """whatstk templates on the first line's "م" and silently merges a later
    "ص" line into the message above (and gets the hour wrong)."""
    messages, _ = parse(f"22{RLM}/4{RLM}/2025\u060c 11:50 م - Gehad: تصبحين على خير\n"
                        f"23{RLM}/4{RLM}/2025\u060c 12:10 ص - Mona: وانت من اهله\n"
                        f"[23/4/2025\u060c 1:05:09 ص] Mona: iOS line in between\n")
    assert [(m.sender, m.timestamp, m.text) for m in messages] == [
        ("Gehad", at(2025, 4, 22, 23, 50), "تصبحين على خير"),
        ("Mona", at(2025, 4, 23, 0, 10), "وانت من اهله"),
        ("Mona", at(2025, 4, 23, 1, 5, 9), "iOS line in between"),
    ]


# --- multi-line, line endings, BOM ---------------------------------------------------

def test_continuation_lines_join_the_message_and_raw_keeps_them() -> None:
    text = ("13/07/2017, 09:12 - Test: first line\n"
            "second line\n"
            "\n"
            "13/07/2017 is a date but not a header\n"
            "13/07/2017, 09:16 - Other: next\n")
    messages, _ = parse(text)
    assert messages[0].text == "first line\nsecond line\n\n13/07/2017 is a date but not a header"
    assert messages[0].raw == "\n".join(text.split("\n")[:4])
    assert [m.position for m in messages] == [1, 5]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["CRLF", "CR", "LF"])
def test_line_endings(newline: str) -> None:
    lines = ["[1/2/2022, 10:00:00] أمل: سطر", "ثاني", "[1/2/2022, 10:01:00] أمل: تم"]
    messages, _ = parse(newline.join(lines) + newline)
    assert [(m.text, m.position) for m in messages] == [("سطر\nثاني", 1), ("تم", 3)]
    assert "\r" not in messages[0].raw


def test_mixed_line_endings_and_bom() -> None:
    data = "\ufeff1/2/2022, 10:00 - A: one\r\ntwo\rthree\n1/2/2022, 10:01 - B: four".encode()
    messages, _ = parse(data)
    assert [m.text for m in messages] == ["one\ntwo\nthree", "four"]
    assert messages[0].raw.startswith("1/2/2022")


def test_unicode_line_separators_stay_in_the_body() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: one\u2028two\x0cthree\n")
    assert messages[0].text == "one\u2028two\x0cthree"


# --- date order is decided for the whole file ------------------------------------

def test_ambiguous_dates_are_decided_by_a_later_line() -> None:
    text = ("01/02/2023, 10:00 - A: hi\n"
            "05/02/2023, 10:00 - B: hi\n"
            "25/02/2023, 10:00 - A: later\n")
    messages, _ = parse(text)
    assert [m.timestamp.date().isoformat() for m in messages] == [
        "2023-02-01", "2023-02-05", "2023-02-25"]


def test_month_first_is_decided_by_a_later_line() -> None:
    text = "01/02/23, 10:00 - A: hi\n01/30/23, 10:00 - A: later\n"
    messages, _ = parse(text)
    assert [m.timestamp.date().isoformat() for m in messages] == ["2023-01-02", "2023-01-30"]


def test_day_wrapping_over_a_month_boundary_decides_the_order() -> None:
    text = "11/1/2023, 10:00 - A: a\n12/1/2023, 10:00 - A: b\n1/2/2023, 10:00 - A: c\n"
    messages, _ = parse(text)
    assert [m.timestamp.date().isoformat() for m in messages] == [
        "2023-01-11", "2023-01-12", "2023-02-01"]


def test_arabic_markers_mean_day_first() -> None:
    messages, _ = parse(f"1{RLM}/2{RLM}/2023\u060c 10:00 ص - A: x\n")
    assert messages[0].timestamp == at(2023, 2, 1, 10, 0)


def test_two_digit_years_are_2000s() -> None:
    messages, _ = parse("[27-11-99 18:43:20] Tom: x\n")
    assert messages[0].timestamp.year == 2099


# --- skipped lines ---------------------------------------------------------------------

def test_impossible_dates_and_times_are_skipped_with_their_continuations() -> None:
    text = ("junk before the chat\n"
            "\n"
            "25/01/2023, 10:00 - A: ok\n"            # 3: decides day-first
            "01/13/2023, 10:00 - B: bad month\n"     # 4: month 13 for day-first
            "its continuation\n"                     # 5
            "26/01/2023, 25:10 - B: bad hour\n"      # 6
            "26/01/2023, 10:11 - A: fine\n")         # 7
    messages, ctx = parse(text)
    assert [(m.position, m.text) for m in messages] == [(3, "ok"), (7, "fine")]
    lines = [line for line, _ in ctx.skipped]
    assert lines == [1, 4, 6]
    reasons = dict(ctx.skipped)
    assert "before the first WhatsApp message" in reasons[1]
    assert "month 13" in reasons[4] and "1 continuation line" in reasons[4]
    assert "hour 25" in reasons[6]


def test_pm_hour_above_12_and_bad_day_are_skipped() -> None:
    text = "[31/01/2023, 13:00:00 PM] A: x\n[31/02/2023, 10:00:00] A: y\n[01/03/2023, 10:00:00] A: z\n"
    messages, ctx = parse(text)
    assert [m.text for m in messages] == ["z"]
    assert [line for line, _ in ctx.skipped] == [1, 2]
    assert "day 31 of month 2" in ctx.skipped[1][1]


def test_hijri_years_are_flagged_not_misdated() -> None:
    messages, ctx = parse(f"[23{RLM}/12{RLM}/1444\u060c 3:32:00 ص] A: x\n[1/1/2023, 3:32:00] A: y\n")
    assert [m.text for m in messages] == ["y"]
    assert "Hijri" in ctx.skipped[0][1]


def test_invalid_utf8_is_replaced_and_reported_once() -> None:
    data = b"1/2/2022, 10:00 - A: caf\xe9\n1/2/2022, 10:01 - A: \xff\xfe ok \xef\xbf\xbd\n"
    messages, ctx = parse(data)
    assert [m.text for m in messages] == ["caf\ufffd", "\ufffd\ufffd ok \ufffd"]
    assert [line for line, _ in ctx.skipped] == [1]
    assert "not valid UTF-8" in ctx.skipped[0][1]


def test_a_real_replacement_character_is_not_reported() -> None:
    _, ctx = parse("1/2/2022, 10:00 - A: \ufffd\n")
    assert ctx.skipped == []


def test_a_huge_line_is_cut_and_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from guardian.importers import whatsapp_lines
    monkeypatch.setattr(whatsapp_lines, "MAX_LINE_CHARS", 1000)
    monkeypatch.setattr(whatsapp_lines, "BLOCK_BYTES", 256)
    text = "1/2/2022, 10:00 - A: " + "x" * 5000 + "\n1/2/2022, 10:01 - B: after\n"
    messages, ctx = parse(text)
    assert len(messages[0].raw) == 1000 and messages[1].text == "after"
    assert ctx.skipped[0][0] == 1 and "longer than 1,000 characters" in ctx.skipped[0][1]


def test_a_huge_message_stops_growing_and_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whatsapp, "MAX_MESSAGE_CHARS", 100)
    text = "1/2/2022, 10:00 - A: start\n" + "y" * 30 + "\n" + "z" * 30 + "\n" + "w" * 60 + "\nv\n"
    messages, ctx = parse(text + "1/2/2022, 10:01 - B: after\n")
    assert messages[0].text == "start\n" + "y" * 30 + "\n" + "z" * 30
    assert messages[1].position == 6
    assert ctx.skipped == [(4, ctx.skipped[0][1])] and "line 1" in ctx.skipped[0][1]


# --- placeholders and attachments ---------------------------------------------------------

PLACEHOLDERS = [
    ("<تم استبعاد الوسائط>", AttachmentKind.OTHER, None),
    ("<Media omitted>", AttachmentKind.OTHER, None),
    ("<media omitted>", AttachmentKind.OTHER, None),
    (f"{LRM}image omitted", AttachmentKind.IMAGE, None),
    (f"{LRM}video omitted", AttachmentKind.VIDEO, None),
    (f"{LRM}audio omitted", AttachmentKind.AUDIO, None),
    (f"{LRM}sticker omitted", AttachmentKind.STICKER, None),
    (f"{LRM}GIF omitted", AttachmentKind.GIF, None),
    (f"{LRM}Contact card omitted", AttachmentKind.CONTACT, None),
    (f"{LRM}Guide.pdf • 36 pages {LRM}document omitted", AttachmentKind.DOCUMENT, "Guide.pdf"),
    (f"{LRM}لم يتم إدراج الصورة", AttachmentKind.IMAGE, None),
    (f"{LRM}لم يتم إدراج الفيديوهات", AttachmentKind.VIDEO, None),
    (f"{LRM}لم يتم إدراج المقاطع الصوتية", AttachmentKind.AUDIO, None),
    (f"{LRM}لم يتم إدراج المستند", AttachmentKind.DOCUMENT, None),
    (f"{LRM}تم حذف الملصقات", AttachmentKind.STICKER, None),
    (f"{LRM}<attached: 00000003-PHOTO-2022-12-31-14-17-51.jpg>", AttachmentKind.IMAGE,
     "00000003-PHOTO-2022-12-31-14-17-51.jpg"),
    (f"{LRM}<attached: 00000001-AUDIO-2022-12-31-11-40-26.opus>", AttachmentKind.AUDIO,
     "00000001-AUDIO-2022-12-31-11-40-26.opus"),
    (f"{LRM}<attached: 00000004-Peter.vcf>", AttachmentKind.CONTACT, "00000004-Peter.vcf"),
    (f"{LRM}<Anhang: blob.png>", AttachmentKind.IMAGE, "blob.png"),
    ("IMG-20210428-WA0001.jpg (file attached)", AttachmentKind.IMAGE, "IMG-20210428-WA0001.jpg"),
    (f"{LRM}VID-20210428-WA0002.mp4 (file attached)", AttachmentKind.VIDEO, "VID-20210428-WA0002.mp4"),
    ("PTT-20210428-WA0003.opus (الملف مرفق)", AttachmentKind.AUDIO, "PTT-20210428-WA0003.opus"),
    ("STK-20210428-WA0004.webp (الملف مرفق)", AttachmentKind.STICKER, "STK-20210428-WA0004.webp"),
    ("DOC-20210428-WA0005.pdf (file attached)", AttachmentKind.DOCUMENT, "DOC-20210428-WA0005.pdf"),
    ("2015-08-04-PHOTO-00004762.jpg <\u200eattached>", AttachmentKind.IMAGE,
     "2015-08-04-PHOTO-00004762.jpg"),
]


@pytest.mark.parametrize(("body", "kind", "name"), PLACEHOLDERS, ids=[p[0] for p in PLACEHOLDERS])
def test_placeholder(body: str, kind: AttachmentKind, name: str | None) -> None:
    line = f"[3/5/2023, 10:00:00] سارة: {body}"
    messages, _ = parse(line + "\n")
    m = messages[0]
    assert (m.attachment, m.attachment_name, m.text, m.is_system, m.sender) == (
        kind, name, "", False, "سارة")
    assert m.raw == line


def test_caption_after_an_android_attachment_stays_text() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: IMG-20220201-WA0001.jpg (file attached)\n"
                        "شوفي الصورة\n")
    m = messages[0]
    assert (m.attachment, m.attachment_name, m.text) == (
        AttachmentKind.IMAGE, "IMG-20220201-WA0001.jpg", "شوفي الصورة")


def test_caption_after_an_ios_attachment_on_the_same_line() -> None:
    messages, _ = parse(f"[1/2/2022, 10:00:00] A: {LRM}<attached: 00000012-PHOTO-2022-02-01-10-00-00.jpg> look\n")
    assert (messages[0].attachment, messages[0].text) == (AttachmentKind.IMAGE, "look")


def test_a_body_naming_a_zip_sibling_is_that_attachment() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: AUD-20220201-WA0007.m4a\n1/2/2022, 10:00 - A: hi\n",
                        siblings={"AUD-20220201-WA0007.m4a": b"x"})
    assert (messages[0].attachment, messages[0].attachment_name, messages[0].text) == (
        AttachmentKind.AUDIO, "AUD-20220201-WA0007.m4a", "")
    assert messages[1].attachment is None


def test_location_keeps_its_link() -> None:
    body = "location: https://maps.google.com/?q=24.7,46.6"
    messages, _ = parse(f"1/2/2022, 10:00 - A: {body}\n")
    assert (messages[0].attachment, messages[0].text) == (AttachmentKind.LOCATION, body)


def test_edited_marker_is_dropped_from_text() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: see you <This message was edited>\n"
                        "1/2/2022, 10:01 - A: two\nlines <This message was edited>\n")
    assert [m.text for m in messages] == ["see you", "two\nlines"]
    assert messages[0].raw.endswith("<This message was edited>")


def test_deleted_messages_keep_sender_and_text() -> None:
    messages, _ = parse("1/2/2022, 10:00 - Ali: تم حذف هذه الرسالة\n"
                        f"[1/2/2022, 10:01:00] Ali: {LRM}This message was deleted.\n"
                        "1/2/2022, 10:02 - Ali: This message was deleted\n")
    assert [(m.sender, m.text, m.is_system) for m in messages] == [
        ("Ali", "تم حذف هذه الرسالة", False),
        ("Ali", "This message was deleted.", False),
        ("Ali", "This message was deleted", False)]


# --- system messages ------------------------------------------------------------------

def test_android_system_lines_have_no_sender() -> None:
    text = (f"22{RLM}/4{RLM}/2025\u060c 1:14 ص - {RLM}الرسائل والمكالمات مشفرة تمامًا بين الطرفين.\n"
            "22/4/2025\u060c 1:14 ص - أنشأ خالد المجموعة \"صف ٣ب\"\n"
            "22/4/2025\u060c 1:15 ص - أضافك خالد\n"
            "22/4/2025\u060c 1:16 ص - Missed voice call\n"
            "22/4/2025\u060c 1:17 ص - خالد: أهلا بالجميع\n"
            "22/4/2025\u060c 1:18 ص - غادر سامي\n")
    messages, _ = parse(text)
    assert [(m.sender, m.is_system) for m in messages] == [
        ("", True), ("", True), ("", True), ("", True), ("خالد", False), ("", True)]
    assert messages[0].text == "الرسائل والمكالمات مشفرة تمامًا بين الطرفين."
    conversation = messages[0].conversation
    assert (conversation.title, conversation.key, conversation.is_group) == ("صف ٣ب", "صف ٣ب", True)


def test_subject_with_colon_is_a_system_line() -> None:
    messages, _ = parse('1/2/2022, 10:00 - Ali changed the subject from "a" to "Class 5: B"\n'
                        "1/2/2022, 10:01 - Ali: hi\n")
    assert (messages[0].sender, messages[0].is_system) == ("", True)
    assert messages[0].conversation.title == "Class 5: B"


def test_ios_system_lines_authored_by_the_group() -> None:
    text = (f"[28/02/2022, 9:52:58 PM] نادي القراءة: {LRM}Messages and calls are end-to-end encrypted. "
            "No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
            f"[28/02/2022, 9:52:58 PM] ~ AK: {LRM}~ AK created this group\n"
            f"[28/02/2022, 9:53:00 PM] نادي القراءة: {LRM}AK added Noor\n"
            f"[28/02/2022, 9:54:00 PM] Noor: {LRM}Missed voice call\n"
            "[17/01/2023, 10:14:01 AM] نادي القراءة: You joined using this group's invite link\n"
            "[17/01/2023, 10:14:09 AM] ~ AK: Sara left\n"
            "[17/01/2023, 10:15:00 AM] Noor: who created this group\n")
    messages, _ = parse(text)
    assert [(m.sender, m.is_system) for m in messages] == [
        ("", True), ("AK", True), ("", True), ("Noor", True), ("", True),
        ("AK", False), ("Noor", False)]
    conversation = messages[0].conversation
    assert (conversation.title, conversation.is_group, conversation.owner) == (
        "نادي القراءة", True, None)


def test_ios_one_to_one_system_line_keeps_the_contact() -> None:
    text = (f"[8/15/23, 9:12:33 AM] Dana: {LRM}Messages and calls are end-to-end encrypted.\n"
            "[8/15/23, 9:12:43 AM] Dana: hi\n[8/15/23, 9:13:00 AM] Reem: hey\n")
    messages, _ = parse(text, title_hint="WhatsApp Chat - Dana")
    assert [(m.sender, m.is_system) for m in messages] == [
        ("Dana", True), ("Dana", False), ("Reem", False)]
    assert (messages[0].conversation.title, messages[0].conversation.is_group) == ("Dana", False)


# --- the conversation -----------------------------------------------------------------

@pytest.mark.parametrize(("hint", "title"), [
    ("WhatsApp Chat with Sara", "Sara"),
    ("WhatsApp Chat - Sara (2)", "Sara"),
    ("دردشة واتساب مع سارة", "سارة"),
    ("محادثة WhatsApp مع سارة", "سارة"),
    ("Chat de WhatsApp con Sara", "Sara"),
    ("sara", "sara"),
])
def test_title_from_the_file_name(hint: str, title: str) -> None:
    messages, _ = parse("1/2/2022, 10:00 - Sara: hi\n1/2/2022, 10:01 - Me: hey\n", title_hint=hint)
    conversation = messages[0].conversation
    assert (conversation.platform, conversation.title, conversation.is_group) == (
        "whatsapp", title, False)
    assert conversation.key == title.casefold()


@pytest.mark.parametrize("hint", ["", "_chat", "export", "WhatsApp Chat"])
def test_title_from_participants_when_the_file_name_says_nothing(hint: str) -> None:
    messages, _ = parse("1/2/2022, 10:00 - Zaid: hi\n1/2/2022, 10:01 - ~ أمل: hey\n", title_hint=hint)
    assert messages[0].conversation.title == "Zaid, أمل"
    assert messages[0].conversation.key == "zaid, أمل"


def test_key_is_stable_across_a_newer_export() -> None:
    old, _ = parse("1/2/2022, 10:00 - Sara: hi\n", title_hint="WhatsApp Chat with Sara")
    new, _ = parse("1/2/2022, 10:00 - Sara: hi\n5/3/2022, 10:00 - Me: more\n",
                   title_hint="WhatsApp  Chat with  SARA")
    assert old[0].conversation.key == new[0].conversation.key == "sara"


def test_three_senders_make_a_group() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: x\n1/2/2022, 10:00 - B: x\n1/2/2022, 10:00 - C: x\n")
    assert messages[0].conversation.is_group


# --- sniff, cancel, progress ---------------------------------------------------------------

def test_sniff_rejects_other_content() -> None:
    for data in (b"", b"\x00\xff\xfe" * 3000, b'{"messages": []}', b"hello\nworld\n",
                 "\n".join(["just text"] * 30 + ["1/2/2022, 10:00 - A: late"]).encode()):
        assert not whatsapp.sniff(source_from_bytes(data))


def test_sniff_finds_a_header_after_junk_and_bom() -> None:
    data = ("\ufeffsomething first\n\n" + "[1/2/2022, 10:00:00] A: x\n").encode()
    assert whatsapp.sniff(source_from_bytes(data))


def test_parse_without_any_header_is_a_bad_export() -> None:
    with pytest.raises(BadExport):
        parse("no header here\n")


def test_progress_and_cancel() -> None:
    seen: list[int] = []
    text = "".join(f"1/2/2022, 10:{i % 60:02d} - A: m{i}\n" for i in range(12001))
    messages, _ = parse(text, ctx=ParseContext(tz=RIYADH, on_progress=seen.append))
    assert len(messages) == 12001 and seen == [5000, 10000, 12001]
    stop = ParseContext(tz=RIYADH, should_stop=lambda: True)
    with pytest.raises(Cancelled):
        parse(text, ctx=stop)


def test_trailing_empty_lines_are_not_text_but_stay_in_raw() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: last\nline\n\n\n")
    assert (messages[0].text, messages[0].raw) == ("last\nline", "1/2/2022, 10:00 - A: last\nline\n\n")


def test_a_line_without_author_separator_is_a_system_line() -> None:
    """WhatsApp always writes "Name: text"; "John:." (seen in a hand-written
    test file) has no ": ", so it is read like an Android system line."""
    messages, _ = parse("1/2/2022, 10:00 - John:.\n")
    assert (messages[0].sender, messages[0].text, messages[0].is_system) == ("", "John:.", True)


def test_old_colon_style_is_only_a_header_in_files_written_that_way() -> None:
    messages, _ = parse("1/2/2022, 10:00 - A: agenda\n1/2/2022, 10:30: meeting: room 4\n")
    assert [m.text for m in messages] == ["agenda\n1/2/2022, 10:30: meeting: room 4"]
    messages, _ = parse("2016-06-27, 8:04:08 AM: Neil: Hi\n2016-06-27, 8:05:00 AM: Sam: yo\n")
    assert [(m.sender, m.text) for m in messages] == [("Neil", "Hi"), ("Sam", "yo")]
