"""Reading one big WhatsApp export in parts, so that several processes can
share the work (`guardian.split_import` runs them).  The parts must give
exactly what one pass over the whole file gives.

A part starts at a header line whose date and time differ from the header
line before it.  Everything a message's identity depends on then lies in
one part (`store.packing` counts repeats among messages of one time), and
a part's reader is told the line number and the date of the header line
it starts after, so positions, skipped-line numbers and the survey's
tallies come out as one pass would make them.

Like `whatsapp._read_once`, each part is read with the guesses a single
pass makes (the day/month order of the first block, the chat named by the
file name); `finish` checks every guess against the parts' tallies put
together, and also that no time occurs in two parts (a file not in time
order).  When a check fails, the caller reads the file again in one pass.

Skipped lines are reported part after part.  One pass reports a line cut
for length or holding invalid UTF-8 when it reads the block the line is
in, so next to a cut point the order of the reports can differ from one
pass; each line is still reported once, with the same number and reason.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from guardian.domain import Conversation
from guardian.importers import whatsapp
from guardian.importers.base import Origin, ParseContext, Row, Source
from guardian.importers.sources import open_origin
from guardian.importers.whatsapp_header import COLON_GROUP, FAST_HEADER, HEADER, HEADER_STARTS
from guardian.importers.whatsapp_lines import BAD_UTF8
from guardian.importers.whatsapp_survey import MAX_TRACKED_SENDERS, Survey

# Smaller files are read in one pass: starting a process costs a few
# tenths of a second, about what two processes save on a 16 MB export.
MIN_SPLIT_BYTES = 16 << 20
# How far past the middle to look for a place to cut (a real chat has
# many minutes in 1 MB; a file without one is read in one pass).
SCAN_BYTES = 1 << 20
_COUNT_BLOCK = 1 << 20


@dataclass(frozen=True)
class Part:
    start: int                              # byte offsets in the file
    end: int
    first_line: int                         # lines before the part
    last_date: tuple[str, ...] | None       # the date of the header line before it


@dataclass(frozen=True)
class Plan:
    parts: tuple[Part, ...]
    order: str                              # the day/month order guessed
    guessed: Conversation


@dataclass
class PartSummary:
    """What reading a part found, besides its rows."""

    tally: Survey
    skipped: list[tuple[int, str]]
    low: int | None = None                  # earliest and latest UTC ms of its rows
    high: int | None = None
    messages: int = 0


@dataclass
class Finished:
    conversation: Conversation              # the chat as the whole file names it
    skipped: list[tuple[int, str]] = field(default_factory=list)


def guess(source: Source, ctx: ParseContext, count: int) -> tuple[str, str] | None:
    """What the parts of `source` would assume (`whatsapp.first_guess`), or
    None when it is read in one pass: one part, small, in a zip inside a
    zip, or not named by its file name.  Cheap: it reads one block."""
    if count < 2 or source.origin is None or source.size < MIN_SPLIT_BYTES:
        return None
    return whatsapp.first_guess(source, ctx)


def plan(source: Source, count: int, guessed: tuple[str, str]) -> Plan | None:
    """How to read `source` in `count` parts with what `guess` gave, or
    None when it is read in one pass: no place to cut near each share."""
    origin = source.origin
    assert origin is not None
    hint, order = guessed
    cuts: list[tuple[int, tuple[str, ...]]] = []
    for k in range(1, count):
        cut = _cut_near(origin, source.size, source.size * k // count)
        if cut is None or (cuts and cut[0] <= cuts[-1][0]):
            return None
        cuts.append(cut)
    offsets = [at for at, _ in cuts]
    lines = _lines_before(origin, source.size, offsets)
    starts = [0, *offsets]
    ends = [*offsets, source.size]
    dates: list[tuple[str, ...] | None] = [None, *(date for _, date in cuts)]
    parts = tuple(Part(start, end, line, date)
                  for start, end, line, date in zip(starts, ends, [0, *lines], dates))
    return Plan(parts, order, whatsapp.named_by_file(hint))


def _header(line: str) -> tuple[str, tuple[str, ...]] | str | None:
    """A header line's date-and-time prefix and its date; "colon" for an
    old-style header (never cut there); None for other lines."""
    m = FAST_HEADER.match(line)
    if m is not None:
        return line[:m.end()], m.groups()[:3]
    m = HEADER.match(line) if line[:1] in HEADER_STARTS else None
    if m is None:
        return None
    if m.lastindex == COLON_GROUP:
        return "colon"
    return line[:m.end()], m.groups()[1:4]


def _skip(stream: BinaryIO, count: int) -> None:
    """Move `count` bytes on: a seek in a file, reading in a zip member."""
    if stream.seekable():
        stream.seek(count, io.SEEK_CUR)
        return
    while count > 0:
        data = stream.read(min(count, _COUNT_BLOCK))
        if not data:
            return
        count -= len(data)


def _cut_near(origin: Origin, size: int, target: int) -> tuple[int, tuple[str, ...]] | None:
    """The offset of the first header line after `target` whose date and
    time differ from the header line before it, with that header's date."""
    with open_origin(origin, size) as f:
        _skip(f, target)
        data = f.read(SCAN_BYTES)
    at = data.find(b"\n") + 1
    if at == 0:
        return None
    previous: tuple[str, tuple[str, ...]] | None = None
    while True:
        end = data.find(b"\n", at)
        if end < 0:
            return None
        raw = data[at:end]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if b"\r" in raw:                 # lone CR line ends: not worth the care
            return None
        header = _header(raw.decode("utf-8", "replace"))
        if header == "colon":
            return None
        if header is not None:
            assert not isinstance(header, str)
            if previous is not None and header[0] != previous[0]:
                return target + at, previous[1]
            previous = header
        at = end + 1


def _lines_before(origin: Origin, size: int, offsets: list[int]) -> list[int]:
    """How many lines (ended by CR LF, CR or LF, as `whatsapp_lines` splits
    them) lie before each offset; each offset follows an LF."""
    counts: list[int] = []
    lines = 0
    read = 0
    last = b""
    with open_origin(origin, size) as f:
        for offset in offsets:
            while read < offset:
                block = f.read(min(_COUNT_BLOCK, offset - read))
                if not block:
                    break
                lines += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
                if last == b"\r" and block[:1] == b"\n":
                    lines -= 1             # a CR LF split between two blocks
                last = block[-1:]
                read += len(block)
            counts.append(lines)
    return counts


def part_source(source: Source, part: Part) -> Source:
    """The source as the reader of one part sees it: only the part's bytes."""
    origin = source.origin
    assert origin is not None
    return Source(name=source.name, display_path=source.display_path, size=part.end - part.start,
                  _opener=lambda member: _Slice(origin, source.size, part.start, part.end),
                  siblings=source.siblings, title_hint=source.title_hint, origin=origin)


class _Slice:
    """A source's bytes from `start` up to `end`."""

    def __init__(self, origin: Origin, size: int, start: int, end: int) -> None:
        self._file = open_origin(origin, size)
        _skip(self._file, start)
        self._left = end - start

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self._left:
            size = self._left
        data = self._file.read(size)
        self._left -= len(data)
        return data

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> _Slice:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_part(source: Source, ctx: ParseContext, plan: Plan, index: int,
              summary: PartSummary) -> Iterator[list[Row]]:
    """The rows of part `index` (of `source`, the whole file); fills
    `summary` as it goes.  Raises `Reread` when a guess fails on the way."""
    part = plan.parts[index]
    tally = summary.tally
    reader = whatsapp._Reader(part_source(source, part), ctx, tally, plan.order, plan.guessed, None,
                              False, tally=tally, first_line=part.first_line,
                              last_date=part.last_date)
    low = high = None
    for rows in reader.rows():
        times = [row[1][0] for row in rows]
        least, most = min(times), max(times)
        low = least if low is None or least < low else low
        high = most if high is None or most > high else high
        summary.messages += len(rows)
        yield rows
    tally.headers = reader.headers
    summary.low, summary.high = low, high
    summary.skipped = list(ctx.skipped)


def finish(plan: Plan, source: Source, summaries: list[PartSummary]) -> Finished | None:
    """The chat as the whole file names it and every skipped line, or None
    when a guess made to read in parts was wrong (read in one pass then)."""
    tally = Survey()
    latest: int | None = None
    for summary in summaries:
        tally.extend(summary.tally)
        if summary.low is None:
            continue
        if latest is not None and summary.low <= latest:
            return None                    # a time in two parts: repeats were counted apart
        latest = summary.high
    if (tally.headers == 0 or tally.too_many_senders or len(tally.senders) >= MAX_TRACKED_SENDERS
            or tally.allow_colon_style or tally.chat_name_author is not None
            or tally.votes.decide() != plan.order):
        return None
    final = whatsapp.conversation_for(tally, source)
    if final.key != plan.guessed.key:
        return None
    skipped: list[tuple[int, str]] = []
    bad_utf8_told = False
    for summary in summaries:
        for line, reason in summary.skipped:
            if BAD_UTF8 in reason:
                if bad_utf8_told:
                    continue               # one pass tells it once per file
                bad_utf8_told = True
            skipped.append((line, reason))
    return Finished(final, skipped)
