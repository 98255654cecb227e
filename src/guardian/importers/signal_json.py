"""Signal chats as written by signal-export's `data.json`, see SPEC.md section 8.

Despite the name the file is JSON Lines: one object per message with
`date` (ISO, naive local time), `sender`, `body`, `quote`, `sticker`,
`reactions`, `attachments` [{name, path, missing_kind}], `deleted`, `call`
and `missed`.  The file is streamed line by line.

* Quotes and reactions are left out of the text: they are someone else's
  words or a one-emoji reply, not this message.
* Deleted messages and calls become system messages.
* The chat is named like `chat.md`'s (see `signal_md.chat_title`) so both
  files of one chat land in the same conversation; a group is told by more
  than one sender besides "Me", which costs a quick first pass.

`position` is the 1-based line number; `raw` the line as written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source
from guardian.importers.signal_md import DELETED_TEXT, OWNER, conversation_for

FORMAT = "signal_jsonl"
VERSION = "1"
MAX_LINE_BYTES = 16 * 1024 * 1024

_REQUIRED = ("date", "sender", "body")
_TYPICAL = ("attachments", "reactions", "quote", "sticker", "deleted")
_MIME_KINDS = (
    ("image/gif", AttachmentKind.GIF),
    ("image/", AttachmentKind.IMAGE),
    ("video/", AttachmentKind.VIDEO),
    ("audio/", AttachmentKind.AUDIO),
    ("application/", AttachmentKind.DOCUMENT),
    ("text/", AttachmentKind.DOCUMENT),
)


# --- sniff ---------------------------------------------------------------------


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text or not text.startswith("{"):
        return False
    first = text.split("\n", 1)[0].strip()
    try:
        record = json.loads(first)
    except ValueError:
        # A first line longer than the head: judge by its keys alone.
        return "\n" not in text and _looks_like_record(first)
    return isinstance(record, dict) and _has_keys(record)


def _has_keys(record: dict[str, Any]) -> bool:
    return all(k in record for k in _REQUIRED) and any(k in record for k in _TYPICAL)


def _looks_like_record(text: str) -> bool:
    return (all(jio.has_key(text, k) for k in _REQUIRED)
            and any(jio.has_key(text, k) for k in _TYPICAL))


# --- parse ---------------------------------------------------------------------


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    conversation = conversation_for(source, _senders(source))
    count = 0
    seen_record = False
    for number, line in _lines(source):
        if line is not None and not line.strip():
            continue
        message = _read_one(line, number, conversation, ctx)
        if message is not None:
            seen_record = True
            count += 1
            yield message
        elif not seen_record and number >= 20 and count == 0:
            raise BadExport(source.display_path, "the file does not look like a Signal data.json "
                                                 "(its first lines are not messages)")
        if number % jio.PROGRESS_EVERY == 0:
            ctx.check_cancelled()
            ctx.on_progress(count)
    if not seen_record:
        raise BadExport(source.display_path, "no Signal messages were found in the file")
    ctx.on_progress(count)


def _lines(source: Source) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for each line; an over-long line comes as None
    so that it is skipped without ever being held whole."""
    try:
        with source.open() as stream:
            number = 0
            while True:
                chunk = stream.readline(MAX_LINE_BYTES)
                if not chunk:
                    return
                number += 1
                if len(chunk) == MAX_LINE_BYTES and not chunk.endswith(b"\n"):
                    _discard_rest_of_line(stream)
                    yield number, None
                    continue
                text = chunk.decode("utf-8", errors="replace")
                yield number, text.lstrip("\ufeff") if number == 1 else text
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None


def _discard_rest_of_line(stream: BinaryIO) -> None:
    while True:
        rest = stream.readline(MAX_LINE_BYTES)
        if not rest or rest.endswith(b"\n"):
            return


def _senders(source: Source) -> Iterator[str]:
    """Sender names for telling a group, stopping as soon as it is one."""
    others: set[str] = set()
    for _number, line in _lines(source):
        if line is None:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        sender = record.get("sender") if isinstance(record, dict) else None
        if isinstance(sender, str) and sender and sender != OWNER:
            others.add(sender)
            yield sender
            if len(others) > 1:
                return


def _read_one(line: str | None, number: int, conversation: Conversation,
              ctx: ParseContext) -> Message | None:
    try:
        record = _decode(line)
        kind, name = _attachment(record)
        text, is_system = _text(record)
        date = record.get("date")
        if not isinstance(date, str):
            raise SkipRecord("the message has no date")
        return Message(conversation=conversation, sender=_sender(record),
                       timestamp=jio.parse_iso(date, ctx), text=text,
                       raw=jio.scrub(str(line).rstrip("\r\n")), position=number,
                       attachment=kind, attachment_name=name, is_system=is_system)
    except SkipRecord as exc:
        ctx.skip(number, str(exc))
        return None


def _decode(line: str | None) -> dict[str, Any]:
    if line is None:
        raise SkipRecord("the line is too long to be a message")
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        raise SkipRecord("the line is not valid JSON") from None
    if not isinstance(record, dict):
        raise SkipRecord("the line is not a JSON object")
    return record


def _sender(record: dict[str, Any]) -> str:
    sender = record.get("sender")
    if isinstance(sender, str) and sender.strip():
        return jio.scrub(sender.strip())
    return "Unknown"


def _text(record: dict[str, Any]) -> tuple[str, bool]:
    body = record.get("body")
    body = jio.scrub(body) if isinstance(body, str) else ""
    if record.get("deleted"):
        return DELETED_TEXT, True
    if record.get("call"):
        return body or ("Missed call" if record.get("missed") else "Call"), True
    return body, False


def _attachment(record: dict[str, Any]) -> tuple[AttachmentKind | None, str | None]:
    attachments = record.get("attachments")
    for item in attachments if isinstance(attachments, list) else []:
        if isinstance(item, dict):
            return _one_attachment(item)
    sticker = record.get("sticker")
    if sticker:
        return AttachmentKind.STICKER, None
    return None, None


def _one_attachment(item: dict[str, Any]) -> tuple[AttachmentKind, str | None]:
    name = item.get("name") if isinstance(item.get("name"), str) else ""
    path = item.get("path") if isinstance(item.get("path"), str) else ""
    label = name or (PurePosixPath(path.replace("\\", "/")).name if path else "")
    kind = jio.kind_for_filename(label or path)
    missing = item.get("missing_kind")
    if kind is AttachmentKind.OTHER and isinstance(missing, str):
        kind = next((k for prefix, k in _MIME_KINDS if missing.lower().startswith(prefix)),
                    AttachmentKind.OTHER)
    return kind, jio.scrub(label) or None
