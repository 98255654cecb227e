"""The bundled demo: a fictional classmates' WhatsApp group, imported into a
throwaway store whose key only ever lives in memory."""

from __future__ import annotations

import tempfile
from pathlib import Path

from guardian import paths
from guardian.importing import ImportReport, import_paths
from guardian.store.database import Store, Unlock

DEMO_CHILD = "ريم"
DEMO_TZ = "Asia/Riyadh"


def demo_export() -> Path:
    exports = sorted((paths.assets_dir() / "demo").glob("*.txt"))
    if not exports:
        raise FileNotFoundError(f"{paths.assets_dir() / 'demo'}: the demo export is missing")
    return exports[0]


def open_demo_store(folder: Path | None = None) -> tuple[Store, ImportReport, tempfile.TemporaryDirectory[str] | None]:
    """A fresh ephemeral store holding the demo export.  When no folder is
    given, a temporary one is made; the caller cleans it up after closing
    the store."""
    from guardian.timezones import zone
    holder = None
    if folder is None:
        holder = tempfile.TemporaryDirectory(prefix="guardian-demo-")
        folder = Path(holder.name)
    store = Store.open(folder / "demo.sqlite3", Unlock(ephemeral=True))
    report = import_paths(store, [demo_export()], tz=zone(DEMO_TZ), tz_name=DEMO_TZ, child=DEMO_CHILD)
    return store, report, holder
