"""Normalise chat text the way children write Arabic, keeping a map back to
the original characters.

`normalize_text(text)` is the fast path used for training and scoring;
`normalize(text)` returns the same text plus, for every normalised
character, the range of original characters it came from, so evidence
found in the normalised text can be highlighted in the message the parent
sees.  The two always produce the same text (a property test checks it).

The pipeline is a sequence of small `Step`s, each with a text-only `fast`
function and a `track` function that also carries the offsets through
(one-to-one, one-to-many, many-to-one, insertion and deletion):

  unicode     NFKC (camel-tools `normalize_unicode`): presentation forms,
              ligatures, full-width letters
  characters  one `str.translate` table: bidi marks, zero-width, variation
              selectors and control characters out, whitespace to " ";
              lower-case; look-alike letters (Persian/Urdu ی ک ہ, Cyrillic and
              Greek а о ѕ); alef, alef maksura, teh marbuta (camel-tools) and
              hamza seats; diacritics (camel-tools `AR_DIAC_CHARSET` and the
              Quranic marks) and tatweel out; Arabic-Indic and Persian digits
              to ASCII; Arabic punctuation to ASCII
  zwj         zero-width joiners kept only inside emoji sequences
  in_word     a digit or Latin letter inside an Arabic word read as the letter
              it stands for (ك1ب, شرمoطه, ش3ر)
  obfuscation letters spelt apart joined (ك ل ب, ش.ر.م.و.ط.ة, k-a-l-b),
              symbols inside words dropped (ك*ل*ب), 0 inside Latin words = o
  elongation  runs of 3+ equal letters (or ! ? . ,) to one: كلببببب, ههههه,
              noooo.  Pairs are kept (الله, ommak).  `count_elongations`
              gives the lost emphasis as a separate feature.
  arabizi     Latin-script Arabic to Arabic script (see `arabizi`)
  emoji       each emoji (with its modifiers / ZWJ sequence) a separate token
  spaces      runs of spaces to one, none at the ends

The module is plain Python: no Qt, and from camel-tools only the
dependency-free utilities.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter

import regex  # only to list the emoji code points at import
from camel_tools.utils.charsets import AR_DIAC_CHARSET
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from guardian.analysis import arabizi, confusables

__all__ = ["STEPS", "Normalized", "Step", "count_elongations", "normalize", "normalize_text", "normalized_words"]

Piece = arabizi.Piece
# text, and per character: start and end (exclusive) in the original
Tracked = tuple[str, list[int], list[int]]


@dataclass(frozen=True)
class Normalized:
    """Normalised text and where each of its characters came from.

    ``offsets[i]`` is the index in `original` where the source of character
    ``i`` starts, ``offsets[len(text)] == len(original)``; ``ends[i]`` is where
    it ends (exclusive).  Characters inserted by normalisation (the spaces
    around an emoji) have an empty source at the next original character.
    """

    text: str
    offsets: tuple[int, ...]
    ends: tuple[int, ...]
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that produced ``text[start:end]``.

        It covers every source character of the span (whole groups: all of
        "7maaaar" for "حمار") and, between them, the characters that
        normalisation dropped (the spaces of "ك ل ب").
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside 0:{len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], max(self.ends[start:end])


@dataclass(frozen=True)
class Step:
    name: str
    fast: Callable[[str], str]
    track: Callable[[str, list[int], list[int]], Tracked]


# --- machinery --------------------------------------------------------------------------

def _apply(text: str, starts: list[int], ends: list[int],
           replacements: Iterable[tuple[int, int, list[Piece]]]) -> Tracked:
    """Apply ordered, non-overlapping replacements, composing the offsets."""
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    n = len(text)
    pos = 0
    for a, b, pieces in replacements:
        if a > pos:
            out.append(text[pos:a])
            new_starts.extend(starts[pos:a])
            new_ends.extend(ends[pos:a])
        for piece, i, j in pieces:
            if not piece:
                continue
            if i < j:
                s, e = starts[i], max(ends[i:j])
            elif i < n:
                s = e = starts[i]
            else:
                s = e = ends[n - 1]
            out.append(piece)
            new_starts.extend([s] * len(piece))
            new_ends.extend([e] * len(piece))
        pos = b
    if pos == 0:
        return text, starts, ends
    if pos < n:
        out.append(text[pos:])
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
    return "".join(out), new_starts, new_ends


def _joined(pieces: Callable[[re.Match[str]], list[Piece]]) -> Callable[[re.Match[str]], str]:
    """A `re.sub` replacement function giving the text of the pieces."""
    def repl(match: re.Match[str]) -> str:
        return "".join(piece for piece, _, _ in pieces(match))
    return repl


def _regex_step(name: str, pattern: re.Pattern[str],
                pieces: Callable[[re.Match[str]], list[Piece]]) -> Step:
    repl = _joined(pieces)

    def fast(text: str) -> str:
        return pattern.sub(repl, text)

    def track(text: str, starts: list[int], ends: list[int]) -> Tracked:
        return _apply(text, starts, ends, ((m.start(), m.end(), pieces(m)) for m in pattern.finditer(text)))

    return Step(name, fast, track)


def _table_step(name: str, table: dict[int, str | None], attach: frozenset[str]) -> Step:
    """A `str.translate` table; deleted characters in `attach` join the
    group of the previous output character (a diacritic stays with its
    letter), other deleted characters are dropped."""

    def fast(text: str) -> str:
        return text.translate(table)

    def track(text: str, starts: list[int], ends: list[int]) -> Tracked:
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        pending: int | None = None
        changed = False
        for k, char in enumerate(text):
            mapped = table.get(ord(char), char)
            if mapped is not char:
                changed = True
            if not mapped:
                if char in attach:
                    if new_ends:
                        new_ends[-1] = max(new_ends[-1], ends[k])
                    elif pending is None:
                        pending = starts[k]
                continue
            start = starts[k] if pending is None else pending
            pending = None
            out.append(mapped)
            new_starts.extend([start] * len(mapped))
            new_ends.extend([ends[k]] * len(mapped))
        if not changed:
            return text, starts, ends
        return "".join(out), new_starts, new_ends

    return Step(name, fast, track)


# --- Unicode normal form ----------------------------------------------------------------

def _needs_nfkc(text: str) -> bool:
    # camel-tools also expands U+FDFD (which NFKC keeps) and U+FDFC
    return not text.isascii() and (not unicodedata.is_normalized("NFKC", text) or "\ufdfd" in text)


def _nfkc(text: str) -> str:
    """camel-tools `normalize_unicode` without its per-character Python
    loop where it has nothing to expand (it maps U+FDFC and U+FDFD only)."""
    if "\ufdfc" in text or "\ufdfd" in text:
        return normalize_unicode(text)
    return unicodedata.normalize("NFKC", text)


def _unicode_fast(text: str) -> str:
    return normalize_unicode(text) if _needs_nfkc(text) else text


def _unicode_track(text: str, starts: list[int], ends: list[int]) -> Tracked:
    if not _needs_nfkc(text):
        return text, starts, ends
    # Compose within a base character and its marks; merge neighbours whose
    # normal form is not the concatenation of theirs (Hangul jamo ...).
    chunks: list[list[int]] = []  # [start, end) in text
    for k, char in enumerate(text):
        if chunks and unicodedata.category(char).startswith("M"):
            chunks[-1][1] = k + 1
        else:
            chunks.append([k, k + 1])
    groups: list[list[int]] = []
    for chunk in chunks:
        if groups:
            last = text[groups[-1][0]:groups[-1][1]]
            this = text[chunk[0]:chunk[1]]
            if normalize_unicode(last + this) != normalize_unicode(last) + normalize_unicode(this):
                groups[-1][1] = chunk[1]
                continue
        groups.append(chunk)
    target = normalize_unicode(text)
    if "".join(normalize_unicode(text[a:b]) for a, b in groups) != target:
        groups = [[0, len(text)]]  # never seen; keeps the text exact, offsets coarse
    replacements = []
    for a, b in groups:
        source = text[a:b]
        result = normalize_unicode(source)
        if result != source:
            replacements.append((a, b, [(result, a, b)]))
    return _apply(text, starts, ends, replacements)


# --- characters -------------------------------------------------------------------------

ZWJ = "\u200d"
TATWEEL = "\u0640"
# Direction marks and embeddings are dropped.  Other deleted characters
# (diacritics, tatweel, zero-width spaces, variation selectors, tags, soft
# hyphens) join the character before them, so a highlight keeps them with it.
_BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_EXTRA_MARKS = "".join(
    chr(cp)
    for lo, hi in ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC),
                   (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x08D3, 0x08E1),
                   (0x08E3, 0x08FF))
    for cp in range(lo, hi + 1)
)
MARKS = frozenset(AR_DIAC_CHARSET) | frozenset(_EXTRA_MARKS)
_HAMZA_SEATS = {"ؤ": "و", "ئ": "ي"}


def _is_invisible(char: str) -> bool:
    return char != ZWJ and (
        unicodedata.category(char) in ("Cc", "Cf", "Cs")
        or "\ufe00" <= char <= "\ufe0f"          # variation selectors: ❤️ and ❤ are one emoji
        or "\U000e0100" <= char <= "\U000e01ef"
    )


def _char_form(char: str) -> str:
    """What one character becomes in the `characters` step."""
    if char.isspace():
        return " "
    if _is_invisible(char):
        return ""
    lower = char.lower()
    s = lower if len(lower) == 1 else char
    s = confusables.LATIN_LOOKALIKES.get(s, s)
    s = confusables.ARABIC_LOOKALIKES.get(s, s)
    s = confusables.PUNCTUATION.get(s, s)
    s = confusables.DIGITS.get(s, s)
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))
    s = "".join(_HAMZA_SEATS.get(c, c) for c in s)
    s = dediac_ar(s)
    return "".join(c for c in s if c not in MARKS and c != TATWEEL)


def _characters_table() -> dict[int, str | None]:
    candidates = set(range(0x0600, 0x0700)) | set(range(0x0750, 0x0780)) | set(range(0x08A0, 0x0900))
    candidates |= {ord(c) for table in (confusables.LATIN_LOOKALIKES, confusables.ARABIC_LOOKALIKES,
                                        confusables.PUNCTUATION, confusables.DIGITS) for c in table}
    candidates |= set(range(0x1D173, 0x1D17B)) | set(range(0xE0000, 0xE0080)) | set(range(0xE0100, 0xE01F0))
    for cp in range(0x10000):
        char = chr(cp)
        if char.lower() != char or char.isspace() or _is_invisible(char):
            candidates.add(cp)
    table: dict[int, str | None] = {}
    for cp in sorted(candidates):
        char = chr(cp)
        form = _char_form(char)
        if form != char:
            table[cp] = form or None
    return table


_CHARACTERS = _characters_table()
_ATTACH = frozenset(chr(cp) for cp, form in _CHARACTERS.items() if form is None) - _BIDI

# --- emoji code points ---------------------------------------------------------------------


def _ranges(codepoints: Iterable[int]) -> str:
    """A regular-expression class body for sorted code points."""
    parts: list[str] = []
    run: list[int] = []
    for cp in codepoints:
        if run and cp == run[-1] + 1:
            run.append(cp)
            continue
        if run:
            parts.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
        run = [cp]
    if run:
        parts.append(re.escape(chr(run[0])) + ("-" + re.escape(chr(run[-1])) if len(run) > 1 else ""))
    return "".join(parts)


def _pictographic() -> str:
    # Extended_Pictographic lies in these blocks (Unicode 15/16 emoji data);
    # the stdlib `re` class built from them is faster than `regex`'s \p{}.
    is_picto = regex.compile(r"\p{Extended_Pictographic}").match
    blocks = [range(0x00A0, 0x3300), range(0x1F000, 0x20000)]
    return _ranges(cp for block in blocks for cp in block if is_picto(chr(cp)))


_PICTO = f"[{_pictographic()}]"
_SKIN = "[\U0001F3FB-\U0001F3FF]"
_RI = "[\U0001F1E6-\U0001F1FF]"

# --- zero-width joiners -----------------------------------------------------------------

_STRAY_ZWJ = re.compile(rf"\u200d(?<!{_PICTO}\u200d)(?<!{_SKIN}\u200d)|\u200d(?!{_PICTO})")


def _drop(match: re.Match[str]) -> list[Piece]:
    return []


_zwj = _regex_step("zwj", _STRAY_ZWJ, _drop)


def _zwj_fast(text: str) -> str:
    return _zwj.fast(text) if ZWJ in text else text


def _zwj_track(text: str, starts: list[int], ends: list[int]) -> Tracked:
    return _zwj.track(text, starts, ends) if ZWJ in text else (text, starts, ends)


# --- digits and Latin letters inside Arabic words -------------------------------------------

_AR = "\u0621-\u063a\u0641-\u064a"  # Arabic letters after the `characters` step
_IN_WORD = re.compile(
    rf"[{re.escape(''.join(c for c in confusables.IN_ARABIC_WORD if c.isascii()))}]"
    rf"(?<=[{_AR}].)(?=[{_AR}])"
)


def _in_word_pieces(match: re.Match[str]) -> list[Piece]:
    return [(confusables.IN_ARABIC_WORD[match.group()], match.start(), match.end())]


# --- obfuscation ------------------------------------------------------------------------

_SEP_CHARS = r".\-_*•·,/\\|+~^=#'\"`:°"
_SEP = rf"[ {_SEP_CHARS}]"
_SEP_SOLID = rf"[{_SEP_CHARS}]"
_INNER_SYMBOLS = r"[*_~^•·|#+=]"


def _singles(letters: str) -> str:
    # one-letter pieces split by spaces or symbols; a longer first or last
    # piece is allowed when joined by a symbol (ش.ر.م.و.طة).  Each branch
    # starts with a character class, lookbehinds after it: much faster in `re`.
    return (
        rf"[{letters}](?<![{letters}0-9].)(?<![{letters}0-9]{_SEP_SOLID}.)"
        rf"(?:[{letters}]*{_SEP_SOLID}+[{letters}])?(?:{_SEP}+[{letters}])+"
        rf"(?:{_SEP_SOLID}+[{letters}]+)?(?![{letters}0-9])"
    )


_OBFUSCATION = re.compile(
    rf"(?P<ar>{_singles(_AR)})|(?P<la>{_singles('a-z')})"
    rf"|{_INNER_SYMBOLS}+(?<=[{_AR}].)(?=[{_AR}])|{_INNER_SYMBOLS}+(?<=[a-z].)(?=[a-z])"
    r"|(?P<zero>0(?<=[a-z]0)0*(?=[a-z]))"
)
# Cheap test that finds something in every text `_OBFUSCATION` matches in:
# a letter that starts a word and is followed by a separator, or a symbol
# or zero that may sit inside a word.
_MAYBE_OBFUSCATED = re.compile(
    rf"[{_AR}](?<![{_AR}0-9].){_SEP}|[a-z](?<![a-z0-9].){_SEP}|[*_~^•·|#+=]|0(?<=[a-z]0)"
)
_LETTER = re.compile(rf"[{_AR}a-z]+")


def _obfuscation_pieces(match: re.Match[str]) -> list[Piece]:
    a, b = match.span()
    kind = match.lastgroup
    found = match.group()
    if kind == "zero":
        return [("o", a + k, a + k + 1) for k in range(len(found))]
    if kind is None:
        return []  # symbols inside a word
    segments = list(_LETTER.finditer(found))
    singles = sum(1 for s in segments if s.end() - s.start() == 1)
    spaces_only = all(c == " " or c.isalpha() for c in found)
    needed = (3 if kind == "ar" else 4) if spaces_only else 2
    if singles < needed:
        return [(c, a + k, a + k + 1) for k, c in enumerate(found)]
    return [(c, a + s.start() + k, a + s.start() + k + 1)
            for s in segments for k, c in enumerate(s.group())]


_obfuscation = _regex_step("obfuscation", _OBFUSCATION, _obfuscation_pieces)


def _obfuscation_fast(text: str) -> str:
    return _obfuscation.fast(text) if _MAYBE_OBFUSCATED.search(text) else text


def _obfuscation_track(text: str, starts: list[int], ends: list[int]) -> Tracked:
    if _MAYBE_OBFUSCATED.search(text):
        return _obfuscation.track(text, starts, ends)
    return text, starts, ends


# --- elongation -------------------------------------------------------------------------

_ELONGATION = re.compile(rf"([{_AR}a-z!?.,])\1{{2,}}")


def _elongation_pieces(match: re.Match[str]) -> list[Piece]:
    return [(match.group(1), match.start(), match.end())]


_RAW_ELONGATION = re.compile(r"([^\W\d_])(?:[\u064b-\u065f\u0670\u0640]*\1){2,}|\u0640{2,}")


def count_elongations(text: str) -> int:
    """How many letter runs of 3+ (or tatweel runs) `text` has: the emphasis
    that normalisation removes, as a feature of its own."""
    return sum(1 for _ in _RAW_ELONGATION.finditer(text.lower()))


# --- Arabizi ----------------------------------------------------------------------------

_LATIN = re.compile("[a-z]")


def _arabizi_fast(text: str) -> str:
    if _LATIN.search(text) is None:
        return text
    out: list[str] = []
    pos = 0
    for a, b, pieces in arabizi.plan(text):
        out.append(text[pos:a])
        out.extend(piece for piece, _, _ in pieces)
        pos = b
    if pos == 0:
        return text
    out.append(text[pos:])
    return "".join(out)


def _arabizi_track(text: str, starts: list[int], ends: list[int]) -> Tracked:
    if _LATIN.search(text) is None:
        return text, starts, ends
    return _apply(text, starts, ends, arabizi.plan(text))


# --- emoji ------------------------------------------------------------------------------

# Every character an emoji can start with lies in these ranges (a test
# checks it): most messages have none and skip the longer pattern, and the
# lookahead spares the long class at most positions.
_EMOJI_START = "\u00a9\u00ae\u203c-\u3299\U0001F000-\U0001FFFF"
_MAYBE_EMOJI = re.compile(f"[{_EMOJI_START}]")
_EMOJI = re.compile(
    rf"(?=[{_EMOJI_START}0-9#*])"
    rf"(?:{_RI}{_RI}?|[0-9#*]\u20e3|(?:{_PICTO}|{_SKIN}){_SKIN}*(?:\u200d{_PICTO}{_SKIN}*)*)"
)


def _emoji_pieces(match: re.Match[str]) -> list[Piece]:
    a, b = match.span()
    return [(" ", a, a), *((c, a + k, a + k + 1) for k, c in enumerate(match.group())), (" ", b, b)]


_emoji = _regex_step("emoji", _EMOJI, _emoji_pieces)


def _emoji_fast(text: str) -> str:
    return _EMOJI.sub(r" \g<0> ", text) if _MAYBE_EMOJI.search(text) else text


def _emoji_track(text: str, starts: list[int], ends: list[int]) -> Tracked:
    return _emoji.track(text, starts, ends) if _MAYBE_EMOJI.search(text) else (text, starts, ends)


# --- spaces -----------------------------------------------------------------------------

_SPACES = re.compile(" +")


def _spaces_fast(text: str) -> str:
    return " ".join(text.split())


def _spaces_track(text: str, starts: list[int], ends: list[int]) -> Tracked:
    n = len(text)
    return _apply(text, starts, ends, (
        (m.start(), m.end(), [] if m.start() == 0 or m.end() == n else [(" ", m.start(), m.end())])
        for m in _SPACES.finditer(text)
    ))


# --- the pipeline -----------------------------------------------------------------------

STEPS: tuple[Step, ...] = (
    Step("unicode", _unicode_fast, _unicode_track),
    _table_step("characters", _CHARACTERS, _ATTACH),
    Step("zwj", _zwj_fast, _zwj_track),
    _regex_step("in_word", _IN_WORD, _in_word_pieces),
    Step("obfuscation", _obfuscation_fast, _obfuscation_track),
    _regex_step("elongation", _ELONGATION, _elongation_pieces),
    Step("arabizi", _arabizi_fast, _arabizi_track),
    Step("emoji", _emoji_fast, _emoji_track),
    Step("spaces", _spaces_fast, _spaces_track),
)
_in_word_repl = _joined(_in_word_pieces)
_obfuscation_repl = _joined(_obfuscation_pieces)


def _elongation_repl(match: re.Match[str]) -> str:
    return match.group(1)   # as r"\1", without `re` parsing the template on every call


def _emoji_repl(match: re.Match[str]) -> str:
    return f" {match.group()} "   # as r" \g<0> "


Forms = tuple[str, str, str, int]


class _PieceForms(dict[str, Forms]):
    """A space-separated piece of a message -> what the word-local steps
    make of it, filled on first use (chat repeats the same words).

    `characters`, `zwj`, `in_word`, `elongation` and `emoji` never match a
    space nor look past one differently from the end of the text, so they
    can be applied piece by piece and the pieces joined with spaces again
    (`str.translate` maps " " to itself).  For each piece:

      0  after characters, zwj and in_word
      1  then elongation
      2  then the emoji spacing
      3  flags: _OBF_MID if `_MAYBE_OBFUSCATED` finds something in the
         piece followed by a space, _OBF_END if in the piece alone (the
         last piece), _ARABIZI if `_LATIN` finds something after
         elongation and `arabizi.may_change` (else `_arabizi_fast` changes
         nothing), _HAS_EMOJI if `_MAYBE_EMOJI` does, _SPACED if
         form 1 is empty or has a space (else it is a word of the text
         as it is)
    """

    limit = 100_000      # entries, then the cache starts again
    longest = 64         # longer pieces are computed but not kept

    def __missing__(self, piece: str) -> Forms:
        text = piece.translate(_CHARACTERS)
        if ZWJ in text:
            text = _STRAY_ZWJ.sub("", text)
        text = _IN_WORD.sub(_in_word_repl, text)
        elongated = _ELONGATION.sub(_elongation_repl, text)
        flags = 0
        if _MAYBE_OBFUSCATED.search(text + " "):
            # what is found in the piece alone is found with the space too
            flags = _OBF_MID | (_OBF_END if _MAYBE_OBFUSCATED.search(text) else 0)
        if _LATIN.search(elongated) and arabizi.may_change(elongated):
            flags |= _ARABIZI
        if not elongated or " " in elongated:
            flags |= _SPACED   # empty, or spaces inside (a tab, U+00A0 ...)
        spaced = elongated
        if _MAYBE_EMOJI.search(elongated):
            # without such a character `_EMOJI` matches nothing here
            flags |= _HAS_EMOJI
            spaced = _EMOJI.sub(_emoji_repl, elongated)
        forms = (text, elongated, spaced, flags)
        if len(piece) <= self.longest:
            if len(self) >= self.limit:
                self.clear()
            self[piece] = forms
        return forms


_OBF_MID, _OBF_END, _ARABIZI, _HAS_EMOJI, _SPACED = 1, 2, 4, 8, 16
_PIECES = _PieceForms()
_ELONGATED, _FLAGS = itemgetter(1), itemgetter(3)


def normalize_text(text: str) -> str:
    """The normalised text alone (training, scoring).

    The steps' `fast` functions, each behind its cheap test; the word-local
    steps come from `_PieceForms`, so a message whose pieces were seen
    before costs a few dictionary lookups.  The tests check that this
    equals running `STEPS` one by one.
    """
    return " ".join(normalized_words(text))


def normalized_words(text: str) -> list[str]:
    """``normalize_text(text).split()``, without joining and splitting
    again: the classifier hashes the words and looks for cues in the text."""
    if _needs_nfkc(text):
        text = _nfkc(text)
    pieces = list(map(_PIECES.__getitem__, text.split(" ")))
    if not any(map(_FLAGS, pieces)):
        # each piece's form is one word: no joining and splitting
        return list(map(_ELONGATED, pieces))
    inner = 0
    for piece in pieces[:-1]:
        inner |= piece[3]
    last = pieces[-1][3]
    flags = inner | last
    # `_MAYBE_OBFUSCATED` over the joined pieces: what it finds lies in one
    # piece, perhaps followed by the joining space.
    if inner & _OBF_MID or last & _OBF_END:
        joined = " ".join([piece[0] for piece in pieces])
        text = _OBFUSCATION.sub(_obfuscation_repl, joined)
        if text != joined:
            text = _ELONGATION.sub(_elongation_repl, text)
            if _LATIN.search(text):
                text = _arabizi_fast(text)
            if _MAYBE_EMOJI.search(text):
                text = _EMOJI.sub(_emoji_repl, text)
            return text.split()
        # Most often a lone "و" or "a" between words, left as it was: the
        # later steps go piece by piece, as for any other text.
    if flags & _ARABIZI:
        text = _arabizi_fast(" ".join([piece[1] for piece in pieces]))
        if _MAYBE_EMOJI.search(text):
            text = _EMOJI.sub(_emoji_repl, text)
    elif flags & _HAS_EMOJI:
        text = " ".join([piece[2] for piece in pieces])
    else:
        text = " ".join([piece[1] for piece in pieces])
    return text.split()


def normalize(text: str) -> Normalized:
    """The normalised text with its map back to `text`."""
    current = text
    starts = list(range(len(text)))
    ends = list(range(1, len(text) + 1))
    for step in STEPS:
        current, starts, ends = step.track(current, starts, ends)
    return Normalized(current, (*starts, len(text)), tuple(ends), text)
