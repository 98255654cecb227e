"""Android "SMS Backup & Restore" (SyncTech) XML, see SPEC.md section 6.

The root is `<smses>`; its children are `<sms .../>` (everything in
attributes) and `<mms>` (text and media in `<parts>`, sender in `<addrs>`).
Signal-Android's old plaintext export writes the same shape.

Decisions worth knowing:

* The phone owner (usually the child) has no name in the file, so every
  message the phone sent is attributed to the literal sender `OWNER` ("Me"),
  and every conversation's `owner` is that same name.  Drafts, outbox,
  failed and queued messages (types 3-6) count as the owner's too: they are
  words the child wrote even if the network never carried them.
* One conversation per address: the key is the normalised phone number
  (spaces, dashes, brackets dropped; a 00 prefix becomes +), the title the
  contact name when the backup knows it.  A local number and the same
  number in international form stay two conversations, because the country
  cannot be told from the file.
* The file is streamed.  A pre-pass (`_CleanStream`) repairs emoji written
  as UTF-16 surrogate-pair character references (invalid XML that expat
  rejects), turns other invalid references into U+FFFD, and drops MMS
  base64 `data` payloads before the parser ever sees them, so neither
  memory nor the stored `raw` evidence ever holds media.
* Damage after the first message (truncation, a bad byte) keeps what was
  read: the failure is reported once through `ctx.skip` and the import
  stops.  Damage before the first message is a `BadExport`.
* `position` is the 1-based index of the element among `<smses>`' children;
  `raw` is the element serialised back (attributes, with `data` replaced by
  `data_omitted="<base64 length>"`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from guardian.domain import AttachmentKind, Conversation, Message
from guardian.importers.base import BadExport, ParseContext, Source

FORMAT = "sms_xml"
VERSION = "1"
PLATFORM = "sms"
OWNER = "Me"
PROGRESS_EVERY = 2000

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_UNKNOWN_CONTACTS = frozenset({"(unknown)", "unknown", "null", ""})
_RECEIVED = "1"
_OWNER_TYPES = frozenset({"2", "3", "4", "5", "6"})     # sent, draft, outbox, failed, queued
_MMS_FROM = "137"
_MMS_INBOX = "1"

# --- sniff ---------------------------------------------------------------------

# The first element start tag: `<` + a name, which skips `<?xml ...?>`,
# comments and `<!DOCTYPE`.  A DOCTYPE is still claimed so that parse()
# can refuse a hostile file loudly instead of calling it "unknown format".
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.:-]*)")


def sniff(source: Source) -> bool:
    try:
        head = source.head(8192)
    except Exception:  # sniffing must never raise, whatever the opener does
        return False
    if not isinstance(head, bytes):
        return False
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"<"):
        return False
    match = _FIRST_ELEMENT.search(_without_comments(head))
    return match is not None and match.group(1) == b"smses"


def _without_comments(head: bytes) -> bytes:
    return re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)


# --- the streaming pre-pass ----------------------------------------------------

_REF = rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));"
_REF_RUN = re.compile(rb"(?:" + _REF + rb")+")
_ONE_REF = re.compile(_REF)
# A reference cut by the end of the buffer: "&", "&#", "&#55", "&#x", "&#xD8" ...
_PARTIAL_REF_AT_END = re.compile(rb"&(?:#(?:[xX][0-9a-fA-F]{0,8}|[0-9]{0,10})?)?\Z")
# The payload attribute as SyncTech writes it: after another attribute's
# closing quote and one space.  Requiring that quote keeps a body that
# merely contains ` data="` (possible only in a '-quoted attribute) intact.
_DATA_ATTR = re.compile(rb'"\sdata="')
_HOLD_FOR_DATA = len(b'" data="')
_REPLACEMENT = b"&#65533;"


def _code_point(match: re.Match[bytes]) -> int:
    hex_digits, dec_digits = match.group(1), match.group(2)
    return int(hex_digits, 16) if hex_digits else int(dec_digits)


def _is_high(cp: int) -> bool:
    return 0xD800 <= cp <= 0xDBFF


def _is_low(cp: int) -> bool:
    return 0xDC00 <= cp <= 0xDFFF


def _xml_allowed(cp: int) -> bool:
    """XML 1.0's Char production."""
    return (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF
            or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF)


def _fix_run(run: re.Match[bytes]) -> bytes:
    """Rewrite one run of adjacent character references: a high+low
    surrogate pair becomes the combined code point; any other reference XML
    forbids becomes U+FFFD; valid references are kept as written."""
    refs = list(_ONE_REF.finditer(run.group(0)))
    out: list[bytes] = []
    i = 0
    while i < len(refs):
        cp = _code_point(refs[i])
        if _is_high(cp) and i + 1 < len(refs) and _is_low(_code_point(refs[i + 1])):
            combined = 0x10000 + ((cp - 0xD800) << 10) + (_code_point(refs[i + 1]) - 0xDC00)
            out.append(b"&#%d;" % combined)
            i += 2
            continue
        out.append(refs[i].group(0) if _xml_allowed(cp) else _REPLACEMENT)
        i += 1
    return b"".join(out)


def fix_references(data: bytes) -> bytes:
    """Repair surrogate-pair and other invalid character references in a
    complete piece of XML (the streaming pre-pass uses this per safe chunk)."""
    if b"&#" not in data:
        return data
    return _REF_RUN.sub(_fix_run, data)


def _safe_cut(buf: bytes, cut: int) -> int:
    """Move `cut` back so that no character reference is split and a
    complete high-surrogate reference waits for its possible partner."""
    partial = _PARTIAL_REF_AT_END.search(buf, max(0, cut - 16), cut)
    if partial is not None:
        cut = partial.start()
    start = buf.rfind(b"&#", max(0, cut - 16), cut)
    if start != -1:
        last = _ONE_REF.fullmatch(buf, start, cut)
        if last is not None and _is_high(_code_point(last)):
            cut = start
    return cut


class _CleanStream:
    """A read()-able view of the export with references repaired and MMS
    `data` payloads dropped, streaming in bounded memory.

    Safety across chunk boundaries: the tail of each chunk that might be the
    start of a reference, of a surrogate pair, or of ` data="` is carried
    over to the next chunk instead of being rewritten too early."""

    CHUNK = 1 << 16

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._carry = b""
        self._out = bytearray()
        self._eof = False
        self._in_data = False
        self._data_len = 0

    def read(self, size: int = -1) -> bytes:
        want = size if size is not None and size >= 0 else None
        while not self._eof and (want is None or len(self._out) < want):
            self._fill()
        if want is None:
            want = len(self._out)
        chunk = bytes(self._out[:want])
        del self._out[:want]
        return chunk

    def _fill(self) -> None:
        chunk = self._raw.read(self.CHUNK)
        if not chunk:
            self._eof = True
        self._process(self._carry + chunk, final=self._eof)

    def _process(self, buf: bytes, final: bool) -> None:
        self._carry = b""
        while buf:
            if self._in_data:
                buf = self._skip_data(buf)
                continue
            match = _DATA_ATTR.search(buf)
            if match is not None:
                self._out += fix_references(buf[:match.start() + 2])  # keep `"` and the space
                self._in_data, self._data_len = True, 0
                buf = buf[match.end():]
                continue
            if final:
                self._out += fix_references(buf)
                return
            cut = _safe_cut(buf, max(0, len(buf) - _HOLD_FOR_DATA))
            self._out += fix_references(buf[:cut])
            self._carry = buf[cut:]
            return

    def _skip_data(self, buf: bytes) -> bytes:
        end = buf.find(b'"')
        if end == -1:
            self._data_len += len(buf)
            return b""
        self._data_len += end
        self._out += b'data_omitted="%d"' % self._data_len
        self._in_data = False
        return buf[end + 1:]


# --- parse ---------------------------------------------------------------------


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    reader = _Reader(source, ctx)
    try:
        with source.open() as raw:
            yield from reader.run(_CleanStream(raw))
    except OSError as exc:
        raise BadExport(source.display_path, f"the file could not be read ({exc.strerror or exc})") from None
    ctx.on_progress(reader.count)


class _Reader:
    """Walks the element stream; keeps per-file state (conversations seen,
    element index) out of module globals."""

    def __init__(self, source: Source, ctx: ParseContext) -> None:
        self.source = source
        self.ctx = ctx
        self.conversations: dict[str, Conversation] = {}
        self.index = 0          # children of <smses> seen so far
        self.count = 0          # messages yielded
        self.root_seen = False

    def run(self, stream: _CleanStream) -> Iterator[Message]:
        try:
            yield from self._walk(iterparse(stream, events=("start", "end"), forbid_dtd=True))
        except DefusedXmlException:
            raise BadExport(self.source.display_path,
                            "the file declares a DTD or XML entities, which SMS backups never do; "
                            "refused for safety") from None
        except ParseError as exc:
            self._damaged(exc)
        except (LookupError, ValueError):  # expat: unknown or multi-byte encoding
            raise BadExport(self.source.display_path,
                            "the XML declares a text encoding Guardian cannot read") from None
        except RecursionError:
            raise BadExport(self.source.display_path, "the XML is nested too deeply") from None

    def _walk(self, events: Iterator[tuple[str, Element]]) -> Iterator[Message]:
        depth = 0
        root: Element | None = None
        for event, elem in events:
            if event == "start":
                depth += 1
                if depth == 1:
                    root = self._check_root(elem)
                continue
            depth -= 1
            if depth != 1:
                continue
            self.index += 1
            message = self._read_element(elem)
            if message is not None:
                self.count += 1
                yield message
            if root is not None:
                root.clear()  # drop finished children: bounded memory on huge files
            if self.index % PROGRESS_EVERY == 0:
                self.ctx.check_cancelled()
                self.ctx.on_progress(self.count)
        if root is None:
            raise BadExport(self.source.display_path, "the file holds no XML elements")

    def _check_root(self, elem: Element) -> Element:
        if elem.tag == "calls":
            raise BadExport(self.source.display_path,
                            "this is a call log backup; it holds no messages")
        if elem.tag != "smses":
            raise BadExport(self.source.display_path,
                            "the XML is not an SMS Backup & Restore file (no <smses> root)")
        self.root_seen = True
        return elem

    def _damaged(self, exc: ParseError) -> None:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        if not self.root_seen or self.index == 0:
            raise BadExport(self.source.display_path,
                            f"the file is not readable XML (damaged at line {line})") from None
        self.ctx.skip(self.index + 1, f"the file is damaged or cut off at line {line}; "
                                      f"the {self.count} messages before it were kept")

    def _read_element(self, elem: Element) -> Message | None:
        try:
            if elem.tag == "sms":
                return self._sms(elem)
            if elem.tag == "mms":
                return self._mms(elem)
        except _Skip as skip:
            self.ctx.skip(self.index, str(skip))
            return None
        self.ctx.skip(self.index, f"an unknown <{elem.tag[:40]}> element was ignored")
        return None

    # --- records --------------------------------------------------------------

    def _sms(self, elem: Element) -> Message:
        kind = _value(elem, "type")
        address = _value(elem, "address")
        contact = _contact(elem)
        conversation = self._conversation(address, contact)
        if kind == _RECEIVED:
            sender = contact or address or "Unknown"
        elif kind in _OWNER_TYPES:
            sender = OWNER
        else:
            raise _Skip(f"an SMS of unknown type {kind[:10]!r} was skipped")
        return Message(conversation=conversation, sender=sender,
                       timestamp=_timestamp(elem, self.ctx), text=_value(elem, "body"),
                       raw=_raw(elem), position=self.index)

    def _mms(self, elem: Element) -> Message:
        address = _value(elem, "address")
        contact = _contact(elem)
        conversation = self._conversation(address, contact)
        if _value(elem, "msg_box") == _MMS_INBOX:
            sender = self._mms_sender(elem, conversation, contact, address)
        else:
            sender = OWNER
        texts, kind, name = _mms_parts(elem)
        return Message(conversation=conversation, sender=sender,
                       timestamp=_timestamp(elem, self.ctx), text="\n".join(texts),
                       raw=_raw(elem), position=self.index, attachment=kind, attachment_name=name)

    def _mms_sender(self, elem: Element, conversation: Conversation,
                    contact: str, address: str) -> str:
        sender = ""
        for addr in elem.iterfind("addrs/addr"):
            if addr.get("type") == _MMS_FROM:
                sender = _value(addr, "address")
                break
        if not sender:
            return contact or address or "Unknown"
        # The contact name belongs to the conversation, so it names the
        # sender only in a one-to-one chat with that same number.
        if contact and not conversation.is_group and normalize_address(sender) == conversation.key:
            return contact
        return sender

    def _conversation(self, address: str, contact: str) -> Conversation:
        key = normalize_address(address)
        conversation = self.conversations.get(key)
        if conversation is None:
            title = contact or address or "Unknown number"
            conversation = Conversation(platform=PLATFORM, key=key, title=title,
                                        is_group="~" in key, owner=OWNER)
            self.conversations[key] = conversation
        return conversation


class _Skip(Exception):
    """One element is unusable; the message is the plain-English reason."""


def _value(elem: Element, name: str) -> str:
    """An attribute, with the literal "null" (how the app writes a missing
    value) read as empty."""
    value = elem.get(name)
    if value is None or value.strip() == "null":
        return ""
    return value


def _contact(elem: Element) -> str:
    name = _value(elem, "contact_name").strip()
    return "" if name.lower() in _UNKNOWN_CONTACTS else name


_DIAL_JUNK = re.compile(r"[\s\-().\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def normalize_address(address: str) -> str:
    """The conversation key for an address: digits (any script folded to
    ASCII) with an optional leading +; group MMS addresses (`~`-joined) are
    normalised member by member and sorted.  Short codes and alphanumeric
    senders ("STC", "Google") are lower-cased."""
    parts = [p for p in (_one_address(a) for a in address.split("~")) if p]
    if not parts:
        return "unknown"
    return "~".join(sorted(set(parts)))


def _one_address(address: str) -> str:
    folded = address if address.isascii() else "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in address)
    compact = _DIAL_JUNK.sub("", folded)
    if compact.startswith("00") and compact[2:].isdigit():
        compact = "+" + compact[2:]
    if re.fullmatch(r"\+?\d+", compact):
        return compact
    return address.strip().lower()


def _timestamp(elem: Element, ctx: ParseContext) -> datetime:
    value = _value(elem, "date").strip()
    if not re.fullmatch(r"-?\d{1,18}", value):
        raise _Skip("the message has no readable date")
    number = int(value)
    # SyncTech writes milliseconds; an MMS copied from Android's own
    # database may carry seconds.  1e11 ms is 1973, 1e11 s is year 5138.
    millis = number if abs(number) >= 10**11 else number * 1000
    try:
        return (_EPOCH + timedelta(milliseconds=millis)).astimezone(ctx.tz)
    except (OverflowError, ValueError, OSError):
        raise _Skip("the message date is out of range") from None


_PART_KINDS = (
    ("image/gif", AttachmentKind.GIF),
    ("image/", AttachmentKind.IMAGE),
    ("video/", AttachmentKind.VIDEO),
    ("audio/", AttachmentKind.AUDIO),
    ("text/x-vcard", AttachmentKind.CONTACT),
    ("text/vcard", AttachmentKind.CONTACT),
    ("text/x-vcalendar", AttachmentKind.DOCUMENT),
    ("application/", AttachmentKind.DOCUMENT),
)
_LAYOUT_TYPES = frozenset({"application/smil"})


def _mms_parts(elem: Element) -> tuple[list[str], AttachmentKind | None, str | None]:
    """The message's text parts, and the kind and name of its first media
    part (only the kind and name are kept, never the media)."""
    texts: list[str] = []
    kind: AttachmentKind | None = None
    name: str | None = None
    for part in elem.iterfind("parts/part"):
        content_type = _value(part, "ct").lower().strip()
        if content_type == "text/plain":
            text = _value(part, "text")
            if text:
                texts.append(text)
            continue
        if content_type in _LAYOUT_TYPES or kind is not None:
            continue
        kind = next((k for prefix, k in _PART_KINDS if content_type.startswith(prefix)),
                    AttachmentKind.OTHER)
        name = _value(part, "name") or _value(part, "cl") or None
    return texts, kind, name


_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"})


def _raw(elem: Element) -> str:
    """The element as XML again.  An <sms> is one flat tag, written here
    directly: ElementTree's general serializer would cost a third of the
    import time."""
    if len(elem) or (elem.text and elem.text.strip()):
        return tostring(elem, encoding="unicode").strip()
    attributes = "".join(f' {name}="{value.translate(_ATTR_ESCAPES)}"'
                         for name, value in elem.attrib.items())
    return f"<{elem.tag}{attributes} />"
