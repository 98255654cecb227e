"""What every importer shares: the parse context, the error type and the
small contract each format module fulfils.

An importer is a module with

    FORMAT: str                       # stable id, e.g. "whatsapp"
    VERSION: str                      # bumped when parsing changes
    def sniff(source: Source) -> bool # True when the content is this format
    def parse(source: Source, ctx: ParseContext) -> Iterator[Message]

`sniff` looks at content, never at the file name.  `parse` streams
`domain.Message` values, reports lines it cannot read through
`ctx.skip(position, reason)` and checks `ctx.cancelled()` between records.
Importers never touch the store, Qt or the network.

A format whose files run to millions of messages may also offer

    def parse_rows(source, ctx, speculate=False) -> Iterator[tuple[Conversation, list[Row]]]

the same messages as plain tuples (see `Row`), a list at a time, which the
import stores without building a `Message` and a datetime for each.  Its
`parse` must yield exactly what `parse_rows` does (WhatsApp builds `parse`
on `parse_rows`).  An empty list comes with the conversation's final
details (a speculative reader learns them only at the end); `speculate`
allows a reader to guess what it would otherwise read the file twice to
know, and to raise `Reread` when a guess was wrong.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path, PurePosixPath
from typing import Any

from guardian.domain import AttachmentKind

# One message of `parse_rows`: (sender, stamp, text, raw, position,
# attachment, attachment_name, is_system), the fields of `domain.Message`
# with the timestamp as a stamp tuple that starts with the UTC time in
# milliseconds and the UTC offset in minutes (any further items are the
# importer's own).  Consecutive messages with the same time may share one
# stamp object, which lets the store skip repeated work.
Row = tuple[str, tuple[Any, ...], str, str, int, AttachmentKind | None, str | None, bool]


class BadExport(Exception):
    """A file that cannot be imported.  The message names the problem in
    plain words; `path` names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class Cancelled(Exception):
    """Raised by `ParseContext.check_cancelled()` when the user cancelled."""


class Reread(Exception):
    """Raised by `parse_rows(..., speculate=True)` when a guess it made to
    read the file only once turned out wrong: every row it gave is void
    (the caller undoes them) and `parse_rows` must be called again without
    speculating."""


@dataclass(frozen=True)
class Origin:
    """A source's place on disk: a whole file, or a member of a zip file
    (`sources.open_origin` opens either)."""

    path: Path
    member: str | None = None


@dataclass(frozen=True)
class Source:
    """One export file, possibly a member of a zip or a folder.

    `name` is the member path (for zips and folders) or the file name;
    `siblings` lists the other members' names so that a format spread over
    several files (Instagram's message_1.json, message_2.json ...) can ask
    for them through `open_sibling`.  `title_hint` is the stem of the file
    or zip the parent picked ("WhatsApp Chat with Sara"): never used to
    detect a format, only to name a chat whose content does not.
    """

    name: str
    display_path: str
    size: int
    _opener: Callable[[str], io.BufferedIOBase]
    siblings: tuple[str, ...] = ()
    title_hint: str = ""
    # Where the bytes are on disk, so that other processes can read parts
    # of them (`whatsapp_split`); None for members of nested zips.
    origin: Origin | None = None

    def open(self) -> io.BufferedIOBase:
        return self._opener(self.name)

    def open_sibling(self, name: str) -> io.BufferedIOBase:
        if name not in self.siblings:
            raise FileNotFoundError(name)
        return self._opener(name)

    def head(self, n: int = 65536) -> bytes:
        with self.open() as f:
            return f.read(n)

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem


@dataclass
class ParseContext:
    """What the caller gives an importer: the time zone for naive local
    timestamps and callbacks for skipped lines, progress and cancellation."""

    tz: tzinfo
    on_skip: Callable[[int, str], None] = lambda position, reason: None
    on_progress: Callable[[int], None] = lambda messages: None
    should_stop: Callable[[], bool] = lambda: False
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def skip(self, position: int, reason: str) -> None:
        self.skipped.append((position, reason))
        self.on_skip(position, reason)

    def check_cancelled(self) -> None:
        if self.should_stop():
            raise Cancelled()

    def localize(self, naive: datetime) -> datetime:
        """Attach the parent's time zone to a wall-clock time from an export."""
        if naive.tzinfo is not None:
            return naive
        return naive.replace(tzinfo=self.tz)
