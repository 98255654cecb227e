"""Snapchat "My Data" `chat_history.json`, see SPEC.md section 7.

Two generations share the file name:

* up to 2022: `{"Received Saved Chat History": [{From, Media Type, Created,
  Text}], "Sent Saved Chat History": [{To, Media Type, Created, Text}]}`.
  The account owner is never named, so the sent side is attributed to
  `OWNER` ("Me", as in the SMS importer) and each chat is keyed by the
  other person's username.
* 2023 and later: an object keyed by conversation (id or username), each a
  list of `{From, Media Type, Created, Content, Conversation Title,
  IsSender, Created(microseconds), ...}`.  The owner is the `From` of the
  first `IsSender: true` record.

`Created` is UTC: "2021-08-19 12:00:00 UTC", epoch seconds or ms (number or
digit string) or "Wed Aug 19 12:00:00 UTC 2021"; a date without a zone is
taken as UTC too, which is what Snapchat writes.  `Created(microseconds)`
is preferred when it agrees with `Created` (it orders messages sent in the
same second).

Media types (the exact list is not documented): TEXT has no attachment;
MEDIA and SNAP become IMAGE (they are photos far more often than videos and
the file does not tell); NOTE/AUDIO are voice notes; STICKER, GIF, VIDEO,
LOCATION and CONTACT map to their kinds; STATUS* records (a chat erased, a
screenshot taken) are system messages; anything else is OTHER.

Positions are 1-based record numbers in file order across all lists.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "snapchat_json"
VERSION = "1"
PLATFORM = "snapchat"
OWNER = "Me"

_OLD_KEY = re.compile(r"(Received|Sent)\b.*\bChat History")
_NEW_RECORD_KEYS = ("Conversation Title", "IsSender", "Created(microseconds)")

# --- sniff ---------------------------------------------------------------------


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text or not text.startswith("{"):
        return False
    if re.search(r'"(?:Received|Sent)(?: Saved| Unsaved)? Chat History"\s*:', text):
        return True
    return (jio.has_key(text, "Media Type") and jio.has_key(text, "Created")
            and jio.has_key(text, "From")
            and any(jio.has_key(text, key) for key in _NEW_RECORD_KEYS))


# --- parse ---------------------------------------------------------------------


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    root = jio.load_json(source)
    if not isinstance(root, dict) or not root:
        raise BadExport(source.display_path, "the JSON does not have the shape of a Snapchat "
                                             "chat history (expected an object of chats)")
    old_keys = [key for key in root if isinstance(key, str) and _OLD_KEY.fullmatch(key)]
    if old_keys:
        chats = _old_generation(root, old_keys)
        owner = OWNER
    elif all(isinstance(value, list) for value in root.values()):
        chats = _new_generation(root)
        owner = _new_owner(root)
    else:
        raise BadExport(source.display_path, "the JSON does not have the shape of a Snapchat "
                                             "chat history")
    count = done = 0
    for chat in chats:
        conversation = Conversation(platform=PLATFORM, key=chat.key, title=chat.title,
                                    is_group=chat.is_group, owner=owner)
        for position, record, sender in chat.records:
            done += 1
            message = _read_one(record, sender, conversation, position, ctx)
            if message is not None:
                count += 1
                yield message
            jio.tick(ctx, done)
    ctx.on_progress(count)


class _Chat:
    """One conversation's records as (position in the file, record, sender
    name or None when the record itself must tell)."""

    def __init__(self, key: str, title: str, is_group: bool) -> None:
        self.key, self.title, self.is_group = key, title, is_group
        self.records: list[tuple[int, Any, str | None]] = []


def _old_generation(root: dict[str, Any], keys: list[str]) -> list[_Chat]:
    """Regroup the received and sent lists by the other person.  File order
    is kept within each chat (received before sent, as in the file)."""
    chats: dict[str, _Chat] = {}
    orphans = _Chat("", "", False)  # records too broken to place
    position = 0
    for key in keys:
        sent = key.startswith("Sent")
        records = root[key] if isinstance(root[key], list) else []
        for record in records:
            position += 1
            peer = _text_field(record, "To" if sent else "From")
            if not peer:
                orphans.records.append((position, record, None))
                continue
            chat = chats.setdefault(peer.lower(), _Chat(peer.lower(), peer, False))
            chat.records.append((position, record, OWNER if sent else peer))
    return list(chats.values()) + ([orphans] if orphans.records else [])


def _new_generation(root: dict[str, Any]) -> list[_Chat]:
    chats = []
    position = 0
    for key, records in root.items():
        titles = {t for t in (_text_field(r, "Conversation Title") for r in records) if t}
        others = {_text_field(r, "From") for r in records
                  if isinstance(r, dict) and r.get("IsSender") is not True}
        title = sorted(titles)[0] if titles else str(key)
        chat = _Chat(str(key), title, bool(titles) or len(others - {""}) > 1)
        chat.records = [(position + i, record, None) for i, record in enumerate(records, start=1)]
        position += len(records)
        chats.append(chat)
    return chats


def _new_owner(root: dict[str, Any]) -> str | None:
    for records in root.values():
        for record in records:
            if isinstance(record, dict) and record.get("IsSender") is True:
                name = _text_field(record, "From")
                if name:
                    return name
    return None


def _read_one(record: Any, sender: str | None, conversation: Conversation, position: int,
              ctx: ParseContext) -> Message | None:
    try:
        if not isinstance(record, dict):
            raise SkipRecord("a record is not a JSON object")
        if not conversation.key:
            raise SkipRecord("a message names no sender or recipient")
        if sender is None:
            sender = _text_field(record, "From") or "Unknown"
        media = _text_field(record, "Media Type").upper()
        text = _body(record)
        kind = _media_kind(media)
        return Message(conversation=conversation, sender=sender,
                       timestamp=_timestamp(record, ctx), text=text, raw=jio.dump_raw(record),
                       position=position, attachment=kind, is_system=media.startswith("STATUS"))
    except SkipRecord as exc:
        ctx.skip(position, str(exc))
        return None


def _text_field(record: Any, key: str) -> str:
    if not isinstance(record, dict):
        return ""
    value = record.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return jio.scrub(value).strip() if isinstance(value, str) else ""


def _body(record: dict[str, Any]) -> str:
    for key in ("Content", "Text"):
        value = record.get(key)
        if isinstance(value, str):
            return jio.scrub(html.unescape(value))
    return ""


_MEDIA_KINDS = {
    "TEXT": None,
    "MEDIA": AttachmentKind.IMAGE,
    "SNAP": AttachmentKind.IMAGE,
    "IMAGE": AttachmentKind.IMAGE,
    "PHOTO": AttachmentKind.IMAGE,
    "VIDEO": AttachmentKind.VIDEO,
    "NOTE": AttachmentKind.AUDIO,
    "AUDIO": AttachmentKind.AUDIO,
    "VOICE": AttachmentKind.AUDIO,
    "STICKER": AttachmentKind.STICKER,
    "BITMOJI": AttachmentKind.STICKER,
    "GIF": AttachmentKind.GIF,
    "LOCATION": AttachmentKind.LOCATION,
    "SHARE_LOCATION": AttachmentKind.LOCATION,
    "CONTACT": AttachmentKind.CONTACT,
}


def _media_kind(media: str) -> AttachmentKind | None:
    if not media or media.startswith("STATUS"):
        return None
    return _MEDIA_KINDS.get(media, AttachmentKind.OTHER)


# --- time ----------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_UTC_TEXT = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)\s*(?:UTC|GMT|Z)?")
# "Wed Aug 19 12:00:00 UTC 2021" (Java's Date.toString, law-enforcement returns)
_JAVA_TEXT = re.compile(r"[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) "
                        r"(?:UTC|GMT) (\d{4})")


def _timestamp(record: dict[str, Any], ctx: ParseContext) -> datetime:
    created = _parse_created(record.get("Created"))
    micros = jio.as_int(record.get("Created(microseconds)"))
    precise = _from_epoch(micros, "us") if micros is not None else None
    if precise is not None and (created is None or abs(precise - created) < timedelta(days=1)):
        created = precise
    if created is None:
        raise SkipRecord("the message has no readable date")
    try:
        return created.astimezone(ctx.tz)
    except (OverflowError, ValueError, OSError):
        raise SkipRecord("the timestamp is out of range") from None


def _parse_created(value: Any) -> datetime | None:
    number: float | None = jio.as_int(value)
    if number is None and isinstance(value, float):
        number = value
    if number is not None:
        # 1e11 seconds is the year 5138: anything larger is milliseconds.
        return _from_epoch(number, "s" if abs(number) < 10**11 else "ms")
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _UTC_TEXT.fullmatch(text):
        return _utc(lambda: datetime.fromisoformat(f"{match.group(1)} {match.group(2)}"))
    if match := _JAVA_TEXT.fullmatch(text):
        month = _MONTHS.get(match.group(1).lower())
        if month is None:
            return None
        day, hour, minute, second, year = (int(g) for g in match.group(2, 3, 4, 5, 6))
        return _utc(lambda: datetime(year, month, day, hour, minute, second))
    return _utc(lambda: datetime.fromisoformat(text))


def _utc(build: Any) -> datetime | None:
    try:
        parsed: datetime = build()
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


_UNIT_MICROS = {"s": 1_000_000, "ms": 1000, "us": 1}


def _from_epoch(number: float, unit: str) -> datetime | None:
    try:
        return _EPOCH + timedelta(microseconds=round(number * _UNIT_MICROS[unit]))
    except (OverflowError, ValueError):
        return None
