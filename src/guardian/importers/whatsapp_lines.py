"""Stream a text export as lines, in bounded memory.

The file is read in blocks, decoded incrementally (UTF-8 with or without
BOM; invalid bytes become U+FFFD) and split on "\\r\\n", "\\r" and "\\n" only,
so U+2028 or a form feed inside a message body stays part of the body.
Lines come out in batches (one list per block) because iterating a list is
much cheaper than resuming a generator per line.

Bounds: a block is `BLOCK_BYTES`; a line longer than `MAX_LINE_CHARS` is
cut there and the rest of it is read and discarded, so a 2 GB line costs
one block of memory, not 2 GB.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator

from guardian.importers.base import Source

MAX_LINE_CHARS = 1_000_000
# No bigger than MAX_LINE_CHARS: then only a line continued from an earlier
# block can exceed the cap, and that is the only one we need to measure.
BLOCK_BYTES = 1 << 19
BAD_UTF8 = "the file has bytes that are not valid UTF-8"
_NEWLINES = re.compile(r"\r\n|\r|\n")

Note = Callable[[int, str], None]


def line_batches(source: Source, note: Note | None = None, first_line: int = 0,
                 ) -> Iterator[list[str]]:
    """Every line of the source without its terminator, in file order.

    `note(line_no, reason)` hears about lines that were cut or held invalid
    UTF-8 (the latter once per file, `BAD_UTF8` in its reason); line
    numbers start after `first_line` (a source that is part of a file)."""
    reader = _Reader(note, first_line)
    with source.open() as stream:
        while True:
            block = stream.read(BLOCK_BYTES)
            batch = reader.feed(block)
            if batch:
                yield batch
            if not block:
                return


class _Reader:
    def __init__(self, note: Note | None, first_line: int = 0) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self._note = note
        self._carry = ""           # the unfinished last line so far
        self._dropping = False     # the carry hit the cap: discard until its end
        self._held_cr = ""         # a block-final "\r" waits for a possible "\n"
        self._lines = first_line   # complete lines handed out (and lines before the source)
        self._bad_utf8_seen = False

    def feed(self, block: bytes) -> list[str]:
        final = not block
        text = self._held_cr + self._decoder.decode(block, final)
        self._held_cr = ""
        if not final and text.endswith("\r"):
            text, self._held_cr = text[:-1], "\r"
        parts = _NEWLINES.split(text) if "\r" in text else text.split("\n")
        self._join_carry(parts)
        self._carry = parts.pop()
        if final and (self._carry or self._dropping):
            parts.append(self._carry)  # a last line without a terminator
            self._carry = ""
        elif len(self._carry) > MAX_LINE_CHARS:
            self._cut(self._lines + len(parts) + 1)
            self._carry = self._carry[:MAX_LINE_CHARS]
            self._dropping = True
        if "\ufffd" in text and not self._bad_utf8_seen:
            self._check_utf8(block, text, parts)
        self._lines += len(parts)
        return parts

    def _join_carry(self, parts: list[str]) -> None:
        """Glue the previous block's unfinished line onto this block's first
        piece (or drop that piece while over the cap)."""
        if self._dropping:
            if len(parts) > 1:       # the long line ends in this block
                parts[0] = self._carry
                self._dropping = False
            else:
                parts[0] = self._carry
            return
        if self._carry:
            parts[0] = self._carry + parts[0]
            if len(parts) > 1 and len(parts[0]) > MAX_LINE_CHARS:
                self._cut(self._lines + 1)
                parts[0] = parts[0][:MAX_LINE_CHARS]

    def _cut(self, line_no: int) -> None:
        if self._note:
            self._note(line_no, f"line {line_no} is longer than {MAX_LINE_CHARS:,} characters; "
                                "the rest of the line was not read")

    def _check_utf8(self, block: bytes, text: str, parts: list[str]) -> None:
        # A real U+FFFD in the file is encoded as EF BF BD; more U+FFFD in
        # the text than that means the decoder replaced invalid bytes.
        if text.count("\ufffd") <= block.count(b"\xef\xbf\xbd"):
            return
        self._bad_utf8_seen = True
        offset = next((i for i, line in enumerate(parts) if "\ufffd" in line), len(parts))
        line_no = self._lines + offset + 1
        if self._note:
            self._note(line_no, f"line {line_no}: {BAD_UTF8} (first here); they were replaced by "
                                "U+FFFD and the text kept")
