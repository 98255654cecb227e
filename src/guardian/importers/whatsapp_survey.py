"""What the WhatsApp importer needs to know before it yields the first
message, gathered in a first streaming pass over the whole file: the day/
month order (decided file-wide, SPEC 1.6 step 5), which header styles occur,
and what names the chat (group subject, senders, group events).

The line-level helpers here (`author_name`, `is_system_body`, `body_start`)
are shared with the second pass so that both passes read a line alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guardian.importers import whatsapp_phrases as phrases
from guardian.importers.base import ParseContext, Source
from guardian.importers.whatsapp_header import (
    ANDROID,
    COLON,
    FAST_HEADER,
    HEADER,
    HEADER_STARTS,
    IOS,
    DateOrderVotes,
    style_of,
)
from guardian.importers.whatsapp_lines import line_batches

CHECK_EVERY = 5000
MAX_TRACKED_SENDERS = 5000   # bounds memory on hostile files; real groups hold <= 1024
# A prefix no line starts with (decoding never yields a lone surrogate), so
# the first line never takes the "same prefix as the line before" shortcut.
NO_PREFIX = "\ud800"

MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_FORMAT_CHARS = dict.fromkeys(map(ord, MARKS))
_QUOTES = ('"', "\u201c", "\u201d", "\u00ab")
LRM, RLM = "\u200e", "\u200f"
UNKNOWN: str | None = "\ud800unknown"     # sentinel for dict.get: not seen yet


def author_name(raw: str) -> str | None:
    """A sender as people read it: without bidi/format marks and without the
    "~ " WhatsApp puts before people not in the phone's contacts.  None when
    the text before ": " is no author: "X changed the subject to "a: b"" has
    its ": " inside the quoted subject."""
    if any(q in raw for q in _QUOTES):
        return None
    name = raw.translate(_FORMAT_CHARS).strip()
    if name.startswith("~"):
        name = name[1:].strip()
    return name


def body_start(line: str, colon: int) -> tuple[int, bool]:
    """Where the body starts after the author's ": ", and whether WhatsApp
    marked it as its own text (a leading LRM, iOS).  One leading LRM/RLM is
    not part of the body."""
    first = line[colon + 2:colon + 3]
    if first == LRM:
        return colon + 3, True
    return (colon + 3, False) if first == RLM else (colon + 2, False)


def may_be_system(line: str, start: int, marked: bool) -> bool:
    """Cheap shape test before `is_system_body`: nearly every body is
    ordinary text and fails it."""
    return (marked or line.startswith(phrases.STRONG_STARTS, start)
            or line.endswith(phrases.STRONG_ENDS))


def is_system_body(body: str, marked: bool, author: str) -> bool:
    """An authored body that is WhatsApp's text (iOS system lines)."""
    return bool(body) and phrases.is_system_phrase(body, marked, author)


@dataclass
class Survey:
    headers: int = 0
    styles: dict[str, int] = field(default_factory=lambda: {IOS: 0, ANDROID: 0, COLON: 0})
    votes: DateOrderVotes = field(default_factory=DateOrderVotes)
    senders: set[str] = field(default_factory=set)
    too_many_senders: bool = False
    group_event: bool = False
    subject: str | None = None
    # Authors of iOS system lines that are not about themselves: the chat's
    # own name, if they never write an ordinary message.
    system_authors: dict[str, None] = field(default_factory=dict)
    names: dict[str, str | None] = field(default_factory=dict, repr=False)   # raw -> clean

    @property
    def allow_colon_style(self) -> bool:
        """The bracket-less "date, time: " style is accepted only when it is
        the file's main style: elsewhere "1/2/20, 10:30: x" in a body is text."""
        return self.styles[COLON] > self.styles[IOS] + self.styles[ANDROID]

    @property
    def chat_name_author(self) -> str | None:
        names = [n for n in self.system_authors if n not in self.senders]
        return names[-1] if names else None

    def name(self, raw: str) -> str | None:
        """`author_name` with a cache bounded to MAX_TRACKED_SENDERS."""
        name = author_name(raw)
        if len(self.names) < MAX_TRACKED_SENDERS:
            self.names[raw] = name
        else:
            self.too_many_senders = True
        return name

    def note_authored(self, line: str, colon: int, name: str) -> None:
        start, marked = body_start(line, colon)
        if may_be_system(line, start, marked) and is_system_body(line[start:], marked, name):
            if not line.startswith((name, "~"), start):
                self.system_authors[name] = None
            self.note_system(line[start:])
        elif name not in self.senders and len(self.senders) < MAX_TRACKED_SENDERS:
            self.senders.add(name)

    def note_system(self, text: str) -> None:
        if phrases.is_group_event(text):
            self.group_event = True
        subject = phrases.subject_of(text)
        if subject:
            self.subject = subject

    def note_header(self, match: re.Match[str]) -> None:
        self.styles[style_of(match)] += 1
        self.votes.add(match)

    def extend(self, later: Survey) -> None:
        """Add what a survey of the part of the file after this one found,
        as if one pass had read both (`whatsapp_split`)."""
        self.headers += later.headers
        for style, count in later.styles.items():
            self.styles[style] += count
        self.votes.extend(later.votes)
        for name in later.senders:
            if len(self.senders) >= MAX_TRACKED_SENDERS:
                break
            self.senders.add(name)
        self.too_many_senders = self.too_many_senders or later.too_many_senders
        self.group_event = self.group_event or later.group_event
        self.subject = later.subject or self.subject
        self.system_authors.update(later.system_authors)


def survey(source: Source, ctx: ParseContext, blocks: int | None = None) -> Survey:
    """First pass: read every header line once, keep only aggregates.
    Mirrors the hot loop of the second pass (`whatsapp._Reader.rows`):
    same shortcuts, same decisions.  `blocks` stops after that many blocks
    of lines (a first impression, for guesses)."""
    result = Survey()
    names, senders, match, starts = result.names, result.senders, HEADER.match, HEADER_STARTS
    fast = FAST_HEADER.match
    first_chars, last_chars = phrases.SPECIAL_FIRST, phrases.SPECIAL_LAST
    prefix, prefix_end, last_date = NO_PREFIX, 0, None
    author_key, author_name_, name = NO_PREFIX, "", ""
    count = 0
    for batch in line_batches(source):
        if blocks is not None:
            if blocks == 0:
                break
            blocks -= 1
        for line in batch:
            if line.startswith(prefix):       # same date and time as the header before
                end = prefix_end
            else:
                m = fast(line)
                if m is not None:       # FAST_HEADER's groups 1-3 are HEADER's 2-4
                    date = m.group(1, 2, 3)
                else:
                    m = match(line) if line[:1] in starts else None
                    if m is None:
                        continue
                    date = m.group(2, 3, 4)
                end = prefix_end = m.end()
                prefix = line[:end]
                if date != last_date:
                    last_date = date
                    result.note_header(match(line))     # the same match, with every group
            count += 1
            if count % CHECK_EVERY == 0:
                ctx.check_cancelled()
            if line.startswith(author_key, end):  # same author as the line before
                colon, name = end + len(author_key) - 2, author_name_
            else:
                colon = line.find(": ", end)
                raw = line[end:colon]
                name = names.get(raw, UNKNOWN) if colon >= 0 else None
                if name is UNKNOWN:
                    name = result.name(raw)
                if name is None:
                    result.note_system(line[end:])
                    continue
                author_key, author_name_ = raw + ": ", name
            if line[colon + 2:colon + 3] in first_chars or line[-1:] in last_chars:
                result.note_authored(line, colon, name)
            elif name not in senders and len(senders) < MAX_TRACKED_SENDERS:
                senders.add(name)
    result.headers = count
    return result
