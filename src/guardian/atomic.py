"""Files that appear whole or not at all: write to a temporary file in the
target folder, flush it to disk, then rename it over the target."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomic(target: Path, write: Callable[[BinaryIO], None]) -> None:
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    remove_leftovers(target)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_atomic(target, lambda f: f.write(text.encode("utf-8")))


def write_bytes_atomic(target: Path, data: bytes) -> None:
    write_atomic(target, lambda f: f.write(data))


def remove_leftovers(target: Path) -> None:
    """Delete temporary files an earlier, killed write of `target` left
    behind: they may hold chat text and must not linger."""
    folder = target.parent if str(target.parent) else Path(".")
    for leftover in folder.glob(f".{target.name}.*.part"):
        leftover.unlink(missing_ok=True)
