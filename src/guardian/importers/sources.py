"""Turn what the parent picked (a file, a .zip, a folder) into `Source`s.

Zips are read in place, never extracted, and are treated as hostile: member
paths that climb out of the archive are refused, and the total uncompressed
size, the compression ratio, the member count and the nesting depth are
bounded, so a zip bomb is refused before it is inflated.  Whatever goes
wrong inside a damaged zip (bad CRC, an unsupported compression method, a
password, a truncated stream) surfaces as `BadExport`, never as a zipfile
or zlib exception.

Only regular files are read: a device (`/dev/zero`), a FIFO or a socket is
refused before anything reads it.  A file is hashed only once it is known
to be a chat export (`PickedFile.sha256` is computed on first use), so the
photos and videos of an export folder are never read in full.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from guardian.importers.base import BadExport, Origin, Source

MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_TOTAL_BYTES = 8 * 1024**3          # what all members may inflate to
MAX_ZIP_RATIO = 200                        # inflated / compressed, per member
MAX_ZIP_DEPTH = 2                          # a zip inside a zip, no deeper
MAX_NESTED_ZIP_BYTES = 512 * 1024**2       # a nested zip is read into memory
MAX_FOLDER_FILES = 50_000
_RATIO_FLOOR_BYTES = 1024**2               # tiny members may compress well


# What the zipfile module and the decompressors raise on damaged or hostile
# archives (RuntimeError: encrypted member; NotImplementedError: unsupported
# compression; EOFError: truncated stream; struct.error: short headers).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError,
               ValueError, struct.error)


@dataclass(frozen=True)
class PickedFile:
    """A file the parent picked, with the hash that proves which one."""

    path: Path
    size: int

    @functools.cached_property
    def sha256(self) -> str:
        """Computed on first use: only for files that are imported."""
        try:
            return sha256_of(self.path)
        except OSError as exc:
            raise BadExport(str(self.path), f"cannot be read ({exc.strerror or exc})") from None


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
        info = path.stat()
    except OSError as exc:
        raise BadExport(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise BadExport(str(path), "is not a regular file (a device, pipe or socket); refused")
    if info.st_size == 0:
        raise BadExport(str(path), "the file is empty")
    picked = PickedFile(path, info.st_size)
    if _is_zipfile(path):
        yield from ((picked, s) for s in _expand_zip_file(path))
    else:
        yield picked, _file_source(path, path.parent, path.stem, _listing(path.parent))


def _expand_folder(root: Path) -> Iterator[tuple[PickedFile, Source]]:
    files: list[Path] = []
    for folder, _dirs, names in os.walk(root):   # never follows symlinked folders
        for name in sorted(names):
            files.append(Path(folder) / name)
            if len(files) > MAX_FOLDER_FILES:
                raise BadExport(str(root), f"the folder holds more than {MAX_FOLDER_FILES} files")
    files.sort()
    listings: dict[Path, _Listing] = {}
    for file in files:
        try:
            info = file.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            continue   # symlinks, devices, pipes, empty files
        picked = PickedFile(file, info.st_size)
        if _is_zipfile(file):
            try:
                yield from ((picked, s) for s in _expand_zip_file(file))
            except BadExport:
                continue  # a broken zip among other files is not the parent's export
        else:
            if file.parent not in listings:
                listings[file.parent] = _listing(file.parent)
            yield picked, _file_source(file, file.parent, file.stem, listings[file.parent])


class _Siblings(Sequence[str]):
    """The names of the other files of a folder or zip, shared rather than
    copied for every member: a tuple per member would make a folder or zip
    of n files hold n² names (20,000 files: 400 million, gigabytes)."""

    __slots__ = ("_names", "_index", "_exclude", "_materialized")

    def __init__(self, names: tuple[str, ...], index: frozenset[str], exclude: str) -> None:
        self._names = names
        self._index = index
        self._exclude = exclude
        self._materialized: tuple[str, ...] | None = None

    def __iter__(self) -> Iterator[str]:
        return (name for name in self._names if name != self._exclude)

    def __contains__(self, name: object) -> bool:
        return name != self._exclude and name in self._index

    def __len__(self) -> int:
        return len(self._tuple())

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self._tuple()[index]

    def _tuple(self) -> tuple[str, ...]:
        if self._materialized is None:
            self._materialized = tuple(name for name in self._names if name != self._exclude)
        return self._materialized

    def __repr__(self) -> str:
        return f"_Siblings({len(self._names)} names without {self._exclude!r})"


_Listing = tuple[tuple[str, ...], frozenset[str]]


def _listing(folder: Path) -> _Listing:
    """Names of the regular files in `folder` (sorted, and as a set), read
    once per folder (not once per file: n² stat calls for n files)."""
    names: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return (), frozenset()
    for entry in entries:
        try:
            if entry.is_file(follow_symlinks=False):
                names.append(entry.name)
        except OSError:
            continue
    return tuple(sorted(names)), frozenset(names)


def _is_zipfile(path: Path) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def _file_source(file: Path, folder: Path, title_hint: str, listing: _Listing) -> Source:
    siblings = _Siblings(listing[0], listing[1], file.name)
    return Source(name=file.name, display_path=str(file), size=file.stat().st_size,
                  _opener=lambda member: open(folder / member, "rb"),
                  siblings=siblings, title_hint=title_hint, origin=Origin(file))  # type: ignore[arg-type]



def _expand_zip_file(path: Path) -> Iterator[Source]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, *_ZIP_ERRORS) as exc:
        raise BadExport(str(path), f"the zip file is damaged ({_zip_problem(exc)})") from None
    yield from _expand_zip(archive, str(path), Path(path).stem, depth=1, on_disk=Path(path))


def _zip_problem(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) and "password" in str(exc).lower():
        return "it is protected by a password"
    if isinstance(exc, NotImplementedError):
        return "it uses a compression method Guardian cannot read"
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _safe_member_name(name: str) -> bool:
    pure = PurePosixPath(name.replace("\\", "/"))
    return not (pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]))


def _expand_zip(archive: zipfile.ZipFile, display: str, title_hint: str, depth: int,
                on_disk: Path | None = None) -> Iterator[Source]:
    """The sources in `archive`; `on_disk`: the archive's file, unless it is
    nested in another zip."""
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
    index = frozenset(names)
    # The member list comes from the central directory, but a member's real
    # size is only known while inflating: _BoundedReader enforces it.
    sizes = {i.filename: i.file_size for i in infos}

    def opener(member: str) -> io.BufferedIOBase:
        member_display = f"{display}!/{member}"
        try:
            inner = archive.open(member)
        except _ZIP_ERRORS as exc:
            raise BadExport(member_display, f"cannot be read from the zip ({_zip_problem(exc)})") from None
        raw = _BoundedReader(inner, sizes[member], member_display)
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
            except _ZIP_ERRORS:
                continue
            yield from _expand_zip(inner, member_display, PurePosixPath(info.filename).stem, depth + 1)
            continue
        yield Source(name=info.filename, display_path=member_display, size=info.file_size,
                     _opener=opener, siblings=_Siblings(names, index, info.filename),  # type: ignore[arg-type]
                     title_hint=title_hint,
                     origin=Origin(on_disk, info.filename) if on_disk is not None else None)


def open_origin(origin: Origin, size: int) -> io.BufferedIOBase:
    """A source's bytes from the start, opened anew (by another process,
    say): the file, or the zip member held to its declared `size`."""
    if origin.member is None:
        return open(origin.path, "rb")
    display = f"{origin.path}!/{origin.member}"
    try:
        with zipfile.ZipFile(origin.path) as archive:
            inner = archive.open(origin.member)    # stays open after the archive object closes
    except (OSError, *_ZIP_ERRORS) as exc:
        raise BadExport(display, f"cannot be read from the zip ({_zip_problem(exc)})") from None
    return io.BufferedReader(_BoundedReader(inner, size, display), buffer_size=1 << 16)


def _looks_like_zip(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    if info.file_size < 4:
        return False
    try:
        with archive.open(info) as f:
            return f.read(4) == b"PK\x03\x04"
    except _ZIP_ERRORS:
        return False   # a member that cannot be read is not a nested zip; reading it fails later


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
        try:
            data = self._inner.read(len(buffer))
        except _ZIP_ERRORS as exc:
            raise BadExport(self._display, f"the zip member is damaged ({_zip_problem(exc)})") from None
        if len(data) > self._left:
            raise BadExport(self._display, "the zip member is larger than its header says; refused")
        self._left -= len(data)
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()
