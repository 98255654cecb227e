"""An import pauses Python's cycle collector (`collector.collector_paused`)
and always leaves it as it found it."""

from __future__ import annotations

import gc
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from guardian.importers.base import Cancelled
from guardian.importing import ImportProgress, import_paths
from guardian.store.database import Store

RIYADH = ZoneInfo("Asia/Riyadh")
EXPORT = "".join(f"12/07/2017, 22:{i:02d} - Sami: hi {i}\n" for i in range(40))


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "WhatsApp Chat with Sami.txt"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_paused_while_importing_and_enabled_after(export: Path, tmp_path: Path,
                                                  collector_enabled: None) -> None:
    during: list[bool] = []

    def progress(_: ImportProgress) -> None:
        during.append(gc.isenabled())

    with Store.open(tmp_path / "g.sqlite3") as store:
        report = import_paths(store, [export], tz=RIYADH, tz_name="Asia/Riyadh", progress=progress)
    assert report.added == 40
    assert during and not any(during)
    assert gc.isenabled()


def test_enabled_again_after_a_cancelled_import(export: Path, tmp_path: Path,
                                                collector_enabled: None) -> None:
    with Store.open(tmp_path / "g.sqlite3") as store, pytest.raises(Cancelled):
        import_paths(store, [export], tz=RIYADH, tz_name="Asia/Riyadh", should_stop=lambda: True)
    assert gc.isenabled()


def test_left_disabled_when_it_was(export: Path, tmp_path: Path, collector_enabled: None) -> None:
    gc.disable()
    with Store.open(tmp_path / "g.sqlite3") as store:
        import_paths(store, [export], tz=RIYADH, tz_name="Asia/Riyadh")
    assert not gc.isenabled()
