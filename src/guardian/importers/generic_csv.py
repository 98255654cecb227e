"""A CSV file whose columns the parent maps by hand (time, sender, text and
optionally conversation).

This importer never claims a file on its own: `sniff` always returns False,
because almost any table "looks like" a CSV and a wrong automatic guess
would import nonsense.  The dispatch layer offers it when the parent picks
"CSV" explicitly: it shows `read_header()`, pre-fills the form with
`suggest_mapping()` and then calls `parse_with_mapping()`.  `parse()` exists
for the importer contract and uses the suggested mapping.

Reading:

* Encoding: a BOM decides (UTF-8 or UTF-16); otherwise UTF-8 if the start
  of the file is valid UTF-8, else cp1256, which is what Excel on an Arabic
  Windows saves as "CSV".  The choice is made on the head so that the
  header the parent saw and the rows read later always agree; a stray bad
  byte later in a UTF-8 file becomes U+FFFD instead of garbling the file.
* Delimiter: the mapping's, else `csv.Sniffer` on the head (comma,
  semicolon, tab or bar), checked against the header line.
* Timestamps: the mapping's `strptime` format when given; else epoch
  seconds/ms, ISO 8601 (with or without offset) or d/m/Y H:M[:S] [AM/PM]
  with `/ . -` separators, Arabic-Indic digits and ص/م.  Day-first vs
  month-first is decided once per file from the first rows (a first field
  above 12 means day-first, a second above 12 month-first, day-first when
  nothing tells).  Times without an offset are the parent's local time.
* A conversation is a group when more than two people write in it among
  the first rows; the owner is unknown.

`position` is the line the row starts on (the header is line 1); `raw` is
the row written back as CSV with the file's delimiter.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import TextIO

from guardian.domain import Conversation, Message
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "csv"
VERSION = "1"
PLATFORM = "csv"
PROGRESS_EVERY = 2000
PLAN_ROWS = 2000           # rows read up front to settle date order and groups
_SAMPLE_CHARS = 16384
_DELIMITERS = ",;\t|"
_HEAD_BYTES = 65536        # Source.head()'s default


@dataclass(frozen=True)
class CsvMapping:
    """Which header names hold what.  `timestamp_format` is a `strptime`
    format for dates Guardian cannot read on its own; `delimiter` overrides
    the detected one."""

    timestamp: str
    sender: str
    text: str
    conversation: str | None = None
    timestamp_format: str | None = None
    delimiter: str | None = None


# --- contract ------------------------------------------------------------------


def sniff(source: Source) -> bool:
    """Never: see the module docstring."""
    return False


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    mapping = suggest_mapping(source)
    if mapping is None:
        raise BadExport(source.display_path, "Guardian could not tell which columns hold the time, "
                                             "the sender and the text; choose them by hand")
    yield from parse_with_mapping(source, ctx, mapping)


# --- encoding and dialect ------------------------------------------------------


def detect_encoding(source: Source) -> str:
    try:
        head = source.head()
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.count(0) <= len(head) // 100:  # NULs in every other byte mean UTF-16
        try:
            # Without `final` a character cut by the end of the head is no error.
            codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _HEAD_BYTES)
            return "utf-8-sig"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-16-le", "utf-16-be"):  # Excel "Unicode text" without its BOM
        if _plausible_text(head, encoding):
            return encoding
    return "cp1256"


_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u024f\u0600-\u06ff\u200c-\u200f\u2000-\u206f]")


def _plausible_text(head: bytes, encoding: str) -> bool:
    """Whether the head decodes to mostly Latin/Arabic text with lines."""
    text = head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    if "\n" not in text:
        return False
    return len(_PLAUSIBLE.findall(text)) >= 0.95 * len(text)


def _open_text(source: Source, encoding: str) -> TextIO:
    return io.TextIOWrapper(source.open(), encoding=encoding, errors="replace", newline="")


def _sample(source: Source, encoding: str) -> str:
    with _open_text(source, encoding) as text:
        sample = text.read(_SAMPLE_CHARS)
    if len(sample) == _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]  # whole lines only
    return sample


def detect_delimiter(sample: str) -> str:
    first = sample.split("\n", 1)[0]
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        guess = ""
    if guess and _field_count(first, guess) >= 2:
        return guess
    counts = {d: _field_count(first, d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] >= 2 else ","


def _field_count(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:
        return 0


def _reader(text: TextIO, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)


# --- header and mapping --------------------------------------------------------


def read_header(source: Source, delimiter: str | None = None) -> list[str]:
    """The column names, for the mapping form."""
    encoding = detect_encoding(source)
    try:
        sample = _sample(source, encoding)
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None
    if not sample.strip():
        raise BadExport(source.display_path, "the file is empty")
    rows = _reader(io.StringIO(sample), delimiter or detect_delimiter(sample))
    try:
        header = next(rows, [])
    except csv.Error as exc:
        raise BadExport(source.display_path, f"the first line is not readable CSV ({exc})") from None
    header = [_clean_name(name) for name in header]
    if not any(header):
        raise BadExport(source.display_path, "the first line holds no column names")
    return header


_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat and tatweel


def _clean_name(name: str) -> str:
    return _BIDI.sub("", name).strip()


def _fold(name: str) -> str:
    """A header name folded for matching: case, bidi marks, harakat,
    alef/yeh/teh-marbuta variants, separators."""
    folded = _TASHKEEL.sub("", _clean_name(name)).casefold()
    folded = folded.translate(str.maketrans("أإآىة", "ااايه"))
    return re.sub(r"[\s_\-./()]+", " ", folded).strip()


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "timestamp": ("timestamp", "datetime", "date time", "date", "time", "sent", "created",
                  "sent at", "created at", "التاريخ والوقت", "التاريخ", "الوقت", "التوقيت",
                  "تاريخ", "وقت", "الزمن"),
    "sender": ("sender", "from", "author", "name", "user", "username", "sender name",
               "المرسل", "الاسم", "المستخدم", "مرسل", "الكاتب", "من", "اسم"),
    "text": ("text", "message", "content", "body", "msg", "message text", "الرساله",
             "النص", "المحتوي", "رساله", "نص"),
    "conversation": ("conversation", "chat", "thread", "group", "channel", "chat name",
                     "المحادثه", "الدردشه", "المجموعه", "القناه", "محادثه"),
}


def suggest_mapping(source: Source) -> CsvMapping | None:
    """A mapping guessed from header names in English or Arabic, or None
    when time, sender or text cannot all be found."""
    try:
        header = read_header(source)
    except BadExport:
        return None
    chosen: dict[str, str] = {}
    taken: set[int] = set()
    for role in ("text", "sender", "timestamp", "conversation"):
        index = _best_column(header, _SYNONYMS[role], taken)
        if index is not None:
            chosen[role] = header[index]
            taken.add(index)
    if not all(role in chosen for role in ("timestamp", "sender", "text")):
        return None
    return CsvMapping(timestamp=chosen["timestamp"], sender=chosen["sender"], text=chosen["text"],
                      conversation=chosen.get("conversation"))


def _best_column(header: list[str], synonyms: tuple[str, ...], taken: set[int]) -> int | None:
    folded = [_fold(name) for name in header]
    wanted = [_fold(s) for s in synonyms]
    for word in wanted:  # exact names first, in order of preference
        for index, name in enumerate(folded):
            if index not in taken and name == word:
                return index
    for word in wanted:  # then names that contain a synonym as a word
        for index, name in enumerate(folded):
            if index not in taken and word in name.split() and len(word) > 2:
                return index
    return None


def _column(header: list[str], name: str, path: str) -> int:
    if name in header:
        return header.index(name)
    folded = [_fold(h) for h in header]
    if _fold(name) in folded:
        return folded.index(_fold(name))
    raise BadExport(path, f"the column {name!r} is not in the file")


# --- parse ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    encoding: str
    delimiter: str
    time_col: int
    sender_col: int
    text_col: int
    conv_col: int | None
    day_first: bool
    groups: frozenset[str]


def parse_with_mapping(source: Source, ctx: ParseContext, mapping: CsvMapping) -> Iterator[Message]:
    """Like every importer's `parse`, a generator: nothing is read and no
    error is raised until the first message is asked for."""
    try:
        plan = _plan(source, mapping)
        yield from _rows(source, ctx, mapping, plan)
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None


def _plan(source: Source, mapping: CsvMapping) -> _Plan:
    encoding = detect_encoding(source)
    delimiter = mapping.delimiter or detect_delimiter(_sample(source, encoding))
    header = read_header(source, delimiter)
    path = source.display_path
    conv_col = _column(header, mapping.conversation, path) if mapping.conversation else None
    plan = _Plan(encoding, delimiter, _column(header, mapping.timestamp, path),
                 _column(header, mapping.sender, path), _column(header, mapping.text, path),
                 conv_col, True, frozenset())
    return _survey(source, plan)


def _survey(source: Source, plan: _Plan) -> _Plan:
    """Read the first rows once to settle the date order and which
    conversations are groups."""
    day_votes = month_votes = 0
    senders: dict[str, set[str]] = {}
    with _open_text(source, plan.encoding) as text:
        rows = _reader(text, plan.delimiter)
        for count, row in enumerate(_safe_rows(rows)):
            if count > PLAN_ROWS:
                break
            if count == 0 or row is None:
                continue
            first, second = _date_order_hint(_cell(row, plan.time_col))
            day_votes += first
            month_votes += second
            senders.setdefault(_conversation_value(row, plan), set()).add(_cell(row, plan.sender_col))
    groups = frozenset(k for k, names in senders.items() if len(names - {""}) > 2)
    return replace(plan, day_first=not (month_votes and not day_votes), groups=groups)


def _safe_rows(rows: Iterator[list[str]]) -> Iterator[list[str] | None]:
    """Rows, with None for one that the csv module refuses (a field over
    its size limit, say) so that reading can go on."""
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
        except csv.Error:
            yield None


def _rows(source: Source, ctx: ParseContext, mapping: CsvMapping,
          plan: _Plan) -> Iterator[Message]:
    default_title = source.title_hint.strip() or source.stem or "Imported chat"
    conversations: dict[str, Conversation] = {}
    count = 0
    with _open_text(source, plan.encoding) as text:
        rows = _reader(text, plan.delimiter)
        last_line = 0
        for index, row in enumerate(_safe_rows(rows)):
            line, last_line = last_line + 1, rows.line_num  # type: ignore[attr-defined]
            if index == 0:
                continue  # the header
            if row is None:
                ctx.skip(line, "the row is not readable CSV (a field may be far too long)")
                continue
            if not any(cell.strip() for cell in row):
                continue
            message = _message(row, line, plan, mapping, ctx, conversations, default_title)
            if message is not None:
                count += 1
                yield message
            if index % PROGRESS_EVERY == 0:
                ctx.check_cancelled()
                ctx.on_progress(count)
    ctx.on_progress(count)


def _message(row: list[str], line: int, plan: _Plan, mapping: CsvMapping, ctx: ParseContext,
             conversations: dict[str, Conversation], default_title: str) -> Message | None:
    needed = max(c for c in (plan.time_col, plan.sender_col, plan.text_col, plan.conv_col)
                 if c is not None)
    if len(row) <= needed:
        ctx.skip(line, "the row has fewer columns than the header")
        return None
    value = _cell(row, plan.time_col)
    try:
        timestamp = parse_timestamp(value, ctx, mapping.timestamp_format, plan.day_first)
    except ValueError:
        ctx.skip(line, f"the time {value[:40]!r} could not be read")
        return None
    key = _conversation_value(row, plan)
    conversation = conversations.get(key)
    if conversation is None:
        conversation = Conversation(platform=PLATFORM, key=key or default_title,
                                    title=key or default_title, is_group=key in plan.groups)
        conversations[key] = conversation
    return Message(conversation=conversation, sender=_cell(row, plan.sender_col).strip() or "Unknown",
                   timestamp=timestamp, text=_newlines(_cell(row, plan.text_col)),
                   raw=_raw(row, plan.delimiter),
                   position=line)


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _newlines(text: str) -> str:
    # Excel writes CRLF inside quoted cells; the rest of Guardian uses \n.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _conversation_value(row: list[str], plan: _Plan) -> str:
    return _cell(row, plan.conv_col).strip() if plan.conv_col is not None else ""


def _raw(row: list[str], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow(row)
    return out.getvalue().rstrip("\n")


# --- timestamps ----------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PUNCT = str.maketrans({"،": ",", "؍": "/", "٫": ".", "\u00a0": " ", "\u202f": " "})
_AMPM = (
    (re.compile(r"(?<!\w)(?:ص|صباحا|صباحًا|a\.?\s?m\.?)(?!\w)", re.IGNORECASE), "AM"),
    (re.compile(r"(?<!\w)(?:م|مساء|مساءً|p\.?\s?m\.?)(?!\w)", re.IGNORECASE), "PM"),
)
_EPOCH_TEXT = re.compile(r"-?\d{9,17}(?:\.\d+)?")
_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,4})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{1,4})"
    r"(?:[ ,T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<p>AM|PM)?)?",
    re.IGNORECASE)


def normalize_time_text(value: str) -> str:
    text = _BIDI.sub("", value).translate(_DIGITS).translate(_PUNCT)
    for pattern, replacement in _AMPM:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s+", " ", text).strip()


def parse_timestamp(value: str, ctx: ParseContext, fmt: str | None = None,
                    day_first: bool = True) -> datetime:
    """An aware datetime in the parent's zone; ValueError when unreadable."""
    text = normalize_time_text(value)
    if not text:
        raise ValueError("empty")
    if fmt:
        return _aware(datetime.strptime(text, fmt), ctx)
    if _EPOCH_TEXT.fullmatch(text):
        return _aware(_from_epoch(float(text)), ctx)
    try:
        return _aware(datetime.fromisoformat(text), ctx)
    except ValueError:
        pass
    match = _NUMERIC_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"unknown date form {value!r}")
    return _aware(_numeric(match, day_first), ctx)


def _from_epoch(number: float) -> datetime:
    # 1e11 seconds is the year 5138, 1e14 ms the year 5138 too.
    scale = 1 if abs(number) < 1e11 else 1e3 if abs(number) < 1e14 else 1e6
    try:
        return _EPOCH + timedelta(seconds=number / scale)
    except OverflowError:
        raise ValueError("out of range") from None


def _numeric(match: re.Match[str], day_first: bool) -> datetime:
    a, b, c = match.group("a"), match.group("b"), match.group("c")
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    else:
        day, month = (int(a), int(b)) if day_first else (int(b), int(a))
        if not day_first and int(b) <= 12 < int(a):
            day, month = int(a), int(b)  # a row that can only be day-first
        elif day_first and int(a) <= 12 < int(b):
            day, month = int(b), int(a)
        year = int(c) + (2000 if len(c) <= 2 else 0)
    hour = int(match.group("H") or 0)
    if match.group("p"):
        if not 1 <= hour <= 12:
            raise ValueError("bad 12-hour time")
        hour = hour % 12 + (12 if match.group("p").upper() == "PM" else 0)
    return datetime(year, month, day, hour, int(match.group("M") or 0), int(match.group("S") or 0))


def _date_order_hint(value: str) -> tuple[int, int]:
    """(1, 0) when the value can only be day-first, (0, 1) when it can only
    be month-first, else (0, 0)."""
    match = _NUMERIC_DATE.fullmatch(normalize_time_text(value))
    if match is None or len(match.group("a")) == 4:
        return 0, 0
    a, b = int(match.group("a")), int(match.group("b"))
    return (1 if a > 12 >= b else 0), (1 if b > 12 >= a else 0)


def _aware(parsed: datetime, ctx: ParseContext) -> datetime:
    if parsed.tzinfo is None:
        return ctx.localize(parsed)
    try:
        return parsed.astimezone(ctx.tz)
    except (OverflowError, ValueError):
        raise ValueError("out of range") from None
