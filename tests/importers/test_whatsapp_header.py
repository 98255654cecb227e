"""The header fast path and the timestamp arithmetic give exactly what the
general regex and the zone's own conversion give."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.importers.whatsapp_header import (
    COLON_GROUP,
    DAY_FIRST,
    FAST_HEADER,
    HEADER,
    Stamper,
    offset_minutes,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT_EXPORTS = [*(ROOT / "tests" / "fixtures" / "whatsapp").rglob("*.txt"),
                *(ROOT.parent / "shared" / "formats" / "samples" / "whatsapp").rglob("*.txt")]


def assert_fast_agrees(line: str) -> bool:
    """When FAST_HEADER matches, HEADER matches the same way."""
    fast = FAST_HEADER.match(line)
    if fast is None:
        return False
    full = HEADER.match(line)
    assert full is not None, line
    assert full.end() == fast.end(), line
    assert full.groups()[1:8] == fast.groups(), line
    assert full.group(1) is None and full.lastindex != COLON_GROUP, line
    return True


def test_fast_header_agrees_on_every_exported_line() -> None:
    matched = 0
    for path in TEXT_EXPORTS:
        text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            matched += assert_fast_agrees(line)
    assert matched > 20      # the Android fixtures take the fast path


MARKS = ["\u200f", "\u200e", "\u200f\u200e", "\u2068", "\ufeff"]
SHORT = st.text(st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲"), min_size=1, max_size=2)
ANY_DIGITS = st.text(st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩"), min_size=1, max_size=5)
# Each field of a header: the shapes the fast path takes, then other
# shapes that make the general regex choose differently (extra marks and
# spaces, more or fewer digits, other glue, other separators...).
FIELDS: list[tuple[list[str] | st.SearchStrategy[str], list[str] | st.SearchStrategy[str]]] = [
    ([""], ["[", "\u200e[", "\u200f", " "]),
    (SHORT, ANY_DIGITS),
    (["", "\u200f"], MARKS),
    (["/", ".", "-"], [":", "//", " "]),
    ([""], MARKS + [" "]),
    (SHORT, ANY_DIGITS),
    (["", "\u200f"], MARKS),
    (["/", ".", "-"], [":", " "]),
    ([""], MARKS + [" "]),
    (st.text(st.sampled_from("0123456789٠١٢٣"), min_size=2, max_size=4), ANY_DIGITS),
    ([""], MARKS),
    ([",", "\u060c"], [".", " à", "", ",,", "\u060c\u200f", ";"]),
    ([" "], ["", "\u00a0", "\u202f", "  ", " \u200f"]),
    (SHORT, ANY_DIGITS),
    ([":", "."], ["::", " "]),
    (st.text(st.sampled_from("0123459٠٣٥"), min_size=2, max_size=2), ANY_DIGITS),
    (["", ":07", ".07"], [":7", ":", "::07"]),
    (["", " AM", "\u202fPM", " p. m.", " p.\u00a0m.", " ص", "م", " a.m.", " am", "pm"],
     [" م ", " P", "PMM", " ص."]),
    ([""], MARKS),
    ([" - ", " – ", ". - "], [": ", "] ", " -", "- ", "  - ", " -\u200f"]),
    (["", "\u200f", "\u2068"], MARKS),
    (["Sara: hi", "", "~ Ali: x: y", "\u200fريم: مرحبا", "- x", "12: 5", " x"], ["\u200e\u200f", ": "]),
]


@st.composite
def header_like(draw: st.DrawFn) -> str:
    """A header in a shape the fast path takes, with up to two fields
    changed to a shape it may not take."""
    changed = draw(st.sets(st.integers(0, len(FIELDS) - 1), max_size=2))
    parts = []
    for index, (usual, other) in enumerate(FIELDS):
        options = other if index in changed else usual
        parts.append(draw(options if isinstance(options, st.SearchStrategy) else st.sampled_from(options)))
    return "".join(parts)


@settings(max_examples=3000, deadline=None)
@given(st.lists(header_like(), min_size=10, max_size=10))
def test_fast_header_agrees_on_generated_lines(lines: list[str]) -> None:
    for line in lines:
        assert_fast_agrees(line)


# --- timestamps -------------------------------------------------------------------


def _expected(naive: datetime, zone: tzinfo) -> tuple[int, int]:
    """What the store computed from a localized datetime before."""
    moment = naive.replace(tzinfo=zone)
    return round(moment.timestamp() * 1000), offset_minutes(moment.utcoffset())


ZONES = ["Asia/Riyadh", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
         "America/Sao_Paulo", "Asia/Tehran", "Pacific/Apia", "UTC"]
# Days around the transitions of those zones (and ordinary days).
DAYS = [date(2021, 3, 28), date(2021, 3, 27), date(2021, 10, 31), date(2021, 11, 7),
        date(2021, 3, 14), date(2021, 4, 4), date(2021, 10, 3), date(2022, 3, 22),
        date(2022, 9, 21), date(2021, 9, 26), date(2021, 4, 4), date(2018, 11, 4),
        date(2019, 2, 17), date(2024, 2, 29), date(2011, 12, 30), date(2011, 12, 29)]


@pytest.mark.parametrize("zone_name", [*ZONES, "fixed+03:30"])
def test_stamps_match_the_zone_conversion(zone_name: str) -> None:
    zone: tzinfo = (timezone(timedelta(hours=3, minutes=30)) if zone_name.startswith("fixed")
                    else ZoneInfo(zone_name))
    stamper = Stamper(DAY_FIRST, zone)
    for day in DAYS:
        for minutes in [*range(0, 24 * 60, 7), 120, 150, 179, 180, 181, 1439]:
            for seconds in (0, 59):
                naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minutes, seconds=seconds)
                stamp = stamper((str(day.day), str(day.month), str(day.year)),
                                (str(naive.hour), f"{naive.minute:02d}", f"{naive.second:02d}", None))
                assert not isinstance(stamp, str)
                assert (stamp[0], stamp[1]) == _expected(naive, zone), (zone_name, naive)
                assert stamp[2] + stamp[3] == naive


def test_impossible_dates_and_times_are_reasons() -> None:
    stamper = Stamper(DAY_FIRST, ZoneInfo("Asia/Riyadh"))
    assert "day 31 of month 2" in stamper(("31", "2", "2024"), ("1", "00", None, None))
    assert "hour" in stamper(("1", "2", "2024"), ("25", "00", None, None))
