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
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

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

# The common Android header ("12/07/2017, 22:35 - ", "٤\u200f/٣\u200f/٢٠٢٥، ٩:٠٧ م - ",
# "7/4/24, 9:52\u202fPM - "), matched about four times faster than HEADER.
# Its groups are HEADER's groups 2-8.  It is HEADER with every choice fixed
# to what HEADER itself tries first on such a line: no leading mark or "[",
# day and month of at most two digits and the year of two to four, each
# followed by a non-digit so HEADER's greedy digits stop at the same place;
# at most one RLM after them (HEADER's greedy marks take exactly that RLM
# when the separator follows); a comma (HEADER's first glue alternative)
# and one space before the time.  From the time on it is HEADER's pattern
# verbatim (the AM/PM alternatives reordered: no text matches two of them,
# they differ in their first character), with the branch HEADER takes when
# group 1 ("[") is unset and without the colon alternative it only tries
# after the dash one.  So when
# FAST_HEADER matches, HEADER's first successful path is the same one:
# same end, same groups (1 and 9 unset).  When it does not match, HEADER
# decides.  tests/importers/test_whatsapp_header.py checks this on every
# fixture and on generated lines.
FAST_HEADER = re.compile(
    r"(\d{1,2})\u200f?[./-](\d{1,2})\u200f?[./-](\d{2,4})[,\u060c] "
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"
    rf"(?:\s?(\u0635|\u0645|[AaPp]\.?\s?[Mm]\.?))?{_M}"
    rf"(?:\.?\s[-\u2013]\s){_M}")
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
    _first: tuple[int, int, int] | None = field(default=None, repr=False)

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
        if previous is None:
            self._first = self._previous
            return
        self._compare(previous, self._previous)

    def _compare(self, previous: tuple[int, int, int], current: tuple[int, int, int]) -> None:
        pa, pb, year = previous
        a, b, current_year = current
        if year != current_year:
            return
        self.first_changes += pa != a
        self.second_changes += pb != b
        if a < pa and b > pb:
            self.wrap_day_first += 1
        elif b < pb and a > pa:
            self.wrap_month_first += 1

    def extend(self, later: DateOrderVotes) -> None:
        """Add the votes of the part of the file that follows this one, as
        if one pass had read both (`whatsapp_split`): the later part's first
        date is compared with this part's last."""
        if self._previous is not None and later._first is not None:
            self._compare(self._previous, later._first)
        self.arabic = self.arabic or later.arabic
        self.us_style = self.us_style or later.us_style
        for name in ("first_over_12", "second_over_12", "wrap_day_first", "wrap_month_first",
                     "first_changes", "second_changes"):
            setattr(self, name, getattr(self, name) + getattr(later, name))
        self._first = self._first or later._first
        self._previous = later._previous or self._previous

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


# A header's time: UTC milliseconds and offset in minutes (what the store
# keeps), and the wall-clock day and time of day (what a datetime needs).
Stamp = tuple[int, int, datetime, timedelta]

_EPOCH = datetime(1970, 1, 1)
_MS = timedelta(milliseconds=1)
# Wall-clock times at which a day's UTC offset is sampled: every hour and the
# day's last second.  Equal offsets mean the day has no zone transition
# (transitions are at least months apart in every zone since 1970).
_DAY_SAMPLES = tuple(timedelta(hours=h) for h in range(24)) + (timedelta(hours=23, minutes=59, seconds=59),)


def offset_minutes(offset: timedelta | None) -> int:
    return 0 if offset is None else int(offset.total_seconds() // 60)


class Stamper:
    """Header match -> `Stamp`, or the reason the header is impossible.

    Dates and times of day are cached separately: a file has few distinct
    dates and at most 86,400 distinct times.  For a day without a zone
    transition the UTC time is plain arithmetic (day + time - the day's
    offset), so a new timestamp costs two dict hits and two additions; a
    day with a transition asks the zone for each time (what `ParseContext.
    localize` and the store did before, so both give the same result)."""

    _LIMIT = 100_000

    def __init__(self, order: str, tz: tzinfo) -> None:
        self.order = order
        self.tz = tz
        # day -> (midnight, ms since the epoch at wall-clock midnight,
        #         the day's offset in ms and minutes, or None if it changes)
        self._days: dict[tuple[str, ...], tuple[datetime, int, int | None, int] | str] = {}
        self._clocks: dict[tuple[str | None, ...], tuple[timedelta, int] | str] = {}

    def __call__(self, date: tuple[str, ...], time: tuple[str | None, ...]) -> Stamp | str:
        """`date`: HEADER's groups 2-4, `time`: its groups 5-8."""
        day = self._days.get(date)
        if day is None:
            day = self._day(date)
        clock = self._clocks.get(time)
        if clock is None:
            clock = self._clock(time)
        if day.__class__ is str:
            return day              # type: ignore[return-value]
        if clock.__class__ is str:
            return clock            # type: ignore[return-value]
        midnight, day_ms, offset_ms, offset_min = day     # type: ignore[misc]
        time_of_day, clock_ms = clock                     # type: ignore[misc]
        if offset_ms is not None:
            return (day_ms + clock_ms - offset_ms, offset_min, midnight, time_of_day)
        moment = (midnight + time_of_day).replace(tzinfo=self.tz)
        return (round(moment.timestamp() * 1000), offset_minutes(moment.utcoffset()), midnight,
                time_of_day)

    def _day(self, key: tuple[str, ...]) -> tuple[datetime, int, int | None, int] | str:
        value: tuple[datetime, int, int | None, int] | str
        try:
            year, month, day = date_parts(*key, self.order)
            midnight = datetime(year, month, day)
            value = (midnight, (midnight - _EPOCH) // _MS, *self._steady_offset(midnight))
        except BadHeader as exc:
            value = str(exc)
        except ValueError:
            value = (f"impossible date {'/'.join(key)}: day {day} of month {month} "
                     f"(the file's date order is {order_name(key[0], self.order)})")
        if len(self._days) >= self._LIMIT:
            self._days.clear()
        self._days[key] = value
        return value

    def _steady_offset(self, midnight: datetime) -> tuple[int | None, int]:
        """The day's UTC offset in whole ms and in minutes, or (None, 0) when
        it changes during the day (or is not whole milliseconds)."""
        offsets = {(midnight + at).replace(tzinfo=self.tz).utcoffset() for at in _DAY_SAMPLES}
        if len(offsets) != 1:
            return None, 0
        [offset] = offsets
        if offset is None:
            return None, 0
        if offset % _MS:
            return None, 0
        return offset // _MS, offset_minutes(offset)

    def _clock(self, key: tuple[str | None, ...]) -> tuple[timedelta, int] | str:
        hh, mm, ss, ampm = key
        value: tuple[timedelta, int] | str
        try:
            hour, minute, second = time_parts(hh or "", mm or "", ss, ampm)
            value = (timedelta(hours=hour, minutes=minute, seconds=second),
                     ((hour * 60 + minute) * 60 + second) * 1000)
        except BadHeader as exc:
            value = str(exc)
        if len(self._clocks) >= self._LIMIT:
            self._clocks.clear()
        self._clocks[key] = value
        return value
