"""The PDF report's bidi algorithm against the Unicode conformance data.

`data/bidi_conformance.txt` is a selection of Unicode's BidiCharacterTest.txt
and BidiTest.txt (see its header) that always runs; when the full
BidiCharacterTest.txt is installed (Debian's unicode-data package), every
case the report can meet is checked too.  Cases with explicit embeddings or
overrides (U+202A-U+202E) are left out: `safety.pdf_text` strips them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from guardian.reports.pdf_report import bidi_levels, bidi_runs, first_strong_rtl

SAMPLE = Path(__file__).parent / "data" / "bidi_conformance.txt"
FULL = Path("/usr/share/unicode/BidiCharacterTest.txt")
EXPLICIT = frozenset(map(chr, range(0x202A, 0x202F)))

Case = tuple[int, str, int, int, list[str], list[int]]


def read_cases(path: Path) -> Iterator[Case]:
    """(line number, text, direction, paragraph level, levels, visual order)
    of each applicable line of a file in BidiCharacterTest.txt's format."""
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            codes, direction, para, levels, order = line.split(";")
            text = "".join(chr(int(c, 16)) for c in codes.split())
            if EXPLICIT.isdisjoint(text):
                yield (number, text, int(direction), int(para), levels.split(),
                       [int(k) for k in order.split()])


def check(case: Case) -> str | None:
    """None if the case passes, else what went wrong."""
    number, text, direction, para, want, order = case
    # The report takes an unset direction from the first strong character
    # (falling back to the report's own); the standard falls back to LTR.
    rtl = direction == 1 if direction != 2 else bool(first_strong_rtl(text))
    if int(rtl) != para:
        return f"line {number}: paragraph level {int(rtl)}, expected {para}"
    got = bidi_levels(text, rtl)
    if len(got) != len(want) or any(w != "x" and int(w) != g for w, g in zip(want, got)):
        return f"line {number}: levels {got}, expected {want}"
    visual: list[int] = []
    for start, end, level in bidi_runs(text, rtl):
        shown = [k for k in range(start, end) if want[k] != "x"]
        visual += shown[::-1] if level % 2 else shown
    if visual != order:
        return f"line {number}: order {visual}, expected {order}"
    return None


def failures_in(path: Path) -> tuple[int, list[str]]:
    """How many applicable cases `path` has, and what went wrong in each that fails."""
    cases = list(read_cases(path))
    return len(cases), [f for f in map(check, cases) if f]


def test_sample_conformance_cases() -> None:
    count, failures = failures_in(SAMPLE)
    assert count > 500
    assert not failures, "\n".join(failures[:20])


@pytest.mark.skipif(not FULL.exists(), reason="BidiCharacterTest.txt not installed (apt-get install unicode-data)")
def test_full_bidi_character_test() -> None:
    count, failures = failures_in(FULL)
    assert count > 90000
    assert not failures, f"{len(failures)} of {count} cases fail:\n" + "\n".join(failures[:20])


def test_rules_the_old_code_missed() -> None:
    # L1: trailing spaces sit at the paragraph level, not in the last run.
    assert bidi_levels("abc \u05d0 ", True)[-1] == 1
    assert bidi_levels("\u05d0\u05d1 ", False) == [1, 1, 0]
    # P2: an isolate's content does not set the paragraph direction.
    assert first_strong_rtl("\u2067\u05d0\u2069 a") is False
    # N0: a bracket inside an isolate does not pair with one outside it
    # (paired, both became R and so did the LRI between them).
    assert bidi_levels("\u05d0(\u05d0\u2066)", False) == [1, 1, 1, 0, 2]
    # X9: a joiner does not split an Arabic word into runs.
    assert len(bidi_runs("\u0628\u200d\u0628 abc", False)) == 2
