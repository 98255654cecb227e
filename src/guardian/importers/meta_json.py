"""Instagram and Facebook Messenger "Download your information" JSON threads
(SPEC.md sections 3 and 4).  Both products write the same schema, so the
reading lives here; `instagram.py` and `messenger.py` are the two importer
modules and differ only in the platform they claim.

Telling the two apart.  The schema is identical, so content clues decide:
instagram.com / ig.me links and `your_instagram_activity` paths say
Instagram; facebook.com / m.me links, `your_facebook_activity` paths, the
old Messenger-only `ip` field and `type` values (Generic, Share, Call,
Subscribe, Unsubscribe) and `stickers_used` say Messenger.  When the
content has no clue, the folder names of the member path inside the
export (never the file name) break the tie, and with no clue at all the
thread is taken as Instagram, the app children use most.  Both sniffers run
the same test on the same bytes, so exactly one of them claims a thread.

Reading.  A long thread is split into message_1.json, message_2.json, ... in
one folder.  The Source for message_1.json reads every part through
`open_sibling`; a later part whose message_1.json is present yields nothing.
Parts are newest first; messages are put in time order (stable, so equal
timestamps keep their chronological order).  Positions are 1-based record
numbers over the parts in file order (part 1's records, then part 2's ...).
`raw` is the record as written, mojibake included: it is the evidence.
Every string is repaired from the latin-1 mojibake Meta writes (SPEC 3.3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source

INSTAGRAM = "instagram"
MESSENGER = "messenger"

_PART_NAME = re.compile(r"message_(\d+)\.json")
_INSTAGRAM_CLUES = re.compile(r"instagram\.com|ig\.me/|your_instagram_activity|cdninstagram", re.I)
_MESSENGER_CLUES = re.compile(
    r"facebook\.com|fb\.me/|m\.me/|messenger\.com|your_facebook_activity|stickers_used", re.I)
_MESSENGER_TYPES = r'"(?:Generic|Share|Call|Subscribe|Unsubscribe)"'

# (key, kind) in the order a message's attachment is picked.
_MEDIA_LISTS = (("photos", AttachmentKind.IMAGE), ("videos", AttachmentKind.VIDEO),
                ("audio_files", AttachmentKind.AUDIO), ("files", AttachmentKind.DOCUMENT),
                ("gifs", AttachmentKind.GIF))
# Old `type` values that mark activity, not something a person wrote.
_SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe"})
# Known generated activity lines.  Only a hint on top of the structural
# checks: the text is kept as it is, and other languages are not listed
# because no verified sample exists (SPEC 3.2).
_ACTIVITY_LINES = re.compile(
    r".+ sent an attachment\.|.+ hat einen Anhang gesendet\.|Reacted .+ to your message"
    r"|Liked a message|This poll is no longer available\.|.+'s poll has multiple updates\."
    r"|.+ created a poll: .*|.+ unsent a message\.?|You unsent a message\.?", re.DOTALL)


# --- sniff ---------------------------------------------------------------------


def sniff_platform(source: Source) -> str | None:
    """"instagram" / "messenger" when the head looks like a Meta thread."""
    text = jio.head_text(source)
    if not text or not text.startswith("{"):
        return None
    messages = jio.has_key(text, "sender_name") and (
        jio.has_key(text, "timestamp_ms") or jio.has_key(text, "participants"))
    # A thread whose messages were all deleted still has its participants.
    empty_thread = (jio.key_with_value(text, "participants", r"\[") and jio.has_key(text, "name")
                    and jio.key_with_value(text, "messages", r"\[\s*\]"))
    if not (messages or empty_thread):
        return None
    return guess_platform(text, source.name)


def guess_platform(text: str, member_path: str) -> str:
    instagram = len(_INSTAGRAM_CLUES.findall(text))
    messenger = len(_MESSENGER_CLUES.findall(text)) + jio.has_key(text, "ip") \
        + jio.key_with_value(text, "type", _MESSENGER_TYPES)
    if instagram != messenger:
        return INSTAGRAM if instagram > messenger else MESSENGER
    folders = "/".join(PurePosixPath(member_path).parts[:-1]).lower()
    if "instagram" in folders:
        return INSTAGRAM
    if "facebook" in folders or "messenger" in folders:
        return MESSENGER
    return INSTAGRAM


# --- mojibake ------------------------------------------------------------------


def repair(text: str) -> str:
    """Undo Meta's mojibake (UTF-8 bytes written as \\u00XX escapes).
    Both guards of SPEC 3.3: text with characters beyond U+00FF is already
    fine, and bytes that are not UTF-8 were real Latin-1 text."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SkipRecord(f"the {what} is not text")
    return jio.scrub(repair(value))


# --- parse ---------------------------------------------------------------------


def parse(source: Source, ctx: ParseContext, platform: str) -> Iterator[Message]:
    parts = _parts(source)
    if not parts:
        return
    documents = [_load_part(source, member) for member in parts]
    records = [record for document in documents for record in document["messages"]]
    dated = _dated_records(records, ctx)
    conversation = _conversation(documents, records, source, platform)
    for count, (timestamp, position, record) in enumerate(dated, 1):
        jio.tick(ctx, count)
        try:
            yield _message(record, timestamp, position, conversation)
        except SkipRecord as exc:
            ctx.skip(position, str(exc))
    ctx.on_progress(len(records))


def _parts(source: Source) -> list[str]:
    match = _PART_NAME.fullmatch(PurePosixPath(source.name).name)
    if match is None:
        return [source.name]
    numbered = jio.same_folder_siblings(source, _PART_NAME)
    if int(match.group(1)) >= 2:
        return [] if 1 in numbered else [source.name]
    return [source.name] + [numbered[n] for n in sorted(numbered) if n >= 2]


def _load_part(source: Source, member: str) -> dict[str, Any]:
    if member == source.name:
        document, path = jio.load_json(source), source.display_path
    else:
        document, path = jio.load_sibling_json(source, member), jio.sibling_display_path(source, member)
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        raise BadExport(path, "the JSON does not have the shape of an Instagram or Messenger "
                              "thread (an object with a \"messages\" list)")
    return document


def _dated_records(records: list[Any], ctx: ParseContext) -> list[tuple[datetime, int, Any]]:
    """(time, position, record) in time order; undated records are skipped."""
    dated = []
    for position, record in enumerate(records, 1):
        try:
            milliseconds = _milliseconds(record)
            dated.append((jio.from_epoch_ms(milliseconds, ctx.tz), milliseconds, position, record))
        except SkipRecord as exc:
            ctx.skip(position, str(exc))
        if position % jio.PROGRESS_EVERY == 0:
            ctx.check_cancelled()
    if len(dated) > 1 and dated[0][1] > dated[-1][1]:
        dated.reverse()  # newest first: reverse so that ties stay chronological
    dated.sort(key=lambda item: item[1])
    return [(when, position, record) for when, _ms, position, record in dated]


def _milliseconds(record: Any) -> int:
    if not isinstance(record, dict):
        raise SkipRecord("the message is not a JSON object")
    milliseconds = jio.as_int(record.get("timestamp_ms"))
    if milliseconds is not None:
        return milliseconds
    seconds = jio.as_int(record.get("timestamp"))  # before 2018 the field was seconds
    if seconds is not None:
        return seconds * 1000
    raise SkipRecord("the message has no usable timestamp")


# --- conversation --------------------------------------------------------------


def _conversation(documents: list[dict[str, Any]], records: list[Any], source: Source,
                  platform: str) -> Conversation:
    first = documents[0]
    participants = _participants(documents)
    title = _optional_text(first.get("title"))
    thread_path = _optional_text(first.get("thread_path"))
    fallback = source.title_hint or source.stem
    key = thread_path or "|".join([title or fallback, *sorted(participants)])
    senders = {r["sender_name"] for r in records
               if isinstance(r, dict) and isinstance(r.get("sender_name"), str)}
    is_group = (len(participants) > 2 or first.get("thread_type") == "RegularGroup"
                or (not participants and len(senders) > 2))
    return Conversation(platform=platform, key=key, title=title or ", ".join(participants) or fallback,
                        is_group=is_group, owner=None)


def _participants(documents: list[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for document in documents:
        entries = document.get("participants")
        for entry in entries if isinstance(entries, list) else ():
            name = entry.get("name") if isinstance(entry, dict) else None
            if isinstance(name, str):
                names.setdefault(jio.scrub(repair(name)), None)
    return list(names)


def _optional_text(value: Any) -> str:
    return jio.scrub(repair(value)) if isinstance(value, str) else ""


# --- messages ------------------------------------------------------------------


def _message(record: dict[str, Any], timestamp: datetime, position: int,
             conversation: Conversation) -> Message:
    sender = _text(record.get("sender_name"), "sender name")
    content = _text(record.get("content"), "message text")
    attachment, name = _attachment(record)
    share = record.get("share") if isinstance(record.get("share"), dict) else {}
    text = content or _text(share.get("share_text"), "shared text")
    return Message(conversation=conversation, sender=sender, timestamp=timestamp, text=text,
                   raw=jio.dump_raw(record), position=position, attachment=attachment,
                   attachment_name=name, is_system=_is_system(record, content, attachment))


def _attachment(record: dict[str, Any]) -> tuple[AttachmentKind | None, str | None]:
    for key, kind in _MEDIA_LISTS:
        items = record.get(key)
        if isinstance(items, list) and items:
            return kind, _uri(items[0])
    if isinstance(record.get("sticker"), dict):
        return AttachmentKind.STICKER, _uri(record["sticker"])
    if isinstance(record.get("share"), dict):
        return AttachmentKind.OTHER, None
    return None, None


def _uri(item: Any) -> str | None:
    uri = item.get("uri") if isinstance(item, dict) else None
    return jio.scrub(repair(uri)) if isinstance(uri, str) and uri else None


def _is_system(record: dict[str, Any], content: str, attachment: AttachmentKind | None) -> bool:
    """Activity rather than words: calls, joins/leaves, unsent messages,
    records with nothing written (reaction-only), and known generated
    lines.  Decided from structure first, so other languages work too."""
    kind = record.get("type")
    if "call_duration" in record or (isinstance(kind, str) and kind in _SYSTEM_TYPES):
        return True
    if record.get("users") or record.get("is_unsent") is True:
        return True
    if not content:
        return attachment is None
    return _ACTIVITY_LINES.fullmatch(content) is not None
