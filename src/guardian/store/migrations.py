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

# Index i holds the SQL that takes the schema from version i to i + 1.
MIGRATIONS: list[str] = [_V1]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: sqlite3.Connection, current: int) -> None:
    """Run every migration after `current`, each atomically."""
    for version in range(current, SCHEMA_VERSION):
        # executescript() commits first, so the transaction is spelled out
        # in the script: either the whole step and its version bump land,
        # or nothing does.
        try:
            con.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]}\n"
                f"PRAGMA user_version = {version + 1};\nCOMMIT;")
        except sqlite3.Error:
            if con.in_transaction:
                con.rollback()
            raise
