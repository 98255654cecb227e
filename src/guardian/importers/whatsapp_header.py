"""The WhatsApp header line: "<date>, <time> - " (Android), "[<date>, <time>] "
(iOS) or "<date>, <time>: " (old exports), in every locale of SPEC.md 1.2,
and the conversion of its date and time to numbers.

The regex runs on the raw line.  Python's `\\d` already matches Arabic-Indic
(U+0660-0669) and Extended Arabic-Indic (U+06F0-06F9) digits and `int()`
reads them, so no per-line translation is needed; the invisible marks
(LRM, RLM, LRE/PDF, isolates, BOM) are allowed where exports put them and
NNBSP/NBSP are whitespace to `\\s`.  That keeps the hot path at one regex
match per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

_MARKS = "\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_M = f"[{_MARKS}]*"

# Groups: 1 "[" (iOS), 2-4 date parts, 5-7 time, 8 AM/PM, 9 ":" (old style).
HEADER = re.compile(
    rf"{_M}(\[{_M})?"
    rf"(\d{{1,4}}){_M}[./-]{_M}\s?(\d{{1,2}}){_M}[./-]{_M}\s?(\d{{1,4}}){_M}"
    rf"(?:[,.\u060c]|\s[^\d\s\[\]\-]{{1,4}}\.?)?{_M}\s{_M}"          # ", "  "، "  " à "  " klo "
    rf"(\d{{1,2}})[:.](\d{{2}})(?:[:.](\d{{2}}))?"
    rf"(?:\s?([AaPp]\.?\s?[Mm]\.?|\u0635|\u0645))?{_M}"               # AM/PM, ص / م
    rf"(?(1)\]\s|(?:\.?\s[-\u2013]\s|(:)\s)){_M}")          # marks before the author (A11)
COLON_GROUP = 9
# First characters a header can start with (a cheap test before the regex).
HEADER_STARTS = frozenset("[0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                          "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
                          "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

# Header styles, told apart by the separator after the time.
IOS, ANDROID, COLON = "ios", "android", "colon"

_ARABIC_MARKERS = ("\u060c", "\u200f")
_ARABIC_AMPM = ("\u0635", "\u0645")
_US_AMPM = ("AM", "PM")
HIJRI_YEARS = range(1380, 1501)


def style_of(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return IOS
    return COLON if match.lastindex == COLON_GROUP else ANDROID


class BadHeader(ValueError):
    """A header whose date or time cannot exist; the message is the reason."""


# --- date order ----------------------------------------------------------------

DAY_FIRST, MONTH_FIRST = "day-first", "month-first"


@dataclass
class DateOrderVotes:
    """Evidence for the day/month order, gathered over the whole file in the
    first pass (SPEC 1.6 step 5): a part above 12 is a day; around a month
    boundary the day falls while the month rises; the day changes more often.
    """

    arabic: bool = False
    us_style: bool = False
    first_over_12: int = 0
    second_over_12: int = 0
    wrap_day_first: int = 0
    wrap_month_first: int = 0
    first_changes: int = 0
    second_changes: int = 0
    _previous: tuple[int, int, int] | None = field(default=None, repr=False)

    def add(self, match: re.Match[str]) -> None:
        """Count one header whose date differs from the header before."""
        d1, d2, d3 = match.group(2, 3, 4)
        ampm = match.group(8)
        # Only the date, the glue and AM/PM count: an RLM before an Arabic
        # name in an English-UI export says nothing about the date format.
        date_and_glue = match.string[match.start(2):match.start(5)]
        if not self.arabic and (any(m in date_and_glue for m in _ARABIC_MARKERS)
                                or ampm in _ARABIC_AMPM or not d1.isascii()):
            self.arabic = True
        # en_US writes "M/d/yy, h:mm AM" (two-digit year).  en_GB writes "am",
        # iOS English-UI exports of Arabic users "28/02/2022, 9:52:58 PM"
        # (four-digit year, SPEC I5), es "a. m."; dotted or dashed dates are
        # day-first everywhere.
        if (ampm in _US_AMPM and len(d3) == 2
                and "/" in match.string[match.end(2):match.start(3)]):
            self.us_style = True
        if len(d1) > 2:        # year first: always Y/M/D, no vote
            return
        a, b, year = int(d1), int(d2), int(d3)
        if a > 12 and b > 12:  # impossible either way; the second pass reports it
            return
        self.first_over_12 += a > 12
        self.second_over_12 += b > 12
        previous, self._previous = self._previous, (a, b, year)
        if previous is None or previous[2] != year:
            return
        pa, pb, _ = previous
        self.first_changes += pa != a
        self.second_changes += pb != b
        if a < pa and b > pb:
            self.wrap_day_first += 1
        elif b < pb and a > pa:
            self.wrap_month_first += 1

    def decide(self) -> str:
        # Every Arabic CLDR locale writes d/M/y; only dates that cannot be
        # day-first at all (and none that must be) overrule that.
        if self.arabic and not (self.second_over_12 and not self.first_over_12):
            return DAY_FIRST
        for day, month in ((self.first_over_12, self.second_over_12),
                           (self.wrap_day_first, self.wrap_month_first),
                           (self.first_changes, self.second_changes)):
            if day != month:
                return DAY_FIRST if day > month else MONTH_FIRST
        # Nothing tells: en_US writes M/d/yy with AM/PM; most of the rest d/M.
        return MONTH_FIRST if self.us_style else DAY_FIRST


# --- conversion ----------------------------------------------------------------


def order_name(d1: str, order: str) -> str:
    return "year-first" if len(d1) > 2 else order


def date_parts(d1: str, d2: str, d3: str, order: str) -> tuple[int, int, int]:
    """(year, month, day) from the three date fields; BadHeader if impossible."""
    if len(d1) > 2:
        year, month, day = int(d1), int(d2), int(d3)
    elif order == DAY_FIRST:
        day, month, year = int(d1), int(d2), int(d3)
    else:
        month, day, year = int(d1), int(d2), int(d3)
    if len(d3 if len(d1) <= 2 else d1) == 2:
        year += 2000
    elif year in HIJRI_YEARS:
        raise BadHeader(f"the year {year} looks like a Hijri (Islamic calendar) year, "
                        "which Guardian cannot convert yet")
    elif year < 1970 or year > 2100:
        raise BadHeader(f"the year {year} is not a plausible WhatsApp date")
    if not 1 <= month <= 12:
        raise BadHeader(f"impossible date {d1}/{d2}/{d3}: month {month} "
                        f"(the file's date order is {order_name(d1, order)})")
    return year, month, day


def time_parts(hh: str, mm: str, ss: str | None, ampm: str | None) -> tuple[int, int, int]:
    """(hour, minute, second) in 24-hour time; BadHeader if impossible."""
    hour, minute, second = int(hh), int(mm), int(ss) if ss else 0
    if ampm:
        if hour > 12:
            raise BadHeader(f"impossible time {hh}:{mm} {ampm}: hour above 12 with AM/PM")
        pm = ampm[0] in "Pp\u0645"
        hour = hour % 12 + (12 if pm else 0)
    elif hour > 23:
        raise BadHeader(f"impossible time {hh}:{mm}: hour {hour}")
    if minute > 59 or second > 59:
        raise BadHeader(f"impossible time {hh}:{mm}{':' + ss if ss else ''}")
    return hour, minute, second


class Stamper:
    """Header match -> aware timestamp, or the reason the header is
    impossible.  Dates and times of day are cached separately: a file has
    few distinct dates and at most 86,400 distinct times, so after warm-up a
    new timestamp costs two dict hits and one addition."""

    _LIMIT = 100_000

    def __init__(self, order: str, localize: Callable[[datetime], datetime]) -> None:
        self.order = order
        self.localize = localize
        self._days: dict[tuple[str, ...], datetime | str] = {}
        self._clocks: dict[tuple[str | None, ...], timedelta | str] = {}

    def __call__(self, match: re.Match[str]) -> datetime | str:
        groups = match.groups()
        day = self._days.get(groups[1:4])
        if day is None:
            day = self._day(groups[1:4])
        clock = self._clocks.get(groups[4:8])
        if clock is None:
            clock = self._clock(groups[4:8])
        if day.__class__ is str:
            return day              # type: ignore[return-value]
        if clock.__class__ is str:
            return clock            # type: ignore[return-value]
        return self.localize(day + clock)   # type: ignore[operator]

    def _day(self, key: tuple[str, ...]) -> datetime | str:
        try:
            year, month, day = date_parts(*key, self.order)
            value: datetime | str = datetime(year, month, day)
        except BadHeader as exc:
            value = str(exc)
        except ValueError:
            value = (f"impossible date {'/'.join(key)}: day {day} of month {month} "
                     f"(the file's date order is {order_name(key[0], self.order)})")
        if len(self._days) >= self._LIMIT:
            self._days.clear()
        self._days[key] = value
        return value

    def _clock(self, key: tuple[str | None, ...]) -> timedelta | str:
        hh, mm, ss, ampm = key
        try:
            hour, minute, second = time_parts(hh or "", mm or "", ss, ampm)
            value: timedelta | str = timedelta(hours=hour, minutes=minute, seconds=second)
        except BadHeader as exc:
            value = str(exc)
        if len(self._clocks) >= self._LIMIT:
            self._clocks.clear()
        self._clocks[key] = value
        return value
