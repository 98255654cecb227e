"""The bulk import path of the store: packed batches written by the writer
thread, the unrolled encryption and fingerprints, and the schema 2
migration of stores written by earlier versions."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.domain import AttachmentKind, Conversation, Finding, Message, Severity
from guardian.store import bulk
from guardian.store.crypto import Cipher, pack_fields, unpack_fields
from guardian.store.database import Store, StoreError
from guardian.store.migrations import _V1, SCHEMA_VERSION
from guardian.store.packing import RowPacker

RIYADH = ZoneInfo("Asia/Riyadh")
TEXT = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["\ud800", "\udfff"]),
               max_size=40)


def _encoded(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass")


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, st.none() | TEXT)
def test_seal_message_is_encrypt_fields(text: str, raw: str, name: str | None) -> None:
    cipher = Cipher(os.urandom(32))
    sealed = cipher.seal_message(_encoded(text), _encoded(raw), name)
    plain = cipher.decrypt(sealed)
    assert plain == pack_fields((text, raw, name))
    assert unpack_fields(plain) == [text, raw, name]
    assert cipher.open_message(sealed) == (text, raw, name)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT, st.none() | TEXT)
def test_seal_message_stores_the_text_once(text: str, head: str, name: str | None) -> None:
    cipher = Cipher(os.urandom(32))
    sealed = cipher.seal_message(_encoded(text), _encoded(head), name, raw_is_head=True)
    assert cipher.open_message(sealed) == (text, head + text, name)
    assert len(sealed) == len(cipher.seal_message(_encoded(text), _encoded(head), name))


def test_content_written_by_earlier_versions_still_opens() -> None:
    cipher = Cipher(os.urandom(32))
    old = cipher.encrypt_fields("مرحبا", "1/2/24, 10:00 - سارة: مرحبا", None)
    assert cipher.open_message(old) == ("مرحبا", "1/2/24, 10:00 - سارة: مرحبا", None)
    photo = cipher.encrypt_fields("", "<Media omitted>", "IMG-1.jpg")
    assert cipher.open_message(photo) == ("", "<Media omitted>", "IMG-1.jpg")


def test_every_value_gets_its_own_nonce() -> None:
    cipher = Cipher(os.urandom(32))
    sealed = [cipher.seal_message(b"ok", b"ok", None) for _ in range(10_000)]
    sealed += [cipher.encrypt(b"ok") for _ in range(5_000)]
    assert len({value[:12] for value in sealed}) == len(sealed)
    assert {cipher.decrypt(value) for value in sealed[-5:]} == {b"ok"}


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, max_size=6))
def test_fingerprint_bytes_is_fingerprint(parts: list[str]) -> None:
    cipher = Cipher(os.urandom(32))
    payload = "".join(f"{len(p)}:{p}" for p in parts).encode("utf-8", "surrogatepass")
    assert cipher.fingerprint_bytes(payload) == cipher.fingerprint(*parts)


def _conv(key: str = "chat") -> Conversation:
    return Conversation(platform="whatsapp", key=key, title="الصف", is_group=True)


def _import(store: Store, messages: list[Message], sha: str = "aa") -> int:
    with store.import_session() as session:
        sid = session.begin_source(path="chat.txt", sha256=sha, size=1, format="whatsapp",
                                   importer_version="1", tz="Asia/Riyadh")
        added = session.add_messages(messages, sid)
        session.finish_source(sid, path="chat.txt", added=added, seen=len(messages), skipped=[])
    return added


def _odd_messages() -> list[Message]:
    """Values at the edges of every packed field."""
    conv = _conv()
    out = []
    for i, kind in enumerate([None, *AttachmentKind]):
        out.append(Message(conv, "سارة" if i % 2 else "", datetime(1969, 12, 31, 23, 59, tzinfo=UTC)
                           + timedelta(days=i), f"نص {i}\n" * i, f"raw {i}", 10**18 + i, kind,
                           None if kind is None else f"IMG-{i}.jpg", bool(i % 3)))
    out.append(Message(conv, "ريم", datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
                       "x" * 300_000, "y" * 300_000, 0))
    out.append(Message(conv, "ريم", datetime(2024, 1, 1, tzinfo=RIYADH), "", "", -5))
    return out


def test_every_field_survives_the_packed_batch(tmp_path: Path) -> None:
    original = _odd_messages()
    with Store.open(tmp_path / "g.sqlite3") as store:
        assert _import(store, original) == len(original)
        [conv] = store.conversations()
        back = store.messages(conv.id)
    def key(m: Message) -> tuple[datetime, int]:
        return (m.timestamp, m.position)

    for before, after in zip(sorted(original, key=key), sorted(back, key=key)):
        assert (after.sender, after.timestamp, after.text, after.raw, after.position, after.attachment,
                after.attachment_name, after.is_system) == (
                before.sender, before.timestamp, before.text, before.raw, before.position,
                before.attachment, before.attachment_name, before.is_system)
        assert after.timestamp.utcoffset() == before.timestamp.utcoffset()


def test_many_batches_keep_file_order_and_dedup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RowPacker, "WRITE_ROWS", 7)
    start = datetime(2024, 5, 1, 8, 0, tzinfo=RIYADH)
    messages = [Message(_conv(), f"p{i % 3}", start + timedelta(minutes=i // 4), "ok" if i % 5 else "هلا",
                        f"line {i}", i) for i in range(100)]
    with Store.open(tmp_path / "g.sqlite3") as store:
        assert _import(store, messages) == 100           # repeated "ok"s in a minute all stay
        assert _import(store, messages, sha="bb") == 0
        assert _import(store, messages[:50] + [Message(_conv(), "p9", start, "new", "new", 101)],
                       sha="cc") == 1
        [conv] = store.conversations()
        positions = [row[0] for row in store.connection.execute(
            "SELECT position FROM messages WHERE source_id = 1 ORDER BY id")]
        assert positions == list(range(100))
        assert conv.messages == 101


def test_the_record_layout_is_the_one_the_insert_reads() -> None:
    """Fields formatted ahead (`people_field`, `flags_field`) still make the
    fixed-width record `_INSERT` reads at fixed offsets."""
    batch = bulk.MessageBatch(1)
    batch.add(b"f" * 16, 7, 0, -1_700_000_000_000, -570, 3, b"image", True, b"\x00ct")
    assert batch.blob() == (b"f" * 16 + b"%20d%20d%20d%20d%20d" % (7, 0, -1_700_000_000_000, -570, 3)
                            + b"image     " + b"1" + b"%12d" % 3 + b"\x00ct")


def test_a_field_too_large_is_refused() -> None:
    batch = bulk.MessageBatch(1)
    batch.add(b"f" * 16, 1, 0, 0, 0, 10**25, b"", False, b"content")
    with pytest.raises(ValueError):
        batch.blob()
    with pytest.raises(ValueError):
        bulk.attachment_field("a-very-long-kind")


def test_messages_referring_to_a_missing_conversation_are_not_committed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.sqlite3") as store:
        _import(store, _odd_messages()[:3])
        with pytest.raises(StoreError, match="nothing was imported"), store.import_session() as session:
            sid = session.begin_source(path="x", sha256="x", size=1, format="whatsapp",
                                       importer_version="1", tz="UTC")
            batch = bulk.MessageBatch(sid)
            batch.add(b"f" * 16, 999, 0, 0, 0, 1, b"", False, b"c")   # no conversation 999
            session.submit_packed(sid, batch.blob())
        assert store.message_count() == 3 and len(store.sources()) == 1
        assert store.connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_writer_error_reaches_the_importer_and_nothing_is_kept(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.sqlite3") as store:
        _import(store, _odd_messages()[:3])
        before = store.message_count()
        with pytest.raises(sqlite3.IntegrityError), store.import_session() as session:
            sid = session.begin_source(path="x", sha256="x", size=1, format="whatsapp",
                                       importer_version="1", tz="UTC")
            store.connection.execute("CREATE TEMP TRIGGER refuse BEFORE INSERT ON messages "
                                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
            session.add_messages(_odd_messages()[3:], sid)
        assert store.message_count() == before
        assert len(store.sources()) == 1
        assert store.integrity_ok()


# --- migration -----------------------------------------------------------------


def _downgrade_to_v1(path: Path) -> None:
    """Rewrite a current store as schema 1 wrote it (the messages table with
    UNIQUE (conversation_id, fp) and its time index)."""
    con = sqlite3.connect(path, isolation_level=None)
    v1_messages = _V1[_V1.index("CREATE TABLE messages ("):_V1.index("CREATE TABLE findings")]
    v1_messages = v1_messages.replace("CREATE TABLE messages (", "CREATE TABLE messages_v1 (").replace(
        "ON messages (", "ON messages_v1 (")
    # The table is built aside and renamed (renaming the current one would
    # make the findings' foreign key follow it).
    con.executescript("PRAGMA foreign_keys = OFF; BEGIN;" + v1_messages +
                      "INSERT INTO messages_v1 SELECT * FROM messages;"
                      "DROP TABLE messages; ALTER TABLE messages_v1 RENAME TO messages;"
                      "PRAGMA user_version = 1; COMMIT;")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "UNIQUE (conversation_id, fp)" in con.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'messages'").fetchone()[0]
    con.close()


def test_a_schema_1_store_is_migrated_with_its_findings(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite3"
    messages = _odd_messages()
    with Store.open(db) as store:
        _import(store, messages)
        [conv] = store.conversations()
        stored = store.messages(conv.id)
        store.save_findings([Finding(message_id=m.id, categories=("insult",), scores={"insult": 0.9},
                                     severity=Severity.HIGH, explanation="x")
                             for m in stored if m.id is not None], "v1")
    _downgrade_to_v1(db)

    with Store.open(db, backups=tmp_path / "backups") as store:
        con = store.connection
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "UNIQUE (conversation_id, ts_ms, fp)" in con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'messages'").fetchone()[0]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.integrity_ok()
        assert [(m.id, m.text, m.raw, m.timestamp) for m in store.messages(conv.id)] == [
            (m.id, m.text, m.raw, m.timestamp) for m in stored]
        assert len(store.findings()) == len(stored)
        assert _import(store, messages, sha="again") == 0      # old fingerprints still dedup
    assert list((tmp_path / "backups").glob("*before-v2*"))


def test_a_failed_migration_leaves_schema_1_untouched(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite3"
    with Store.open(db) as store:
        _import(store, _odd_messages())
    _downgrade_to_v1(db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("CREATE TABLE messages_v2 (x)")     # makes step 2 fail half-way
    con.close()
    with pytest.raises(sqlite3.OperationalError):
        Store.open(db, backups=tmp_path / "backups")
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == len(_odd_messages())
    con.close()


def test_an_import_uses_a_small_cache_and_gives_it_back(tmp_path: Path) -> None:
    def cache_kib(store: Store) -> int:
        return -int(store.connection.execute("PRAGMA cache_size").fetchone()[0])

    with Store.open(tmp_path / "g.sqlite3") as store:
        normal = cache_kib(store)
        with store.import_session():
            assert cache_kib(store) < normal
        assert cache_kib(store) == normal
        with pytest.raises(RuntimeError), store.import_session():
            raise RuntimeError("the import failed")
        assert cache_kib(store) == normal
