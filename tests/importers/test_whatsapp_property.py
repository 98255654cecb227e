"""Property test: random WhatsApp exports (Android or iOS, 12 or 24 hour,
Arabic or English locale, Arabic-Indic digits or not, any line ending, BOM
or not, "~" non-contacts, multi-line Arabic/emoji bodies) parse back to
exactly the messages they were generated from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.importers import whatsapp
from guardian.importers.base import ParseContext
from guardian.importers.testing import source_from_bytes

ZONE = ZoneInfo("Asia/Riyadh")
RLM, NNBSP = "\u200f", "\u202f"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
EXTENDED = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# No "/", ".", "-", "[" or ":" so no generated body line can look like a
# header, and no bidi marks (the importer drops one leading mark).
_BODY_TOKENS = st.sampled_from(list("abcXYZ 019٠٣٩؟،!?أبتثجحخدذرزسشصضطظعغفقكلمنهويىةء😀✨") + [
    "\u200d", "\u2028", "👍🏼", "🇸🇦", "👩\u200d👩\u200d👧", "ok", "ههه"])
_NAME_CHARS = st.sampled_from(list("abcXYZ عمارليانسلمى0123+😀"))


@dataclass(frozen=True)
class Style:
    ios: bool
    hour12: bool
    arabic: bool        # Arabic locale: RLM in dates, U+060C, ص/م, always day-first
    digits: str         # "latin", "arabic", "extended"
    order: str          # "dmy", "mdy", "ymd"
    short_year: bool
    newline: str
    bom: bool


styles = st.builds(
    Style, ios=st.booleans(), hour12=st.booleans(), arabic=st.booleans(),
    digits=st.sampled_from(["latin", "arabic", "extended"]),
    order=st.sampled_from(["dmy", "mdy", "ymd"]), short_year=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n", "\r"]), bom=st.booleans())


def names() -> st.SearchStrategy[str]:
    return st.text(_NAME_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)


def bodies() -> st.SearchStrategy[str]:
    line = st.lists(_BODY_TOKENS, max_size=12).map("".join)
    # WhatsApp trims a message's trailing newlines, so the last line has text.
    return st.lists(line, min_size=1, max_size=4).map("\n".join).filter(
        lambda body: body.split("\n")[0].strip() != "" and not body.endswith("\n"))


@st.composite
def exports(draw: st.DrawFn) -> tuple[Style, list[tuple[str, bool, datetime, str]]]:
    style = draw(styles)
    count = draw(st.integers(min_value=1, max_value=12))
    start = draw(st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 1, 1)))
    # One day above 12 makes the day/month order decidable for every style.
    start = start.replace(day=draw(st.integers(13, 28)))
    steps = draw(st.lists(st.integers(0, 3 * 86400), min_size=count, max_size=count))
    people = draw(st.lists(names(), min_size=1, max_size=4, unique=True))
    messages = []
    when = start
    for step in steps:
        if not style.ios:
            when = when.replace(second=0)
        messages.append((draw(st.sampled_from(people)), draw(st.booleans()), when.replace(microsecond=0),
                        draw(bodies())))
        # after the first message, which keeps that day: a step taken first
        # could carry a lone message into the next month's day 1-3
        when += timedelta(seconds=step)
    return style, messages


def _digits(text: str, style: Style) -> str:
    table = {"arabic": ARABIC_INDIC, "extended": EXTENDED}.get(style.digits)
    return text.translate(table) if table else text


def header(style: Style, when: datetime) -> str:
    year = f"{when.year % 100:02d}" if style.short_year and style.order != "ymd" else str(when.year)
    if style.arabic:
        date = f"{when.day}{RLM}/{when.month}{RLM}/{year}"
    elif style.order == "ymd":
        date = f"{year}-{when.month:02d}-{when.day:02d}"
    elif style.order == "mdy":
        date = f"{when.month}/{when.day}/{year}"
    else:
        date = f"{when.day:02d}/{when.month:02d}/{year}"
    glue = "\u060c " if style.arabic else ", "
    hour = (when.hour % 12 or 12) if style.hour12 else when.hour
    clock = f"{hour}:{when.minute:02d}" + (f":{when.second:02d}" if style.ios else "")
    if style.hour12:
        if style.arabic:
            clock += " ص" if when.hour < 12 else " م"
        else:
            clock += NNBSP + ("AM" if when.hour < 12 else "PM")
    stamp = _digits(f"{date}{glue}{clock}", style)
    return f"[{stamp}] " if style.ios else f"{stamp} - "


def render(style: Style, messages: list[tuple[str, bool, datetime, str]]) -> str:
    lines = []
    for name, stranger, when, body in messages:
        shown = f"~{NNBSP}{name}" if stranger else name
        lines.append(f"{header(style, when)}{shown}: {body}")
    return ("\ufeff" if style.bom else "") + style.newline.join(
        line.replace("\n", style.newline) for line in lines) + style.newline


@settings(max_examples=300, deadline=None)
@given(exports())
def test_generated_exports_round_trip(export: tuple[Style, list[tuple[str, bool, datetime, str]]]) -> None:
    style, expected = export
    text = render(style, expected)
    source = source_from_bytes(text.encode("utf-8"), name="_chat.txt")
    assert whatsapp.sniff(source)
    ctx = ParseContext(tz=ZONE)
    parsed = list(whatsapp.parse(source, ctx))
    assert ctx.skipped == []
    assert [(m.sender, m.timestamp, m.text, m.is_system, m.attachment) for m in parsed] == [
        (name, when.replace(tzinfo=ZONE), body, False, None) for name, _, when, body in expected]
    position = 1
    for message, (name, stranger, when, body) in zip(parsed, expected):
        assert message.position == position
        assert message.raw == f"{header(style, when)}{'~' + NNBSP if stranger else ''}{name}: {body}"
        position += body.count("\n") + 1
