"""DiscordChatExporter (DCE) JSON export, see SPEC.md section 5.

One file is one channel: `guild`, `channel`, `messages`.  The conversation
key is the channel id (the CSV importer derives the same key from DCE's
default file name).  Senders are shown by server nickname when the export
has one.  Message types other than Default and Reply (calls, pins, joins,
renames ...) are system messages; their `content` is DCE's fallback text.
Positions are 1-based indexes into `messages`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "discord_json"
VERSION = "1"
PLATFORM = "discord"

_USER_TYPES = frozenset({"Default", "Reply"})
_ONE_TO_ONE_CHANNELS = frozenset({"DirectTextChat"})
_GROUP_CHANNELS = frozenset({"DirectGroupTextChat", "GuildTextChat", "GuildNewsChat", "GuildThread",
                             "GuildPublicThread", "GuildPrivateThread", "GuildNewsThread",
                             "GuildForum", "GuildVoiceChat", "GuildStageVoice"})
# DCE names the DM pseudo-guild this way and gives it id "0".
_DM_GUILD_ID = "0"


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text or not text.startswith("{"):
        return False
    return (jio.key_with_value(text, "guild", r"\{") and jio.key_with_value(text, "channel", r"\{")
            and (jio.has_key(text, "messages") or jio.has_key(text, "author")))


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    root = jio.load_json(source)
    if not (isinstance(root, dict) and isinstance(root.get("messages"), list)):
        raise BadExport(source.display_path, "the JSON does not have the shape of a DiscordChatExporter "
                                             "export (an object with a \"messages\" list)")
    conversation = _conversation(root, source)
    records = root["messages"]
    for position, record in enumerate(records, 1):
        jio.tick(ctx, position)
        try:
            yield _message(record, position, conversation, ctx)
        except SkipRecord as exc:
            ctx.skip(position, str(exc))
    ctx.on_progress(len(records))


def _conversation(root: dict[str, Any], source: Source) -> Conversation:
    guild = root.get("guild") if isinstance(root.get("guild"), dict) else {}
    channel = root.get("channel") if isinstance(root.get("channel"), dict) else {}
    channel_name = _name(channel.get("name"))
    guild_name = _name(guild.get("name"))
    channel_id = _snowflake(channel.get("id"))
    is_dm = _snowflake(guild.get("id")) == _DM_GUILD_ID
    fallback = source.title_hint or source.stem
    if guild_name and channel_name and not is_dm:
        title = f"{guild_name} / {channel_name}"
    else:
        title = channel_name or fallback
    return Conversation(platform=PLATFORM, key=channel_id or title, title=title,
                        is_group=_is_group(channel.get("type"), root["messages"]), owner=None)


def _name(value: Any) -> str:
    return jio.scrub(value.strip()) if isinstance(value, str) else ""


def _snowflake(value: Any) -> str:
    """Ids are strings in DCE; an int is accepted, anything else ignored."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _name(value)


def _is_group(channel_type: Any, records: list[Any]) -> bool:
    if not isinstance(channel_type, str):
        channel_type = None
    if channel_type in _ONE_TO_ONE_CHANNELS:
        return False
    if channel_type in _GROUP_CHANNELS:
        return True
    authors = {repr(r["author"].get("id")) for r in records
               if isinstance(r, dict) and isinstance(r.get("author"), dict)}
    return len(authors) > 2


def _message(record: Any, position: int, conversation: Conversation, ctx: ParseContext) -> Message:
    if not isinstance(record, dict):
        raise SkipRecord("the message is not a JSON object")
    stamp = record.get("timestamp")
    if not isinstance(stamp, str):
        raise SkipRecord("the message has no timestamp")
    timestamp = jio.parse_iso(stamp, ctx)
    content = record.get("content", "")
    if content is None:
        content = ""
    if not isinstance(content, str):
        raise SkipRecord("the message text is not text")
    attachment, name = _attachment(record)
    message_type = record.get("type", "Default")
    is_system = isinstance(message_type, str) and message_type not in _USER_TYPES
    return Message(conversation=conversation, sender=_author(record.get("author")), timestamp=timestamp,
                   text=jio.scrub(content), raw=jio.dump_raw(record), position=position,
                   attachment=attachment, attachment_name=name,
                   is_system=is_system)


def _author(author: Any) -> str:
    """Server nickname first: it is the name the child saw in the chat."""
    if author is None:
        return ""
    if not isinstance(author, dict):
        raise SkipRecord("the message author is not an object")
    for key in ("nickname", "name"):
        value = author.get(key)
        if isinstance(value, str) and value.strip():
            return jio.scrub(value)
    return ""


def _attachment(record: dict[str, Any]) -> tuple[AttachmentKind | None, str | None]:
    attachments = record.get("attachments")
    if isinstance(attachments, list) and attachments:
        first = attachments[0]
        file_name = first.get("fileName") if isinstance(first, dict) else None
        if not isinstance(file_name, str) or not file_name:
            url = first.get("url") if isinstance(first, dict) else None
            file_name = url.split("?", 1)[0].rsplit("/", 1)[-1] if isinstance(url, str) else ""
        return jio.kind_for_filename(file_name), jio.scrub(file_name) or None
    stickers = record.get("stickers")
    if isinstance(stickers, list) and stickers:
        return AttachmentKind.STICKER, None
    return None, None
