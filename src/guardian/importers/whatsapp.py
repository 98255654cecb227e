"""WhatsApp "Export chat" text files (Android and iOS, every locale), see
SPEC.md section 1.  The dispatch layer opens zips; we get the `.txt` member
and its siblings (the media files).

Two streaming passes, never the whole file in memory:
1. `whatsapp_survey.survey` reads every header line once to decide the
   day/month order for the whole file and to name the chat;
2. `parse` reads again and yields one `Message` per header line, with the
   continuation lines that follow it.

Choices this module makes (documented because other code relies on them):
* `sender` is "" for lines WhatsApp writes about the chat itself: Android
  system lines (they have no author) and iOS system lines authored by the
  group's name.  An iOS system line authored by a person ("~ Ali created
  this group", a missed call) keeps that person as sender.  Both have
  `is_system=True`.
* Deleted messages ("This message was deleted", "تم حذف هذه الرسالة") are
  not system events: they keep their sender, `is_system=False`, and their
  text as written, so a parent sees who deleted what and when.
* A pure media placeholder ("<Media omitted>", "image omitted",
  "<attached: …>", "IMG-….jpg (file attached)") sets `attachment` (and
  `attachment_name` when the file is named) and leaves `text` "" (the
  placeholder stays in `raw`); a caption (same line on iOS, next lines on
  Android) is the text.  A location keeps its link as text.
* The trailing "<This message was edited>" marker is dropped from `text`.
* Invalid UTF-8 bytes are replaced by U+FFFD; the first affected line is
  reported once through `ctx.skip` and every message is kept.
* Blank lines before the first header are ignored; other lines there are
  reported one by one.
* A line longer than 1,000,000 characters is cut there, and a message
  stops growing at 1,000,000 characters; both are reported.
* `text` keeps a message's lines exactly (joined with "\\n") except for
  trailing empty lines (WhatsApp trims those when sending, so they are
  file artefacts such as a blank last line); `raw` keeps them.  One leading
  LRM/RLM is dropped from the body.
* The chat's title (and key: title casefolded, whitespace collapsed) is,
  in order: the author of iOS system lines who never writes a message (the
  group's current name), the last group subject a system line sets, the
  file or zip name without its "WhatsApp Chat with" prefix (generic names
  such as "_chat" or "export" do not count), the sorted sender names.
  `is_group`: a group event (join, leave, subject...) or more than two
  senders.  `owner` is None: WhatsApp never says who exported.
* Day/month order: see `whatsapp_header.DateOrderVotes`.  A header whose
  date or time cannot exist under that order is reported with
  `ctx.skip` and skipped together with its continuation lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from guardian.domain import Conversation, Message
from guardian.importers import whatsapp_phrases as phrases
from guardian.importers.base import BadExport, ParseContext, Reread, Row, Source
from guardian.importers.whatsapp_header import (
    COLON_GROUP,
    FAST_HEADER,
    HEADER,
    HEADER_STARTS,
    Stamp,
    Stamper,
)
from guardian.importers.whatsapp_lines import MAX_LINE_CHARS, line_batches
from guardian.importers.whatsapp_survey import (
    CHECK_EVERY,
    MAX_TRACKED_SENDERS,
    NO_PREFIX,
    UNKNOWN,
    Survey,
    author_name,
    body_start,
    is_system_body,
    may_be_system,
    survey,
)

FORMAT = "whatsapp"
VERSION = "1"
PLATFORM = "whatsapp"

MAX_MESSAGE_CHARS = MAX_LINE_CHARS
SNIFF_BYTES = 16384
SNIFF_LINES = 20
_SNIFF_SPLIT = re.compile(r"\r\n|\r|\n")
_EXACT = phrases.EXACT_PLACEHOLDERS


# --- sniff ---------------------------------------------------------------------


def sniff(source: Source) -> bool:
    """True when one of the first non-empty lines is a WhatsApp header."""
    text = source.head(SNIFF_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
    seen = 0
    for line in _SNIFF_SPLIT.split(text):
        if not line.strip():
            continue
        if line[:1] in HEADER_STARTS and HEADER.match(line):
            return True
        seen += 1
        if seen >= SNIFF_LINES:
            break
    return False


# --- parse ---------------------------------------------------------------------


def parse(source: Source, ctx: ParseContext) -> Iterator[Message]:
    for conversation, rows in parse_rows(source, ctx):
        tz = ctx.tz
        stamp: Stamp | None = None
        timestamp = None
        for sender, row_stamp, text, raw, position, attachment, name, is_system in rows:
            if row_stamp is not stamp:
                stamp, timestamp = row_stamp, (row_stamp[2] + row_stamp[3]).replace(tzinfo=tz)
            yield Message(conversation, sender, timestamp, text, raw, position, attachment, name,
                          is_system)


def parse_rows(source: Source, ctx: ParseContext, speculate: bool = False,
               ) -> Iterator[tuple[Conversation, list[Row]]]:
    """The messages as `base.Row` tuples, a list per block of the file: what
    `parse` yields, without building a Message and a datetime for each
    (the store only needs the UTC milliseconds and the offset).

    With `speculate`, the file is read once instead of twice when the file
    name names the chat (see `_read_once`); the caller must then be ready
    for `Reread` (see `base.Row`)."""
    guess = first_guess(source, ctx) if speculate else None
    if guess is not None:
        yield from _read_once(source, ctx, *guess)
        return
    info = survey(source, ctx)
    if info.headers == 0:
        raise BadExport(source.display_path, "no WhatsApp message line was found (a line "
                                             "like \"12/07/2017, 22:35 - Name: text\")")
    reader = _Reader(source, ctx, info, info.votes.decide(), conversation_for(info, source),
                     info.chat_name_author, info.allow_colon_style)
    for rows in reader.rows():
        yield reader.conversation, rows


def first_guess(source: Source, ctx: ParseContext) -> tuple[str, str] | None:
    """What a reader that does not survey the whole file first may assume:
    the chat named by the file name and the day/month order of the first
    block; None when the file name names no chat or the first block already
    shows that more is needed (old-style headers, a chat-name author)."""
    hint = phrases.chat_name_from_hint(source.title_hint)
    if not hint:
        return None
    first = survey(source, ctx, blocks=1)
    if not first.headers or first.allow_colon_style or first.chat_name_author is not None:
        return None
    return hint, first.votes.decide()


def _read_once(source: Source, ctx: ParseContext, hint: str, order: str,
               ) -> Iterator[tuple[Conversation, list[Row]]]:
    """One pass instead of two: what the survey would find is gathered while
    the rows are read, with the guesses the survey's answers usually
    confirm: the day/month order the first block suggests, the chat named
    by the file name, no chat-name author and no old-style headers.  Every
    guess is checked against the whole file at the end (an old-style header
    stops the pass at once); if one was wrong the rows already given are
    void and `Reread` says so."""
    tally = Survey()
    guessed = named_by_file(hint)
    reader = _Reader(source, ctx, tally, order, guessed, None, False, tally=tally)
    for rows in reader.rows():
        yield guessed, rows
    tally.headers = reader.headers
    if tally.headers == 0:
        raise BadExport(source.display_path, "no WhatsApp message line was found (a line "
                                             "like \"12/07/2017, 22:35 - Name: text\")")
    final = conversation_for(tally, source)
    if (tally.votes.decide() != order or tally.allow_colon_style
            or tally.chat_name_author is not None or final.key != guessed.key):
        raise Reread()
    yield final, []        # the chat as the whole file describes it (is it a group?)


def named_by_file(hint: str) -> Conversation:
    """The chat as a reader guesses it before reading: named by the file."""
    return Conversation(platform=PLATFORM, key=" ".join(hint.casefold().split()), title=hint,
                        is_group=False, owner=None)


def conversation_for(info: Survey, source: Source) -> Conversation:
    """The chat, named by what the file says (iOS chat-name author, group
    subject), else by the file name, else by the people in it."""
    hint = phrases.chat_name_from_hint(source.title_hint)
    names = sorted(info.senders, key=str.casefold)
    people = ", ".join(names[:5]) + (f" +{len(names) - 5}" if len(names) > 5 else "")
    title = info.chat_name_author or info.subject or hint or people or "WhatsApp"
    is_group = info.group_event or info.too_many_senders or len(info.senders) > 2
    return Conversation(platform=PLATFORM, key=" ".join(title.casefold().split()),
                        title=title, is_group=is_group, owner=None)


def _needs_special(body: str, siblings: frozenset[str]) -> bool:
    """For a body that passed `rows`' first/last character gate: could
    `_Reader._special` make anything of it but the plain text?  Only by
    finding it among the placeholders (some Arabic ones start and end with
    letters), as a location, or among the files next to the export."""
    return body in _EXACT or "maps" in body or body in siblings


class _Reader:
    """The second pass: header lines become messages, other lines join the
    message above them."""

    def __init__(self, source: Source, ctx: ParseContext, info: Survey, order: str,
                 conversation: Conversation, chat_author: str | None, colon_ok: bool,
                 tally: Survey | None = None, first_line: int = 0,
                 last_date: tuple[str, ...] | None = None) -> None:
        self.source = source
        self.ctx = ctx
        self.info = info
        self.order = order
        self.conversation = conversation
        self.chat_author = chat_author
        self.colon_ok = colon_ok
        # While reading once (`_read_once`), what the survey would gather.
        self.tally = tally
        # Where the lines start when the reader reads part of a file
        # (`whatsapp_split`): the lines before it, and the date of the
        # header line before it.
        self.first_line = first_line
        self.last_date = last_date
        self.headers = 0
        self.siblings = frozenset(source.siblings)
        self.stamp = Stamper(self.order, ctx.tz)
        self.names: dict[str, str | None] = {}     # raw author -> sender, None: not an author
        self.size = 0                              # characters of the pending message

    def rows(self) -> Iterator[list[Row]]:
        """The hot loop, written for speed: locals, offsets into the line
        instead of slices, shortcuts for a line that repeats the previous
        header's date and time or author, one list of rows per block of
        lines.  Rare cases go to the helpers.  With a tally, each header
        line is also counted the way `whatsapp_survey.survey` counts it."""
        ctx, tally = self.ctx, self.tally
        names, name_of = (tally.names, tally.name) if tally is not None else (self.names, self._name)
        senders = tally.senders if tally is not None else None
        match, fast, starts = HEADER.match, FAST_HEADER.match, HEADER_STARTS
        stamp, special = self.stamp, self._special
        first_chars, last_chars, siblings = phrases.SPECIAL_FIRST, phrases.SPECIAL_LAST, self.siblings
        colon_ok = self.colon_ok
        prefix, prefix_end, ts = NO_PREFIX, 0, None
        author_key, sender = NO_PREFIX, ""
        last_date = self.last_date
        pending: Row | None = None
        extra: list[str] | None = None
        skipping: list[int | str] | None = None   # [line_no, reason, continuation lines]
        line_no, count, headers = self.first_line, 0, 0
        for batch in line_batches(self.source, ctx.skip, self.first_line):
            out: list[Row] = []
            add = out.append
            for line in batch:
                line_no += 1
                if not line.startswith(prefix):
                    m = fast(line)
                    if m is not None:
                        groups = m.groups()
                        date = groups[:3]
                        ts = stamp(date, groups[3:])
                    else:
                        m = match(line) if line[:1] in starts else None
                        if m is None or (m.lastindex == COLON_GROUP and not colon_ok):
                            if m is not None and tally is not None:
                                raise Reread()      # the survey counts it as a header
                            if pending is not None:
                                extra = self._continue(pending, extra, line, line_no)
                            elif skipping is not None:
                                skipping[2] += 1                        # type: ignore[operator]
                            elif line.strip():
                                ctx.skip(line_no, "text before the first WhatsApp message line; not read")
                            continue
                        groups = m.groups()
                        date = groups[1:4]
                        ts = stamp(date, groups[4:8])
                    if tally is not None and date != last_date:
                        last_date = date
                        tally.note_header(match(line))
                    prefix_end = m.end()
                    prefix = NO_PREFIX if ts.__class__ is str else line[:prefix_end]
                headers += 1
                if pending is not None:
                    add(pending if extra is None else self._merge(pending, extra))
                    pending = extra = None
                    count += 1
                    if count % CHECK_EVERY == 0:
                        ctx.check_cancelled()
                        ctx.on_progress(count)
                if skipping is not None:
                    self._report_skipped(skipping)
                    skipping = None
                if prefix is NO_PREFIX:
                    skipping = [line_no, ts, 0]                         # type: ignore[list-item]
                    if tally is not None:
                        self._tally_author(tally, line, prefix_end)
                    continue
                end = prefix_end
                if line.startswith(author_key, end):    # same author as the line before
                    colon = end + len(author_key) - 2
                else:
                    colon = line.find(": ", end)
                    raw = line[end:colon]
                    sender = names.get(raw, UNKNOWN) if colon >= 0 else None
                    if sender is UNKNOWN:
                        sender = name_of(raw)
                    if sender is None:
                        author_key = NO_PREFIX
                        pending = ("", ts, line[end:], line, line_no, None, None, True)
                        if tally is not None:
                            tally.note_system(line[end:])
                        continue
                    author_key = raw + ": "
                if line[colon + 2:colon + 3] in first_chars or line[-1:] in last_chars:
                    if tally is not None:
                        tally.note_authored(line, colon, sender)
                    pending = special(sender, ts, line, colon, line_no)
                else:
                    if senders is not None and sender not in senders and len(senders) < MAX_TRACKED_SENDERS:
                        senders.add(sender)
                    body = line[colon + 2:]
                    # The gate above sent every marker `_special` knows
                    # there except an unmarked placeholder, a maps link
                    # or a media file named by the body (`_needs_special`).
                    if _needs_special(body, siblings):
                        pending = special(sender, ts, line, colon, line_no)
                    else:
                        pending = (sender, ts, body, line, line_no, None, None, False)
            if out:
                yield out
        if pending is not None:
            yield [pending if extra is None else self._merge(pending, extra)]
            count += 1
        if skipping is not None:
            self._report_skipped(skipping)
        self.headers = headers
        ctx.on_progress(count)

    # -- helpers off the hot path ---------------------------------------------------

    @staticmethod
    def _tally_author(tally: Survey, line: str, end: int) -> None:
        """The survey's view of a header line whose message is skipped (an
        impossible date): its author still counts."""
        colon = line.find(": ", end)
        raw = line[end:colon]
        name = tally.names.get(raw, UNKNOWN) if colon >= 0 else None
        if name is UNKNOWN:
            name = tally.name(raw)
        if name is None:
            tally.note_system(line[end:])
        elif line[colon + 2:colon + 3] in phrases.SPECIAL_FIRST or line[-1:] in phrases.SPECIAL_LAST:
            tally.note_authored(line, colon, name)
        elif name not in tally.senders and len(tally.senders) < MAX_TRACKED_SENDERS:
            tally.senders.add(name)

    def _name(self, raw: str) -> str | None:
        if len(self.names) >= MAX_TRACKED_SENDERS:
            self.names.clear()
        name = self.names[raw] = author_name(raw)
        return name

    def _special(self, sender: str, ts: Stamp, line: str, colon: int, line_no: int) -> Row:
        """An authored line that may be a placeholder, a system line, an
        attachment or an edited message: the rare cases, reached only
        after a cheap first/last character test."""
        start, marked = body_start(line, colon)
        body = line[start:]
        kind = _EXACT.get(body)
        if kind is not None:
            return (sender, ts, "", line, line_no, kind, None, False)
        if may_be_system(line, start, marked) and is_system_body(body, marked, sender):
            who = "" if sender == self.chat_author else sender
            return (who, ts, body, line, line_no, None, None, True)
        found = phrases.attachment(body) if phrases.needs_attachment_check(body) else None
        if found is None and body in self.siblings:
            found = phrases.kind_of_file(body), body, ""
        if found is not None:
            kind, name, text = found
            return (sender, ts, text, line, line_no, kind, name, False)
        return (sender, ts, phrases.strip_edited(body), line, line_no, None, None, False)

    def _continue(self, pending: Row, extra: list[str] | None, line: str,
                  line_no: int) -> list[str] | None:
        """Add a continuation line to the pending message, up to the cap."""
        if extra is None:
            self.size = len(pending[3])
            extra = []
        elif self.size > MAX_MESSAGE_CHARS:
            return extra                      # already capped and reported
        self.size += len(line) + 1
        if self.size > MAX_MESSAGE_CHARS:
            self.ctx.skip(line_no, f"the message starting at line {pending[4]} is longer "
                                   f"than {MAX_MESSAGE_CHARS:,} characters; its lines from here "
                                   "on were not read")
        else:
            extra.append(line)
        return extra

    def _merge(self, first: Row, extra: list[str]) -> Row:
        """The message with its continuation lines: they extend the text
        (or are the caption of a media placeholder) and the raw evidence."""
        if not extra:                     # its first continuation line hit the cap
            return first
        sender, ts, first_text, raw, position, attachment, name, is_system = first
        caption = "\n".join(extra)
        if attachment is not None and first_text == "":
            text = caption.rstrip("\n")
        else:
            text = f"{first_text}\n{caption}".rstrip("\n")
        if text.endswith(">"):
            text = phrases.strip_edited(text)
        return (sender, ts, text, f"{raw}\n{caption}", position, attachment, name, is_system)

    def _report_skipped(self, skipping: list[int | str]) -> None:
        line_no, reason, extra = skipping
        if extra:
            reason = f"{reason}; the message and its {extra} continuation line(s) were skipped"
        else:
            reason = f"{reason}; the message was skipped"
        self.ctx.skip(int(line_no), str(reason))
