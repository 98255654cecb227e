"""DiscordChatExporter (DCE) CSV export, see SPEC.md section 5.

Header `AuthorID,Author,Date,Content,Attachments,Reactions`; every field is
double-quoted with `"` doubled, and Content may span several lines.  The
file is streamed: position is the line on which a record starts and `raw`
is that record's exact text.  CSV has no message types, so nothing is
marked as a system message.

The CSV does not name its channel.  DCE's default file name is
"<guild> - <category> - <channel> [<channel id>]", so the conversation key
is the channel id from the file's title hint when it has one (the same key
the JSON importer uses), else the title hint itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from urllib.parse import unquote

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "discord_csv"
VERSION = "1"
PLATFORM = "discord"

HEADER = ("AuthorID", "Author", "Date", "Content", "Attachments", "Reactions")
_HINT_WITH_ID = re.compile(r"(.*?)\s*\[(\d+)\]")


class DceDialect(csv.Dialect):
    """What DCE's CsvMessageWriter writes."""

    delimiter = ","
    quotechar = '"'
    doublequote = True
    escapechar = None
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = False  # a stray quote is read as text rather than failing the file


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text:
        return False
    first_line = text.split("\n", 1)[0].rstrip("\r")
    try:
        fields = next(csv.reader([first_line], DceDialect), [])
    except csv.Error:
        return False
    return tuple(f.strip() for f in fields) == HEADER


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    conversation = _conversation(source, _count_authors(source))
    count = 0
    for line, raw, row in _records(source):
        count += 1
        jio.tick(ctx, count)
        try:
            yield _message(row, raw, line, conversation, ctx)
        except SkipRecord as exc:
            ctx.skip(line, str(exc))
    ctx.on_progress(count)


_MAX_LINE = 1_000_000


class _LineTap:
    """Hands lines to the csv reader and keeps those of the current record,
    so that each record's raw text and first line are known."""

    def __init__(self, lines: io.TextIOBase) -> None:
        self._lines = lines
        self.taken: list[str] = []
        self.consumed = 0

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        # readline with a limit: a 2 GB "line" must never be read whole.
        line = self._lines.readline(_MAX_LINE + 1)
        if not line:
            raise StopIteration
        if len(line) > _MAX_LINE:
            raise csv.Error(f"a line is longer than {_MAX_LINE:,} characters")
        self.taken.append(line)
        self.consumed += 1
        return line


def _records(source: Source) -> Iterator[tuple[int, str, list[str]]]:
    """(first line number, raw text, fields) per record after the header."""
    try:
        with source.open() as stream:
            tap = _LineTap(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""))
            reader = csv.reader(tap, DceDialect)
            _check_header(next(reader, None), source)
            while True:
                tap.taken.clear()
                start = tap.consumed + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise BadExport(source.display_path,
                                    f"line {start}: the CSV is malformed ({exc})") from None
                if row:  # blank lines between records carry nothing
                    yield start, "".join(tap.taken).rstrip("\r\n"), row
    except UnicodeDecodeError:
        raise BadExport(source.display_path, "the file is not UTF-8 text") from None
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None


def _check_header(row: list[str] | None, source: Source) -> None:
    if row is None or tuple(f.strip() for f in row) != HEADER:
        raise BadExport(source.display_path, "the first line is not DiscordChatExporter's CSV header "
                                             "(AuthorID,Author,Date,Content,Attachments,Reactions)")


def _count_authors(source: Source) -> int:
    """A cheap first pass: is_group must be known before the first message."""
    authors: set[str] = set()
    for _line, _raw, row in _records(source):
        if row:
            authors.add(row[0])
        if len(authors) > 2:
            break
    return len(authors)


def _conversation(source: Source, authors: int) -> Conversation:
    hint = source.title_hint or source.stem
    match = _HINT_WITH_ID.fullmatch(hint)
    title = (match.group(1) if match and match.group(1) else hint).strip() or hint
    key = match.group(2) if match else hint
    return Conversation(platform=PLATFORM, key=key, title=title, is_group=authors > 2, owner=None)


def _message(row: list[str], raw: str, line: int, conversation: Conversation,
             ctx: ParseContext) -> Message:
    if len(row) != len(HEADER):
        raise SkipRecord(f"the record has {len(row)} columns instead of {len(HEADER)}")
    _author_id, author, date, content, attachments, _reactions = row
    if not date.strip():
        raise SkipRecord("the message has no date")
    timestamp = jio.parse_iso(date, ctx)
    attachment, name = _attachment(attachments)
    return Message(conversation=conversation, sender=jio.scrub(author), timestamp=timestamp,
                   text=jio.scrub(content), raw=jio.scrub(raw), position=line,
                   attachment=attachment, attachment_name=name)


def _attachment(urls: str) -> tuple[AttachmentKind | None, str | None]:
    first = urls.split(",", 1)[0].strip()
    if not first:
        return None, None
    name = unquote(first.split("?", 1)[0].rsplit("/", 1)[-1]) or None
    return jio.kind_for_filename(name or ""), name and jio.scrub(name)
