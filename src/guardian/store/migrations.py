"""Schema versions.  Each migration runs in its own transaction and bumps
`PRAGMA user_version`; the database is backed up before any of them runs
(see `Store.open`).  Append new migrations; never edit a released one.

What is stored in plaintext is only what queries need to sort and filter:
times, platforms, categories, severities, review states and keyed
fingerprints.  Every piece of chat content (message text, the raw evidence
line, names, titles, file names, notes, explanations) is an AES-GCM blob.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- How the data key is protected: 'keyring' (kept in the OS keyring) or
-- 'passphrase' (wrapped under a scrypt-derived key).
CREATE TABLE keyslots (
    kind    TEXT PRIMARY KEY CHECK (kind IN ('keyring', 'passphrase')),
    salt    BLOB,
    params  TEXT,
    wrapped BLOB
);

CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL,
    size             INTEGER NOT NULL,
    format           TEXT NOT NULL,
    importer_version TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    tz               TEXT NOT NULL,
    messages_added   INTEGER NOT NULL,
    messages_seen    INTEGER NOT NULL,
    details          BLOB NOT NULL      -- encrypted: path, skipped lines
);
CREATE INDEX sources_sha256 ON sources (sha256);

CREATE TABLE conversations (
    id        INTEGER PRIMARY KEY,
    platform  TEXT NOT NULL,
    key_fp    BLOB NOT NULL,            -- keyed fingerprint of the chat key
    details   BLOB NOT NULL,            -- encrypted: title, owner guess
    is_group  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (platform, key_fp)
);

CREATE TABLE participants (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    name_fp         BLOB NOT NULL,
    name            BLOB NOT NULL,      -- encrypted
    is_child        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (conversation_id, name_fp)
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    source_id       INTEGER NOT NULL REFERENCES sources (id),
    participant_id  INTEGER REFERENCES participants (id),
    ts_ms           INTEGER NOT NULL,   -- UTC milliseconds
    utc_offset_min  INTEGER NOT NULL,   -- the offset the time was read in
    position        INTEGER NOT NULL,
    attachment      TEXT,
    is_system       INTEGER NOT NULL DEFAULT 0,
    fp              BLOB NOT NULL,      -- keyed fingerprint, for dedup
    content         BLOB NOT NULL,      -- encrypted: text, raw, attachment name
    UNIQUE (conversation_id, fp)
);
CREATE INDEX messages_conversation_time ON messages (conversation_id, ts_ms);

CREATE TABLE findings (
    id            INTEGER PRIMARY KEY,
    message_id    INTEGER NOT NULL UNIQUE REFERENCES messages (id) ON DELETE CASCADE,
    categories    TEXT NOT NULL,        -- comma-separated category ids
    scores        TEXT NOT NULL,        -- JSON {category: probability}
    severity      INTEGER NOT NULL,
    spans         TEXT NOT NULL,        -- JSON [[start, end, label], ...]
    model_version TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    review        TEXT NOT NULL DEFAULT 'new',
    details       BLOB NOT NULL         -- encrypted: explanation, reasons, note
);
CREATE INDEX findings_severity ON findings (severity);
"""

# v2: the dedup key becomes (conversation, time, fingerprint).  The old
# UNIQUE (conversation_id, fp) index put every new message at a random
# place in a big index (fingerprints are random), so a million-message
# import spent most of its time paging that index in and out.  With the
# time first, an export's messages land at the end of the index in order.
# The fingerprint covers the time, so both keys find the same duplicates.
# (conversation_id, ts_ms) lookups use the new index's prefix, which makes
# messages_conversation_time redundant.  SQLite cannot change a table's
# UNIQUE constraint in place, so the table is rebuilt (ids kept, so
# findings still point at their messages; foreign keys are off meanwhile,
# see `migrate`).
_V2 = """
CREATE TABLE messages_v2 (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    source_id       INTEGER NOT NULL REFERENCES sources (id),
    participant_id  INTEGER REFERENCES participants (id),
    ts_ms           INTEGER NOT NULL,   -- UTC milliseconds
    utc_offset_min  INTEGER NOT NULL,   -- the offset the time was read in
    position        INTEGER NOT NULL,
    attachment      TEXT,
    is_system       INTEGER NOT NULL DEFAULT 0,
    fp              BLOB NOT NULL,      -- keyed fingerprint, for dedup
    content         BLOB NOT NULL,      -- encrypted: text, raw, attachment name
    UNIQUE (conversation_id, ts_ms, fp)
);
INSERT INTO messages_v2 (id, conversation_id, source_id, participant_id, ts_ms, utc_offset_min,
                         position, attachment, is_system, fp, content)
    SELECT id, conversation_id, source_id, participant_id, ts_ms, utc_offset_min,
           position, attachment, is_system, fp, content FROM messages ORDER BY id;
DROP TABLE messages;
ALTER TABLE messages_v2 RENAME TO messages;
"""

# Index i holds the SQL that takes the schema from version i to i + 1.
MIGRATIONS: list[str] = [_V1, _V2]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: sqlite3.Connection, current: int) -> None:
    """Run every migration after `current`, each atomically."""
    # Foreign keys off while tables are rebuilt: dropping the old messages
    # table would otherwise delete every finding through ON DELETE CASCADE.
    # The pragma only takes effect outside a transaction; foreign_key_check
    # proves each step left every reference intact before it commits.
    con.execute("PRAGMA foreign_keys = OFF")
    try:
        for version in range(current, SCHEMA_VERSION):
            _migrate_one(con, version)
    finally:
        con.execute("PRAGMA foreign_keys = ON")


def _migrate_one(con: sqlite3.Connection, version: int) -> None:
    # executescript() commits first, so the transaction is spelled out in
    # the script: either the whole step and its version bump land, or
    # nothing does.
    try:
        con.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]}\n"
                          f"PRAGMA user_version = {version + 1};")
        broken = con.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            raise sqlite3.IntegrityError(f"migration to schema {version + 1} would break a "
                                         f"reference from table {broken[0]}")
        con.execute("COMMIT")
    except sqlite3.Error:
        if con.in_transaction:
            con.rollback()
        raise
