"""Helpers shared by the JSON-based importers (Telegram, Instagram/Messenger,
Discord): bounded loading, cheap content sniffing, time conversion and the
attachment-kind table.

Loading bound: these exports are single JSON documents with no streaming
structure worth the complexity, so each file is read whole with `json.loads`.
A file larger than `MAX_JSON_BYTES` is refused with a clean `BadExport`
instead of exhausting memory; real chat exports stay far below it (Telegram
puts even a full-account export of years of chats in a few hundred MB).
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from guardian.domain import AttachmentKind
from guardian.importers.base import BadExport, ParseContext, Source

MAX_JSON_BYTES = 512 * 1024 * 1024
PROGRESS_EVERY = 2000

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class SkipRecord(Exception):
    """One record is unusable; the importer reports it via `ctx.skip` and
    carries on.  The message is the plain-English reason."""


# --- reading -------------------------------------------------------------------


def read_capped(stream: BinaryIO, path: str, limit: int = MAX_JSON_BYTES) -> bytes:
    """Read a whole stream but never more than `limit` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise BadExport(path, _too_big(limit))
    return data


def decode_json(data: bytes, path: str) -> Any:
    """Parse JSON bytes (UTF-8, with or without BOM); any failure -> BadExport."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadExport(path, "the file is not UTF-8 text, so it is not a JSON export") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise BadExport(path, "the JSON is nested too deeply to be a chat export") from None
    except ValueError as exc:  # JSONDecodeError and over-long integer literals
        raise BadExport(path, f"the file is not valid JSON ({_short(exc)})") from None


def load_json(source: Source) -> Any:
    if source.size > MAX_JSON_BYTES:
        raise BadExport(source.display_path, _too_big(MAX_JSON_BYTES))
    try:
        with source.open() as stream:
            data = read_capped(stream, source.display_path)
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None
    return decode_json(data, source.display_path)


def load_sibling_json(source: Source, name: str) -> Any:
    path = sibling_display_path(source, name)
    try:
        with source.open_sibling(name) as stream:
            data = read_capped(stream, path)
    except OSError as exc:
        raise BadExport(path, f"the file could not be read ({exc.strerror or exc})") from None
    return decode_json(data, path)


def sibling_display_path(source: Source, name: str) -> str:
    """Best-effort display path of a sibling, for error messages."""
    if source.display_path.endswith(source.name):
        return source.display_path[: len(source.display_path) - len(source.name)] + name
    return f"{source.display_path} ({name})"


def same_folder_siblings(source: Source, pattern: re.Pattern[str]) -> dict[int, str]:
    """Siblings in the source's own folder whose file name matches `pattern`
    (one group: the part number) -> {part number: member name}."""
    folder = PurePosixPath(source.name).parent
    found: dict[int, str] = {}
    for member in source.siblings:
        path = PurePosixPath(member)
        if path.parent != folder:
            continue
        match = pattern.fullmatch(path.name)
        if match:
            found[int(match.group(1) or 1)] = member
    return found


def _too_big(limit: int) -> str:
    return (f"the file is larger than {limit // (1024 * 1024)} MB, "
            "which is more than Guardian can read at once")


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) <= 120 else text[:117] + "..."


# --- sniffing ------------------------------------------------------------------


def head_text(source: Source) -> str | None:
    """The start of the file as text, BOM removed; None when unreadable.
    A multi-byte character cut by the head boundary is dropped."""
    try:
        head = source.head()
    except Exception:  # sniffing must never raise, whatever the opener does
        return None
    if not isinstance(head, bytes):
        return None
    return head.decode("utf-8-sig", errors="ignore").lstrip("\ufeff \t\r\n")


@functools.lru_cache(maxsize=64)
def _key_pattern(key: str) -> re.Pattern[str]:
    # The look-behind ignores escaped quotes, i.e. the key text inside a string.
    return re.compile(r'(?<!\\)"' + re.escape(key) + r'"\s*:')


def has_key(text: str, key: str) -> bool:
    """True when `"key":` occurs in the JSON text as an object key."""
    return _key_pattern(key).search(text) is not None


def key_with_value(text: str, key: str, value_regex: str) -> bool:
    pattern = _key_pattern(key).pattern + r'\s*' + value_regex
    return re.search(pattern, text) is not None


# --- values --------------------------------------------------------------------


def scrub(text: str) -> str:
    """Replace lone UTF-16 surrogates (legal in JSON escapes, illegal in
    UTF-8) so that the text can be stored and shown."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def dump_raw(record: Any) -> str:
    """The record as evidence: canonical JSON, keys sorted, readable Unicode."""
    return scrub(json.dumps(record, ensure_ascii=False, sort_keys=True))


def as_int(value: Any) -> int | None:
    """An integer from an int or a decimal string; None otherwise.
    bool is excluded on purpose: True is not a timestamp."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,18}", value.strip()):
        return int(value.strip())
    return None


def from_epoch_ms(ms: int, tz: tzinfo) -> datetime:
    try:
        return (_EPOCH + timedelta(milliseconds=ms)).astimezone(tz)
    except (OverflowError, ValueError, OSError):
        raise SkipRecord("the timestamp is out of range") from None


def parse_iso(value: str, ctx: ParseContext) -> datetime:
    """ISO-8601 text -> aware datetime in the parent's zone; naive values
    are wall-clock times of the exporting computer (ctx.localize)."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise SkipRecord(f"the date {value[:40]!r} is not a valid date") from None
    if parsed.tzinfo is None:
        return ctx.localize(parsed)
    try:
        return parsed.astimezone(ctx.tz)
    except (OverflowError, ValueError, OSError):
        raise SkipRecord("the timestamp is out of range") from None


def tick(ctx: ParseContext, count: int) -> None:
    """Cancellation check and progress every PROGRESS_EVERY records."""
    if count % PROGRESS_EVERY == 0:
        ctx.check_cancelled()
        ctx.on_progress(count)


# --- attachments ---------------------------------------------------------------

_KIND_BY_EXTENSION: dict[str, AttachmentKind] = {}
for _kind, _exts in (
    (AttachmentKind.IMAGE, "jpg jpeg png webp bmp heic heif tif tiff jfif avif"),
    (AttachmentKind.GIF, "gif"),
    (AttachmentKind.VIDEO, "mp4 mov webm mkv avi m4v 3gp wmv mpg mpeg"),
    (AttachmentKind.AUDIO, "mp3 ogg oga opus wav m4a aac flac amr wma"),
    (AttachmentKind.DOCUMENT, "pdf doc docx xls xlsx ppt pptx txt rtf odt ods odp csv zip rar 7z apk"),
):
    for _ext in _exts.split():
        _KIND_BY_EXTENSION[_ext] = _kind


def kind_for_filename(name: str) -> AttachmentKind:
    """Attachment kind from a file name or URL path, by extension."""
    base = name.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
    if "." not in base:
        return AttachmentKind.OTHER
    return _KIND_BY_EXTENSION.get(base.rsplit(".", 1)[1].lower(), AttachmentKind.OTHER)
