"""The one entry point for getting chats into the store.

`import_paths()` expands files, zips and folders into sources, detects each
format by content, streams messages from the importer into the store in
batches, and commits everything in one transaction: a cancelled or failed
import leaves the store exactly as it was.  Re-importing the same export,
or an overlapping newer one, adds only messages not already stored.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import tzinfo
from itertools import islice
from pathlib import Path, PurePosixPath
from types import ModuleType

from guardian import split_import
from guardian.collector import collector_paused
from guardian.domain import Conversation, Message
from guardian.importers import registry
from guardian.importers.base import (
    BadExport,
    Cancelled,
    ParseContext,
    Reread,
    Row,
    Source,
)
from guardian.importers.sources import PickedFile, expand
from guardian.store.database import ImportSession, Store, StoreError

log = logging.getLogger(__name__)

BATCH = 5000

ProgressCallback = Callable[["ImportProgress"], None]


class ChildNotFound(Exception):
    """`--child NAME` names nobody in the imported chats."""


@dataclass(frozen=True)
class ImportProgress:
    path: str
    messages: int          # read so far from the current source
    sources_done: int
    sources_total: int


@dataclass
class SourceReport:
    path: str
    sha256: str
    size: int
    format: str
    messages: int = 0      # read from the file
    added: int = 0         # new to the store
    skipped: list[tuple[int, str]] = field(default_factory=list)
    parts: int = 1         # processes that read it (see split_import)

    def as_json(self) -> dict[str, object]:
        return {"path": self.path, "sha256": self.sha256, "format": self.format,
                "messages": self.messages, "added": self.added,
                "skipped": [{"line": line, "reason": reason} for line, reason in self.skipped]}


@dataclass
class ImportReport:
    sources: list[SourceReport] = field(default_factory=list)
    conversation_ids: list[int] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)   # files in folders/zips that are not chats

    @property
    def added(self) -> int:
        return sum(s.added for s in self.sources)


@dataclass(frozen=True)
class _Planned:
    picked: PickedFile
    source: Source
    importer: ModuleType


def plan(paths: Iterable[Path]) -> tuple[list[_Planned], list[str]]:
    """Find every chat export under `paths` and its importer.

    A file the parent named directly must be a chat export we know; inside
    a folder or zip, other files (photos, stickers, readme files) are just
    passed over."""
    planned: list[_Planned] = []
    ignored: list[str] = []
    for path in paths:
        path = Path(path)
        found = 0
        for picked, source in expand(path):
            importer = _detect(source)
            if importer is None:
                ignored.append(source.display_path)
                continue
            planned.append(_Planned(picked, source, importer))
            found += 1
        if found == 0:
            raise BadExport(str(path), "no chat export Guardian can read was found here "
                                       "(supported: WhatsApp, Telegram, Instagram, Messenger, "
                                       "Discord, SMS Backup & Restore, Snapchat, Signal)")
    return _drop_superseded(planned), ignored


def _drop_superseded(planned: list[_Planned]) -> list[_Planned]:
    """Drop a source when its folder also holds the same chat in the format
    that supersedes it (see registry.SUPERSEDED)."""
    present = {(PurePosixPath(p.source.display_path.replace("\\", "/")).parent, p.importer.FORMAT) for p in planned}
    return [p for p in planned
            if (PurePosixPath(p.source.display_path.replace("\\", "/")).parent,
                registry.SUPERSEDED.get(p.importer.FORMAT, "")) not in present]


def _detect(source: Source) -> ModuleType | None:
    try:
        return registry.detect(source)
    except BadExport:
        raise
    except OSError as exc:
        raise BadExport(source.display_path, f"cannot be read ({exc})") from None


def import_paths(store: Store, paths: Iterable[Path], *, tz: tzinfo, tz_name: str,
                 child: str | None = None,
                 progress: ProgressCallback | None = None,
                 should_stop: Callable[[], bool] = lambda: False,
                 explicit: tuple[ModuleType, Callable[[Source, ParseContext], Iterator[Message]]] | None = None,
                 ) -> ImportReport:
    """Import everything under `paths` in one transaction.

    Raises BadExport (nothing imported) for a file that is not a chat
    export or cannot be read at all, and Cancelled when `should_stop`
    turns true (nothing imported either)."""
    paths = [Path(p) for p in paths]
    if explicit is not None:
        module, parse = explicit
        planned = [_Planned(picked, source, module) for p in paths for picked, source in expand(p)]
        ignored: list[str] = []
    else:
        planned, ignored = plan(paths)
        parse = None
    report = ImportReport(ignored=ignored)
    _refuse_damaged(store)
    try:
        with collector_paused(), store.import_session() as session:
            for index, item in enumerate(planned):
                source_report = _import_one(session, item, tz, tz_name, index, len(planned),
                                            progress, should_stop, parse)
                report.sources.append(source_report)
            report.conversation_ids = sorted(session.touched_conversations)
            if child:
                _mark_child(session, report.conversation_ids, child)
            else:
                _guess_child(session)
    except sqlite3.Error as exc:
        # SQLite rolls a transaction back by itself on SQLITE_FULL and some
        # I/O errors; the session's own ROLLBACK then fails with "no
        # transaction is active", so the first error is in the context chain.
        log.error("import failed writing the database: %s", _sqlite_chain(exc))
        raise StoreError(f"{store.path}: {_write_problem(exc)}; the import was undone and "
                         "everything stored before it is unchanged") from None
    log.info("imported %d sources, %d new messages", len(report.sources), report.added)
    return report


def _refuse_damaged(store: Store) -> None:
    """Never write into a damaged database: that can spread the damage over
    pages that still hold the parent's data.  `quick_check` reads every page
    once (about 1.5 s per 100 MB), small next to the import itself; the
    first import after `Store.open` skips it, as opening has just run it."""
    if store.checked_at_open:
        store.checked_at_open = False
        return
    try:
        row = store.connection.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        row = (str(exc),)
    if row is None or row[0] != "ok":
        log.error("refusing to import into a damaged database")
        raise StoreError(f"{store.path}: the database file is damaged, so nothing was imported "
                         "and the file was left untouched (restore it from a backup)")


def _sqlite_chain(exc: BaseException) -> str:
    """The messages of an SQLite error and the errors it interrupted
    (SQLite's messages name conditions, never stored content)."""
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(parts) < 5:
        parts.append(f"{type(current).__name__}: {current}")
        current = current.__context__
    return " <- ".join(parts)


def _write_problem(exc: BaseException) -> str:
    chain = _sqlite_chain(exc).lower()
    if "full" in chain:
        return "the disk is full, so Guardian could not save the import (free some space and import again)"
    if "readonly" in chain or "read-only" in chain or "read only" in chain:
        return "the data folder is read-only, so Guardian could not save the import"
    if "locked" in chain or "busy" in chain:
        return "another Guardian window or command is writing to the data; close it and import again"
    if "i/o" in chain or "unable to open" in chain:
        return ("the disk could not be written (an I/O error: is it full, read-only, removed or "
                "failing?)")
    if "malformed" in chain or "not a database" in chain:
        return "the database file is damaged"
    return f"the database could not be written ({type(exc).__name__})"


def _import_one(session: ImportSession, item: _Planned, tz: tzinfo, tz_name: str,
                index: int, total: int, progress: ProgressCallback | None,
                should_stop: Callable[[], bool],
                parse: Callable[[Source, ParseContext], Iterator[Message]] | None) -> SourceReport:
    source, importer = item.source, item.importer
    digest = _Digest(item.picked)
    result = SourceReport(path=source.display_path, sha256="",
                          size=item.picked.size, format=importer.FORMAT)

    def on_progress(count: int) -> None:
        if progress:
            progress(ImportProgress(source.display_path, count, index, total))

    ctx = ParseContext(tz=tz, on_progress=on_progress, should_stop=should_stop)
    source_id = session.begin_source(path=source.display_path, sha256="",
                                     size=item.picked.size, format=importer.FORMAT,
                                     importer_version=str(importer.VERSION), tz=tz_name)
    try:
        if parse is None and hasattr(importer, "parse_rows"):
            _store_rows(session, importer, source, ctx, source_id, result, on_progress)
        else:
            messages = (parse or importer.parse)(source, ctx)
            while True:
                ctx.check_cancelled()
                batch = list(islice(messages, BATCH))
                if not batch:
                    break
                session.queue_messages(batch, source_id)
                result.messages += len(batch)
                on_progress(result.messages)
    except (BadExport, Cancelled):
        raise
    except (UnicodeError, ValueError, KeyError, TypeError, IndexError, OverflowError,
            RecursionError) as exc:
        # An importer bug must not lose the parent's other data: the whole
        # import rolls back and the file is named in the error.
        log.exception("importer %s failed", importer.FORMAT)
        raise BadExport(source.display_path, f"could not be read as {importer.FORMAT} "
                                             f"({type(exc).__name__})") from None
    except OSError as exc:
        raise BadExport(source.display_path, f"cannot be read ({exc.strerror or exc})") from None
    result.added = session.added_for(source_id)
    result.skipped = list(ctx.skipped)
    result.sha256 = digest.result()
    session.finish_source(source_id, path=source.display_path, added=result.added,
                          seen=result.messages, skipped=result.skipped, sha256=result.sha256)
    return result


def _store_rows(session: ImportSession, importer: ModuleType, source: Source, ctx: ParseContext,
                source_id: int, result: SourceReport, on_progress: Callable[[int], None]) -> None:
    """Queue an importer's rows: a big WhatsApp file in parts, one process
    each (`split_import`), others read once when the importer can; reading
    again in one pass if guesses made for that were wrong (`base.Reread`)."""
    session.mark()
    try:
        in_parts = split_import.store_in_parts(session, importer, source, ctx, source_id, on_progress)
        if in_parts is None:
            _queue_rows(session, importer.parse_rows(source, ctx, speculate=True), ctx, source_id,
                        result, on_progress)
        else:
            result.messages, ctx.skipped[:], result.parts = in_parts
    except Reread:
        log.info("%s: read the file again (a guess made to read it once was wrong)", importer.FORMAT)
        session.undo_to_mark()
        ctx.skipped.clear()
        result.messages, result.parts = 0, 1
        _queue_rows(session, importer.parse_rows(source, ctx), ctx, source_id, result, on_progress)
        return
    session.keep_since_mark()


def _queue_rows(session: ImportSession, batches: Iterator[tuple[Conversation, list[Row]]],
                ctx: ParseContext, source_id: int, result: SourceReport,
                on_progress: Callable[[int], None]) -> None:
    for conversation, rows in batches:
        ctx.check_cancelled()
        if not rows:
            session.refresh_conversation(conversation)
            continue
        session.queue_rows(conversation, rows, source_id)
        result.messages += len(rows)
        on_progress(result.messages)


class _Digest:
    """The source file's SHA-256, computed on another thread while the file
    is parsed (hashlib lets other threads run while it hashes a block, so
    this takes almost no time from the import).  The source row gets it
    when the source is finished, in the same transaction."""

    def __init__(self, picked: PickedFile) -> None:
        self._picked = picked
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="guardian-import-sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            _ = self._picked.sha256     # computed and cached on first use
        except Exception as exc:  # noqa: BLE001 - handed to the importing thread, never lost
            self._error = exc

    def result(self) -> str:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._picked.sha256


def _mark_child(session: ImportSession, conversation_ids: list[int], child: str) -> None:
    found = False
    for cid in conversation_ids:
        if session.set_child(cid, child):
            found = True
    if not found:
        raise ChildNotFound(f"--child {child}: nobody of this name writes in the imported chats; "
                            "nothing was imported (check the spelling of the name in the export)")


def _guess_child(session: ImportSession) -> None:
    """Where the export names its owner (Telegram's own account, the SMS
    phone) and nobody is marked yet, that owner is the likeliest child."""
    for cid, owner in session.owner_guesses():
        session.set_child(cid, owner, only_if_unset=True)
