"""Telegram Desktop JSON export (`result.json`), see SPEC.md section 2.1.

Two shapes share one file name: a single-chat export (the root is the chat:
`name`, `type`, `id`, `messages`) and a full-account export (`about`,
`personal_information`, `chats.list`, `left_chats.list`, ...).  Both old
(integer `from_id`, no `date_unixtime`/`text_entities`) and current exports
are read.  Positions are 1-based record numbers in file order, counted
across all chats of a full-account export so that they are unique per file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "telegram_json"
VERSION = "1"
PLATFORM = "telegram"

_GROUP_TYPES = frozenset({"private_group", "private_supergroup", "public_supergroup",
                          "private_channel", "public_channel"})
_ONE_TO_ONE_TYPES = frozenset({"personal_chat", "bot_chat", "saved_messages", "replies",
                               "verification_codes"})
# Chats Telegram exports without a `name`.
_UNNAMED_TITLES = {"saved_messages": "Saved Messages", "replies": "Replies",
                   "verification_codes": "Verification Codes"}
_DELETED_ACCOUNT = "Deleted Account"
_MESSAGE_TYPE = r'"(?:message|service|unsupported)"'

_MEDIA_KINDS = {
    "sticker": AttachmentKind.STICKER,
    "animation": AttachmentKind.GIF,
    "video_file": AttachmentKind.VIDEO,
    "video_message": AttachmentKind.VIDEO,
    "voice_message": AttachmentKind.AUDIO,
    "audio_file": AttachmentKind.AUDIO,
}

# Readable English phrases for service actions; Telegram's own HTML export
# writes English service strings too, whatever the UI language.
_ACTION_PHRASES = {
    "create_group": "created group «{title}»",
    "create_channel": "created channel «{title}»",
    "edit_group_title": "changed group title to «{title}»",
    "edit_group_photo": "changed group photo",
    "delete_group_photo": "removed group photo",
    "invite_members": "invited {members}",
    "remove_members": "removed {members}",
    "join_group_by_link": "joined group by link",
    "join_group_by_request": "was accepted into the group",
    "migrate_to_supergroup": "converted this group to a supergroup",
    "migrate_from_group": "converted a basic group to this supergroup «{title}»",
    "pin_message": "pinned a message",
    "clear_history": "cleared history",
    "score_in_game": "scored in a game",
    "take_screenshot": "took a screenshot",
    "joined_telegram": "joined Telegram",
    "group_call": "started a video chat",
    "invite_to_group_call": "invited {members} to the video chat",
    "set_messages_ttl": "changed the auto-delete timer",
    "set_chat_theme": "changed the chat theme",
    "allow_sending_messages": "allowed sending messages",
    "topic_created": "created topic «{title}»",
    "topic_edit": "edited topic «{title}»",
    "suggest_profile_photo": "suggested a profile photo",
    "requested_peer": "shared a chat",
    "contact_signup": "joined Telegram",
}


# --- sniff ---------------------------------------------------------------------


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text or not text.startswith("{"):
        return False
    if jio.has_key(text, "personal_information") and (
            jio.has_key(text, "about") or jio.has_key(text, "chats") or jio.has_key(text, "contacts")):
        return True
    has_date = jio.has_key(text, "date") or jio.has_key(text, "date_unixtime")
    return (jio.has_key(text, "messages") and has_date
            and jio.key_with_value(text, "type", _MESSAGE_TYPE))


# --- parse ---------------------------------------------------------------------


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    root = jio.load_json(source)
    if not isinstance(root, dict):
        raise BadExport(source.display_path, "the JSON does not have the shape of a Telegram export "
                                             "(expected an object at the top)")
    chats, owner = _chats_and_owner(root, source)
    position = 0
    for chat in chats:
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            position += 1
            ctx.skip(position, "a chat in the export has no readable message list")
            continue
        conversation = _conversation(chat, owner, source)
        for record in chat["messages"]:
            position += 1
            message = _read_one(record, conversation, position, ctx)
            if message is not None:
                yield message
            jio.tick(ctx, position)
    ctx.on_progress(position)


def _read_one(record: Any, conversation: Conversation, position: int,
              ctx: ParseContext) -> Message | None:
    try:
        return _message(record, conversation, position, ctx)
    except SkipRecord as exc:
        ctx.skip(position, str(exc))
        return None


def _chats_and_owner(root: dict[str, Any], source: Source) -> tuple[list[Any], _Owner]:
    if "messages" in root:
        if not isinstance(root["messages"], list):
            raise BadExport(source.display_path, "the chat's \"messages\" is not a list")
        return [root], _single_chat_owner(root)
    lists = [root.get(section) for section in ("chats", "left_chats") if section in root]
    if not lists:
        raise BadExport(source.display_path, "the JSON has neither messages nor chats, "
                                             "so it is not a Telegram chat export")
    chats: list[Any] = []
    for section in lists:
        if not isinstance(section, dict) or not isinstance(section.get("list", []), list):
            raise BadExport(source.display_path, "the export's chat list is not a list")
        chats.extend(section.get("list", []))
    return chats, _account_owner(root.get("personal_information"), chats)


# --- conversation and owner ----------------------------------------------------


class _Owner:
    """Who exported: a display name and/or the `from_id` that marks them."""

    def __init__(self, name: str | None = None, from_id: str | None = None) -> None:
        self.name = name
        self.from_id = from_id


def _account_owner(info: Any, chats: list[Any]) -> _Owner:
    if not isinstance(info, dict):
        return _Owner()
    parts = [info.get(k) for k in ("first_name", "last_name")]
    name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None
    user_id = jio.as_int(info.get("user_id"))
    from_id = f"user{user_id}" if user_id is not None else None
    if name is None and from_id is not None:
        name = _name_for_from_id(chats, from_id)
    return _Owner(name, from_id)


def _name_for_from_id(chats: list[Any], from_id: str) -> str | None:
    for chat in chats:
        messages = chat.get("messages") if isinstance(chat, dict) else None
        for record in messages if isinstance(messages, list) else ():
            if (isinstance(record, dict) and _from_id(record) == from_id
                    and isinstance(record.get("from"), str)):
                return jio.scrub(record["from"])
    return None


def _single_chat_owner(chat: dict[str, Any]) -> _Owner:
    """A single-chat export does not name its exporter, but in a personal
    chat the chat `id` is the other person's user id: when exactly one
    other sender exists, that sender is the exporting account."""
    chat_id = jio.as_int(chat.get("id"))
    if chat.get("type") != "personal_chat" or chat_id is None:
        return _Owner()
    peer = f"user{chat_id}"
    others: dict[str, str] = {}
    seen_peer = False
    for record in chat["messages"]:
        if not isinstance(record, dict):
            continue
        from_id = _from_id(record)
        if from_id == peer:
            seen_peer = True
        elif from_id is not None and isinstance(record.get("from"), str):
            others.setdefault(from_id, record["from"])
    if seen_peer and len(others) == 1:
        from_id, name = next(iter(others.items()))
        return _Owner(jio.scrub(name), from_id)
    return _Owner()


def _from_id(record: dict[str, Any]) -> str | None:
    """`from_id` as the current string form; old exports used bare ints."""
    value = record.get("from_id")
    if isinstance(value, str):
        return value
    number = jio.as_int(value)
    return f"user{number}" if number is not None else None


def _conversation(chat: dict[str, Any], owner: _Owner, source: Source) -> Conversation:
    chat_type = chat.get("type") if isinstance(chat.get("type"), str) else None
    name = chat.get("name") if isinstance(chat.get("name"), str) and chat["name"].strip() else None
    fallback = source.title_hint or source.stem
    title = name or _UNNAMED_TITLES.get(chat_type or "") or fallback
    chat_id = jio.as_int(chat.get("id"))
    key = str(chat_id) if chat_id is not None else (name or fallback)
    return Conversation(platform=PLATFORM, key=jio.scrub(key), title=jio.scrub(title),
                        is_group=_is_group(chat_type, chat["messages"]), owner=owner.name)


def _is_group(chat_type: str | None, messages: list[Any]) -> bool:
    if chat_type in _GROUP_TYPES:
        return True
    if chat_type in _ONE_TO_ONE_TYPES:
        return False
    # repr() because a malformed export may hold unhashable values here.
    senders = {repr(r.get("from_id", r.get("from"))) for r in messages
               if isinstance(r, dict) and r.get("type", "message") == "message"}
    senders.discard(repr(None))
    return len(senders) > 2


# --- messages ------------------------------------------------------------------


def _message(record: Any, conversation: Conversation, position: int,
             ctx: ParseContext) -> Message:
    if not isinstance(record, dict):
        raise SkipRecord("the message is not a JSON object")
    timestamp = _timestamp(record, ctx)
    is_service = record.get("type") == "service"
    if is_service:
        sender, text = _service_sender_and_text(record)
    else:
        sender, text = _sender(record), _text(record)
    attachment, attachment_name = _attachment(record)
    if not text and isinstance(record.get("poll"), dict) and isinstance(record["poll"].get("question"), str):
        text = record["poll"]["question"]  # the poll's question is what the sender wrote
    return Message(conversation=conversation, sender=jio.scrub(sender), timestamp=timestamp,
                   text=jio.scrub(text), raw=jio.dump_raw(record), position=position,
                   attachment=attachment, attachment_name=attachment_name and jio.scrub(attachment_name),
                   is_system=is_service)


def _timestamp(record: dict[str, Any], ctx: ParseContext) -> datetime:
    """`date_unixtime` (UTC, exact) when present, else `date`, the naive
    local time of the exporting computer."""
    seconds = jio.as_int(record.get("date_unixtime"))
    if seconds is not None:
        return jio.from_epoch_ms(seconds * 1000, ctx.tz)
    date = record.get("date")
    if isinstance(date, str):
        return jio.parse_iso(date, ctx)
    raise SkipRecord("the message has no usable date")


def _person(value: Any, missing: str = "") -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return missing
    raise SkipRecord("the sender name is not text")


def _sender(record: dict[str, Any]) -> str:
    if "from" in record:
        # JSON null marks a deleted account.
        return _person(record["from"], _DELETED_ACCOUNT)
    from_id = _from_id(record)
    return from_id or ""


def _text(record: dict[str, Any]) -> str:
    if "text" in record:
        return _join_text(record["text"])
    if "text_entities" in record:
        return _join_text(record["text_entities"])
    return ""


def _join_text(value: Any) -> str:
    """`text` is a plain string, or a list mixing strings and entity objects
    whose `text` holds the visible characters."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        raise SkipRecord("the message text is neither text nor a list of parts")
    pieces = []
    for piece in value:
        if isinstance(piece, dict):
            piece = piece.get("text", "")
        if not isinstance(piece, str):
            raise SkipRecord("a part of the message text is not text")
        pieces.append(piece)
    return "".join(pieces)


def _service_sender_and_text(record: dict[str, Any]) -> tuple[str, str]:
    actor = _person(record.get("actor"), _DELETED_ACCOUNT if "actor" in record else "")
    action = record.get("action")
    phrase = _action_phrase(action, record) if isinstance(action, str) else ""
    extra = _join_text(record.get("text", ""))
    text = " ".join(part for part in (actor, phrase, extra) if part)
    return actor, text


def _action_phrase(action: str, record: dict[str, Any]) -> str:
    template = _ACTION_PHRASES.get(action)
    if action == "phone_call":
        return _call_phrase(record)
    if template is None:
        return action.replace("_", " ")
    members = record.get("members")
    names = [m if isinstance(m, str) else _DELETED_ACCOUNT
             for m in (members if isinstance(members, list) else [])]
    title = record.get("title") if isinstance(record.get("title"), str) else ""
    return template.format(title=title, members=", ".join(names)).replace(" «»", "")


def _call_phrase(record: dict[str, Any]) -> str:
    details = []
    duration = jio.as_int(record.get("duration_seconds"))
    if duration is not None:
        details.append(f"{duration} s")
    if isinstance(record.get("discard_reason"), str):
        details.append(record["discard_reason"])
    return "phone call" + (f" ({', '.join(details)})" if details else "")


# --- attachments ---------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\(.*\)", re.DOTALL)


def _file_path(value: Any) -> str | None:
    """A media path, or None for "(File not included. ...)" placeholders."""
    if not isinstance(value, str) or not value.strip() or _PLACEHOLDER.fullmatch(value.strip()):
        return None
    return value


def _attachment(record: dict[str, Any]) -> tuple[AttachmentKind | None, str | None]:
    if "photo" in record:
        return AttachmentKind.IMAGE, _file_path(record["photo"])
    if "file" in record or "media_type" in record:
        name = _file_path(record.get("file")) or _file_path(record.get("file_name"))
        return _file_kind(record), name
    if "contact_information" in record:
        return AttachmentKind.CONTACT, None
    if "location_information" in record or "place_name" in record:
        return AttachmentKind.LOCATION, None
    if "poll" in record:
        return AttachmentKind.OTHER, None
    return None, None


def _file_kind(record: dict[str, Any]) -> AttachmentKind:
    media_type = record.get("media_type")
    if isinstance(media_type, str):
        return _MEDIA_KINDS.get(media_type, AttachmentKind.OTHER)
    mime = record.get("mime_type")
    if isinstance(mime, str):
        major = mime.split("/", 1)[0].lower()
        if major in ("image", "video", "audio"):
            return AttachmentKind(major)
    return AttachmentKind.DOCUMENT
