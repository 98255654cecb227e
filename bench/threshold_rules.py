"""How the threshold rule spends the hard-negative budget, without refitting.

    python -m guardian train --out /tmp/model --save-oof /tmp/oof.npz      # once (~1 hour)
    python bench/threshold_rules.py /tmp/oof.npz --weights grooming=2,threat=2 --weights grooming=1.5

Chooses the thresholds again from the saved held-out scores, as `guardian
train` does (precision floor per category, then the shared cap on flagged
hard negatives, those of the negatives files that spend the budget): with
the weights training uses (`LABEL_WEIGHTS`), with every category weighted
alike, and with each `--weights` set (categories not named weigh 1), and
prints each category's held-out recall and precision on our corpus, their
mean, and the share of the budget's hard negatives flagged.  A
weight above 1 makes a category's recall worth more when the budget is
spent: the question it answers is what a missed grooming message should
cost against a missed insult.  `--plain-recall` also runs each set with a
gain counted as plain recall rather than its logarithm (`recall_utility`),
which lets the budget drain the weakest category to buy a little
elsewhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from guardian.analysis import corpus  # noqa: E402
from guardian.analysis.evaluation import per_category  # noqa: E402
from guardian.analysis.thresholds import choose_thresholds, recall_utility  # noqa: E402
from guardian.analysis.training import LABEL_WEIGHTS  # noqa: E402


def _plain(recall: float) -> float:
    return recall


def parse_weights(spec: str, categories: list[str]) -> np.ndarray:
    weights = np.ones(len(categories))
    for part in filter(None, spec.split(",")):
        name, _, value = part.partition("=")
        if name not in categories:
            raise SystemExit(f"unknown category {name!r}; one of: {', '.join(categories)}")
        weights[categories.index(name)] = float(value)
    return weights


def budget_rows(saved: dict[str, np.ndarray]) -> np.ndarray:
    """The hard negatives whose false alarms count against the cap: saved
    by `guardian train --save-oof`; in older files, the hard negatives not
    of a train-only negatives file (`corpus.in_budget`)."""
    if "budget" in saved:
        return saved["budget"]
    train_only = corpus.train_only_negatives()
    return saved["hard_negative"] & ~np.isin(saved["origin"], sorted(train_only))


def figures(saved: dict[str, np.ndarray], thresholds: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Per-category recall and precision on our corpus, and the share of
    the budget's hard negatives flagged with any label."""
    domain = ~saved["outside"]
    flags = np.nan_to_num(saved["probabilities"][domain], nan=0.0) >= thresholds
    scores = per_category(flags, saved["labels"][domain], saved["known"][domain]).values()
    budget = saved["budget"][domain]
    return (np.array([s.recall for s in scores]), np.array([s.precision for s in scores]),
            float(flags[budget].any(axis=1).mean()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("oof", type=Path, help="the file `guardian train --save-oof` wrote")
    parser.add_argument("--weights", action="append", default=[], metavar="CAT=W,...",
                        help="category weights for one run of the rule (repeatable)")
    parser.add_argument("--plain-recall", action="store_true",
                        help="also run each set of weights with the gain counted as plain recall")
    args = parser.parse_args()
    with np.load(args.oof, allow_pickle=False) as arrays:
        saved = {name: arrays[name] for name in arrays.files}
    saved["budget"] = budget_rows(saved)     # once, not per rule
    categories = [str(c) for c in saved["categories"]]
    runs = [("as trained", LABEL_WEIGHTS), ("all alike", np.ones(len(categories)))]
    runs += [(spec, parse_weights(spec, categories)) for spec in args.weights]
    runs = [(name, weights, recall_utility) for name, weights in runs]
    if args.plain_recall:
        runs += [(f"{name}, plain recall", weights, _plain) for name, weights, _ in runs]
    print(f"{'weights':<32} {'recall':>7} {'hard-neg FPR':>13}  " + " ".join(f"{c[:8]:>8}" for c in categories))
    for name, weights, utility in runs:
        thresholds = choose_thresholds(saved["probabilities"], saved["labels"], saved["known"], ~saved["outside"],
                                       saved["budget"], label_weights=weights, utility=utility)
        recall, precision, fpr = figures(saved, thresholds)
        print(f"{name:<32} {recall.mean():>7.3f} {fpr:>13.3f}  " + " ".join(f"{r:>8.3f}" for r in recall))
        print(f"{'  precision':<32} {precision.mean():>7.3f} {'':>13}  " + " ".join(f"{p:>8.3f}" for p in precision))
        print(f"{'  threshold':<32} {'':>7} {'':>13}  " + " ".join(f"{t:>8.3f}" for t in thresholds))


if __name__ == "__main__":
    main()
