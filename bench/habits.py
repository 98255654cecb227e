"""Writers' habits: how each emoji and punctuation mark splits between
harmful and harmless lines.

    python bench/habits.py [FILE.tsv ...] [--top 15]

A mark that writers put mostly on harmful lines (a menacing `...`, a smirk
`😏`) teaches the model the mark instead of the words; see "Writers' habits
the model must not learn" in training/corpus/README.md.  For the given
files (a new writer's, before merging) and for the whole corpus, prints
each mark's harmful:harmless line counts and its skew, the odds ratio
(harmful lines with the mark / all harmful lines) over (harmless lines with
it / all harmless lines), add-one smoothed: 1 is no habit.  The most
harmful-leaning marks come first, the most harmless-leaning last.  (In
session 12, `😏` was on 1,621 harmful lines and 7 harmless ones.)
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PUNCTUATION_MARKS = ("...", "؟؟", "??", "!!")


def marks_of(text: str) -> set[str]:
    """The emoji (symbols of category So) and punctuation runs in a text."""
    found = {c for c in text if unicodedata.category(c) == "So"}
    found.update(mark for mark in PUNCTUATION_MARKS if mark in text)
    return found


def skew_table(lines: list[tuple[str, bool]], top: int, least: int) -> list[str]:
    """The `top` most skewed marks among those on at least `least` lines."""
    harmful_total = sum(1 for _, harmful in lines if harmful)
    harmless_total = len(lines) - harmful_total
    harmful, harmless = Counter(), Counter()
    for text, is_harmful in lines:
        (harmful if is_harmful else harmless).update(marks_of(text))
    rows = []
    for mark in set(harmful) | set(harmless):
        if harmful[mark] + harmless[mark] < least:
            continue
        # add-one smoothing: a mark seen on one side only still gets a finite skew
        odds = ((harmful[mark] + 1) / (harmful_total + 1)) / ((harmless[mark] + 1) / (harmless_total + 1))
        rows.append((odds, harmful[mark] + harmless[mark], mark))
    rows.sort(reverse=True)
    out = [f"{len(lines):,} lines: {harmful_total:,} harmful, {harmless_total:,} harmless",
           f"{'mark':<6} {'harmful':>8} {'harmless':>9} {'skew':>7}"]
    shown = rows[:top] + [None] + rows[-top:][::-1] if len(rows) > 2 * top else rows
    for row in shown:
        if row is None:
            out.append("...")   # the harmful-leaning marks above, the harmless-leaning ones below
            continue
        odds, _, mark = row
        out.append(f"{mark:<6} {harmful[mark]:>8,} {harmless[mark]:>9,} {odds:>7.2f}")
    return out


def main() -> None:
    from guardian.analysis import corpus
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="a writer's TSV files (default: none)")
    parser.add_argument("--top", type=int, default=10, help="marks to show at each end of a table")
    parser.add_argument("--least", type=int, default=10,
                        help="leave out marks on fewer lines than this in the given files "
                             "(in the corpus: ten times as many)")
    args = parser.parse_args()
    if args.files:
        lines = [(ex.text, bool(ex.labels)) for f in args.files for ex in corpus.read_corpus_tsv(f)]
        print("the given files")
        print("\n".join(skew_table(lines, args.top, args.least)))
        print()
    print("the whole corpus (training/corpus)")
    lines = [(ex.text, bool(ex.labels)) for ex in corpus.our_corpus()]
    print("\n".join(skew_table(lines, args.top, 10 * args.least)))


if __name__ == "__main__":
    main()
