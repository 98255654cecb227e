"""How threshold rules spend the hard-negative budget, without refitting.

    python -m guardian train --out /tmp/model --save-oof /tmp/oof.npz      # once (~1 hour)
    python bench/threshold_rules.py /tmp/oof.npz --weights grooming=2,threat=2 --weights grooming=1.5

Chooses the thresholds again from the saved held-out scores, as `guardian
train` does (precision floor per category, then at most 1.9% of the budget's
hard negatives flagged), by each rule:

- `one level`: one threshold for all nine categories (`one_level`), what
  training uses;
- `per category, danger 1.5`: the rule the models up to 0.1.0+9d4cce3c
  shipped with (`cap_hard_negative_rate`, here at the cap training uses
  now, so both rules spend the same budget), which spends it where it
  buys the most recall, a gain counting 1.5 times in the categories the app
  rates high or critical (`DANGER_WEIGHTS`);
- `per category, all alike`, and the same with each `--weights` set
  (categories not named weigh 1).

For each it prints each category's held-out recall and precision on our
corpus, their mean, and the share of the budget's hard negatives flagged.
`--plain-recall` also runs the per-category sets with a gain counted as
plain recall rather than its logarithm (`recall_utility`), which lets the
budget drain the weakest category to buy a little elsewhere.  Which rule
finds more harm on writers no training saw is `bench/fresh_writers.py`'s
question.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from guardian.analysis import corpus  # noqa: E402
from guardian.analysis.evaluation import per_category  # noqa: E402
from guardian.analysis.rules import BASE_SEVERITY  # noqa: E402
from guardian.analysis.thresholds import (  # noqa: E402
    ThresholdRule,
    cap_hard_negative_rate,
    choose_thresholds,
    one_level,
)
from guardian.domain import CATEGORY_IDS, Severity  # noqa: E402

# What the per-category rule weighed when it shipped: a recall gain counted
# 1.5 times in threat, sexual, blackmail, grooming and self_harm.  Held out,
# grooming recall rose from 0.69 to 0.75 with it (round Z, session 14).
DANGER_WEIGHTS = np.array([1.5 if BASE_SEVERITY[label] >= Severity.HIGH else 1.0 for label in CATEGORY_IDS])


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
                        help="category weights for one run of the per-category rule (repeatable)")
    parser.add_argument("--plain-recall", action="store_true",
                        help="also run each per-category set with the gain counted as plain recall")
    args = parser.parse_args()
    with np.load(args.oof, allow_pickle=False) as arrays:
        saved = {name: arrays[name] for name in arrays.files}
    saved["budget"] = budget_rows(saved)     # once, not per rule
    categories = [str(c) for c in saved["categories"]]
    weight_sets = [("per category, danger 1.5", DANGER_WEIGHTS), ("per category, all alike", np.ones(len(categories)))]
    weight_sets += [(spec, parse_weights(spec, categories)) for spec in args.weights]
    runs: list[tuple[str, ThresholdRule]] = [("one level", one_level)]
    runs += [(name, partial(cap_hard_negative_rate, label_weights=weights)) for name, weights in weight_sets]
    if args.plain_recall:
        runs += [(f"{name}, plain recall", partial(cap_hard_negative_rate, label_weights=weights, utility=_plain))
                 for name, weights in weight_sets]
    print(f"{'rule':<32} {'recall':>7} {'hard-neg FPR':>13}  " + " ".join(f"{c[:8]:>8}" for c in categories))
    for name, rule in runs:
        thresholds = choose_thresholds(saved["probabilities"], saved["labels"], saved["known"], ~saved["outside"],
                                       saved["budget"], rule=rule)
        recall, precision, fpr = figures(saved, thresholds)
        print(f"{name:<32} {recall.mean():>7.3f} {fpr:>13.3f}  " + " ".join(f"{r:>8.3f}" for r in recall))
        print(f"{'  precision':<32} {precision.mean():>7.3f} {'':>13}  " + " ".join(f"{p:>8.3f}" for p in precision))
        print(f"{'  threshold':<32} {'':>7} {'':>13}  " + " ".join(f"{t:>8.3f}" for t in thresholds))


if __name__ == "__main__":
    main()
