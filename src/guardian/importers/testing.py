"""Helpers for importer tests and benchmarks: build a `Source` from bytes
or from a path on disk without going through the dispatch layer."""

from __future__ import annotations

import io
from pathlib import Path

from guardian.importers.base import Origin, Source


def source_from_bytes(data: bytes, name: str = "export.txt", title_hint: str = "",
                      siblings: dict[str, bytes] | None = None) -> Source:
    files = {name: data, **(siblings or {})}
    return Source(name=name, display_path=name, size=len(data),
                  _opener=lambda member: io.BytesIO(files[member]),
                  siblings=tuple(n for n in files if n != name), title_hint=title_hint)


def source_from_path(path: Path) -> Source:
    """A file on disk; the other files of its folder are its siblings."""
    folder = path.parent
    siblings = tuple(p.name for p in sorted(folder.iterdir()) if p.is_file() and p != path)
    return Source(name=path.name, display_path=str(path), size=path.stat().st_size,
                  _opener=lambda member: open(folder / member, "rb"),
                  siblings=siblings, title_hint=path.stem, origin=Origin(path))
