"""Signal chats as written by signal-export's `chat.md`, see SPEC.md section 8.

Signal has no official export; signal-export (carderne) writes one folder
per chat holding `chat.md`, `data.json` and `media/`.  A message is

    [2023-05-29 15:04:05] Sara: first line
    more lines
    ![photo.jpg](./media/photo.jpg)
    (- Ali: 👍 -)

with a blank line between messages.  The older form `[2019-05-29, 15:04]
Me: ...` (no seconds, a comma, no blank lines) is read too.

* A quote of an earlier message (`> ...` lines at the start of the body) is
  dropped: it repeats someone else's words under this sender's name.
* Attachment link lines give the attachment kind and name and are removed
  from the text; reaction lines `(- Name: 👍 -)` are removed as well.
* "(This message was deleted)" becomes a system message.
* signal-export names the account owner "Me", which is `OWNER`.
* The chat's name is the folder signal-export created (see `chat_title`),
  also the conversation key, so `chat.md` and `data.json` of one chat land
  in the same conversation.
* Timestamps are the exporting computer's wall-clock time (ctx.localize).

`position` is the line of the message's header; `raw` the header line and
its continuation lines as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers import _jsonio as jio
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "signal_md"
VERSION = "1"
PLATFORM = "signal"
OWNER = "Me"
PROGRESS_EVERY = 2000
MAX_BYTES = 256 * 1024 * 1024
DELETED_TEXT = "This message was deleted"

_HEADER = re.compile(
    r"\[(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?P<comma>,?) (?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2}))?\] (?P<rest>.*)")
_ATTACHMENT = re.compile(r"(?P<image>!?)\[(?P<name>[^\]\n]*)\]\((?P<path>[^)\n]*)\)")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_REACTIONS = re.compile(r"\(- .*: .* -\)")
_DELETED = "(This message was deleted)"
_GENERIC_STEMS = frozenset({"chat", "data", "index", "messages", "export", ""})
# Markers of a WhatsApp iOS export, whose Swedish-style header looks the same.
_WHATSAPP_MARKERS = ("\u200e", "end-to-end encrypted", "مشفرة تمامًا", "omitted>")


# --- sniff ---------------------------------------------------------------------


def sniff(source: Source) -> bool:
    text = jio.head_text(source)
    if not text or any(marker in text for marker in _WHATSAPP_MARKERS):
        return False
    lines = _split_lines(text)
    if len(lines) > 1 and not text.endswith("\n"):
        lines = lines[:-1]  # the head may cut the last line
    headers = [i for i, line in enumerate(lines) if _HEADER.fullmatch(line)]
    if not headers or headers[0] != 0:
        return False
    first = _HEADER.fullmatch(lines[0])
    assert first is not None
    if first.group("comma"):
        return first.group("s") is None          # the old form: never seconds
    if first.group("s") is None:
        return False
    # The current form puts a blank line before every later header.
    return all(lines[i - 1].strip() == "" for i in headers[1:])


# --- chat naming (shared with signal_json) ---------------------------------------


def chat_title(source: Source, fallback: str = "Signal chat") -> str:
    """The chat's name: signal-export names each chat's folder after the
    chat, so a folder inside a zip is preferred; then `title_hint` (the
    zip's or the file's stem) unless it is a generic name like "chat" or
    "data", in which case the folder on disk holding the file names it."""
    member_folder = PurePosixPath(source.name.replace("\\", "/")).parent.name
    if member_folder:
        return member_folder
    hint = source.title_hint.strip()
    if hint and hint.lower() not in _GENERIC_STEMS:
        return hint
    # display_path is "C:\\...\\Sara\\chat.md" or "/x/Sara.zip!/chat.md".
    outer = source.display_path.replace("\\", "/").split("!/")
    path = PurePosixPath(outer[-1] if len(outer) == 1 else outer[-2])
    folder = path.parent.name if len(outer) == 1 else path.stem
    if folder:
        return folder
    return hint or fallback


def conversation_for(source: Source, senders: Iterable[str]) -> Conversation:
    title = chat_title(source)
    others = {s for s in senders if s and s != OWNER}
    return Conversation(platform=PLATFORM, key=title, title=title,
                        is_group=len(others) > 1, owner=OWNER)


# --- parse ---------------------------------------------------------------------


@dataclass
class _Entry:
    line: int
    header: re.Match[str]
    lines: list[str] = field(default_factory=list)

    @property
    def sender(self) -> str:
        return _split_sender(self.header.group("rest"))[0]


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    text = _read_text(source)
    entries = list(_entries(_split_lines(text), ctx))
    if not entries:
        raise BadExport(source.display_path, "no Signal messages were found in the file")
    conversation = conversation_for(source, (e.sender for e in entries))
    count = 0
    for index, entry in enumerate(entries, start=1):
        message = _message(entry, conversation, ctx)
        if message is not None:
            count += 1
            yield message
        if index % PROGRESS_EVERY == 0:
            ctx.check_cancelled()
            ctx.on_progress(count)
    ctx.on_progress(count)


def _split_lines(text: str) -> list[str]:
    # Not str.splitlines(): that also breaks at U+2028, U+0085 and other
    # characters a message body may legitimately contain.
    return re.split(r"\r?\n", text)


def _read_text(source: Source) -> str:
    if source.size > MAX_BYTES:
        raise BadExport(source.display_path, "the file is larger than 256 MB, which is more "
                                             "than a chat export can be")
    try:
        with source.open() as stream:
            data = jio.read_capped(stream, source.display_path, MAX_BYTES)
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None
    # A damaged byte costs one character (U+FFFD), not the whole chat.
    return data.decode("utf-8-sig", errors="replace")


def _entries(lines: list[str], ctx: ParseContext) -> Iterator[_Entry]:
    current: _Entry | None = None
    for number, line in enumerate(lines, start=1):
        header = _HEADER.fullmatch(line)
        if header is not None:
            if current is not None:
                yield current
            current = _Entry(number, header, [line])
        elif current is not None:
            current.lines.append(line)
        elif line.strip():
            ctx.skip(number, "text before the first message was ignored")
    if current is not None:
        yield current


def _message(entry: _Entry, conversation: Conversation, ctx: ParseContext) -> Message | None:
    lines = list(entry.lines)
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()  # the blank separator before the next message
    raw = "\n".join(lines)
    try:
        timestamp = ctx.localize(_naive_time(entry.header))
    except ValueError:
        ctx.skip(entry.line, "the message has an impossible date")
        return None
    sender, first = _split_sender(entry.header.group("rest"))
    body, kind, name = _clean_body([first, *lines[1:]])
    is_system = sender == ""
    if body == _DELETED:
        body, is_system = DELETED_TEXT, True
    return Message(conversation=conversation, sender=sender or "Signal", timestamp=timestamp,
                   text=body, raw=raw, position=entry.line, attachment=kind,
                   attachment_name=name, is_system=is_system)


def _naive_time(header: re.Match[str]) -> datetime:
    y, mo, d, h, mi = (int(header.group(g)) for g in ("y", "mo", "d", "h", "mi"))
    return datetime(y, mo, d, h, mi, int(header.group("s") or 0))


def _split_sender(rest: str) -> tuple[str, str]:
    """("Sara", "text") from "Sara: text"; ("", rest) when no sender is named."""
    name, sep, body = rest.partition(": ")
    if sep:
        return name.strip(), body
    if rest.endswith(":"):
        return rest[:-1].strip(), ""
    return "", rest


def _clean_body(lines: list[str]) -> tuple[str, AttachmentKind | None, str | None]:
    """Text without quote, attachment and reaction lines, plus the first
    attachment's kind and name."""
    lines = [line.rstrip() for line in lines]
    lines = _drop_quote(lines)
    kept: list[str] = []
    kind: AttachmentKind | None = None
    name: str | None = None
    for line in lines:
        link = _ATTACHMENT.fullmatch(line.strip())
        if link is not None and not _URL_SCHEME.match(link.group("path")):
            if kind is None:
                kind, name = _link_kind(link), link.group("name") or None
            continue
        if _REACTIONS.fullmatch(line.strip()):
            continue
        kept.append(line)
    return "\n".join(kept).strip("\n"), kind, name


def _drop_quote(lines: list[str]) -> list[str]:
    start = 1 if lines and not lines[0].strip() and len(lines) > 1 and lines[1].startswith(">") else 0
    end = start
    while end < len(lines) and lines[end].startswith(">"):
        end += 1
    if end == start:
        return lines
    if end < len(lines) and not lines[end].strip():
        end += 1  # the blank line closing the quote
    return lines[end:]


def _link_kind(link: re.Match[str]) -> AttachmentKind:
    kind = jio.kind_for_filename(link.group("path") or link.group("name"))
    if kind is AttachmentKind.OTHER and link.group("image"):
        return AttachmentKind.IMAGE  # "![...]" is how signal-export marks pictures
    return kind
