"""Every page of the database is read once before the first import
(`Store.open` runs quick_check; the import does not repeat it) and again
before each later import in a long-running session, since the file may
have been damaged since it was opened."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from guardian.importing import import_paths
from guardian.store.database import Store

RIYADH = ZoneInfo("Asia/Riyadh")


def _export(folder: Path, name: str, minutes: range) -> Path:
    path = folder / f"WhatsApp Chat with {name}.txt"
    path.write_text("".join(f"12/07/2017, 22:{i:02d} - {name}: hi {i}\n" for i in minutes),
                    encoding="utf-8")
    return path


def test_quick_check_once_per_open_then_before_each_import(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite3"
    with Store.open(db) as store:           # a new file: nothing to check yet
        import_paths(store, [_export(tmp_path, "Sami", range(10))], tz=RIYADH, tz_name="Asia/Riyadh")
    statements: list[str] = []
    with Store.open(db) as store:
        assert store.checked_at_open
        store.connection.set_trace_callback(statements.append)
        for name in ("Huda", "Rami", "Lina"):
            import_paths(store, [_export(tmp_path, name, range(5))], tz=RIYADH, tz_name="Asia/Riyadh")
        store.connection.set_trace_callback(None)
    checks = [s for s in statements if "quick_check" in s]
    assert len(checks) == 2, checks         # not before the first import, before each later one
    assert not store.checked_at_open
