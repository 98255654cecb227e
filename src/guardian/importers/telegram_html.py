"""Telegram Desktop HTML export, see SPEC.md section 2.2.

A chat is `messages.html`, `messages2.html`, `messages3.html` ... in one
folder.  The Source for `messages.html` reads every numbered part of its
folder in order; a later part whose first part is present yields nothing, so
a chat is never imported twice.  A part on its own (first part missing) is
read alone.

What the HTML does not carry, and how we fill it:
* the chat id: the conversation key is the chat title from the page header;
* service messages have no time: they get the time of the message before
  them; at the start of the chat, that of the next dated message, or
  failing that midnight of the date divider above them;
* the sender of a `joined` message is the previous message's sender.
Positions are 1-based numbers of message blocks (date dividers excluded)
counted across all parts.  `raw` is the message block's exact outer HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import PurePosixPath

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers._htmltree import Element, HtmlError, parse_html, text_content
from guardian.importers._jsonio import SkipRecord
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "telegram_html"
VERSION = "1"
PLATFORM = "telegram"

# Telegram starts a new file every 1000 messages, so a part is a few MB;
# the bound only protects against something that is not an export at all.
MAX_PART_BYTES = 64 * 1024 * 1024

_PART_NAME = re.compile(r"messages(\d*)\.html")
_DATE_TITLE = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{1,2}):(\d{2}))?")
# A sender name; names right inside a forwarded body are the original
# author's, not a member of this chat (group 1 marks those).
_FROM_NAME_TEXT = re.compile(r'(class="forwarded body">\s*)?<div class="from_name">\s*([^<]*?)\s*<')
_MEDIA_KINDS = (
    ("photo_wrap", AttachmentKind.IMAGE), ("media_photo", AttachmentKind.IMAGE),
    ("sticker_wrap", AttachmentKind.STICKER), ("media_sticker", AttachmentKind.STICKER),
    ("animated_wrap", AttachmentKind.GIF), ("media_animation", AttachmentKind.GIF),
    ("video_file_wrap", AttachmentKind.VIDEO), ("media_video", AttachmentKind.VIDEO),
    ("media_voice_message", AttachmentKind.AUDIO), ("media_audio_file", AttachmentKind.AUDIO),
    ("media_file", AttachmentKind.DOCUMENT),
    ("media_contact", AttachmentKind.CONTACT),
    ("media_location", AttachmentKind.LOCATION), ("media_live_location", AttachmentKind.LOCATION),
    ("media_venue", AttachmentKind.LOCATION),
    ("media_call", AttachmentKind.OTHER), ("media_poll", AttachmentKind.OTHER),
    ("media_game", AttachmentKind.OTHER), ("media_invoice", AttachmentKind.OTHER),
)
_MONTHS = {m: i for i, m in enumerate(
    ("january february march april may june july august september october november december").split(), 1)}


# --- sniff ---------------------------------------------------------------------


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text or "<" not in text[:512]:
        return False
    return (re.search(r'class="page_wrap"', text) is not None
            and re.search(r'class="[^"]*\bhistory\b', text) is not None
            and re.search(r'class="message (?:default|service)\b', text) is not None)


# --- parse ---------------------------------------------------------------------


@dataclass
class _State:
    """What carries from one message block to the next, across parts."""

    position: int = 0
    last_sender: str = ""
    last_time: datetime | None = None
    divider_date: datetime | None = None
    # Undated service blocks waiting for a time: (position, block, page, divider date).
    pending: list[tuple[int, Element, str, datetime | None]] = field(default_factory=list)


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    parts = _parts(source)
    if not parts:
        return
    texts = _PartTexts(source, parts)
    conversation = _conversation(texts, source)
    state = _State()
    for member in parts:
        page = texts.read(member)
        root = _tree(page, texts.path(member))
        for block in _message_blocks(root):
            yield from _read_block(block, page, conversation, state, ctx)
    for position, block, page, divider in state.pending:
        if divider is None:
            ctx.skip(position, "the service message has no time and no dated message follows it")
        else:
            yield _service_message(block, page, conversation, position, divider)
    ctx.on_progress(state.position)


def _parts(source: Source) -> list[str]:
    """Members to read, in order; empty when another Source reads them."""
    match = _PART_NAME.fullmatch(PurePosixPath(source.name).name)
    if match is None:
        return [source.name]
    numbered = jio.same_folder_siblings(source, _PART_NAME)
    number = int(match.group(1) or 1)
    if number >= 2:
        return [] if 1 in numbered else [source.name]
    return [source.name] + [numbered[n] for n in sorted(numbered) if n >= 2]


class _PartTexts:
    """Reads part files as text, the first through `open`, others as siblings."""

    def __init__(self, source: Source, parts: list[str]) -> None:
        self._source = source
        self._parts = parts

    def path(self, member: str) -> str:
        source = self._source
        return source.display_path if member == source.name else jio.sibling_display_path(source, member)

    def read(self, member: str) -> str:
        source, path = self._source, self.path(member)
        try:
            with (source.open() if member == source.name else source.open_sibling(member)) as stream:
                data = jio.read_capped(stream, path, MAX_PART_BYTES)
        except OSError as exc:
            raise BadExport(path, f"the file could not be read ({exc.strerror or exc})") from None
        return _decode(data, path)

    def all(self) -> Iterator[tuple[str, str]]:
        """(display path, text) of every part, in order."""
        return ((self.path(member), self.read(member)) for member in self._parts)


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadExport(path, "the file is not UTF-8 text, so it is not a Telegram HTML export") from None


def _tree(page: str, path: str) -> Element:
    try:
        return parse_html(page)
    except HtmlError:
        raise BadExport(path, "the file could not be read as HTML") from None


def _conversation(texts: _PartTexts, source: Source) -> Conversation:
    """Title from the first part's header; is_group from the number of
    distinct senders, counted with a cheap first pass over every part."""
    title, senders = "", set()
    for path, page in texts.all():
        if not title:
            header_end = page.find('class="history"')
            title = _header_title(_tree(page[:header_end] if header_end >= 0 else page, path))
        senders.update(html.unescape(name) for forwarded, name in _FROM_NAME_TEXT.findall(page)
                       if not forwarded)
        if len(senders) > 2:
            break
    title = title or source.title_hint or source.stem
    return Conversation(platform=PLATFORM, key=title, title=title, is_group=len(senders) > 2)


def _header_title(root: Element) -> str:
    header = root.find("div", "page_header")
    text = header.find("div", "text") if header else None
    return text_content(text) if text else ""


def _message_blocks(root: Element) -> Iterator[Element]:
    """Top-level `div.message` blocks in document order (not nested ones)."""
    stack = list(reversed(list(root.elements())))
    while stack:
        node = stack.pop()
        if node.tag == "div" and "message" in node.classes:
            yield node
        else:
            stack.extend(reversed(list(node.elements())))


def _read_block(block: Element, page: str, conversation: Conversation, state: _State,
                ctx: ParseContext) -> Iterator[Message]:
    if _is_date_divider(block):
        state.divider_date = _divider_date(block, ctx) or state.divider_date
        return
    state.position += 1
    jio.tick(ctx, state.position)
    if "service" in block.classes:
        yield from _service(block, page, conversation, state, ctx)
        return
    try:
        message = _default_message(block, page, conversation, state, ctx)
    except SkipRecord as exc:
        ctx.skip(state.position, str(exc))
        return
    yield from _flush_pending(message.timestamp, conversation, state)
    yield message


def _is_date_divider(block: Element) -> bool:
    # Date dividers are service blocks with negative ids ("message-1").
    return "service" in block.classes and block.attrs.get("id", "").startswith("message-")


def _divider_date(block: Element, ctx: ParseContext) -> datetime | None:
    match = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text_content(block))
    month = _MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None:
        return None
    try:
        return ctx.localize(datetime(int(match.group(3)), month, int(match.group(1))))
    except ValueError:
        return None


def _service(block: Element, page: str, conversation: Conversation, state: _State,
             ctx: ParseContext) -> Iterator[Message]:
    when = _block_time(block, ctx) or state.last_time
    if when is None:
        state.pending.append((state.position, block, page, state.divider_date))
        return
    yield _service_message(block, page, conversation, state.position, when)


def _service_message(block: Element, page: str, conversation: Conversation, position: int,
                     when: datetime) -> Message:
    body = block.find("div", "body") or block
    return Message(conversation=conversation, sender="", timestamp=when,
                   text=jio.scrub(text_content(body)), raw=jio.scrub(page[block.start:block.end]),
                   position=position, is_system=True)


def _flush_pending(when: datetime, conversation: Conversation, state: _State) -> Iterator[Message]:
    state.last_time = when
    for position, block, page, _divider in state.pending:
        yield _service_message(block, page, conversation, position, when)
    state.pending.clear()


def _default_message(block: Element, page: str, conversation: Conversation, state: _State,
                     ctx: ParseContext) -> Message:
    body = block.child("div", "body") or block
    timestamp = _block_time(block, ctx)
    if timestamp is None:
        raise SkipRecord("the message has no readable date")
    sender = _sender(body, block, state)
    text_div = _text_div(body)
    attachment, name = _attachment(body)
    return Message(conversation=conversation, sender=jio.scrub(sender), timestamp=timestamp,
                   text=jio.scrub(text_content(text_div)) if text_div else "",
                   raw=jio.scrub(page[block.start:block.end]), position=state.position,
                   attachment=attachment, attachment_name=name and jio.scrub(name))


def _sender(body: Element, block: Element, state: _State) -> str:
    from_name = body.child("div", "from_name")
    if from_name is not None and "joined" not in block.classes:
        # Skip "via @bot" and date spans that follow the name.
        state.last_sender = text_content(from_name, frozenset({"details", "date"}))
    return state.last_sender


def _text_div(body: Element) -> Element | None:
    """The message's own text, else the text of what it forwards.  Quoted
    replies and reactions are not the sender's words."""
    own = body.child("div", "text")
    if own is not None:
        return own
    forwarded = body.child("div", "forwarded")
    return forwarded.find("div", "text") if forwarded else None


def _block_time(block: Element, ctx: ParseContext) -> datetime | None:
    for element in block.iter():
        if element.has_class("date", "details") and "title" in element.attrs:
            # The first dated element is the message's own; forwarded and
            # reply headers come after it.
            return _parse_title(element.attrs["title"], ctx)
    return None


def _parse_title(title: str, ctx: ParseContext) -> datetime | None:
    """"23.08.2023 13:11:23 UTC-08:00" -> aware time in the parent's zone;
    very old exports have no "UTC" part and show local time."""
    match = _DATE_TITLE.fullmatch(title.strip())
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
    try:
        naive = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
        if sign is None:
            return ctx.localize(naive)
        offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (-1 if sign == "-" else 1)
        return naive.replace(tzinfo=timezone(offset)).astimezone(ctx.tz)
    except (ValueError, OverflowError):
        return None


def _attachment(body: Element) -> tuple[AttachmentKind | None, str | None]:
    wrap = body.child("div", "media_wrap")
    if wrap is None:
        return None, None
    for element in [wrap, *wrap.iter()]:
        for css_class, kind in _MEDIA_KINDS:
            if css_class in element.classes:
                return kind, _local_href(element)
    return AttachmentKind.OTHER, None


def _local_href(element: Element) -> str | None:
    """The media file's relative path when the export included the file."""
    link = element if element.tag == "a" else element.find("a")
    href = link.attrs.get("href", "") if link else ""
    if not href or href.startswith("#") or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href):
        return None
    return href
