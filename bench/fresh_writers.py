"""How do models do on writers none of them trained on?

    python bench/fresh_writers.py --model assets/model --model /tmp/after/model [WRITER_FOLDER...]

Each folder holds one writer's corpus files (`insult_NAME.tsv`,
`negatives_NAME.tsv`, ... as in `training/corpus`), written after the
models were trained; without folders, the writers of `training/fresh`,
which no training reads.  The first model is the reference.  Held-out folds
flatter a model, since a writer's other lines are in the folds it trains
on; new writers do not.  Printed per writer and pooled:

- `own thresholds`: the share of harmful lines flagged with any label
  (any-harm recall) and of harmless lines flagged (false alarms), at each
  model's own thresholds: what the app would do;
- `at the same false alarms`: any-harm recall when each model's thresholds
  are scaled together until it flags the share of the pooled harmless lines
  that the reference flags, which compares how well the models rank.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "src"), str(BENCH)]

from compare_rounds import budget_threshold  # noqa: E402

from guardian.analysis import corpus  # noqa: E402
from guardian.analysis.classify import Classifier  # noqa: E402


def compare(models: list[tuple[str, np.ndarray, np.ndarray]], writers: np.ndarray,
            harmful: np.ndarray) -> list[str]:
    """`models`: (name, scores per line and category, thresholds); the first
    is the reference for the matched false-alarm rate."""
    names = list(dict.fromkeys(writers.tolist()))
    lines = [f"{len(harmful):,} lines by {len(names)} writers ({int(harmful.sum()):,} harmful); "
             "any-harm recall / false alarms"]
    reference_share = None
    for name, scores, thresholds in models:
        flagged = (scores >= thresholds).any(axis=1)       # as the app flags
        margins = (scores / thresholds).max(axis=1)         # all thresholds scaled together
        share = float(flagged[~harmful].mean())
        if reference_share is None:
            reference_share = share
        matched = margins[harmful] >= budget_threshold(margins, ~harmful, reference_share)
        per_writer = "  ".join(f"{w} {flagged[harmful & (writers == w)].mean():.3f}/"
                               f"{flagged[~harmful & (writers == w)].mean():.3f}" for w in names)
        lines.append(f"{name}: own thresholds {flagged[harmful].mean():.3f}/{share:.3f}; "
                     f"at the same false alarms ({reference_share:.3f}) {matched.mean():.3f}")
        lines.append(f"    {per_writer}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, action="append", required=True,
                        help="a model folder (repeat; the first is the reference)")
    parser.add_argument("writers", type=Path, nargs="*",
                        help="a folder of one writer's corpus files (default: those in training/fresh)")
    args = parser.parse_args()
    by_writer = {folder.name: corpus.our_corpus(folder) for folder in args.writers} or corpus.fresh_writers()
    examples, writers = [], []
    for name, lines in by_writer.items():
        if not lines:
            raise SystemExit(f"{name}: no corpus lines")
        examples += lines
        writers += [name] * len(lines)
    if not examples:
        raise SystemExit(f"no writers given and none in {corpus.FRESH_DIR}")
    texts = [example.text for example in examples]
    harmful = np.array([bool(example.labels) for example in examples])
    if harmful.all() or not harmful.any():
        raise SystemExit("the writers need both harmful and harmless lines")
    models = []
    for folder in args.model:
        classifier = Classifier.load(folder)
        models.append((str(folder), classifier.scores(texts), np.asarray(classifier.thresholds)))
    print("\n".join(compare(models, np.array(writers), harmful)))


if __name__ == "__main__":
    main()
