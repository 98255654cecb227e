"""Writing an import's messages in bulk, beside the parsing.

An import spends a third of its time inside SQLite inserting rows.  Python's
sqlite3 module lets other threads run while SQLite works, but only for the
duration of one statement step; `executemany` steps once per row, and a
thread that needs the interpreter back after every row waits on the busy
parser each time (up to the 5 ms switch interval), so a writer thread
using it would crawl.  Instead each batch of messages is packed into one
blob of fixed-width records and inserted by a single INSERT ... SELECT that
unpacks the blob in SQL: one step per batch, run by a writer thread while
the importer parses and encrypts the next batch on the other core.

The records are private to this module: `MessageBatch` writes them,
`_INSERT` reads them.  Numbers are ASCII digits in fixed-width fields
(SQLite reads them with CAST), the fingerprint and the ciphertext are raw
bytes.  Every field is wide enough for any SQLite integer, so no value can
spill into its neighbour.

`BulkWriter` owns the thread.  The connection is only ever used by one
thread at a time: the session calls `wait()` before it touches the
connection itself (a new conversation or participant, the end of a source,
the commit), and the writer never runs after `close()`.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections import Counter

# Record: fingerprint (16 bytes), then conversation_id, participant_id
# (0: none), ts_ms, utc_offset_min, position (20 digits each), attachment
# (10 characters, blank: none), is_system (1 digit), content length
# (12 digits), then the content.  The conversation and participant come
# formatted as one value (`people_field`), so do the time and its offset
# (`time_field`) and the attachment and is_system (`flags_field`): they
# repeat from message to message, so the import formats them once instead
# of once per message.
FP_BYTES = 16
RECORD = b"%b%b%b%20d%b%12d%b"
FIELDS = 7                    # values per record in MessageBatch.values
_HEAD_BYTES = 123
_FIXED = FP_BYTES + _HEAD_BYTES
_ATTACHMENT_CHARS = 10

# SQL offsets are 1-based: the record starting at `at` has its
# fingerprint at `at`, its first number at `at + 16`, and so on.  The walk
# over the records carries each one's end (`next`, the next record's
# start), so the content length is read once per record, not three times
# (a quarter of the statement's time on a million messages).
_INSERT = f"""
WITH RECURSIVE record(at, next) AS (
    SELECT 1, 1 + {_FIXED} + CAST(substr(?1, 128, 12) AS INTEGER) WHERE length(?1) > 0
    UNION ALL
    SELECT next, next + {_FIXED} + CAST(substr(?1, next + 127, 12) AS INTEGER) FROM record
    WHERE next <= length(?1)
)
INSERT OR IGNORE INTO messages (conversation_id, source_id, participant_id, ts_ms,
                                utc_offset_min, position, attachment, is_system, fp, content)
SELECT CAST(substr(?1, at + 16, 20) AS INTEGER),
       ?2,
       NULLIF(CAST(substr(?1, at + 36, 20) AS INTEGER), 0),
       CAST(substr(?1, at + 56, 20) AS INTEGER),
       CAST(substr(?1, at + 76, 20) AS INTEGER),
       CAST(substr(?1, at + 96, 20) AS INTEGER),
       NULLIF(rtrim(CAST(substr(?1, at + 116, 10) AS TEXT)), ''),
       CAST(substr(?1, at + 126, 1) AS INTEGER),
       substr(?1, at, 16),
       substr(?1, at + {_FIXED}, next - at - {_FIXED})
FROM record
"""


class MessageBatch:
    """Rows for one source, packed for `_INSERT`.

    The importing loop appends each row's FIELDS values to `values` (in
    RECORD's order, see `add`) and counts `rows`; `blob` formats them all
    with one `%` operation, much cheaper than formatting row by row."""

    __slots__ = ("content_bytes", "rows", "source_id", "values")

    def __init__(self, source_id: int) -> None:
        self.source_id = source_id
        self.values: list[object] = []
        self.rows = 0
        self.content_bytes = 0

    def add(self, fp: bytes, conversation_id: int, participant_id: int, ts_ms: int,
            offset_min: int, position: int, attachment: bytes, is_system: bool,
            content: bytes) -> None:
        """One row (participant 0: none; attachment from `attachment_field`).
        `packing.RowPacker.pack` inlines this."""
        self.values += (fp, people_field(conversation_id, participant_id), time_field(ts_ms, offset_min),
                        position, flags_field(attachment, is_system), len(content), content)
        self.rows += 1
        self.content_bytes += len(content)

    def blob(self) -> bytes:
        """The packed records; ValueError if a number did not fit its field
        (the records would run into each other)."""
        data = (RECORD * self.rows) % tuple(self.values)
        if len(data) != self.rows * _FIXED + self.content_bytes:
            raise ValueError("a message field is too large for the database")
        return data


def attachment_field(kind: str) -> bytes:
    """The attachment column as the record holds it."""
    data = kind.encode("ascii")
    if len(data) > _ATTACHMENT_CHARS:
        raise ValueError(f"attachment kind {kind!r} is longer than {_ATTACHMENT_CHARS} characters")
    return data


def people_field(conversation_id: int, participant_id: int) -> bytes:
    """The conversation_id and participant_id fields (participant 0: none)."""
    return b"%20d%20d" % (conversation_id, participant_id)


def time_field(ts_ms: int, offset_min: int) -> bytes:
    """The ts_ms and utc_offset_min fields."""
    return b"%20d%20d" % (ts_ms, offset_min)


def flags_field(attachment: bytes, is_system: bool) -> bytes:
    """The attachment (from `attachment_field`) and is_system fields."""
    return b"%-10b%1d" % (attachment, is_system)


PLAIN_FLAGS = (flags_field(b"", False), flags_field(b"", True))   # no attachment; by is_system


def insert_batch(con: sqlite3.Connection, source_id: int, blob: bytes) -> int:
    """Insert the packed rows not already stored; how many were new."""
    # Not cursor.rowcount: the sqlite3 module counts changes only for
    # statements that start with INSERT, and this one starts with WITH.
    before = con.total_changes
    con.execute(_INSERT, (blob, source_id))
    return con.total_changes - before


_STOP = None


class BulkWriter:
    """A thread that inserts packed batches in submission order.

    `submit` hands a batch over (blocking while two are already waiting,
    which bounds memory); `wait` returns once every submitted batch is in
    the database and raises the first error the writer met; `close` stops
    the thread, dropping batches not yet written (after an error or a
    cancel the transaction is rolled back anyway)."""

    _QUEUED = 2

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        self._queue: queue.Queue[tuple[int, bytes] | None] = queue.Queue(self._QUEUED)
        self._thread: threading.Thread | None = None
        self._error: Exception | None = None
        self._closing = False
        self.added: Counter[int] = Counter()    # source id -> new rows

    def submit(self, source_id: int, blob: bytes) -> None:
        self._raise_error()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="guardian-import-writer",
                                            daemon=True)
            self._thread.start()
        self._queue.put((source_id, blob))

    def wait(self) -> None:
        if self._thread is not None:
            self._queue.join()
        self._raise_error()

    def close(self) -> None:
        if self._thread is None:
            return
        self._closing = True
        self._queue.put(_STOP)
        self._thread.join()
        self._thread = None

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                if self._error is None and not self._closing:
                    source_id, blob = item
                    self.added[source_id] += insert_batch(self._con, source_id, blob)
            except Exception as exc:  # noqa: BLE001 - handed to the importing thread, never lost
                self._error = exc
            finally:
                self._queue.task_done()
