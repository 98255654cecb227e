"""The encrypted store: round trip, dedup, encryption at rest, key handling."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from guardian.domain import AttachmentKind, Conversation, Finding, Message, ReviewState, Severity, Span
from guardian.keys import LockedError, WrongPassphrase
from guardian.store.database import Store, StoreError, Unlock
from guardian.store.migrations import SCHEMA_VERSION

RIYADH = ZoneInfo("Asia/Riyadh")
DISTINCTIVE = "رسالة مميزة جدا للاختبار zebra-quartz-7731 لا يجب أن تظهر في الملف"


def _conv(key: str = "group-1") -> Conversation:
    return Conversation(platform="whatsapp", key=key, title="الصف الثاني ب", is_group=True)


def _msg(text: str, minute: int, sender: str = "سارة", conv: Conversation | None = None,
         **extra: object) -> Message:
    when = datetime(2025, 3, 4, 21, minute, tzinfo=RIYADH)
    return Message(conversation=conv or _conv(), sender=sender, timestamp=when, text=text,
                   raw=f"٤/٣/٢٠٢٥، ٩:{minute:02d} م - {sender}: {text}", position=minute + 1, **extra)


def _import(store: Store, messages: list[Message], sha: str = "aa") -> int:
    with store.import_session() as session:
        sid = session.begin_source(path="chat.txt", sha256=sha, size=10, format="whatsapp",
                                   importer_version="1", tz="Asia/Riyadh")
        added = session.add_messages(messages, sid)
        session.finish_source(sid, path="chat.txt", added=added, seen=len(messages), skipped=[(3, "bad date")])
    return added


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    original = [_msg("مرحبا 👋", 1), _msg("", 2, sender="ريم", attachment=AttachmentKind.IMAGE,
                                          attachment_name="IMG-1.jpg"),
                _msg("انضم أحمد", 3, sender="", is_system=True)]
    assert _import(store, original) == 3
    store.close()

    store = Store.open(tmp_path / "g.sqlite3")
    [conv] = store.conversations()
    assert conv.title == "الصف الثاني ب" and conv.is_group and conv.messages == 3
    assert set(conv.participants) == {"سارة", "ريم"}
    back = store.messages(conv.id)
    for before, after in zip(original, back):
        assert after.text == before.text and after.raw == before.raw
        assert after.sender == before.sender and after.timestamp == before.timestamp
        assert after.timestamp.utcoffset() == timedelta(hours=3)
        assert after.attachment == before.attachment and after.attachment_name == before.attachment_name
        assert after.is_system == before.is_system and after.position == before.position
    [source] = store.sources()
    assert source.sha256 == "aa" and source.skipped == ((3, "bad date"),)


def test_reimport_adds_nothing_and_overlap_adds_only_new(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    first = [_msg("اهلا", 1), _msg("ok", 2), _msg("ok", 2)]   # a repeated "ok" is two messages
    assert _import(store, first) == 3
    assert _import(store, first, sha="bb") == 0
    newer = first + [_msg("جديد", 5)]
    assert _import(store, newer, sha="cc") == 1
    assert store.message_count() == 4


def test_overlapping_exports_in_one_import_add_each_message_once(tmp_path: Path) -> None:
    # An old and a newer export of one chat picked together: repeats are
    # counted within each source, so the second "ok" of each file is the
    # same message, not a third one.
    store = Store.open(tmp_path / "g.sqlite3")
    older = [_msg("اهلا", 1), _msg("ok", 2), _msg("ok", 2)]
    newer = older + [_msg("ok", 2), _msg("جديد", 5)]
    with store.import_session() as session:
        added = []
        for sha, messages in (("aa", older), ("bb", newer), ("cc", older)):
            sid = session.begin_source(path="chat.txt", sha256=sha, size=10, format="whatsapp",
                                       importer_version="1", tz="Asia/Riyadh")
            added.append(session.add_messages(messages, sid))
    assert added == [3, 2, 0]
    assert store.message_count() == 5


def test_an_import_whose_messages_refer_to_a_missing_row_commits_nothing(tmp_path: Path) -> None:
    # SQLite does not check references while an import runs (for speed);
    # the import checks them before it commits.
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("قبل", 1)])
    with pytest.raises(StoreError, match="nothing was imported"):
        with store.import_session() as session:
            sid = session.begin_source(path="x", sha256="zz", size=1, format="whatsapp",
                                       importer_version="1", tz="UTC")
            session.add_messages([_msg("بعد", 2, sender="ريم")], sid)
            store.connection.execute("DELETE FROM participants WHERE id = (SELECT max(id) FROM participants)")
    assert store.message_count() == 1 and len(store.sources()) == 1
    assert store.connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
    _import(store, [_msg("بعد", 2, sender="ريم")], sha="yy")
    assert store.connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert store.connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_conversations_are_kept_apart(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("a", 1, conv=_conv("one")), _msg("a", 1, conv=_conv("two"))])
    assert len(store.conversations()) == 2


def test_failed_import_rolls_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("قبل", 1)])
    with pytest.raises(RuntimeError):
        with store.import_session() as session:
            sid = session.begin_source(path="x", sha256="zz", size=1, format="whatsapp",
                                       importer_version="1", tz="UTC")
            session.add_messages([_msg("بعد", 2)], sid)
            raise RuntimeError("crash in the middle")
    assert store.message_count() == 1 and len(store.sources()) == 1


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


@pytest.mark.parametrize("checkpoint", [False, True])
def test_database_files_hold_no_plaintext(tmp_path: Path, checkpoint: bool) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    store = Store.open(folder / "g.sqlite3")
    _import(store, [_msg(DISTINCTIVE, 1, sender="ZebraSenderName")])
    if checkpoint:
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = _all_bytes(folder)       # the database, its WAL and shared-memory files
    store.close()
    data += _all_bytes(folder)
    needles = [DISTINCTIVE, DISTINCTIVE[5:25], "zebra-quartz-7731", "ZebraSenderName", "الصف الثاني ب"]
    for needle in needles:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert needle.encode(encoding) not in data, (needle, encoding)


def test_keyring_holds_the_key(tmp_path: Path, memory_keyring: object) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("سر", 1)])
    store.close()
    assert any(user.startswith("data-key:") for _service, user in memory_keyring.secrets)  # type: ignore[attr-defined]
    reopened = Store.open(tmp_path / "g.sqlite3")
    assert reopened.message_count() == 1


def test_no_keyring_needs_a_passphrase(tmp_path: Path, no_keyring: None) -> None:
    with pytest.raises(LockedError, match="GUARDIAN_PASSPHRASE"):
        Store.open(tmp_path / "g.sqlite3")
    store = Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="correct horse"))
    _import(store, [_msg("سر", 1)])
    store.close()
    with pytest.raises(LockedError):
        Store.open(tmp_path / "g.sqlite3")
    with pytest.raises(WrongPassphrase):
        Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="wrong horse"))
    asked: list[bool] = []
    prompted = Store.open(tmp_path / "g.sqlite3",
                          Unlock(prompt=lambda creating: asked.append(creating) or "correct horse"))
    assert asked == [False] and prompted.message_count() == 1


def test_changing_the_passphrase_rewraps_without_reencrypting(tmp_path: Path, no_keyring: None) -> None:
    store = Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="old"))
    _import(store, [_msg("سر", 1)])
    before = store.connection.execute("SELECT content FROM messages").fetchone()[0]
    store.set_passphrase("new")
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="old"))
    store = Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="new"))
    assert store.connection.execute("SELECT content FROM messages").fetchone()[0] == before


def test_ephemeral_store_leaves_no_key_anywhere(tmp_path: Path, memory_keyring: object) -> None:
    store = Store.open(tmp_path / "g.sqlite3", Unlock(ephemeral=True))
    _import(store, [_msg("سر", 1)])
    assert store.connection.execute("SELECT COUNT(*) FROM keyslots").fetchone()[0] == 0
    assert memory_keyring.secrets == {}  # type: ignore[attr-defined]
    store.close()
    with pytest.raises(LockedError):
        Store.open(tmp_path / "g.sqlite3")


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    Store.open(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == before


def test_corrupt_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    junk = b"this is not a database" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="not a readable Guardian database"):
        Store.open(path)
    assert path.read_bytes() == junk


def test_findings_and_review_survive_reanalysis(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("يا غبي", 1)])
    [message] = store.messages(store.conversations()[0].id)
    finding = Finding(message_id=message.id or 0, categories=("insult",), scores={"insult": 0.93},
                      severity=Severity.MEDIUM, spans=(Span(3, 6, "insult"),), explanation="شرح")
    store.save_findings([finding], "test-1")
    [saved] = store.findings()
    store.set_review(saved.id or 0, ReviewState.IMPORTANT, "تحدثنا مع المدرسة")
    store.save_findings([finding], "test-2")
    [again] = store.findings()
    assert again.review is ReviewState.IMPORTANT and again.note == "تحدثنا مع المدرسة"
    assert again.spans == (Span(3, 6, "insult"),) and again.severity is Severity.MEDIUM
    assert store.integrity_ok()


def test_set_child(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("a", 1, sender="ريم"), _msg("b", 2, sender="سارة")])
    cid = store.conversations()[0].id
    store.set_child(cid, "ريم")
    assert store.conversations()[0].child == "ريم"
    with pytest.raises(KeyError):
        store.set_child(cid, "مجهول")
    assert store.conversations()[0].child == "ريم"


def test_message_requires_aware_time() -> None:
    with pytest.raises(ValueError):
        Message(conversation=_conv(), sender="a", timestamp=datetime(2025, 1, 1), text="x", raw="x",
                position=1)
    utc = datetime(2025, 1, 1, tzinfo=timezone.utc)
    assert Message(conversation=_conv(), sender="a", timestamp=utc, text="x", raw="x", position=1)


def _finding(message: Message) -> Finding:
    return Finding(message_id=message.id or 0, categories=("insult",), scores={"insult": 0.9},
                   severity=Severity.LOW, spans=(), explanation="")


def test_finding_messages_in_time_order_with_sender_and_text(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg("اهلا", 1), _msg("يا غبي", 2, sender="ريم"), _msg("انضم أحمد", 3, sender="",
                                                                         is_system=True),
                    _msg("يا حمار", 4)])
    cid = store.conversations()[0].id
    messages = store.messages(cid)
    flagged = [messages[3], messages[1], messages[2]]
    store.save_findings([_finding(m) for m in flagged], "test-1")
    rows = list(store.finding_messages())
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [
        (messages[1].id, cid, "ريم", "يا غبي"), (messages[2].id, cid, "", "انضم أحمد"),
        (messages[3].id, cid, "سارة", "يا حمار")]
    assert [r[3] for r in rows] == [messages[1].timestamp, messages[2].timestamp, messages[3].timestamp]
    assert rows[0][4] == int(messages[1].timestamp.timestamp() * 1000)


def test_messages_around_a_message(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "g.sqlite3")
    _import(store, [_msg(f"m{i}", i) for i in range(20)])
    cid = store.conversations()[0].id
    messages = store.messages(cid)
    around = store.messages_around(cid, messages[10].id or 0, before=3, after=2)
    assert [m.text for m in around] == ["m7", "m8", "m9", "m10", "m11", "m12"]
    first = store.messages_around(cid, messages[1].id or 0, before=5, after=1)
    assert [m.text for m in first] == ["m0", "m1", "m2"]
    assert store.messages_around(cid, 10_000) == []


def test_new_stores_have_16_kb_pages_and_older_stores_keep_theirs(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    store = Store.open(path)
    _import(store, [_msg("أول رسالة", 1)])
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA page_size").fetchone()[0] == 16384
    # As a store made before 16 KB pages: 4 KB pages.
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA page_size = 4096")
    con.execute("VACUUM")
    con.execute("PRAGMA journal_mode = WAL")
    assert con.execute("PRAGMA page_size").fetchone()[0] == 4096
    con.close()
    store = Store.open(path)
    _import(store, [_msg("ثانية", 2)], sha="bb")
    [summary] = store.conversations()
    assert [m.text for m in store.messages(summary.id)] == ["أول رسالة", "ثانية"]
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
