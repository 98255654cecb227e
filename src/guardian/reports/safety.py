"""Chat text is hostile input: make it safe for every report format, and
mask people for a redacted copy.

* Control characters (C0 except tab and newline, DEL, C1, U+FFFE/U+FFFF,
  lone surrogates) never reach a report; CR and CRLF become newlines.
* Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
  U+061C) cannot reorder the report around them: HTML wraps chat strings in
  ``<bdi>`` and drops unbalanced embeddings, overrides and isolates; PDF
  text loses them all before shaping; the JSON writes them as ``\\uXXXX``.
* Spreadsheet formulas: a CSV cell whose first visible character is ``=``,
  ``+``, ``-``, ``@`` (or their full-width forms), tab or CR gets a ``'``.
* `redact` gives every participant except the child a stable pseudonym in
  names and inside text, masks phone numbers and e-mail addresses, and
  moves spans so they still cover the same words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from guardian.reports.document import (
    Attachment,
    ContextMessage,
    Conversation,
    Evidence,
    Explanation,
    Finding,
    ReportDocument,
    Review,
    Source,
    Span,
    Summary,
)

# -- characters ------------------------------------------------------------

LRE, RLE, PDF_, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
EMBEDDINGS = frozenset({LRE, RLE, LRO, RLO})
ISOLATES = frozenset({LRI, RLI, FSI})
BIDI_CONTROLS = frozenset({LRE, RLE, PDF_, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM})

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_BIDI_STACKED = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Drop the control characters no report may contain; CR/CRLF -> LF."""
    if not text:
        return ""
    return _FORBIDDEN.sub("", _NEWLINES.sub("\n", text))


def strip_bidi(text: str) -> str:
    """Remove every bidirectional control (the PDF's rule)."""
    return _BIDI.sub("", text)


def balance_bidi(text: str) -> str:
    """Keep only embeddings, overrides and isolates that are properly
    closed within their line (the Unicode Bidi Algorithm ends them all at
    a paragraph end); drop the rest.  Marks (LRM, RLM, ALM) stay."""
    if not _BIDI_STACKED.search(text):
        return text
    keep = [True] * len(text)
    stack: list[int] = []  # indices of open controls

    def drop_open() -> None:
        for i in stack:
            keep[i] = False
        stack.clear()

    for i, ch in enumerate(text):
        if ch in EMBEDDINGS or ch in ISOLATES:
            stack.append(i)
        elif ch == PDF_:
            if stack and text[stack[-1]] in EMBEDDINGS:
                stack.pop()
            else:
                keep[i] = False
        elif ch == PDI:
            j = next((k for k in range(len(stack) - 1, -1, -1) if text[stack[k]] in ISOLATES), None)
            if j is None:
                keep[i] = False
            else:
                # Embeddings left open inside the isolate are closed by the
                # PDI in the algorithm, but keep the output simply nested.
                for k in stack[j + 1:]:
                    keep[k] = False
                del stack[j:]
        elif ch == "\n":
            drop_open()
    drop_open()
    return "".join(ch for ch, k in zip(text, keep) if k)


# -- HTML ------------------------------------------------------------------

def html_text(text: str) -> str:
    """Escaped, cleaned, bidi-balanced chat text (no <bdi> wrapper)."""
    return html.escape(balance_bidi(clean(text)), quote=True)


def html_chat(text: str, cls: str = "") -> str:
    """A chat-supplied string as an isolated, escaped HTML fragment."""
    attr = f' class="{cls}"' if cls else ""
    return f"<bdi{attr}>{html_text(text)}</bdi>"


def safe_url(url: str) -> str | None:
    """A link target we are willing to print as <a href>: http(s) only."""
    url = clean(strip_bidi(url)).strip()
    if re.match(r"(?i)^https?://[^\s<>\"'`]+$", url):
        return url
    return None


# -- CSV -------------------------------------------------------------------

_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_INVISIBLE_LEAD = re.compile("^[\\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]*")


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will run as a formula."""
    if value is None:
        return ""
    text = balance_bidi(clean(str(value)))
    if text and text[0] in _FORMULA_START:
        return "'" + text
    lead = _INVISIBLE_LEAD.match(text)
    rest = text[lead.end():] if lead else text
    if rest and rest[0] in _FORMULA_START:
        return "'" + text
    return text


# -- PDF -------------------------------------------------------------------

def pdf_text(text: str) -> str:
    """Chat text for the PDF: cleaned, and no bidi controls at all."""
    return strip_bidi(clean(text))


# -- JSON ------------------------------------------------------------------

_JSON_UNSAFE = re.compile("[\x7f-\x9f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
                          "\u2028\u2029]")


def json_escape_unsafe(encoded: str) -> str:
    """Post-process ``json.dumps(..., ensure_ascii=False)`` output: write
    controls, bidi controls and lone surrogates as \\uXXXX escapes, so the
    file is lossless but none of them appears raw.  They can only occur
    inside JSON strings, where an escape means the same character."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


# -- redaction -------------------------------------------------------------

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MASK = "•"
EMAIL_MASK = "•••@•••"

_EMAIL = r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
_PHONE = r"(?<![\w+])(?:\+\s?)?\(?\d(?:[ \-.()\u00a0]{0,2}\d){6,16}(?!\w)"
_DATE_LIKE = re.compile(r"\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}")
_PREFIX = r"(?:يا|[وفبلك])"
# Name parts too common to mask on their own.
_STOP_TOKENS = frozenset({
    "ابو", "أبو", "ام", "أم", "بن", "ابن", "بنت", "عبد", "آل", "ال", "al", "el", "the", "mr",
    "mrs", "ms", "dr", "miss", "bin", "abu", "umm", "ibn", "mom", "dad", "mum",
})
_LETTER_CLASSES = {
    "ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]",
    "ة": "[ةه]", "ه": "[ةه]", "ى": "[ىي]", "ي": "[ىي]",
}


def pseudonym(n: int, lang: str) -> str:
    if lang == "ar":
        return f"مشارك {str(n).translate(_ARABIC_DIGITS)}"
    return f"Participant {n}"


def mask_phone(number: str) -> str:
    """``+966 55 123 4567`` -> ``+966 5• ••• ••67``: keep the country code
    (after +), the first digit after it and the last two; keep separators."""
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    keep_head = 1
    if number.lstrip().startswith("+"):
        m = re.match(r"\s*\+\s?(\d{1,4})(?=\D)", number)
        keep_head = (len(m.group(1)) if m else 3) + 1
    if len(digits) - keep_head - 2 < 3:
        keep_head = max(0, len(digits) - 5)
    keep = set(digits[:keep_head]) | set(digits[-2:])
    return "".join(MASK if (ch.isdigit() and i not in keep) else ch for i, ch in enumerate(number))


def _name_regex(name: str) -> str:
    return "".join(_LETTER_CLASSES.get(ch, re.escape(ch)) for ch in name)


def _norm(name: str) -> str:
    return " ".join(strip_bidi(clean(name)).split()).casefold()


class _Rewriter:
    """Replace names, phone numbers and e-mail addresses in a string and
    say where the text moved."""

    def __init__(self, names: dict[str, str]) -> None:
        # names: surface form -> replacement
        self.names = {_norm(k): v for k, v in names.items()}
        alternatives = [f"(?P<email>{_EMAIL})", f"(?P<phone>{_PHONE})"]
        if names:
            forms = sorted(self.names, key=len, reverse=True)
            body = "|".join(_name_regex(f).replace(r"\ ", r"\s+") for f in forms)
            alternatives.append(f"(?<!\\w){_PREFIX}?(?P<name>{body})(?!\\w)")
        self.pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        self._variants: dict[str, str] = {}

    def _replacement(self, m: re.Match[str]) -> tuple[int, int, str] | None:
        if m.group("email"):
            return m.start(), m.end(), EMAIL_MASK
        if m.group("phone"):
            value = m.group("phone")
            if _DATE_LIKE.fullmatch(value.strip()):
                return None
            return m.start("phone"), m.end("phone"), mask_phone(value)
        found = m.group("name")
        key = _norm(found)
        target = self.names.get(key)
        if target is None:
            target = self._variants.get(key)
        if target is None:
            # Matched through a letter variant (أ/ا, ة/ه, ى/ي): find its owner.
            for form, repl in self.names.items():
                if re.fullmatch(_name_regex(form).replace(r"\ ", r"\s+"), found, re.IGNORECASE):
                    target = repl
                    break
            self._variants[key] = target or found
            target = target or found
        return m.start("name"), m.end("name"), target

    def rewrite(self, text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
        """The new text and the replaced regions as (old_start, old_end,
        new_start, new_end)."""
        if not text:
            return text, []
        out: list[str] = []
        regions: list[tuple[int, int, int, int]] = []
        pos = 0
        new_len = 0
        for m in self.pattern.finditer(text):
            r = self._replacement(m)
            if r is None:
                continue
            start, end, repl = r
            if start < pos:
                continue
            out.append(text[pos:start])
            new_len += start - pos
            out.append(repl)
            regions.append((start, end, new_len, new_len + len(repl)))
            new_len += len(repl)
            pos = end
        if not regions:
            return text, []
        out.append(text[pos:])
        return "".join(out), regions

    def __call__(self, text: str) -> str:
        return self.rewrite(text)[0]


def _move(index: int, regions: list[tuple[int, int, int, int]], is_end: bool) -> int:
    delta = 0
    for old_a, old_b, new_a, new_b in regions:
        if index < old_a or (is_end and index == old_a):
            break
        if index < old_b or (not is_end and index == old_a):
            return new_b if is_end else new_a
        if index == old_b:
            return new_b
        delta = new_b - old_b
    return index + delta


def move_spans(spans: Iterable[Span], regions: list[tuple[int, int, int, int]]) -> tuple[Span, ...]:
    """Spans over the rewritten text covering the same words; a span end
    inside a replaced stretch widens to cover the whole replacement."""
    if not regions:
        return tuple(spans)
    return tuple(Span(_move(s.start, regions, False), _move(s.end, regions, True), s.label)
                 for s in spans)


def _participants(doc: ReportDocument, child_names: set[str]) -> list[str]:
    seen: dict[str, str] = {}

    def add(name: str) -> None:
        key = _norm(name)
        if key and key not in child_names and key not in seen:
            seen[key] = name

    for c in doc.conversations:
        for p in c.participants:
            add(p)
    for f in doc.findings:
        add(f.sender)
        for m in f.context:
            if not m.is_child:
                add(m.sender)
    for c in doc.conversations:
        for p in c.summary.participants:
            add(p)
    return list(seen.values())


def _name_forms(people: list[str], pseudonyms: dict[str, str], child: str, lang: str) -> dict[str, str]:
    """Surface forms to look for in text: full names, then name parts of
    three or more letters that are not common words or the child's."""
    forms: dict[str, str] = {}
    for p in people:
        forms[_norm(p)] = pseudonyms[p]
    child_tokens = set(_norm(child).split())
    owners: dict[str, set[str]] = {}
    for p in people:
        for token in _norm(p).split():
            if len(token) >= 3 and token not in _STOP_TOKENS and token not in child_tokens \
                    and any(ch.isalpha() for ch in token):
                owners.setdefault(token, set()).add(pseudonyms[p])
    unknown = "[اسم]" if lang == "ar" else "[name]"
    for token, who in owners.items():
        if token not in forms:
            forms[token] = next(iter(who)) if len(who) == 1 else unknown
    return {k: v for k, v in forms.items() if k}


def redact_with_mapping(doc: ReportDocument) -> tuple[ReportDocument, dict[str, str]]:
    """A copy for sharing: everyone but the child pseudonymised, phones and
    e-mail addresses masked.  Returns the copy and the name -> pseudonym
    mapping (which must never be written into the report)."""
    lang = doc.report.lang
    child_names = {_norm(doc.child)} | {_norm(m.sender) for f in doc.findings
                                         for m in f.context if m.is_child}
    child_names.discard("")
    people = _participants(doc, child_names)
    mapping = {p: pseudonym(i, lang) for i, p in enumerate(people, 1)}
    by_norm = {_norm(p): v for p, v in mapping.items()}
    rw = _Rewriter(_name_forms(people, mapping, doc.child, lang))

    def name(value: str) -> str:
        key = _norm(value)
        if key in by_norm:
            return by_norm[key]
        if key in child_names:
            return value
        return rw(value)

    def names(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(name(v) for v in values)

    def summary(s: Summary) -> Summary:
        return replace(s, participants=names(s.participants),
                       patterns=tuple(rw(p) for p in s.patterns))

    def finding(f: Finding) -> Finding:
        text, regions = rw.rewrite(f.text)
        e = f.explanation
        return replace(
            f, sender=name(f.sender), text=text, spans=move_spans(f.spans, regions),
            explanation=Explanation(rw(e.what), rw(e.why), rw(e.severity_reason), e.steps),
            context=tuple(ContextMessage(m.sender if m.is_child else name(m.sender), m.time,
                                         rw(m.text), m.is_child) for m in f.context),
            review=Review(f.review.state, rw(f.review.note)),
            evidence=Evidence(f.evidence.source_sha256, rw(f.evidence.raw), f.evidence.position),
            attachment=None if f.attachment is None else Attachment(
                f.attachment.kind, rw(f.attachment.name), f.attachment.sha256),
        )

    redacted = replace(
        doc,
        report=replace(doc.report, redacted=True),
        sources=tuple(Source(rw(s.path), s.sha256, s.format, s.imported, s.importer_version)
                      for s in doc.sources),
        conversations=tuple(Conversation(c.id, rw(name(c.title)), names(c.participants),
                                         summary(c.summary)) for c in doc.conversations),
        findings=tuple(finding(f) for f in doc.findings),
    )
    return redacted, mapping


def redact(doc: ReportDocument) -> ReportDocument:
    """`redact_with_mapping` without the mapping (for ``--redact``)."""
    return redact_with_mapping(doc)[0]


# -- highlighting ------------------------------------------------------------

def segments(text: str, spans: Iterable[Span]) -> list[tuple[str, bool]]:
    """Split `text` into (piece, is_evidence) runs from its spans (clipped
    to the text; overlapping spans merge).  Clean each piece separately so
    highlighting survives removed characters."""
    marks = sorted((max(0, s.start), min(len(text), s.end)) for s in spans)
    merged: list[list[int]] = []
    for a, b in marks:
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out: list[tuple[str, bool]] = []
    pos = 0
    for a, b in merged:
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out


def evidence_words(text: str, spans: Iterable[Span], cleaner: Callable[[str], str]) -> list[str]:
    """The distinct highlighted words, cleaned, in text order."""
    words: list[str] = []
    for piece, marked in segments(text, spans):
        piece = " ".join(cleaner(piece).split())
        if marked and piece and piece not in words:
            words.append(piece)
    return words


def clean_with_spans(text: str, spans: Iterable[Span],
                     cleaner: Callable[[str], str] = clean) -> tuple[str, tuple[Span, ...]]:
    """`cleaner(text)` with the spans moved to the same characters."""
    spans = tuple(spans)
    cuts = sorted({0, len(text)} | {min(max(0, x), len(text)) for s in spans for x in (s.start, s.end)})
    where: dict[int, int] = {}
    out: list[str] = []
    size = 0
    for a, b in zip(cuts, cuts[1:]):
        where[a] = size
        piece = cleaner(text[a:b])
        out.append(piece)
        size += len(piece)
    where[cuts[-1]] = size
    moved = tuple(Span(where[min(max(0, s.start), len(text))], where[min(max(0, s.end), len(text))], s.label)
                  for s in spans)
    return "".join(out), moved
