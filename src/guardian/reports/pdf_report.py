"""The report as PDF: fpdf2 for the document (pages, font embedding and
subsetting, ToUnicode maps) and HarfBuzz (uharfbuzz) for shaping, with the
static Amiri font.

fpdf2's own shaped text path re-shapes a line for every character it adds
while breaking lines (about 40 microseconds a character), far too slow for
a report with thousands of findings.  So this module does its own line
breaking (word widths measured once with HarfBuzz and cached), runs the
Unicode bidi algorithm per line (rules W1-W7, N0-N2, I1-I2, L1-L2; there are
no explicit embeddings because `safety.pdf_text` removes every bidi
control), shapes each directional run with HarfBuzz and writes the glyphs
straight into the page with ``TJ``, registering each glyph with its source
characters in fpdf2's font subset exactly as fpdf2 does, so the embedded
subset and the ToUnicode map (and hence text extraction) come out the same.

Arabic reports are right-to-left (paragraphs aligned right, tables whose
first column is on the right); English ones left-to-right.  Chat messages
take their direction from their first strong character, like HTML's
``dir=auto``.  Characters Amiri cannot draw (emoji and the like) become a
visible ``¤``.  Header (title and report id) and footer ("page n of N")
are drawn on every page once the page count is known.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import uharfbuzz as hb
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import PDFResourceType

from guardian import paths
from guardian.atomic import write_bytes_atomic
from guardian.reports import labels as L
from guardian.reports.document import Finding, ReportDocument, Span, display_time
from guardian.reports.html_report import recommended_steps
from guardian.reports.safety import clean_with_spans, pdf_text, segments

PLACEHOLDER = "¤"
FONT_FILES = {"R": "Amiri-Regular.ttf", "B": "Amiri-Bold.ttf"}

# Page geometry, millimetres.
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_X = 18.0
TOP, BOTTOM = 24.0, 20.0

Colour = tuple[float, float, float]
BLACK: Colour = (0.1, 0.1, 0.1)
GREY: Colour = (0.35, 0.35, 0.35)
BLUE: Colour = (0.18, 0.43, 0.71)
MARK: Colour = (1.0, 0.88, 0.4)
CHILD_BG: Colour = (0.91, 0.945, 0.984)
MSG_BG: Colour = (0.975, 0.975, 0.975)
SEVERITY_COLOURS: dict[str, Colour] = {
    "critical": (0.545, 0.0, 0.0), "high": (0.753, 0.224, 0.169),
    "medium": (0.827, 0.329, 0.0), "low": (0.498, 0.549, 0.553), "none": (0.584, 0.647, 0.651),
}

# -- fonts and characters ----------------------------------------------------


@functools.cache
def _coverage() -> frozenset[int]:
    """Code points both Amiri styles can draw."""
    sets = []
    for name in FONT_FILES.values():
        font = TTFont(paths.assets_dir() / "fonts" / name, lazy=True)
        sets.append(set(font.getBestCmap()))
        font.close()
    return frozenset(set.intersection(*sets))


_JOINERS = frozenset({0x200D, 0x20E3}) | set(range(0xFE00, 0xFE10)) | set(range(0x1F3FB, 0x1F400)) \
    | set(range(0xE0020, 0xE0080))


def renderable(text: str) -> str:
    """`text` with what Amiri cannot draw replaced: tabs become spaces,
    invisible format characters go, and every other missing character
    becomes a visible placeholder (an emoji with its joiners, modifiers and
    variation selectors, or a two-letter flag, counts as one)."""
    cover = _coverage()
    out: list[str] = []
    state = 0  # 1: just wrote a placeholder; 2: ... followed by a ZWJ
    flag_open = False
    for ch in text:
        cp = ord(ch)
        if ch == "\n" or (cp in cover and not (state and cp in _JOINERS)):
            out.append(ch)
            state, flag_open = 0, False
        elif ch == "\t":
            out.append("    ")
            state, flag_open = 0, False
        elif state and cp in _JOINERS:
            if cp == 0x200D:
                state = 2
        elif cp in _JOINERS or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            continue  # invisible and not in the font
        elif state == 2:
            state = 1  # joined to the previous emoji
        elif flag_open and 0x1F1E6 <= cp <= 0x1F1FF:
            flag_open = False  # second letter of a flag
        else:
            out.append(PLACEHOLDER)
            state, flag_open = 1, 0x1F1E6 <= cp <= 0x1F1FF
    return "".join(out)


def _pdf_clean(text: str) -> str:
    return renderable(pdf_text(text))


class Composed(str):
    """Text built by this module from cleaned pieces (chat strings wrapped
    in isolates by `iso`/`ltr`): drawn as it is, not cleaned again."""


def iso(text: str) -> str:
    """A chat string isolated so its direction cannot disturb the line."""
    return FSI + _pdf_clean(text) + PDI


def explained(text: str) -> Composed:
    """A sentence of Guardian's own (an explanation, a pattern) with the
    names its templates isolated (`explain.templates.isolate`): each piece
    cleaned on its own, the names' isolates kept.  Cleaning it whole strips
    them, and an Arabic name before a number then pulls the number into its
    run ("from “لين”: 3 times" drawn as “3 :”لين)."""
    pieces = _NAME_ISOLATE.split(text)   # sentence, name, sentence, ...
    return Composed("".join(iso(piece) if k % 2 else _pdf_clean(piece) for k, piece in enumerate(pieces)))


def ltr(text: str) -> str:
    """Technical text (times, hashes) isolated left-to-right."""
    return LRI + _pdf_clean(text) + PDI


_GLYPH_NAME = re.compile(r"^(?:uni([0-9A-F]{4})|u([0-9A-F]{5,6}))(?![0-9A-F])")


def _share(font: _Font, gids: list[int], chars: str) -> list[tuple[int, ...]]:
    """Give the characters of one cluster to its glyphs, so each glyph's
    ToUnicode entry names what it draws (a mark glyph its mark): by glyph
    name first, the rest to the first glyph."""
    if len(gids) == 1:
        return [tuple(ord(c) for c in chars)]
    left = [ord(c) for c in chars]
    shares: list[list[int]] = [[] for _ in gids]
    for j, gid in enumerate(gids):
        cp = font.base(gid)
        if cp is not None and cp in left:
            shares[j].append(cp)
            left.remove(cp)
    if left:
        target = next((j for j, s in enumerate(shares) if not s), 0)
        shares[target] = left + shares[target]
    return [tuple(s) for s in shares]


class _Font:
    """One Amiri style: fpdf2's font object (subset, resources) plus a
    HarfBuzz font in font units for shaping and measuring."""

    def __init__(self, pdf: FPDF, key: str) -> None:
        self.fpdf = pdf.fonts[key]
        self.hb = hb.Font(hb.Face(hb.Blob.from_file_path(str(self.fpdf.ttffile))))
        self.upem = self.fpdf.ttfont["head"].unitsPerEm
        self.hb.scale = (self.upem, self.upem)
        self.to_pm = 1000 / self.upem  # font units -> thousandths of an em
        self._cids: dict[tuple[int, tuple[int, ...]], tuple[int, int] | None] = {}
        self._widths: dict[str, int] = {}
        self._shaped: dict[tuple[str, bool], list[tuple[int, int, int, int, int]]] = {}
        self._hmtx = self.fpdf.ttfont["hmtx"].metrics
        self._bases: dict[int, int | None] = {}
        self.runs: dict[tuple[str, bool], list[tuple[int, int, int, int, int, int]]] = {}

    def shape(self, text: str, rtl: bool) -> list[tuple[int, int, int, int, int]]:
        """(glyph id, cluster, x advance, x offset, y offset) in visual order."""
        key = (text, rtl)
        cached = self._shaped.get(key)
        if cached is not None:
            return cached
        buf = hb.Buffer()
        buf.cluster_level = 1
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        # Amiri's contextual alternates ("calt") insert kashida glyphs that
        # share a cluster with a letter; they carry no character, so PDF
        # text extraction would read a stray code there.  Joining (init,
        # medi, fina) and ligatures do not need them.
        hb.shape(self.hb, buf, {"calt": False})
        result = [(i.codepoint, i.cluster, p.x_advance, p.x_offset, p.y_offset)
                  for i, p in zip(buf.glyph_infos, buf.glyph_positions)]
        if len(self._shaped) > 20000:
            self._shaped.clear()
        self._shaped[key] = result
        return result

    def width(self, text: str) -> int:
        """Advance of `text` in font units."""
        w = self._widths.get(text)
        if w is None:
            w = sum(g[2] for g in self.shape(text, False))
            if len(self._widths) > 50000:
                self._widths.clear()
            self._widths[text] = w
        return w

    def base(self, gid: int) -> int | None:
        """The character a glyph draws, from its name (uni0651.small -> U+0651)."""
        cp = self._bases.get(gid, -1)
        if cp == -1:
            m = _GLYPH_NAME.match(self.fpdf.ttfont.getGlyphName(gid))
            cp = int(m.group(1) or m.group(2), 16) if m else None
            self._bases[gid] = cp
        return cp

    def cid(self, gid: int, chars: tuple[int, ...]) -> tuple[int, int] | None:
        """(character id in the subset, PDF width in thousandths of an em)."""
        key = (gid, chars)
        found = self._cids.get(key, False)
        if found is not False:
            return found  # type: ignore[return-value]
        result = None
        if gid:
            name = self.fpdf.ttfont.getGlyphName(gid)
            width = round(self.fpdf.scale * self._hmtx[name][0])
            glyph = self.fpdf.subset.get_glyph(glyph=gid, unicode=chars, glyph_name=name,
                                               glyph_width=width)
            if glyph is not None:
                cid = self.fpdf.subset.pick_glyph(glyph)
                if cid is not None:
                    result = (cid, width)
        self._cids[key] = result
        return result


# -- bidi ---------------------------------------------------------------------

_bidi_class = unicodedata.bidirectional
_STRONG_R = frozenset({"R", "AL"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI", ""})
_OPENERS = frozenset({"LRI", "RLI", "FSI"})
# Rule X9 removes these; they get a level afterwards only so that every
# character has one (zero-width joiners must stay in their neighbour's run).
_REMOVED = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
# Rule L1: runs of these before a segment/paragraph separator or at the end
# of the line go back to the paragraph level.
_TRAILING = frozenset({"WS", "LRI", "RLI", "FSI", "PDI"}) | _REMOVED
# Arabic letters and marks (not digits, nor the Arabic number signs
# U+066B, U+066C and U+06DD, which are AN) with spaces and common
# punctuation: all at level 1 in a right-to-left line.
_PURE_RTL = re.compile("[\u0608\u060b-\u065f\u066a\u066d-\u06dc\u06de-\u06ef\u06fa-\u06ff \u00a0\u060c\u061b\u061f"
                       ".,!?:;\"'«»()\\[\\]\u2013\u2014\u2026-]*\\Z")
# Every character that can raise a level in a left-to-right line: the
# blocks holding all R, AL and AN characters, RLM, RLE, RLO, RLI and FSI.
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u2068"
                       "\U00010800-\U00010fff\U0001e800-\U0001efff]")
# Bidi_Paired_Bracket pairs (BidiBrackets.txt, Unicode 15.0), opener then
# closer.  U+2329/U+232A are canonically equivalent to U+3008/U+3009 and
# pair with them (BD16), so both map to U+3009.
_PAIRS = ("()[]{}\u0f3a\u0f3b\u0f3c\u0f3d\u169b\u169c\u2045\u2046\u207d\u207e\u208d\u208e"
          "\u2308\u2309\u230a\u230b\u2329\u232a\u2768\u2769\u276a\u276b\u276c\u276d\u276e\u276f"
          "\u2770\u2771\u2772\u2773\u2774\u2775\u27c5\u27c6\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb"
          "\u27ec\u27ed\u27ee\u27ef\u2983\u2984\u2985\u2986\u2987\u2988\u2989\u298a\u298b\u298c"
          "\u298d\u2990\u298f\u298e\u2991\u2992\u2993\u2994\u2995\u2996\u2997\u2998\u29d8\u29d9"
          "\u29da\u29db\u29fc\u29fd\u2e22\u2e23\u2e24\u2e25\u2e26\u2e27\u2e28\u2e29\u2e55\u2e56"
          "\u2e57\u2e58\u2e59\u2e5a\u2e5b\u2e5c\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f"
          "\u3010\u3011\u3014\u3015\u3016\u3017\u3018\u3019\u301a\u301b\ufe59\ufe5a\ufe5b\ufe5c"
          "\ufe5d\ufe5e\uff08\uff09\uff3b\uff3d\uff5b\uff5d\uff5f\uff60\uff62\uff63")
_CANONICAL = {"\u232a": "\u3009"}
_OPEN_BRACKETS = {o: _CANONICAL.get(c, c) for o, c in zip(_PAIRS[::2], _PAIRS[1::2])}
_CLOSE_BRACKETS = {c: _CANONICAL.get(c, c) for c in _PAIRS[1::2]}
_OPEN_BRACKET = re.compile("[" + re.escape(_PAIRS[::2]) + "]")
_BRACKET = re.compile("[" + re.escape(_PAIRS) + "]")
_W5_W6 = frozenset({"ET", "ES", "CS"})
_MAX_DEPTH = 125  # deepest embedding level (BD2)
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_NAME_ISOLATE = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")


def first_strong_rtl(text: str) -> bool | None:
    """Direction of the first strong character (None when there is none),
    skipping text inside isolates as rule P2 says."""
    depth = 0
    for ch in text:
        c = _bidi_class(ch)
        if depth:
            if c in _OPENERS:
                depth += 1
            elif c == "PDI":
                depth -= 1
        elif c == "L":
            return False
        elif c in _STRONG_R:
            return True
        elif c in _OPENERS:
            depth = 1
    return None


def _strong(t: str) -> str:
    return "L" if t == "L" else "R"


def _bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Paired brackets (BD16), sorted by opener."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPEN_BRACKETS:
            if len(stack) == 63:
                break  # stack overflow: BD16 stops, keeping the pairs found so far
            stack.append((_OPEN_BRACKETS[ch], i))
        else:
            closer = _CLOSE_BRACKETS[ch]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == closer:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    pairs.sort()
    return pairs


def _resolve(text: str, types: list[str], base: int) -> list[int]:
    """Levels (0-2 from base 0, 1-2 from base 1) for one isolating run
    sequence without explicit embeddings or removed characters: rules
    W1-W7, N0 for bracket pairs, N1-N2, I1-I2.  `types` is changed.
    A rule whose classes are absent is skipped (this runs for every line)."""
    n = len(types)
    sos = "R" if base else "L"
    kinds = set(types)
    # Brackets are ON and the W rules never change ON, so pairs can be
    # found first, while the original NSMs are still known (N0 needs them).
    pairs = _bracket_pairs(text) if _OPEN_BRACKET.search(text) else []
    nsm = [t == "NSM" for t in types] if pairs and "NSM" in kinds else [False] * n
    if "NSM" in kinds:
        prev = sos
        for i, t in enumerate(types):  # W1
            if t == "NSM":
                types[i] = prev
            else:
                # After an isolate initiator or PDI a mark is ON.
                prev = "ON" if t in _OPENERS or t == "PDI" else t
    if "AL" in kinds:
        last = sos
        for i, t in enumerate(types):  # W2, W3
            if t in ("L", "R", "AL"):
                last = t
                if t == "AL":
                    types[i] = "R"
            elif t == "EN" and last == "AL":
                types[i] = "AN"
    if "ES" in kinds or "CS" in kinds:
        for i in range(1, n - 1):  # W4
            t = types[i]
            if t == "ES" and types[i - 1] == "EN" and types[i + 1] == "EN":
                types[i] = "EN"
            elif t == "CS" and types[i - 1] == types[i + 1] and types[i - 1] in ("EN", "AN"):
                types[i] = types[i - 1]
    if kinds & _W5_W6:
        i = 0
        while i < n:  # W5, W6
            if types[i] == "ET":
                j = i
                while j < n and types[j] == "ET":
                    j += 1
                value = "EN" if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN") else "ON"
                for k in range(i, j):
                    types[k] = value
                i = j
            else:
                if types[i] in ("ES", "CS"):
                    types[i] = "ON"
                i += 1
    if "EN" in kinds:
        last = sos
        for i, t in enumerate(types):  # W7
            if t in ("L", "R"):
                last = t
            elif t == "EN" and last == "L":
                types[i] = "L"
    for o, c in pairs:  # N0: a bracket pair takes the direction of its content.
        inside = {_strong(t) for t in types[o + 1:c] if t in ("L", "R", "EN", "AN")}
        if not inside:
            continue
        if sos in inside:
            value = sos
        else:  # only the opposite direction inside: it wins if the context before agrees
            value = sos
            for k in range(o - 1, -1, -1):
                if types[k] in ("L", "R", "EN", "AN"):
                    value = _strong(types[k])
                    break
        types[o] = types[c] = value
        for b in (o, c):  # marks on a bracket follow it
            k = b + 1
            while k < n and nsm[k]:
                types[k] = value
                k += 1
    i = 0
    while i < n:  # N1, N2
        if types[i] in _NEUTRAL:
            j = i
            while j < n and types[j] in _NEUTRAL:
                j += 1
            before = sos if i == 0 else _strong(types[i - 1])
            after = sos if j == n else _strong(types[j])
            value = before if before == after else sos
            for k in range(i, j):
                types[k] = value
            i = j
        else:
            i += 1
    if base == 0:  # I1, I2
        return [1 if t == "R" else 2 if t in ("AN", "EN") else 0 for t in types]
    return [2 if t in ("L", "EN", "AN") else 1 for t in types]


def _isolating(text: str, types: list[str], levels: list[int], lo: int, hi: int, level: int) -> None:
    """Resolve text[lo:hi], at embedding level `level`, into `levels`.
    Isolated text is left out of the sequence (its initiator and PDI stay
    in it as neutrals) and resolved on its own one level up (BD13, X5a-c)."""
    index: list[int] = []
    inner: list[tuple[int, int, int]] = []
    i = lo
    while i < hi:
        t = types[i]
        if t not in _REMOVED:
            index.append(i)
        i += 1
        if t in _OPENERS:
            depth, j = 1, i
            while j < hi and depth:
                if types[j] in _OPENERS:
                    depth += 1
                elif types[j] == "PDI":
                    depth -= 1
                j += 1
            end = j - 1 if depth == 0 else hi  # the matching PDI, or the end of the line
            rtl = t == "RLI" or (t == "FSI" and bool(first_strong_rtl(text[i:end])))
            # the least odd (rtl) or even level above this one
            up = level + (1 if rtl != level % 2 else 2)
            if up <= _MAX_DEPTH:
                inner.append((i, end, up))
                i = end
            # else: overflow (more than 125 levels), the content stays at this level
    base = level % 2
    if len(index) == hi - lo:
        resolved = _resolve(text[lo:hi], types[lo:hi], base)
    else:
        resolved = _resolve("".join(text[k] for k in index), [types[k] for k in index], base)
    for k, r in zip(index, resolved):
        levels[k] = level - base + r
    for a, b, up in inner:
        _isolating(text, types, levels, a, b, up)


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """Resolved levels of one line, after rule L1 (trailing whitespace and
    isolate controls, and separators, at the paragraph level).  Isolates
    (LRI/RLI/FSI ... PDI, which only this module's own labels contain: chat
    text has every bidi control removed) are resolved as the algorithm says.
    Characters rule X9 removes (BN) take the level before them."""
    base = 1 if rtl else 0
    n = len(text)
    types = [_bidi_class(ch) for ch in text]
    kinds = set(types)
    if kinds & _OPENERS or kinds & _REMOVED:
        levels = [base] * n
        _isolating(text, types, levels, 0, n, base)
        for i, t in enumerate(types):
            if t in _REMOVED:
                levels[i] = levels[i - 1] if i else base
    else:
        levels = _resolve(text, types.copy(), base)
    # L1: a line ends with its paragraph's level, whatever trails it.
    if "S" in kinds or "B" in kinds:
        trailing = True
        for i in range(n - 1, -1, -1):
            t = types[i]
            if t == "S" or t == "B":
                levels[i] = base
                trailing = True
            elif trailing and t in _TRAILING:
                levels[i] = base
            else:
                trailing = False
    else:
        i = n - 1
        while i >= 0 and types[i] in _TRAILING:
            levels[i] = base
            i -= 1
    return levels


def bidi_runs(text: str, rtl: bool) -> list[tuple[int, int, int]]:
    """Directional runs (start, end, level) of one line, in visual order."""
    n = len(text)
    if n == 0:
        return []
    if not rtl and not _RTL_CHAR.search(text):
        return [(0, n, 0)]
    if rtl and _PURE_RTL.match(text):
        return [(0, n, 1)]
    levels = bidi_levels(text, rtl)
    runs: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or levels[i] != levels[start]:
            runs.append((start, i, levels[start]))
            start = i
    top = max(r[2] for r in runs)
    lowest_odd = min((r[2] for r in runs if r[2] % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):  # L2
        i = 0
        while i < len(runs):
            if runs[i][2] >= level:
                j = i
                while j < len(runs) and runs[j][2] >= level:
                    j += 1
                runs[i:j] = runs[i:j][::-1]
                i = j
            else:
                i += 1
    return runs


# -- typesetting ----------------------------------------------------------------

_ISOLATE_CODES = frozenset(ord(c) for c in (LRI, RLI, FSI, PDI))
_ISOLATE_CHARS = frozenset((LRI, RLI, FSI, PDI))


class Typesetter:
    """Flow layout onto A4 pages: paragraphs, key/value blocks, tables."""

    def __init__(self, pdf: FPDF, rtl: bool) -> None:
        self.pdf = pdf
        self.rtl = rtl
        self.fonts = {"R": _Font(pdf, "amiri"), "B": _Font(pdf, "amiriB")}
        self.k = pdf.k
        self.y = TOP
        self.left = MARGIN_X
        self.right = PAGE_W - MARGIN_X
        self._lines: dict[tuple[str, str, float, bool], tuple[str, int, list[tuple[int, int, int]]]] = {}

    # pages
    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = TOP

    def used(self) -> float:
        """How much of the current page's writing area is filled, 0 to 1."""
        return (self.y - TOP) / (PAGE_H - TOP - BOTTOM)

    def ensure(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM and self.y > TOP + 0.01:
            self.new_page()

    @staticmethod
    def line_height(size: float) -> float:
        return size * 0.3528 * 1.75

    # measuring and breaking
    def text_width(self, text: str, style: str, size: float) -> float:
        font = self.fonts[style]
        return font.width(text) * size / font.upem / self.k

    def wrap(self, text: str, style: str, size: float, width: float) -> list[tuple[int, int]]:
        """Lines of `text` as (start, end) offsets, broken at spaces (and
        inside words longer than a line), newlines kept."""
        font = self.fonts[style]
        limit = width * self.k * font.upem / size  # font units
        space = font.width(" ")
        lines: list[tuple[int, int]] = []
        pos = 0
        for paragraph in text.split("\n"):
            start = pos
            line_start = start
            line_end = start
            line_w = 0
            pending_space = 0
            for m in re.finditer(r"\S+|\s+", paragraph):
                a, b = start + m.start(), start + m.end()
                token = m.group()
                if token.isspace():
                    if line_end > line_start:
                        pending_space += space * len(token)
                    else:
                        line_start = line_end = b
                    continue
                w = font.width(token)
                if line_end > line_start and line_w + pending_space + w <= limit:
                    line_w += pending_space + w
                    line_end = b
                elif w <= limit:
                    if line_end > line_start:
                        lines.append((line_start, line_end))
                    line_start, line_end, line_w = a, b, w
                else:  # a word longer than a line: cut it by characters
                    if line_end > line_start:
                        lines.append((line_start, line_end))
                    cut_start, cut_w = a, 0
                    for i in range(a, b):
                        cw = font.width(text[i])
                        if cut_w + cw > limit * 0.94 and i > cut_start:
                            lines.append((cut_start, i))
                            cut_start, cut_w = i, 0
                        cut_w += cw
                    line_start, line_end, line_w = cut_start, b, cut_w
                pending_space = 0
            if line_end > line_start or not lines or lines[-1][1] < start:
                lines.append((line_start, line_end) if line_end > line_start else (start, start))
            pos = start + len(paragraph) + 1
        return lines

    # drawing
    def _glyphs(self, font: _Font, run: str, rtl: bool) -> list[tuple[int, int, int, int, int, int]]:
        """One directional run as (cid, PDF width, advance, x offset,
        y offset, character index) in visual order, thousandths of an em;
        cid -1 for glyphs that draw nothing (isolate controls)."""
        key = (run, rtl)
        hit = font.runs.get(key)
        if hit is not None:
            return hit
        glyphs = font.shape(run, rtl)
        members: dict[int, list[int]] = {}
        for j, g in enumerate(glyphs):
            members.setdefault(g[1], []).append(j)
        clusters = sorted(members)
        owner: list[tuple[int, ...]] = [()] * len(glyphs)
        for ci, c in enumerate(clusters):
            nxt = clusters[ci + 1] if ci + 1 < len(clusters) else len(run)
            js = members[c]
            if len(js) == 1:
                owner[js[0]] = tuple(map(ord, run[c:nxt]))
            else:
                for j, share in zip(js, _share(font, [glyphs[j][0] for j in js], run[c:nxt])):
                    owner[j] = share
        isolates = any(ch in _ISOLATE_CHARS for ch in run)
        to_pm = font.to_pm
        out = []
        for j, (gid, cluster, adv, xo, yo) in enumerate(glyphs):
            chars = owner[j]
            found = None
            if not (isolates and chars and all(c in _ISOLATE_CODES for c in chars)):
                found = font.cid(gid, chars)
            adv_pm = round(adv * to_pm)
            if found is None:
                out.append((-1, 0, adv_pm, 0, 0, cluster))
            else:
                out.append((found[0], found[1], adv_pm, round(xo * to_pm), round(yo * to_pm), cluster))
        if len(font.runs) > 4000:
            font.runs.clear()
        font.runs[key] = out
        return out

    def _line(self, line: str, style: str, size: float, rtl: bool,
              want_boxes: bool = False) -> tuple[str, int, list[tuple[int, int, int]]]:
        """The TJ operators of a line, its width (thousandths of an em) and,
        if asked, each drawn glyph's (x, advance, character index) for
        highlights.  Cached (without the boxes): labels, steps and repeated
        messages are typeset once."""
        key = (line, style, size, rtl)
        hit = self._lines.get(key)
        if hit is not None and not want_boxes:
            return hit
        font = self.fonts[style]
        ops: list[str] = []
        tj: list[str] = []
        boxes: list[tuple[int, int, int]] = []
        pen = 0
        expected = 0  # where the PDF pen is
        rise = 0
        for start, end, level in bidi_runs(line, rtl):
            for cid, pdf_w, adv, xo, yo, cluster in self._glyphs(font, line[start:end], level % 2 == 1):
                if cid >= 0:
                    if yo != rise:
                        if tj:
                            ops.append(f"[{' '.join(tj)}] TJ")
                            tj = []
                        rise = yo
                        ops.append(f"{rise * size / 1000:.2f} Ts")
                    shift = expected - (pen + xo)
                    if shift:
                        tj.append(str(shift))
                    tj.append(f"<{cid:04X}>")
                    expected = pen + xo + pdf_w
                    if want_boxes:
                        boxes.append((pen, adv, start + cluster))
                pen += adv
        if tj:
            ops.append(f"[{' '.join(tj)}] TJ")
        if rise:
            ops.append("0 Ts")
        if len(self._lines) > 20000:
            self._lines.clear()
        self._lines[key] = (" ".join(ops), pen, [])
        return " ".join(ops), pen, boxes

    def draw_line(self, line: str, style: str, size: float, x_left: float, x_right: float,
                  baseline: float, rtl: bool, align_right: bool, colour: Colour = BLACK,
                  marks: Sequence[tuple[int, int]] = (), line_h: float = 0.0) -> None:
        font = self.fonts[style]
        ops, width_pm, boxes = self._line(line, style, size, rtl, want_boxes=bool(marks))
        width = width_pm * size / 1000 / self.k
        x = x_right - width if align_right else x_left
        out: list[str] = []
        k = self.k
        if marks and boxes:
            em = size / 1000 / k
            spans = sorted((x + pen * em, x + (pen + adv) * em) for pen, adv, index in boxes
                           if any(a <= index < b for a, b in marks))
            merged: list[list[float]] = []
            for a, b in spans:
                if merged and a <= merged[-1][1] + 0.3:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            top = baseline - size * 0.3528 * 1.05
            h = size * 0.3528 * 1.45
            out.append(f"q {MARK[0]:.3f} {MARK[1]:.3f} {MARK[2]:.3f} rg")
            for a, b in merged:
                out.append(f"{a * k:.2f} {(PAGE_H - top - h) * k:.2f} {(b - a) * k:.2f} {h * k:.2f} re f")
            out.append("Q")
        if ops:
            out.append(f"BT {colour[0]:.3f} {colour[1]:.3f} {colour[2]:.3f} rg /F{font.fpdf.i} {size:.2f} Tf "
                       f"{x * k:.2f} {(PAGE_H - baseline) * k:.2f} Td {ops} ET")
        if out:
            self.pdf._resource_catalog.add(PDFResourceType.FONT, font.fpdf.i, self.pdf.page)
            self.pdf._out("\n".join(out))

    def rect(self, x: float, y: float, w: float, h: float, fill: Colour | None = None,
             stroke: Colour | None = None, line_width: float = 0.2) -> None:
        k = self.k
        ops = ["q"]
        if fill:
            ops.append(f"{fill[0]:.3f} {fill[1]:.3f} {fill[2]:.3f} rg")
        if stroke:
            ops.append(f"{stroke[0]:.3f} {stroke[1]:.3f} {stroke[2]:.3f} RG {line_width * k:.2f} w")
        op = "B" if fill and stroke else "f" if fill else "S"
        ops.append(f"{x * k:.2f} {(PAGE_H - y - h) * k:.2f} {w * k:.2f} {h * k:.2f} re {op} Q")
        self.pdf._out(" ".join(ops))

    def paragraph(self, text: str, *, size: float = 11, style: str = "R", colour: Colour = BLACK,
                  rtl: bool | None = None, inset: float = 0.0, x_left: float | None = None,
                  x_right: float | None = None, marks: Sequence[tuple[int, int]] = (),
                  background: Colour | None = None, bar: Colour | None = None,
                  gap: float = 1.2, clean: bool = True) -> None:
        """Flow a paragraph; `rtl=None` picks the direction from the first
        strong character (falling back to the report's).  Lines are
        aligned to the report's reading side."""
        if clean and not isinstance(text, Composed):
            text, moved = clean_with_spans(text, [Span(a, b, "") for a, b in marks], _pdf_clean)
            marks = [(s.start, s.end) for s in moved]
        left = (self.left if x_left is None else x_left) + (0 if self.rtl else inset)
        right = (self.right if x_right is None else x_right) - (inset if self.rtl else 0)
        pad = 2.0 if (background or bar) else 0.0
        left_text, right_text = left + pad, right - pad
        direction = rtl if rtl is not None else first_strong_rtl(text)
        if direction is None:
            direction = self.rtl
        lh = self.line_height(size)
        lines = self.wrap(text, style, size, right_text - left_text)
        for n, (a, b) in enumerate(lines):
            first, last = n == 0, n == len(lines) - 1
            extra = (pad if first else 0) + (pad if last else 0)
            self.ensure(lh + extra)
            top = self.y
            if background or bar:
                if background:
                    self.rect(left, top, right - left, lh + extra, fill=background)
                if bar:
                    bx = right - 1.2 if self.rtl else left
                    self.rect(bx, top, 1.2, lh + extra, fill=bar)
            y0 = top + (pad if first else 0)
            line = text[a:b]
            line_marks = [(max(s, a) - a, min(e, b) - a) for s, e in marks if s < b and e > a]
            self.draw_line(line, style, size, left_text, right_text, y0 + size * 0.3528 * 1.2,
                           direction, self.rtl, colour, line_marks, lh)
            self.y = y0 + lh + (pad if last else 0)
        self.y += gap

    def heading(self, text: str, level: int = 1, colour: Colour = BLACK) -> None:
        size = {0: 24, 1: 17, 2: 14, 3: 12}[level]
        self.ensure(self.line_height(size) * 2.5)
        self.y += {0: 0, 1: 4, 2: 2.5, 3: 1.2}[level]
        self.paragraph(text, size=size, style="B", colour=colour, rtl=self.rtl, gap=0.6)
        if level == 1:
            self.rect(self.left, self.y, self.right - self.left, 0.5, fill=GREY)
            self.y += 2.5

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[tuple[str, bool | None]]],
              widths: Sequence[float], size: float = 9.5, border: bool = True) -> None:
        """Columns in reading order: in an RTL report the first column is on
        the right.  Each cell is (text, direction or None for auto)."""
        total = self.right - self.left
        scale = total / sum(widths)
        cols = [w * scale for w in widths]
        edges: list[tuple[float, float]] = []
        if self.rtl:
            x = self.right
            for w in cols:
                edges.append((x - w, x))
                x -= w
        else:
            x = self.left
            for w in cols:
                edges.append((x, x + w))
                x += w
        lh = self.line_height(size)
        pad = 1.2

        def cell_lines(text: str, style: str, col: int) -> tuple[str, list[tuple[int, int]]]:
            if not isinstance(text, Composed):
                text = _pdf_clean(text)
            a, b = edges[col]
            return text, self.wrap(text, style, size, b - a - 2 * pad)

        def draw_row(cells: Sequence[tuple[str, bool | None]], style: str, shade: bool) -> None:
            laid = [cell_lines(t, style, i) for i, (t, _) in enumerate(cells)]
            height = max(len(lines) for _, lines in laid) * lh + 2 * pad * 0.6
            if self.y + height > PAGE_H - BOTTOM and self.y > TOP + 0.01:
                self.new_page()
                if style != "B":
                    draw_row([(h, self.rtl) for h in headers], "B", True)
            top = self.y
            for i, ((text, lines), (_, direction)) in enumerate(zip(laid, cells)):
                a, b = edges[i]
                if border:
                    self.rect(a, top, b - a, height, fill=(0.94, 0.94, 0.94) if shade else None,
                              stroke=(0.7, 0.7, 0.7))
                d = direction if direction is not None else first_strong_rtl(text)
                if d is None:
                    d = self.rtl
                y = top + pad * 0.6
                for s, e in lines:
                    if y + lh > PAGE_H - BOTTOM + 5:
                        break  # a cell taller than a page is cut (never with our data)
                    self.draw_line(text[s:e], style, size, a + pad, b - pad, y + size * 0.3528 * 1.2,
                                   d, self.rtl)
                    y += lh
            self.y = top + height

        self.ensure(lh * 3)
        if headers:
            draw_row([(h, self.rtl) for h in headers], "B", True)
        for row in rows:
            draw_row(row, "R", False)
        self.y += 2

    def key_values(self, rows: Iterable[tuple[str, str, bool | None]], size: float = 10.5,
                   key_width: float = 42) -> None:
        """Label / value lines: labels on the reading side, each value its
        own paragraph with its own direction (None = auto)."""
        for key, value, direction in rows:
            lh = self.line_height(size)
            self.ensure(lh)
            top = self.y
            if self.rtl:
                key_left, key_right = self.right - key_width, self.right
                val_left, val_right = self.left, self.right - key_width - 2
            else:
                key_left, key_right = self.left, self.left + key_width
                val_left, val_right = self.left + key_width + 2, self.right
            self.draw_line(_pdf_clean(key), "B", size, key_left, key_right, top + size * 0.3528 * 1.2,
                           self.rtl, self.rtl, GREY)
            self.paragraph(value, size=size, rtl=direction, x_left=val_left, x_right=val_right, gap=0)
            self.y = max(self.y, top + lh) + 0.3


# -- the report -------------------------------------------------------------------


def _ltr_time(value: str) -> str:
    return display_time(value) if value else ""


class _Report:
    def __init__(self, doc: ReportDocument) -> None:
        self.doc = doc
        self.lang = doc.lang
        self.rtl = doc.lang == "ar"
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_margins(MARGIN_X, TOP, MARGIN_X)
        fonts = paths.assets_dir() / "fonts"
        pdf.add_font("Amiri", "", str(fonts / FONT_FILES["R"]))
        pdf.add_font("Amiri", "B", str(fonts / FONT_FILES["B"]))
        pdf.set_font("Amiri", "", 11)
        pdf.set_title(f"{L.text('title', self.lang)} {doc.report.id}")
        pdf.set_author("Guardian")
        pdf.set_creator(f"Guardian {doc.report.app_version}")
        pdf.set_lang(self.lang)
        try:
            created = datetime.fromisoformat(doc.report.created)
            if created.tzinfo is not None:
                pdf.set_creation_date(created)
        except ValueError:
            pass
        self.pdf = pdf
        self.ts = Typesetter(pdf, self.rtl)

    def t(self, key: str) -> str:
        return L.text(key, self.lang)

    def sep(self) -> str:
        return "، " if self.rtl else ", "

    def names(self, values: Iterable[str]) -> Composed:
        return Composed(self.sep().join(iso(v) for v in values))

    def period(self, first: str, last: str) -> Composed:
        return Composed(self.t("from_to").format(first=ltr(_ltr_time(first)), last=ltr(_ltr_time(last))))

    def build(self) -> bytes:
        doc, ts, t = self.doc, self.ts, self.t
        findings = doc.findings_in_time_order()
        number = {f.id: n for n, f in enumerate(findings, 1)}
        ts.new_page()
        self.cover()
        self.summaries(number)
        # The findings start on a page of their own, unless the summary only
        # spilled a few lines onto this one: a page left nearly blank reads
        # to a counsellor as if something were missing.
        if ts.used() > 1 / 3:
            ts.new_page()
        ts.heading(t("findings"), 1)
        if not findings:
            ts.paragraph(t("no_findings"), rtl=self.rtl)
        for n, f in enumerate(findings, 1):
            if n > 1:
                ts.new_page()
            self.finding(n, f)
        self.recommended(len(findings))
        self.helplines()
        self.appendix(findings)
        self.decorate()
        return bytes(self.pdf.output())

    def cover(self) -> None:
        doc, ts, t = self.doc, self.ts, self.t
        ts.y += 8
        ts.paragraph(t("title"), size=26, style="B", rtl=self.rtl, gap=0)
        ts.paragraph(t("subtitle"), size=13, colour=GREY, rtl=self.rtl, gap=4)
        period = doc.period()
        ts.key_values([
            (t("child"), doc.child, None),
            (t("period"), self.period(period.first, period.last) if period.first else t("none"), self.rtl),
            (t("created"), _ltr_time(doc.report.created), False),
            (t("app_version"), doc.report.app_version, False),
            (t("report_id"), doc.report.id, False),
        ], size=12)
        if doc.report.redacted:
            ts.paragraph(t("redacted"), background=(1.0, 0.957, 0.808), rtl=self.rtl)
        ts.heading(t("sources"), 2)
        ts.table([t("path"), t("format"), t("imported"), t("sha256")],
                 [[(s.path, None), (s.format, None), (_ltr_time(s.imported), False), (s.sha256, False)]
                  for s in doc.sources], [30, 11, 20, 39], size=9)
        ts.paragraph(t("placeholder_note"), size=9, colour=GREY, rtl=self.rtl)

    def summaries(self, number: dict[str, int]) -> None:
        doc, ts, t = self.doc, self.ts, self.t
        lang = self.lang
        ts.heading(t("summary"), 1)
        for c in doc.conversations:
            s = c.summary
            ts.heading(c.title, 2)
            rows: list[tuple[str, str, bool | None]] = []
            if s.period.first:
                rows.append((t("period"), self.period(s.period.first, s.period.last), self.rtl))
            if c.participants:
                rows.append((t("participants"), self.names(c.participants), self.rtl))
            if s.participants:
                rows.append((t("involved"), self.names(s.participants), self.rtl))
            if s.by_category:
                ordered = [k for k in L.CATEGORY_ORDER if s.by_category.get(k)] + \
                    [k for k in s.by_category if k not in L.CATEGORY_ORDER and s.by_category[k]]
                rows.append((t("by_category"), self.sep().join(
                    f"{L.category(k, lang)}: {s.by_category[k]}" for k in ordered), self.rtl))
            if s.by_severity:
                ordered = [k for k in L.SEVERITY_ORDER if s.by_severity.get(k)] + \
                    [k for k in s.by_severity if k not in L.SEVERITY_ORDER and s.by_severity[k]]
                rows.append((t("by_severity"), self.sep().join(
                    f"{L.severity(k, lang)}: {s.by_severity[k]}" for k in ordered), self.rtl))
            if s.read_first:
                rows.append((t("read_first"), Composed(self.sep().join(
                    f"{t('finding')} {number[i]}" if i in number else iso(i) for i in s.read_first)), self.rtl))
            ts.key_values(rows)
            if s.patterns:
                ts.paragraph(t("patterns"), style="B", size=10.5, rtl=self.rtl, gap=0.3)
                for p in s.patterns:
                    ts.paragraph(Composed(f"• {FSI}{explained(p)}{PDI}"), size=10.5, rtl=self.rtl, inset=4,
                                 gap=0.3)

    def finding(self, n: int, f: Finding) -> None:
        doc, ts, t = self.doc, self.ts, self.t
        lang = self.lang
        colour = SEVERITY_COLOURS.get(f.severity, GREY)
        cats = self.sep().join(L.category(c, lang) for c in f.labels)
        ts.heading(f"{t('finding')} {n}: {cats} — {L.severity(f.severity, lang)}", 2, colour)
        conv = doc.conversation(f.conversation)
        ts.key_values([
            (t("sender"), f.sender, None),
            (t("time"), _ltr_time(f.time), False),
            (t("conversation"), conv.title if conv else f.conversation, None),
        ])
        ts.paragraph(t("what_said"), style="B", size=11, rtl=self.rtl, gap=0.5)
        if f.text:
            ts.paragraph(f.text, size=12.5, marks=[(s.start, s.end) for s in f.spans],
                         background=MSG_BG, bar=colour, gap=1.5)
        else:
            ts.paragraph(t("empty_message"), size=11, colour=GREY, rtl=self.rtl)
        words = [" ".join(_pdf_clean(p).split()) for p, marked in segments(f.text, f.spans) if marked]
        words = [w for w in dict.fromkeys(words) if w]
        if words:
            ts.paragraph(Composed(f"{t('evidence_words')}: " + self.sep().join(f"«{iso(w)}»" for w in words)),
                         size=10.5, rtl=self.rtl)
        if f.attachment:
            a = f.attachment
            ts.paragraph(Composed(f"{t('attachment')}: {L.attachment(a.kind, lang)}"
                                  + (f" — {iso(a.name)}" if a.name else "")), size=10.5, rtl=self.rtl, gap=0.2)
            if a.sha256:
                ts.paragraph(f"SHA-256: {a.sha256}", size=9, rtl=False, colour=GREY)
        if f.context:
            ts.heading(t("context"), 3)
            for m in f.context:
                is_child = m.is_child or m.sender == doc.child
                who = Composed(iso(m.sender) + (f"  [{t('child_reply')}]" if is_child else ""))
                ts.paragraph(who, size=9.5, style="B", colour=BLUE if is_child else GREY,
                             rtl=self.rtl, gap=0)
                if m.time:
                    ts.paragraph(_ltr_time(m.time), size=8.5, colour=GREY, rtl=False, gap=0)
                ts.paragraph(m.text or t("empty_message"), size=10.5,
                             background=CHILD_BG if is_child else None,
                             bar=BLUE if is_child else None, gap=1.0)
        e = f.explanation
        if e.what:
            ts.heading(t("what"), 3)
            ts.paragraph(explained(e.what), rtl=self.rtl)
        if e.why:
            ts.heading(t("why"), 3)
            ts.paragraph(explained(e.why), rtl=self.rtl)
        ts.heading(t("severity"), 3)
        ts.paragraph(Composed(L.severity(f.severity, lang)
                              + (f" — {FSI}{explained(e.severity_reason)}{PDI}" if e.severity_reason else "")),
                     colour=colour, rtl=self.rtl)
        if e.steps:
            ts.heading(t("steps"), 3)
            for i, s in enumerate(e.steps, 1):
                self.step(i, s)
        ts.heading(t("review"), 3)
        ts.paragraph(L.review_state(f.review.state, lang), rtl=self.rtl, gap=0.3)
        if f.review.note:
            ts.paragraph(Composed(f"{t('note')}: {iso(f.review.note)}"), rtl=self.rtl)

    def step(self, i: int, s: object, suffix: str = "") -> None:
        from guardian.reports.document import Step
        assert isinstance(s, Step)
        ts = self.ts
        ts.paragraph(Composed(f"{i}. {iso(s.text)}{suffix}"), rtl=self.rtl, gap=0.2)
        if s.source:
            ts.paragraph(Composed(f"{self.t('source')}: {iso(s.source)}"), size=9, colour=GREY,
                         rtl=self.rtl, inset=5, gap=0)
        if s.url:
            ts.paragraph(s.url, size=8.5, colour=GREY, rtl=False, inset=5, gap=0)
        ts.y += 1

    def recommended(self, count: int) -> None:
        steps = recommended_steps(self.doc)
        if not steps:
            return
        self.ts.new_page()
        self.ts.heading(self.t("recommended"), 1)
        for i, (s, used) in enumerate(steps, 1):
            self.step(i, s, f" ({used}/{count})")

    def helplines(self) -> None:
        ts, t = self.ts, self.t
        ts.new_page()
        ts.heading(t("help"), 1)
        ts.paragraph(t("help_note"), size=10, colour=GREY, rtl=self.rtl)
        if self.doc.help:
            ts.table([t("country"), t("name"), t("phone"), t("url"), t("source"), t("checked")],
                     [[(h.country, None), (h.name, None), (h.phone, False), (h.url, False),
                       (h.source, None), (h.checked, False)] for h in self.doc.help],
                     [10, 30, 14, 26, 22, 14], size=9)

    def appendix(self, findings: list[Finding]) -> None:
        doc, ts, t = self.doc, self.ts, self.t
        ts.new_page()
        ts.heading(t("appendix"), 1)
        ts.paragraph(t("appendix_note"), size=10, colour=GREY, rtl=self.rtl)
        for n, f in enumerate(findings, 1):
            ts.ensure(ts.line_height(12) * 4)
            ts.heading(f"{t('finding')} {n}", 3)
            ts.paragraph(f.evidence.raw, size=10, background=MSG_BG, gap=0.8)
            src = doc.source(f.evidence.source_sha256)
            rows: list[tuple[str, str, bool | None]] = [(t("sha256"), f.evidence.source_sha256, False)]
            if f.evidence.position is not None:
                rows.append((t("position"), str(f.evidence.position), False))
            if src:
                rows.append((t("path"), src.path, None))
                rows.append((t("imported"), _ltr_time(src.imported), False))
                if src.importer_version:
                    rows.append((t("importer"), src.importer_version, None))
            if f.attachment:
                a = f.attachment
                rows.append((t("attachment"), " — ".join(x for x in (L.attachment(a.kind, self.lang), a.name) if x),
                             None))
                if a.sha256:
                    rows.append(("SHA-256", a.sha256, False))
            ts.key_values(rows, size=9.5)

    def decorate(self) -> None:
        """Header and footer on every page, now that the count is known."""
        pdf, ts, t = self.pdf, self.ts, self.t
        total = pdf.page
        title = _pdf_clean(f"{t('title')} — {t('subtitle')}")
        report_id = _pdf_clean(f"{self.doc.report.id}")
        id_width = ts.text_width(report_id, "R", 8)
        mid = PAGE_W / 2
        for page in range(1, total + 1):
            pdf.page = page
            ts.draw_line(title, "R", 8.5, ts.left, ts.right, 13, self.rtl, self.rtl, GREY)
            ts.rect(ts.left, 15.5, ts.right - ts.left, 0.25, fill=(0.7, 0.7, 0.7))
            footer = t("page").format(n=page, total=total)
            w = ts.text_width(footer, "R", 8.5)
            ts.draw_line(footer, "R", 8.5, mid - w / 2, mid + w / 2, PAGE_H - 11, self.rtl, False, GREY)
            # The report id on a line of its own, so text extraction keeps it whole.
            ts.draw_line(report_id, "R", 8, mid - id_width / 2, mid + id_width / 2, PAGE_H - 6.5,
                         False, False, GREY)
        pdf.page = total


def render_pdf(doc: ReportDocument) -> bytes:
    return _Report(doc).build()


def write_pdf(doc: ReportDocument, target: Path) -> None:
    write_bytes_atomic(Path(target), render_pdf(doc))
