"""Turn what the parent picked (a file, a .zip, a folder) into `Source`s.

Zips are read in place, never extracted, and are treated as hostile: member
paths that climb out of the archive are refused, and the total uncompressed
size, the compression ratio, the member count and the nesting depth are
bounded, so a zip bomb is refused before it is inflated.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from guardian.importers.base import BadExport, Source

MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_TOTAL_BYTES = 8 * 1024**3          # what all members may inflate to
MAX_ZIP_RATIO = 200                        # inflated / compressed, per member
MAX_ZIP_DEPTH = 2                          # a zip inside a zip, no deeper
MAX_NESTED_ZIP_BYTES = 512 * 1024**2       # a nested zip is read into memory
MAX_FOLDER_FILES = 50_000
_RATIO_FLOOR_BYTES = 1024**2               # tiny members may compress well


@dataclass(frozen=True)
class PickedFile:
    """A file the parent picked, with the hash that proves which one."""

    path: Path
    sha256: str
    size: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def expand(path: Path) -> Iterator[tuple[PickedFile, Source]]:
    """Every candidate Source inside `path`, with the file it came from."""
    path = Path(path)
    if not path.exists():
        raise BadExport(str(path), "the file or folder does not exist")
    if path.is_dir():
        yield from _expand_folder(path)
        return
    try:
        size = path.stat().st_size
        picked = PickedFile(path, sha256_of(path), size)
    except OSError as exc:
        raise BadExport(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise BadExport(str(path), "the file is empty")
    if zipfile.is_zipfile(path):
        yield from ((picked, s) for s in _expand_zip_file(path))
    else:
        yield picked, _file_source(path, path.parent, path.stem)


def _expand_folder(root: Path) -> Iterator[tuple[PickedFile, Source]]:
    files: list[Path] = []
    for folder, _dirs, names in os.walk(root):
        for name in sorted(names):
            files.append(Path(folder) / name)
            if len(files) > MAX_FOLDER_FILES:
                raise BadExport(str(root), f"the folder holds more than {MAX_FOLDER_FILES} files")
    files.sort()
    for file in files:
        if file.is_symlink() or not file.is_file() or file.stat().st_size == 0:
            continue
        picked = PickedFile(file, sha256_of(file), file.stat().st_size)
        if zipfile.is_zipfile(file):
            try:
                yield from ((picked, s) for s in _expand_zip_file(file))
            except BadExport:
                continue  # a broken zip among other files is not the parent's export
        else:
            yield picked, _file_source(file, file.parent, file.stem)


def _file_source(file: Path, folder: Path, title_hint: str) -> Source:
    siblings = tuple(sorted(p.name for p in folder.iterdir() if p.is_file() and p != file))
    return Source(name=file.name, display_path=str(file), size=file.stat().st_size,
                  _opener=lambda member: open(folder / member, "rb"),
                  siblings=siblings, title_hint=title_hint)


def _expand_zip_file(path: Path) -> Iterator[Source]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadExport(str(path), f"the zip file is damaged ({exc})") from None
    yield from _expand_zip(archive, str(path), Path(path).stem, depth=1)


def _safe_member_name(name: str) -> bool:
    pure = PurePosixPath(name.replace("\\", "/"))
    return not (pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]))


def _expand_zip(archive: zipfile.ZipFile, display: str, title_hint: str, depth: int) -> Iterator[Source]:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_ZIP_MEMBERS:
        raise BadExport(display, f"the zip holds more than {MAX_ZIP_MEMBERS} files")
    total = 0
    for info in infos:
        if not _safe_member_name(info.filename):
            raise BadExport(display, f"the zip contains an unsafe path ({info.filename!r}); refused")
        total += info.file_size
        if total > MAX_ZIP_TOTAL_BYTES:
            raise BadExport(display, "the zip would unpack to more than 8 GB; refused")
        if (info.file_size > _RATIO_FLOOR_BYTES
                and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)):
            raise BadExport(display, f"{info.filename} is compressed suspiciously well "
                                     "(a zip bomb?); refused")
    names = tuple(i.filename for i in infos)
    # The member list comes from the central directory, but a member's real
    # size is only known while inflating: _BoundedReader enforces it.
    sizes = {i.filename: i.file_size for i in infos}

    def opener(member: str) -> io.BufferedIOBase:
        raw = _BoundedReader(archive.open(member), sizes[member], f"{display}!/{member}")
        return io.BufferedReader(raw, buffer_size=1 << 16)

    for info in infos:
        member_display = f"{display}!/{info.filename}"
        if info.filename.lower().endswith(".zip") or _looks_like_zip(archive, info):
            if depth >= MAX_ZIP_DEPTH:
                raise BadExport(display, f"{info.filename}: zips nested too deep; refused")
            if info.file_size > MAX_NESTED_ZIP_BYTES:
                raise BadExport(display, f"{info.filename}: nested zip too large; refused")
            data = _read_bounded(opener(info.filename), info.file_size)
            try:
                inner = zipfile.ZipFile(io.BytesIO(data))
            except zipfile.BadZipFile:
                continue
            yield from _expand_zip(inner, member_display, PurePosixPath(info.filename).stem, depth + 1)
            continue
        yield Source(name=info.filename, display_path=member_display, size=info.file_size,
                     _opener=opener, siblings=tuple(n for n in names if n != info.filename),
                     title_hint=title_hint)


def _looks_like_zip(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    if info.file_size < 4:
        return False
    with archive.open(info) as f:
        return f.read(4) == b"PK\x03\x04"


def _read_bounded(stream: io.BufferedIOBase, limit: int) -> bytes:
    with stream:
        return stream.read(limit + 1)[:limit + 1]


class _BoundedReader(io.RawIOBase):
    """A zip member stream that fails cleanly if it inflates beyond the size
    its header declared (a lying header is how some zip bombs work)."""

    def __init__(self, inner: io.BufferedIOBase, limit: int, display: str) -> None:
        self._inner = inner
        self._left = limit
        self._display = display

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        if len(data) > self._left:
            raise BadExport(self._display, "the zip member is larger than its header says; refused")
        self._left -= len(data)
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()
