"""Hostile files are refused cleanly, quickly and in bounded memory.

Every case runs `guardian import` (the CLI's `main`) in a fresh process and
checks its exit code (3: bad input, a one-line message naming the file),
its wall time and how far its peak memory rose.  Importers that exist but
are not registered yet are driven through `import_paths(explicit=...)`.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from trust_helpers import (
    FIXTURES,
    Measured,
    importer_ready,
    run_cli_measured,
    run_import_measured,
    store_snapshot,
    telegram_json_export,
)

FAST_SECONDS = 10          # a refusal takes well under a second; CI machines are slow
SMALL_GROWTH_MB = 150
TELEGRAM = FIXTURES / "telegram" / "single_chat.json"


def _refused(result: Measured, *names: str) -> str:
    assert result.code == 3, f"exit {result.code}:\n{result.stderr[-3000:]}"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("guardian: "), result.stderr[-3000:]
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def _bounded(result: Measured, seconds: float = FAST_SECONDS, growth_mb: float = SMALL_GROWTH_MB) -> None:
    assert result.seconds < seconds, f"took {result.seconds:.1f} s"
    assert result.peak_growth_mb < growth_mb, f"peak memory rose by {result.peak_growth_mb:.0f} MB"


def _import(home: Path, *paths: Path, module: str | None = None, **kw: object) -> Measured:
    return run_import_measured(list(paths), home, module, **kw)  # type: ignore[arg-type]


# --- zips ---------------------------------------------------------------------------


def _zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, compress_type=method)
    return out.getvalue()


def _forge_sizes(data: bytes, uncompressed: int) -> bytes:
    """Rewrite every member's declared uncompressed size, in the local and
    the central headers (a zip whose headers lie)."""
    buf = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = buf.find(sig)
        while at != -1:
            struct.pack_into("<I", buf, at + offset, uncompressed)
            at = buf.find(sig, at + 4)
    return bytes(buf)


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("result.json", "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(300):           # 300 MB of zeros, about 300 KB on disk
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    result = _import(tmp_path / "home", path)
    assert "zip bomb" in _refused(result, str(path))
    _bounded(result)


def test_zip_claiming_more_than_8_gb_is_refused(tmp_path: Path) -> None:
    # Three members that say they hold almost 4 GB each: 12 GB in all.
    data = _zip_of({f"part{i}.json": TELEGRAM.read_bytes() for i in range(3)}, zipfile.ZIP_STORED)
    path = tmp_path / "huge.zip"
    path.write_bytes(_forge_sizes(data, 0xFFFFFFF0))
    result = _import(tmp_path / "home", path)
    _refused(result, str(path))
    _bounded(result)


@pytest.mark.parametrize("declared", ["smaller", "larger"])
def test_zip_member_whose_header_lies_about_its_size_is_refused(declared: str, tmp_path: Path) -> None:
    export = telegram_json_export(tmp_path / "result.json", 3000)
    real = export.stat().st_size
    data = _zip_of({"result.json": export.read_bytes()})
    path = tmp_path / "liar.zip"
    path.write_bytes(_forge_sizes(data, real // 3 if declared == "smaller" else real * 2))
    home = tmp_path / "home"
    result = _import(home, path)
    _bounded(result)
    db = home / "data" / "guardian.sqlite3"
    if declared == "smaller":
        # Inflating past the declared size: refused, nothing stored.
        _refused(result, str(path))
        assert not db.exists() or store_snapshot(db)["messages"] == 0
    else:
        # Ending before the declared size with a matching CRC: the member
        # is whole, so it is imported or refused, never half-read.
        assert result.code in (0, 3), result.stderr
        if result.code == 0:
            assert store_snapshot(db)["messages"] == 3000


def test_zip_with_20000_members_stays_in_bounded_memory(tmp_path: Path) -> None:
    # Just under the member cap: 20,000 Sources that each list the others.
    members = {f"media/IMG-{i:05d}.jpg": b"\xff\xd8\xff" for i in range(19_999)}
    members["result.json"] = TELEGRAM.read_bytes()
    path = tmp_path / "many.zip"
    path.write_bytes(_zip_of(members, zipfile.ZIP_STORED))
    result = _import(tmp_path / "home", path)
    assert result.code == 0, result.stderr
    _bounded(result, seconds=60)


def test_zips_nested_deeper_than_two_are_refused(tmp_path: Path) -> None:
    inner = _zip_of({"result.json": TELEGRAM.read_bytes()})
    for level in range(3):
        inner = _zip_of({f"level{level}.zip": inner})
    path = tmp_path / "nested.zip"
    path.write_bytes(inner)
    result = _import(tmp_path / "home", path)
    assert "nested too deep" in _refused(result, str(path))
    _bounded(result)


def test_a_zip_inside_a_zip_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(_zip_of({"inner.zip": _zip_of({"result.json": TELEGRAM.read_bytes()})}))
    result = _import(tmp_path / "home", path)
    assert result.code == 0, result.stderr


@pytest.mark.parametrize("member", ["../../etc/passwd", "/etc/passwd", "C:\\x", "a/../../b.json",
                                    "..\\..\\windows\\win.ini"])
def test_zip_member_paths_that_escape_are_refused(member: str, tmp_path: Path) -> None:
    path = tmp_path / "traversal.zip"
    path.write_bytes(_zip_of({"result.json": TELEGRAM.read_bytes(), member: b"root:x:0:0"}))
    with zipfile.ZipFile(path) as archive:
        assert member in archive.namelist()
    result = _import(tmp_path / "home", path)
    assert "unsafe path" in _refused(result, str(path))
    _bounded(result)


@pytest.mark.parametrize("problem", ["encrypted", "unknown method", "truncated", "garbage"])
def test_damaged_zips_are_refused(problem: str, tmp_path: Path) -> None:
    data = bytearray(_zip_of({"result.json": TELEGRAM.read_bytes()}))
    if problem == "encrypted":
        struct.pack_into("<H", data, 6, 1)                              # local header flag bit 0
        struct.pack_into("<H", data, data.find(b"PK\x01\x02") + 8, 1)   # central header flag bit 0
    elif problem == "unknown method":
        struct.pack_into("<H", data, 8, 99)
        struct.pack_into("<H", data, data.find(b"PK\x01\x02") + 10, 99)
    elif problem == "truncated":
        end = data.find(b"PK\x01\x02")
        data[40:end] = zlib.compress(b"x")[:5] * ((end - 40) // 5) + b"\0" * ((end - 40) % 5)
    else:
        data[30:400] = os.urandom(370)
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(data))
    result = _import(tmp_path / "home", path)
    _refused(result, str(path))
    _bounded(result)


# --- files that are not files --------------------------------------------------------------


def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    result = run_cli_measured(["import", "/dev/zero"], tmp_path / "home")
    assert "not a regular file" in _refused(result, "/dev/zero")
    _bounded(result)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "chat.txt"
    os.mkfifo(fifo)
    result = run_cli_measured(["import", str(fifo)], tmp_path / "home", timeout=60)
    _refused(result, str(fifo))
    _bounded(result)


# --- folders ---------------------------------------------------------------------------


def test_folder_with_60000_files_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(60_000):
        (folder / f"{i:05d}.txt").touch()
    result = _import(tmp_path / "home", folder)
    assert "more than" in _refused(result, str(folder))
    _bounded(result)


def test_folder_with_many_small_files_is_not_quadratic(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(20_000):
        (folder / f"IMG-{i:05d}.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "result.json").write_bytes(TELEGRAM.read_bytes())
    result = _import(tmp_path / "home", folder)
    assert result.code == 0, result.stderr
    _bounded(result, seconds=60)


def test_symlink_loops_in_a_folder_are_passed_over(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "sub").mkdir(parents=True)
    (folder / "result.json").write_bytes(TELEGRAM.read_bytes())
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")
    result = _import(tmp_path / "home", folder)
    assert result.code == 0, result.stderr
    _bounded(result)
    loops_only = tmp_path / "loops"
    loops_only.mkdir()
    (loops_only / "x").symlink_to(loops_only / "y")
    (loops_only / "y").symlink_to(loops_only / "x")
    (loops_only / "up").symlink_to(loops_only, target_is_directory=True)
    result = _import(tmp_path / "home", loops_only)
    _refused(result, str(loops_only))
    _bounded(result)
    result = _import(tmp_path / "home", loops_only / "x")
    _refused(result)
    _bounded(result)


# --- text that is not what it claims ----------------------------------------------------------

_TELEGRAM_HEAD = ('{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"id": 1, '
                  '"type": "message", "date": "2024-01-01T00:00:00", "from": "x", "text": ')
_WHATSAPP_HEAD = "01/03/2024, 08:00 - خالد: "
_SMS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<smses count="1">\n'
             '<sms protocol="0" address="+966500000000" date="1709280000000" type="1" body="')
_DISCORD_CSV_HEAD = 'AuthorID,Author,Date,Content,Attachments,Reactions\n"1","x","2024-01-01T00:00:00+00:00","'
_SIGNAL_MD_HEAD = "[2024-03-01 08:00] Sara: "

# Importer module -> the start of a file it claims.
HEADS = {"telegram_json": _TELEGRAM_HEAD, "whatsapp": _WHATSAPP_HEAD, "sms_xml": _SMS_HEAD,
         "discord_csv": _DISCORD_CSV_HEAD, "signal_md": _SIGNAL_MD_HEAD}


def _module_or_skip(module: str) -> str:
    import importlib.util
    if importlib.util.find_spec(f"guardian.importers.{module}") is None:
        pytest.skip(f"guardian.importers.{module} does not exist yet")
    return module


@pytest.mark.slow
@pytest.mark.parametrize("module", sorted(HEADS))
def test_a_2_gb_line_is_refused_or_streamed(module: str, tmp_path: Path) -> None:
    _module_or_skip(module)
    path = tmp_path / "export.txt"
    with open(path, "wb") as f:
        f.write(HEADS[module].encode("utf-8"))
        f.truncate(2**31 + 1)       # sparse: one 2 GB line of NULs costs no disk
    result = _import(tmp_path / "home", path, module=module, timeout=600)
    assert result.code in (0, 3), f"exit {result.code}:\n{result.stderr[-3000:]}"
    _bounded(result, seconds=300, growth_mb=300)


def test_invalid_utf8_in_a_json_export_is_refused(tmp_path: Path) -> None:
    data = TELEGRAM.read_bytes().replace("مرحبا".encode(), b"\xff\xfe\xc0\x80", 1)
    path = tmp_path / "result.json"
    path.write_bytes(data)
    result = _import(tmp_path / "home", path)
    assert "UTF-8" in _refused(result, str(path))
    _bounded(result)


@pytest.mark.parametrize("module", sorted(HEADS))
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "broken-utf-8"])
def test_utf16_and_broken_utf8_files_are_handled(module: str, encoding: str, tmp_path: Path) -> None:
    _module_or_skip(module)
    text = HEADS[module] + "مرحبا 👋" + {"telegram_json": '"}]}', "sms_xml": '" /></smses>',
                                         "discord_csv": '",,'}.get(module, "") + "\n"
    data = (text.encode("utf-8").replace("مرحبا".encode(), b"\xd9\xff\x80") if encoding == "broken-utf-8"
            else text.encode(encoding))
    path = tmp_path / "export.txt"
    path.write_bytes(data * 50)
    result = _import(tmp_path / "home", path, module=module)
    assert result.code in (0, 3), f"exit {result.code}:\n{result.stderr[-3000:]}"
    if result.code == 3:
        _refused(result)
    _bounded(result)


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(_TELEGRAM_HEAD + "[" * 100_000 + "]" * 100_000 + "}]}", encoding="utf-8")
    result = _import(tmp_path / "home", path)
    assert "nested" in _refused(result, str(path))
    _bounded(result)
    bare = tmp_path / "brackets.json"
    bare.write_text("[" * 100_000, encoding="utf-8")
    result = _import(tmp_path / "home", bare)
    _refused(result, str(bare))
    _bounded(result)


@pytest.mark.parametrize("module", ["discord", "snapchat", "signal_json", "instagram", "messenger"])
def test_deeply_nested_json_is_refused_by_every_json_importer(module: str, tmp_path: Path) -> None:
    _module_or_skip(module)
    seed = {"discord": FIXTURES / "discord" / "direct_message.json",
            "snapchat": FIXTURES / "snapchat" / "chat_history_2023.json",
            "signal_json": FIXTURES / "signal" / "Sara" / "data.json",
            "instagram": next((FIXTURES / "meta" / "your_instagram_activity").rglob("message_1.json")),
            "messenger": next((FIXTURES / "meta" / "messages").rglob("message_1.json"))}[module]
    text = seed.read_text(encoding="utf-8")
    # Nest inside the first string value after the first 200 characters, so
    # that the head still looks like the format.
    at = text.index('"', text.index(":", 200)) if ":" in text[200:] else len(text) // 2
    path = tmp_path / seed.name
    path.write_text(text[:at] + "[" * 100_000 + "]" * 100_000 + "," + text[at:], encoding="utf-8")
    result = _import(tmp_path / "home", path, module=module)
    if module == "signal_json":
        # JSON Lines: the broken line is skipped and reported, the rest kept.
        assert result.code in (0, 3), result.stderr
    else:
        _refused(result)
    _bounded(result)


# --- XML ------------------------------------------------------------------------------------

_BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE smses [
 <!ENTITY a "ha">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<smses count="1">
<sms protocol="0" address="+966500000000" date="1709280000000" type="1" body="&i;" readable_date="" contact_name="x" />
</smses>
"""

_EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE smses [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<smses count="1">
<sms protocol="0" address="+966500000000" date="1709280000000" type="1" body="&secret;" contact_name="x" />
</smses>
"""

_EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE smses SYSTEM "http://192.0.2.1/evil.dtd">
<smses count="1">
<sms protocol="0" address="+966500000000" date="1709280000000" type="1" body="hi" contact_name="x" />
</smses>
"""


@pytest.mark.parametrize("name", ["billion_laughs", "external_entity", "external_dtd"])
def test_hostile_sms_xml_is_refused(name: str, tmp_path: Path) -> None:
    _module_or_skip("sms_xml")
    text = {"billion_laughs": _BILLION_LAUGHS, "external_entity": _EXTERNAL_ENTITY,
            "external_dtd": _EXTERNAL_DTD}[name]
    path = tmp_path / "sms-backup.xml"
    path.write_text(text, encoding="utf-8")
    home = tmp_path / "home"
    result = _import(home, path, module="sms_xml")
    _refused(result, str(path))
    _bounded(result)
    db = home / "data" / "guardian.sqlite3"
    if db.exists():
        assert store_snapshot(db)["messages"] == 0


def test_every_fixture_still_imports(tmp_path: Path) -> None:
    """The bounds above refuse nothing real: each registered format's
    fixtures import (a guard against over-tight limits)."""
    readiness = {m: importer_ready(m) for m in ("telegram_json", "discord")}
    paths = [TELEGRAM, FIXTURES / "telegram" / "full_account.json"]
    if readiness["discord"] is None:
        paths.append(FIXTURES / "discord" / "direct_message.json")
    result = _import(tmp_path / "home", *paths)
    assert result.code == 0, result.stderr
    assert run_cli_measured(["list", "--json"], tmp_path / "home").code == 0
