"""What is left on disk: logs never hold chat text, and delete-all leaves
none of a distinctive message's bytes anywhere under the data folder."""

from __future__ import annotations

from pathlib import Path

from guardian import paths
from guardian.cli import main

MARKER = "كلمة-سرية-للاختبار zebra-7731-quartz"


def _export(tmp_path: Path) -> Path:
    export = tmp_path / "WhatsApp Chat with سارة.txt"
    export.write_text(
        "٥\u200f/١٠\u200f/٢٠٢٥، ٩:٠٠ م - سارة: مرحبا ريم\n"
        f"٥\u200f/١٠\u200f/٢٠٢٥، ٩:٠١ م - ريم: {MARKER}\n"
        "٥\u200f/١٠\u200f/٢٠٢٥، ٩:٠٢ م - سارة: يا غبية محد يحبك\n", encoding="utf-8")
    return export


def _everything_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_logs_never_hold_message_text(tmp_path: Path, guardian_home: Path) -> None:
    export = _export(tmp_path)
    assert main(["import", str(export), "--child", "ريم"]) == 0
    assert main(["list"]) == 0
    assert main(["import", str(tmp_path / "missing.txt")]) == 3
    log_bytes = _everything_under(paths.locations().logs)
    assert b"guardian" in log_bytes, "the log was written"
    for needle in (MARKER, "zebra-7731", "يا غبية", "مرحبا ريم"):
        assert needle.encode("utf-8") not in log_bytes


def test_delete_all_leaves_no_trace(tmp_path: Path, guardian_home: Path, memory_keyring: object) -> None:
    export = _export(tmp_path)
    assert main(["import", str(export), "--child", "ريم"]) == 0
    assert memory_keyring.secrets  # type: ignore[attr-defined]
    assert main(["delete-all"]) == 2          # nothing happens without --yes
    assert paths.locations().database.exists()
    assert main(["delete-all", "--yes"]) == 0
    assert not memory_keyring.secrets  # type: ignore[attr-defined]
    left = _everything_under(guardian_home) if guardian_home.exists() else b""
    for needle in (MARKER, "zebra-7731"):
        for encoding in ("utf-8", "utf-16-le"):
            assert needle.encode(encoding) not in left
    assert not paths.locations().database.exists()
