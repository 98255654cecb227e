"""The one connection that owns Guardian's database.

`Store.open()` unlocks (or creates) the encrypted store; reads return
domain objects with their text decrypted; `Store.import_session()` is the
only way messages get in, one transaction per import.  A Store and its
connection belong to the thread that opened it: background work opens its
own Store (SQLite's WAL lets readers and the single writer coexist).
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from guardian import keys
from guardian.domain import (
    AttachmentKind,
    Conversation,
    Finding,
    Message,
    Reason,
    ReviewState,
    Severity,
    Span,
)
from guardian.keys import LockedError, PassphraseSource, WrappedKey
from guardian.paths import Locations
from guardian.store.bulk import BulkWriter
from guardian.store.crypto import Cipher, DecryptionError, new_data_key
from guardian.store.migrations import SCHEMA_VERSION, migrate
from guardian.store.packing import RowPacker

log = logging.getLogger(__name__)

_KEY_CHECK = b"guardian key check v1"
# A message as `ImportSession.queue_rows` takes it: an importers.base.Row.
_Row = tuple[Any, ...]
_BUSY_TIMEOUT_S = 30
_CACHE_KIB = 32 * 1024
_PAGE_BYTES = 16 * 1024
# An import inserts in time order (the messages index starts with the
# time, see migrations._V2), so it touches few pages at once: a small
# cache while it runs keeps about 28 MB out of a big import's peak memory.
_IMPORT_CACHE_KIB = 4 * 1024


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Unlock:
    """How to get the data key.

    `passphrase` comes from the environment, a file or a GUI dialog;
    `prompt` asks interactively and returns None when it cannot;
    `ephemeral` makes a throwaway store whose random key only ever lives
    in memory (the demo and `guardian scan`)."""

    passphrase: str | None = None
    prompt: PassphraseSource | None = None
    ephemeral: bool = False


@dataclass(frozen=True)
class ConversationSummary:
    id: int
    platform: str
    title: str
    is_group: bool
    participants: tuple[str, ...]
    child: str | None
    owner: str | None
    messages: int
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True)
class SourceRecord:
    id: int
    path: str
    sha256: str
    size: int
    format: str
    importer_version: str
    imported_at: str
    messages_added: int
    messages_seen: int
    skipped: tuple[tuple[int, str], ...]


def _connect(path: Path) -> sqlite3.Connection:
    # check_same_thread off: an import hands the connection to its writer
    # thread (store.bulk) while the importing thread waits for it; a
    # connection is still never used by two threads at once.
    con = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_S, isolation_level=None,
                          check_same_thread=False)
    con.execute("PRAGMA foreign_keys = ON")
    # 16 KB pages instead of 4 KB, for a new store only (an existing one
    # keeps its pages): a message row is ~200 bytes of ciphertext, so more
    # of them share a page, and a million-message import spends about a
    # quarter less time copying its pages from the log into the file.
    con.execute(f"PRAGMA page_size = {_PAGE_BYTES}")
    con.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode keeps the database consistent after a crash; only
    # the last transactions before a power cut may be lost, never corrupted.
    con.execute("PRAGMA synchronous = NORMAL")
    # 32 MB of page cache instead of SQLite's default 2 MB (an import uses
    # less while it runs, see _IMPORT_CACHE_KIB).
    con.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
    return con


def _to_ms(moment: datetime) -> int:
    # timestamp() is exact to the microsecond for aware datetimes; rounding
    # to whole milliseconds matches what every export can express.
    return round(moment.timestamp() * 1000)


def _offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def _from_ms(ms: int, offset_min: int) -> datetime:
    zone = timezone(timedelta(minutes=offset_min))
    return datetime(1970, 1, 1, tzinfo=timezone.utc).astimezone(zone) + timedelta(milliseconds=ms)


class Store:
    """An unlocked Guardian database."""

    def __init__(self, con: sqlite3.Connection, cipher: Cipher, path: Path, store_id: str) -> None:
        self._con = con
        self._cipher = cipher
        self.path = path
        self.store_id = store_id
        # Whether `open` just read every page with quick_check: the first
        # import need not read them all again (see `importing`).
        self.checked_at_open = False

    # --- opening ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, unlock: Unlock = Unlock(), backups: Path | None = None) -> Store:
        path = Path(path)
        is_new = not path.exists() or path.stat().st_size == 0
        try:
            con = _connect(path)
            version = con.execute("PRAGMA user_version").fetchone()[0]
            # Never write into a damaged database: it stays exactly as it is,
            # for restoring from a backup.
            damaged = not is_new and con.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok"
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: this file is not a readable Guardian database ({exc}). "
                             "It was left untouched.") from None
        if damaged:
            con.close()
            raise StoreError(f"{path}: the database is damaged; it was left untouched. Restore the "
                             f"latest copy from {path.parent / 'backups'}, or move the file away to "
                             "start again.")
        try:
            if version > SCHEMA_VERSION:
                raise StoreError(f"{path}: made by a newer version of Guardian "
                                 f"(schema {version}, this version knows {SCHEMA_VERSION}). "
                                 "Update Guardian to open it.")
            if is_new or version == 0:
                store = cls._create(con, path, unlock)
            else:
                if version < SCHEMA_VERSION:
                    cls._backup(con, path, backups or path.parent / "backups", f"before-v{SCHEMA_VERSION}")
                    migrate(con, version)
                store = cls._unlock(con, path, unlock)
            store.checked_at_open = True
            return store
        except BaseException:
            con.close()
            raise

    @classmethod
    def _create(cls, con: sqlite3.Connection, path: Path, unlock: Unlock) -> Store:
        data_key = new_data_key()
        store_id = uuid.uuid4().hex
        slot: tuple[str, tuple[bytes | None, str | None, bytes | None]] | None = None
        if unlock.ephemeral:
            slot = None
        elif unlock.passphrase:
            slot = ("passphrase", keys.wrap_with_passphrase(data_key, unlock.passphrase).to_row())
        elif keys.keyring_usable():
            slot = ("keyring", (None, None, None))
        else:
            passphrase = unlock.prompt(True) if unlock.prompt else None
            if not passphrase:
                raise LockedError(
                    "no OS keyring is available to keep Guardian's key, and no passphrase was given: "
                    f"set {keys.ENV_PASSPHRASE} or use --passphrase-file")
            slot = ("passphrase", keys.wrap_with_passphrase(data_key, passphrase).to_row())
        migrate(con, 0)
        cipher = Cipher(data_key)
        with _transaction(con):
            con.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)", (store_id,))
            con.execute("INSERT INTO meta (key, value) VALUES ('key_check', ?)",
                        (cipher.encrypt(_KEY_CHECK),))
            if slot is not None:
                kind, (salt, params, wrapped) = slot
                con.execute("INSERT INTO keyslots (kind, salt, params, wrapped) VALUES (?, ?, ?, ?)",
                            (kind, salt, params, wrapped))
        if slot is not None and slot[0] == "keyring":
            keys.keyring_save(store_id, data_key)
        log.info("created a new store (%s)", slot[0] if slot else "ephemeral")
        return cls(con, cipher, path, store_id)

    @classmethod
    def _unlock(cls, con: sqlite3.Connection, path: Path, unlock: Unlock) -> Store:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        store_id = str(meta.get("store_id", ""))
        check = meta.get("key_check")
        if not store_id or check is None:
            raise StoreError(f"{path}: the database has no key information; it was left untouched.")
        slots = {row[0]: row[1:] for row in con.execute("SELECT kind, salt, params, wrapped FROM keyslots")}
        data_key: bytes | None = None
        guard = keys.GuessGuard(path.parent)
        if "passphrase" in slots and unlock.passphrase:
            data_key = keys.unwrap_guarded(WrappedKey.from_row(*slots["passphrase"]), unlock.passphrase, guard)
        if data_key is None and "keyring" in slots:
            data_key = keys.keyring_load(store_id)
        if data_key is None and "passphrase" in slots and unlock.prompt:
            passphrase = unlock.prompt(False)
            if passphrase:
                data_key = keys.unwrap_guarded(WrappedKey.from_row(*slots["passphrase"]), passphrase, guard)
        if data_key is None:
            if "passphrase" in slots:
                raise LockedError("Guardian's data is locked: a passphrase is needed "
                                  f"(set {keys.ENV_PASSPHRASE} or use --passphrase-file)")
            raise LockedError("Guardian's data is locked: the OS keyring does not hold its key")
        cipher = Cipher(data_key)
        try:
            if cipher.decrypt(bytes(check)) != _KEY_CHECK:
                raise DecryptionError("key check mismatch")
        except DecryptionError:
            raise LockedError("the key found does not open this database") from None
        return cls(con, cipher, path, store_id)

    @staticmethod
    def _backup(con: sqlite3.Connection, path: Path, folder: Path, label: str) -> Path:
        """Copy the database aside (still encrypted) before changing it."""
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{path.stem}-{label}-{stamp}.sqlite3"
        dest = sqlite3.connect(target)
        try:
            con.backup(dest)
        finally:
            dest.close()
        log.info("backed up the database to %s", target)
        return target

    def reopen(self) -> Store:
        """Another connection to the same database with the same key, for a
        worker thread (a connection never crosses threads)."""
        return Store(_connect(self.path), Cipher(self._cipher.export_key()), self.path, self.store_id)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        return self._con

    @property
    def cipher(self) -> Cipher:
        return self._cipher

    def integrity_ok(self) -> bool:
        return self._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def lock_mode(self) -> set[str]:
        """How the data key is kept: {'keyring'}, {'passphrase'} or both."""
        return {row[0] for row in self._con.execute("SELECT kind FROM keyslots")}

    def check_passphrase(self, passphrase: str) -> bool:
        """True when `passphrase` opens this store (for the lock screen).
        Wrong tries are slowed down like any other unlock."""
        row = self._con.execute("SELECT salt, params, wrapped FROM keyslots WHERE kind = 'passphrase'").fetchone()
        if row is None:
            return False
        try:
            key = keys.unwrap_guarded(WrappedKey.from_row(*row), passphrase, keys.GuessGuard(self.path.parent))
        except keys.WrongPassphrase:
            return False
        return key == self._cipher.export_key()

    def forget_keyring(self) -> None:
        """Only the passphrase opens the data from now on: the OS keyring's
        copy of the key is removed.  Refused while no passphrase is set,
        because the data would become unreadable."""
        if "passphrase" not in self.lock_mode():
            raise ValueError("set a passphrase first")
        with _transaction(self._con):
            self._con.execute("DELETE FROM keyslots WHERE kind = 'keyring'")
        keys.keyring_delete(self.store_id)

    def set_passphrase(self, passphrase: str) -> None:
        """Protect the data key with a (new) passphrase.  Only the key is
        re-wrapped; no message is re-encrypted."""
        data_key = self._cipher.export_key()
        salt, params, wrapped = keys.wrap_with_passphrase(data_key, passphrase).to_row()
        with _transaction(self._con):
            self._con.execute("INSERT OR REPLACE INTO keyslots (kind, salt, params, wrapped) "
                              "VALUES ('passphrase', ?, ?, ?)", (salt, params, wrapped))

    # --- importing ----------------------------------------------------------

    def source_imported(self, sha256: str) -> bool:
        row = self._con.execute("SELECT 1 FROM sources WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone()
        return row is not None

    def import_session(self) -> ImportSession:
        return ImportSession(self)

    # --- reading ------------------------------------------------------------

    def conversations(self) -> list[ConversationSummary]:
        rows = self._con.execute(
            "SELECT c.id, c.platform, c.details, c.is_group, COUNT(m.id), MIN(m.ts_ms), MAX(m.ts_ms),"
            " (SELECT utc_offset_min FROM messages WHERE conversation_id = c.id LIMIT 1)"
            " FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id"
            " GROUP BY c.id ORDER BY c.id").fetchall()
        result = []
        for cid, platform, details, is_group, count, first, last, offset in rows:
            title, owner = self._cipher.decrypt_fields(details)[:2]
            people = self._participants(cid)
            child = next((name for name, is_child in people if is_child), None)
            offset = offset or 0
            result.append(ConversationSummary(
                id=cid, platform=platform, title=title or "", is_group=bool(is_group),
                participants=tuple(name for name, _ in people), child=child, owner=owner,
                messages=count,
                first=_from_ms(first, offset) if first is not None else None,
                last=_from_ms(last, offset) if last is not None else None))
        return result

    def _participants(self, conversation_id: int) -> list[tuple[str, bool]]:
        rows = self._con.execute("SELECT name, is_child FROM participants WHERE conversation_id = ?"
                                 " ORDER BY id", (conversation_id,))
        return [(self._cipher.decrypt_text(name), bool(is_child)) for name, is_child in rows]

    def set_child(self, conversation_id: int, name: str | None) -> None:
        """Mark which participant is the child (None: nobody)."""
        with _transaction(self._con):
            if not _set_child(self._con, self._cipher, conversation_id, name):
                raise KeyError(name)

    def conversation(self, conversation_id: int) -> Conversation:
        row = self._con.execute("SELECT platform, details, is_group FROM conversations WHERE id = ?",
                                (conversation_id,)).fetchone()
        if row is None:
            raise KeyError(conversation_id)
        platform, details, is_group = row
        title, owner, key = self._cipher.decrypt_fields(details)
        return Conversation(platform=platform, key=key or "", title=title or "",
                            is_group=bool(is_group), owner=owner, id=conversation_id)

    def messages(self, conversation_id: int, *, after_ms: int | None = None,
                 limit: int | None = None) -> list[Message]:
        return list(self.iter_messages(conversation_id, after_ms=after_ms, limit=limit))

    def iter_messages(self, conversation_id: int, *, after_ms: int | None = None,
                      limit: int | None = None) -> Iterator[Message]:
        conv = self.conversation(conversation_id)
        names = {pid: self._cipher.decrypt_text(name) for pid, name in self._con.execute(
            "SELECT id, name FROM participants WHERE conversation_id = ?", (conversation_id,))}
        sql = ("SELECT id, participant_id, ts_ms, utc_offset_min, position, attachment, is_system, content"
               " FROM messages WHERE conversation_id = ?")
        params: list[object] = [conversation_id]
        if after_ms is not None:
            sql += " AND ts_ms > ?"
            params.append(after_ms)
        sql += " ORDER BY ts_ms, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        for mid, pid, ts_ms, offset, position, attachment, is_system, content in self._con.execute(sql, params):
            text, raw, attachment_name = self._cipher.open_message(content)
            yield Message(conversation=conv, sender=names.get(pid, "") if pid else "",
                          timestamp=_from_ms(ts_ms, offset), text=text, raw=raw,
                          position=position,
                          attachment=AttachmentKind(attachment) if attachment else None,
                          attachment_name=attachment_name, is_system=bool(is_system), id=mid)

    def finding_messages(self) -> Iterator[tuple[int, int, str, datetime, int, str]]:
        """The message of every finding, in time order: (message id,
        conversation id, sender, time, ts_ms, text).  Decrypted one row at a
        time, so a reader on a worker thread can stop between rows."""
        names: dict[int, str] = {}
        for mid, cid, pid, ts_ms, offset, content in self._con.execute(
                "SELECT m.id, m.conversation_id, m.participant_id, m.ts_ms, m.utc_offset_min, m.content"
                " FROM findings f JOIN messages m ON m.id = f.message_id ORDER BY m.ts_ms, m.id"):
            if pid is not None and pid not in names:
                blob = self._con.execute("SELECT name FROM participants WHERE id = ?", (pid,)).fetchone()
                names[pid] = self._cipher.decrypt_text(blob[0]) if blob else ""
            text = self._cipher.open_message(content)[0]
            yield mid, cid, names.get(pid, "") if pid else "", _from_ms(ts_ms, offset), ts_ms, text

    def messages_around(self, conversation_id: int, message_id: int, before: int = 5,
                        after: int = 5) -> list[Message]:
        """The messages around one message, read without loading the whole chat."""
        row = self._con.execute("SELECT ts_ms FROM messages WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            return []
        ts = row[0]
        start = self._con.execute(
            "SELECT ts_ms FROM messages WHERE conversation_id = ? AND ts_ms < ?"
            " ORDER BY ts_ms DESC, id DESC LIMIT 1 OFFSET ?", (conversation_id, ts, before - 1)).fetchone()
        if start is not None:
            after_ms = start[0] - 1
        else:
            first = self._con.execute("SELECT MIN(ts_ms) FROM messages WHERE conversation_id = ?",
                                      (conversation_id,)).fetchone()
            after_ms = (first[0] if first[0] is not None else ts) - 1
        messages = self.messages(conversation_id, after_ms=after_ms, limit=before + after + 40)
        index = next((i for i, m in enumerate(messages) if m.id == message_id), None)
        if index is None:
            return messages[: before + after + 1]
        return messages[max(0, index - before): index + after + 1]

    def message_sources(self, conversation_id: int) -> dict[int, int]:
        """Message id -> id of the source (import) it first came from."""
        return dict(self._con.execute("SELECT id, source_id FROM messages WHERE conversation_id = ?",
                                      (conversation_id,)))

    def message_count(self) -> int:
        return self._con.execute("SELECT COUNT(*) FROM messages").fetchone()[0]

    def sources(self) -> list[SourceRecord]:
        result = []
        for row in self._con.execute(
                "SELECT id, sha256, size, format, importer_version, imported_at, messages_added,"
                " messages_seen, details FROM sources ORDER BY id"):
            sid, sha, size, fmt, version, imported_at, added, seen, details = row
            path, skipped_json = self._cipher.decrypt_fields(details)
            skipped = tuple((int(p), str(r)) for p, r in json.loads(skipped_json or "[]"))
            result.append(SourceRecord(sid, path or "", sha, size, fmt, version, imported_at,
                                       added, seen, skipped))
        return result

    # --- findings -----------------------------------------------------------

    def save_findings(self, findings: Iterable[Finding], model_version: str) -> int:
        """Store analysis results, replacing earlier ones for the same
        messages but keeping the parent's review state and note."""
        with _transaction(self._con):
            return self._upsert_findings(findings, model_version)

    def replace_findings(self, conversation_id: int, findings: list[Finding], model_version: str) -> int:
        """The new analysis of one conversation, in one transaction.  Old
        findings the new analysis no longer makes go away unless the parent
        reviewed them: decisions are never lost."""
        keep = {f.message_id for f in findings}
        with _transaction(self._con):
            stale = [row[0] for row in self._con.execute(
                "SELECT f.id, f.message_id FROM findings f JOIN messages m ON m.id = f.message_id"
                " WHERE m.conversation_id = ? AND f.review = 'new'", (conversation_id,))
                if row[1] not in keep]
            self._con.executemany("DELETE FROM findings WHERE id = ?", [(i,) for i in stale])
            return self._upsert_findings(findings, model_version)

    def _upsert_findings(self, findings: Iterable[Finding], model_version: str) -> int:
        # created_at is when a finding first appeared: a rescan keeps it, so
        # "new since your last visit" stays true.
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        count = 0
        for f in findings:
            old = self._con.execute("SELECT review, details FROM findings WHERE message_id = ?",
                                    (f.message_id,)).fetchone()
            review, note = f.review.value, f.note
            if old is not None:
                review = old[0]
                note = self._cipher.decrypt_fields(old[1])[2] or ""
            details = self._cipher.encrypt_fields(
                f.explanation, json.dumps([r.as_json() for r in f.reasons], ensure_ascii=False), note,
                ",".join(f.cues))
            self._con.execute(
                "INSERT INTO findings (message_id, categories, scores, severity, spans, model_version,"
                " created_at, review, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (message_id) DO UPDATE SET categories = excluded.categories,"
                " scores = excluded.scores, severity = excluded.severity, spans = excluded.spans,"
                " model_version = excluded.model_version,"
                " review = excluded.review, details = excluded.details",
                (f.message_id, ",".join(f.categories), json.dumps(f.scores, sort_keys=True),
                 int(f.severity), json.dumps([[s.start, s.end, s.label] for s in f.spans]),
                 model_version, now, review, details))
            count += 1
        return count

    def findings(self) -> list[Finding]:
        result = []
        for row in self._con.execute(
                "SELECT id, message_id, categories, scores, severity, spans, review, details"
                " FROM findings ORDER BY message_id"):
            fid, mid, cats, scores, severity, spans, review, details = row
            explanation, reasons, note, cues = (self._cipher.decrypt_fields(details) + [None])[:4]
            result.append(Finding(
                message_id=mid, categories=tuple(c for c in cats.split(",") if c),
                scores=json.loads(scores), severity=Severity(severity),
                spans=tuple(Span(s, e, label) for s, e, label in json.loads(spans)),
                explanation=explanation or "", review=ReviewState(review), note=note or "",
                id=fid, reasons=tuple(Reason.from_json(r) for r in json.loads(reasons or "[]")),
                cues=tuple(c for c in (cues or "").split(",") if c)))
        return result

    def set_review(self, finding_id: int, state: ReviewState, note: str | None = None) -> None:
        with _transaction(self._con):
            row = self._con.execute("SELECT details FROM findings WHERE id = ?", (finding_id,)).fetchone()
            if row is None:
                raise KeyError(finding_id)
            explanation, reasons, old_note, cues = (self._cipher.decrypt_fields(row[0]) + [None])[:4]
            details = self._cipher.encrypt_fields(explanation, reasons, old_note if note is None else note, cues)
            self._con.execute("UPDATE findings SET review = ?, details = ? WHERE id = ?",
                              (state.value, details, finding_id))


# How many of the distinct references of messages from id ?1 on point
# nowhere (see ImportSession._check_references).
_MISSING_REFERENCES = """
WITH used AS (SELECT DISTINCT conversation_id, source_id, participant_id FROM messages WHERE id >= ?1)
SELECT count(*) FROM used
WHERE NOT EXISTS (SELECT 1 FROM conversations WHERE id = used.conversation_id)
   OR NOT EXISTS (SELECT 1 FROM sources WHERE id = used.source_id)
   OR (used.participant_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM participants WHERE id = used.participant_id))
"""


class ImportSession:
    """One import: everything it adds lands in one transaction or not at all.

    Messages are fingerprinted, encrypted and packed on the caller's thread
    and inserted by a `BulkWriter` thread (see `store.bulk`), so SQLite
    works on one batch while the importer reads the next.  Every method
    that touches the connection itself first waits for the writer."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._con = store.connection
        self._cipher = store.cipher
        self._conversations: dict[tuple[str, str], int] = {}
        self._participants: dict[tuple[int, str], int] = {}
        self._owners: dict[int, str] = {}
        self._writer = BulkWriter(self._con)
        self._packer = RowPacker(self._cipher, self.participant_id, self._writer.submit)
        self._marked: tuple[object, ...] | None = None
        self._first_new_id = 0
        self.touched_conversations: set[int] = set()

    def __enter__(self) -> ImportSession:
        self._con.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
        # SQLite checks a message's three references (conversation, source,
        # participant) on every insert: a third of the time it spends on a
        # big import.  The import takes each id from a row it inserted or
        # read in this transaction, so it checks them once, before it
        # commits (`_check_references`).  The pragma only works outside a
        # transaction, hence here.
        self._con.execute("PRAGMA foreign_keys = OFF")
        try:
            self._con.execute("BEGIN IMMEDIATE")
            # Ids only grow (INTEGER PRIMARY KEY), so the import's messages
            # are those above the highest id now.
            self._first_new_id = self._con.execute("SELECT coalesce(max(id), 0) + 1 FROM messages").fetchone()[0]
        except BaseException:
            self._restore_settings()
            raise
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            self._end(commit=exc_type is None)
        finally:
            self._restore_settings()

    def _end(self, commit: bool) -> None:
        if commit:
            try:
                self._drain()
                self._check_references()
            finally:
                self._writer.close()
            self._con.execute("COMMIT")
            return
        self._writer.close()
        if self._con.in_transaction:
            # SQLite may have rolled back already (a full disk): a second
            # ROLLBACK would fail and hide the real error.
            self._con.execute("ROLLBACK")

    def _restore_settings(self) -> None:
        # Never in the way of the import's own outcome or error: a
        # connection left with the smaller cache still works.
        with contextlib.suppress(sqlite3.Error):
            self._con.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        # References must be enforced again for everything else (deleting a
        # conversation deletes its messages through them).
        if self._con.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._con.execute("ROLLBACK")
        self._con.execute("PRAGMA foreign_keys = ON")

    def _check_references(self) -> None:
        """Every conversation, source and participant the new messages refer
        to exists (the check SQLite skipped, see `__enter__`, done once per
        distinct reference instead of once per message); StoreError, and
        nothing is committed, if not."""
        missing = self._con.execute(_MISSING_REFERENCES, (self._first_new_id,)).fetchone()[0]
        if missing:
            log.error("an import's messages refer to %d missing rows", missing)
            raise StoreError(f"{self._store.path}: the import went wrong inside Guardian (its "
                             "messages refer to missing rows), so nothing was imported")

    def _drain(self) -> None:
        """Write every queued message and wait: the connection is ours again."""
        self._packer.flush()
        self._writer.wait()

    def conversation_id(self, conv: Conversation) -> int:
        cache_key = (conv.platform, conv.key)
        cached = self._conversations.get(cache_key)
        if cached is not None:
            return cached
        self._writer.wait()
        key_fp = self._cipher.fingerprint("conversation", conv.platform, conv.key)
        row = self._con.execute("SELECT id FROM conversations WHERE platform = ? AND key_fp = ?",
                                (conv.platform, key_fp)).fetchone()
        details = self._cipher.encrypt_fields(conv.title, conv.owner, conv.key)
        if row is None:
            cid = self._con.execute(
                "INSERT INTO conversations (platform, key_fp, details, is_group) VALUES (?, ?, ?, ?)",
                (conv.platform, key_fp, details, int(conv.is_group))).lastrowid
        else:
            cid = row[0]
            # A newer export may know the group's title or that it is a group.
            self._con.execute("UPDATE conversations SET details = ?, is_group = MAX(is_group, ?)"
                              " WHERE id = ?", (details, int(conv.is_group), cid))
        assert cid is not None
        self._conversations[cache_key] = cid
        self.touched_conversations.add(cid)
        if conv.owner:
            self._owners[cid] = conv.owner
        return cid

    def refresh_conversation(self, conv: Conversation) -> None:
        """Store the conversation's final title and group flag (an importer
        that reads a file once learns them only at its end)."""
        cid = self.conversation_id(conv)
        self._writer.wait()
        self._con.execute("UPDATE conversations SET details = ?, is_group = MAX(is_group, ?)"
                          " WHERE id = ?",
                          (self._cipher.encrypt_fields(conv.title, conv.owner, conv.key),
                           int(conv.is_group), cid))

    # --- speculation: a source read once, undone if its guesses were wrong -----

    def mark(self) -> None:
        """Remember the state to return to with `undo_to_mark`."""
        self._drain()
        self._con.execute("SAVEPOINT guardian_source")
        self._marked = (dict(self._conversations), dict(self._participants),
                        self._packer.known_senders(), dict(self._owners),
                        set(self.touched_conversations), self._writer.added.copy())

    def undo_to_mark(self) -> None:
        """Drop everything added since `mark`, in the database and here."""
        assert self._marked is not None
        self._packer.discard()
        self._writer.wait()
        self._con.execute("ROLLBACK TO guardian_source")
        self._con.execute("RELEASE guardian_source")
        (self._conversations, self._participants, senders, self._owners,
         self.touched_conversations, self._writer.added) = self._marked
        self._packer.restore_senders(senders)
        self._marked = None

    def keep_since_mark(self) -> None:
        self._drain()
        self._con.execute("RELEASE guardian_source")
        self._marked = None

    def owner_guesses(self) -> list[tuple[int, str]]:
        """Conversations whose export named its owner, with that name."""
        return sorted(self._owners.items())

    def set_child(self, conversation_id: int, name: str, only_if_unset: bool = False) -> bool:
        self._drain()
        return _set_child(self._con, self._cipher, conversation_id, name, only_if_unset)

    def _participant_id(self, conversation_id: int, name: str) -> int | None:
        if not name:
            return None
        cache_key = (conversation_id, name)
        cached = self._participants.get(cache_key)
        if cached is not None:
            return cached
        self._writer.wait()
        fp = self._cipher.fingerprint("participant", name)
        row = self._con.execute("SELECT id FROM participants WHERE conversation_id = ? AND name_fp = ?",
                                (conversation_id, fp)).fetchone()
        if row is None:
            pid = self._con.execute(
                "INSERT INTO participants (conversation_id, name_fp, name) VALUES (?, ?, ?)",
                (conversation_id, fp, self._cipher.encrypt_text(name))).lastrowid
        else:
            pid = row[0]
        assert pid is not None
        self._participants[cache_key] = pid
        return pid

    def data_key(self) -> bytes:
        """The store's data key, for a process that packs rows for this
        import (`guardian.split_import`).  Never log or write it."""
        return self._cipher.export_key()

    def participant_id(self, conversation_id: int, name: str) -> int:
        """The participant's id, created if new (0 for no sender)."""
        return self._participant_id(conversation_id, name) or 0

    def add_messages(self, messages: Iterable[Message], source_id: int) -> int:
        """Insert messages not already stored; returns how many were new."""
        before = self._writer.added[source_id]
        self.queue_messages(messages, source_id)
        self._drain()
        return self._writer.added[source_id] - before

    def added_for(self, source_id: int) -> int:
        """Write everything queued; how many of the source's messages were new."""
        self._drain()
        return self._writer.added[source_id]

    def queue_messages(self, messages: Iterable[Message], source_id: int) -> None:
        """`queue_rows` for `Message` values (of any conversations)."""
        conversation: Conversation | None = None
        rows: list[_Row] = []
        last: datetime | None = None
        stamp: tuple[int, int] = (0, 0)
        for msg in messages:
            if msg.conversation is not conversation:
                if conversation is not None and rows:
                    self.queue_rows(conversation, rows, source_id)
                conversation, rows = msg.conversation, []
            if msg.timestamp is not last:
                last = msg.timestamp
                stamp = (_to_ms(last), _offset_minutes(last))
            rows.append((msg.sender, stamp, msg.text, msg.raw, msg.position, msg.attachment,
                         msg.attachment_name, msg.is_system))
        if conversation is not None and rows:
            self.queue_rows(conversation, rows, source_id)

    def queue_rows(self, conversation: Conversation, rows: Iterable[_Row],
                   source_id: int) -> None:
        """Fingerprint, encrypt and pack one conversation's messages given as
        `importers.base.Row` tuples (see `RowPacker`); the writer thread
        stores those not already stored (see `added_for`)."""
        self._packer.pack(self.conversation_id(conversation), rows, source_id)

    def submit_packed(self, source_id: int, blob: bytes) -> None:
        """Store records another process packed (`RowPacker` there, with
        participant ids from `participant_id`)."""
        self._packer.flush()
        self._writer.submit(source_id, blob)

    def begin_source(self, *, path: str, sha256: str, size: int, format: str,
                     importer_version: str, tz: str) -> int:
        """Start a source (repeats are counted per source: `RowPacker.new_source`)."""
        self._drain()
        self._packer.new_source()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        sid = self._con.execute(
            "INSERT INTO sources (sha256, size, format, importer_version, imported_at, tz,"
            " messages_added, messages_seen, details) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)",
            (sha256, size, format, importer_version, now, tz,
             self._cipher.encrypt_fields(path, "[]"))).lastrowid
        assert sid is not None
        return sid

    def finish_source(self, source_id: int, *, path: str, added: int, seen: int,
                      skipped: list[tuple[int, str]], sha256: str | None = None) -> None:
        """Record what the source gave; `sha256` if it was not known at
        `begin_source` (the import hashes the file while it parses it)."""
        self._drain()
        self._con.execute("UPDATE sources SET messages_added = ?, messages_seen = ?, details = ?,"
                          " sha256 = COALESCE(?, sha256) WHERE id = ?",
                          (added, seen, self._cipher.encrypt_fields(path, json.dumps(skipped)), sha256,
                           source_id))


def _set_child(con: sqlite3.Connection, cipher: Cipher, conversation_id: int, name: str | None,
               only_if_unset: bool = False) -> bool:
    """Mark `name` as the child in one conversation; False if no such
    participant.  Must run inside a transaction."""
    if only_if_unset and con.execute("SELECT 1 FROM participants WHERE conversation_id = ?"
                                     " AND is_child = 1", (conversation_id,)).fetchone():
        return False
    if name is None:
        con.execute("UPDATE participants SET is_child = 0 WHERE conversation_id = ?", (conversation_id,))
        return True
    fp = cipher.fingerprint("participant", name)
    if not con.execute("SELECT 1 FROM participants WHERE conversation_id = ? AND name_fp = ?",
                       (conversation_id, fp)).fetchone():
        return False
    con.execute("UPDATE participants SET is_child = (name_fp = ?) WHERE conversation_id = ?",
                (fp, conversation_id))
    return True


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

    def __enter__(self) -> sqlite3.Connection:
        self._con.execute("BEGIN IMMEDIATE")
        return self._con

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self._con.execute("COMMIT")
        elif self._con.in_transaction:
            self._con.execute("ROLLBACK")


def wipe(data_dir: Path, store_id: str | None = None) -> None:
    """Delete every file Guardian keeps under `data_dir` and the keyring entry."""
    if store_id:
        keys.keyring_delete(store_id)
    if data_dir.exists():
        shutil.rmtree(data_dir)


def stored_id(database: Path) -> str | None:
    """The store id of a database file without unlocking it (to find its
    keyring entry), or None if it cannot be read."""
    if not database.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def wipe_everything(loc: Locations) -> list[Path]:
    """Delete the data (database, WAL, backups), cache, logs and settings
    folders and the keyring entry.  Returns the folders removed."""
    store_id = stored_id(loc.database)
    if store_id:
        keys.keyring_delete(store_id)
    removed = []
    for folder in (loc.data, loc.cache, loc.logs, loc.config):
        if folder.exists():
            shutil.rmtree(folder)
            removed.append(folder)
    return removed
