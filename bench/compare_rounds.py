"""Did a corpus round make the model better?  Two trainings compared on the
lines both trained on, without refitting.

    python -m guardian train --out /tmp/before --save-oof /tmp/before.npz    # the corpus as it was
    python -m guardian train --out /tmp/after --save-oof /tmp/after.npz      # with the new round
    python bench/compare_rounds.py /tmp/before.npz /tmp/after.npz

The held-out figures `guardian train` prints do not compare across a round:
they are measured on a corpus that grew, and the thresholds spend the
hard-negative budget on the new writers' harmless lines as well.  A round
of unusually hard negatives raises every threshold even when the model
ranks the old lines as well as before.  So this prints, per category, the
held-out recall on the old corpus's harmful lines (our corpus only):

- `own thresholds`: at each training's thresholds, what the app would do;
- `same budget`: at a threshold that flags the same share of the old hard
  negatives in both trainings (the share the first training's thresholds
  flagged), which compares how well each model *ranks* the same lines.

Lines are matched by their corpus file and text (a line whose text or
labels changed between the two is left out).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np


def line_keys(saved: dict[str, np.ndarray]) -> list[tuple[str, int]]:
    """(file, text hash) of each line; files saved before `text_crc32`
    existed fall back to (file, position in the file), which is right while
    lines are only added to new files."""
    if "text_crc32" in saved:
        return list(zip(saved["origin"].tolist(), saved["text_crc32"].tolist()))
    seen: Counter[str] = Counter()
    keys = []
    for origin in saved["origin"].tolist():
        keys.append((origin, seen[origin]))
        seen[origin] += 1
    return keys


def common_rows(before: dict[str, np.ndarray], after: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Row numbers, in each file, of the lines both trained on with the same
    labels; a key that occurs twice in a file (the same text twice) is left out."""
    def index(saved: dict[str, np.ndarray]) -> dict[tuple[str, int], int]:
        keys = line_keys(saved)
        counts = Counter(keys)
        return {key: row for row, key in enumerate(keys) if counts[key] == 1}
    first, second = index(before), index(after)
    pairs = [(row, second[key]) for key, row in first.items() if key in second]
    rows_a = np.array([a for a, _ in pairs], dtype=np.int64)
    rows_b = np.array([b for _, b in pairs], dtype=np.int64)
    same = ((before["labels"][rows_a] == after["labels"][rows_b]).all(axis=1)
            & (before["known"][rows_a] == after["known"][rows_b]).all(axis=1))
    return rows_a[same], rows_b[same]


def recall_at(scores: np.ndarray, positive: np.ndarray, threshold: float) -> float:
    return float((scores[positive] >= threshold).mean()) if positive.any() else float("nan")


def budget_threshold(scores: np.ndarray, hard: np.ndarray, share: float) -> float:
    """The lowest threshold that flags at most `share` of the hard negatives."""
    ranked = np.sort(scores[hard])[::-1]
    allowed = int(np.floor(share * len(ranked) + 1e-9))
    if allowed >= len(ranked):
        return 0.0
    return float(np.nextafter(ranked[allowed], np.inf))


def compare(before: dict[str, np.ndarray], after: dict[str, np.ndarray]) -> list[str]:
    if list(before["categories"]) != list(after["categories"]):
        raise SystemExit("the two files score different categories")
    rows_a, rows_b = common_rows(before, after)
    domain = ~before["outside"][rows_a]
    rows_a, rows_b = rows_a[domain], rows_b[domain]
    hard = before["hard_negative"][rows_a]
    lines = [f"lines in both: {len(rows_a):,} of {len(before['origin']):,} and {len(after['origin']):,} "
             f"(our corpus; {int(hard.sum()):,} hard negatives)",
             f"{'':14s} {'own thresholds':>22s} {'same budget':>22s}  budget",
             f"{'':14s} {'before':>10s} {'after':>11s} {'before':>10s} {'after':>11s}"]
    totals = np.zeros(4)
    for col, category in enumerate(before["categories"]):
        score_a = np.nan_to_num(before["probabilities"][rows_a, col], nan=0.0)
        score_b = np.nan_to_num(after["probabilities"][rows_b, col], nan=0.0)
        positive = before["labels"][rows_a, col] & before["known"][rows_a, col]
        share = float((score_a[hard] >= before["thresholds"][col]).mean())
        figures = [recall_at(score_a, positive, before["thresholds"][col]),
                   recall_at(score_b, positive, after["thresholds"][col]),
                   recall_at(score_a, positive, budget_threshold(score_a, hard, share)),
                   recall_at(score_b, positive, budget_threshold(score_b, hard, share))]
        totals += figures
        lines.append(f"{category:14s} {figures[0]:10.3f} {figures[1]:11.3f} {figures[2]:10.3f} {figures[3]:11.3f}"
                     f"  {share:.2%}")
    mean = totals / len(before["categories"])
    lines.append(f"{'mean':14s} {mean[0]:10.3f} {mean[1]:11.3f} {mean[2]:10.3f} {mean[3]:11.3f}")
    flagged = [(np.nan_to_num(saved["probabilities"][rows], nan=0.0)[hard] >= saved["thresholds"]).any(axis=1).mean()
               for saved, rows in ((before, rows_a), (after, rows_b))]
    lines.append(f"old hard negatives flagged (any label) at own thresholds: {flagged[0]:.2%} before, "
                 f"{flagged[1]:.2%} after")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="`guardian train --save-oof` file of the corpus as it was")
    parser.add_argument("after", type=Path, help="the same, with the new round")
    args = parser.parse_args()
    with np.load(args.before, allow_pickle=False) as a, np.load(args.after, allow_pickle=False) as b:
        before, after = dict(a), dict(b)
    print("\n".join(compare(before, after)))


if __name__ == "__main__":
    main()
