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
  that the reference flags, which compares how well the models rank;
- each category's recall on the lines that carry it, at own thresholds;
- each model's macro-F1 on the outside data sets, as its training measured
  them (`measured` in the model's JSON), and the change from the reference.

A candidate trained on a changed corpus also ships a regenerated
`arabic_words.txt`, which is part of the code that normalises text, so each
model should be scored by its own checkout: run this script there with
`--model MODEL --save-scores FILE`, then compare with `--scores FILE` here.
`--model` entries come first, then `--scores` entries, in the order given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "src"), str(BENCH)]

from compare_rounds import budget_threshold  # noqa: E402

from guardian.analysis import corpus, evaluation  # noqa: E402
from guardian.analysis.classify import Classifier  # noqa: E402


def _share(flags: np.ndarray) -> str:
    """The share of lines flagged, or "-" for a writer who wrote none of
    that kind (defenders4 wrote harmless lines only)."""
    return f"{flags.mean():.3f}" if flags.size else "-"


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
        per_writer = "  ".join(f"{w} {_share(flagged[harmful & (writers == w)])}/"
                               f"{_share(flagged[~harmful & (writers == w)])}" for w in names)
        lines.append(f"{name}: own thresholds {flagged[harmful].mean():.3f}/{share:.3f}; "
                     f"at the same false alarms ({reference_share:.3f}) {matched.mean():.3f}")
        lines.append(f"    {per_writer}")
    return lines


def category_recall(scores: np.ndarray, thresholds: np.ndarray, labels: np.ndarray) -> str:
    """Each category's recall on the lines that carry its label."""
    return " ".join(f"{label} {result.recall:.3f}"
                    for label, result in evaluation.per_category(scores >= thresholds, labels).items()
                    if result.support)


def outside_changes(measured: list[tuple[str, dict]]) -> list[str]:
    """Macro-F1 on each outside set, and the change from the first model."""
    reference = measured[0][1]

    def figure(data_set: str, result: dict) -> str:
        f1 = result["macro_f1"]
        change = f" ({f1 - reference[data_set]['macro_f1']:+.4f})" if data_set in reference else ""
        return f"{data_set} {f1:.4f}{change}"
    return [f"{name}: " + " ".join(figure(data_set, result) for data_set, result in sorted(sets.items()))
            for name, sets in measured if sets]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, action="append", default=[],
                        help="a model folder (repeat; the first model is the reference)")
    parser.add_argument("--scores", type=Path, action="append", default=[],
                        help="a file written by --save-scores in another checkout (repeat)")
    parser.add_argument("--save-scores", type=Path, metavar="FILE",
                        help="write the one --model's scores on these writers to FILE (.npz) and stop")
    parser.add_argument("writers", type=Path, nargs="*",
                        help="a folder of one writer's corpus files (default: those in training/fresh)")
    args = parser.parse_args()
    if not args.model and not args.scores:
        parser.error("give at least one --model or --scores")
    if args.save_scores and (len(args.model) != 1 or args.scores):
        parser.error("--save-scores takes exactly one --model")
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
    labels = evaluation.label_matrix(examples)
    harmful = labels.any(axis=1)
    if harmful.all() or not harmful.any():
        raise SystemExit("the writers need both harmful and harmless lines")
    fingerprint = corpus.fingerprint(examples)      # file names carry the writers' names
    models, measured = [], []
    for folder in args.model:
        classifier = Classifier.load(folder)
        models.append((str(folder), classifier.scores(texts), np.asarray(classifier.thresholds)))
        measured.append((str(folder), classifier.model.meta.get("measured") or {}))
    if args.save_scores:
        _, scores, thresholds = models[0]
        np.savez(args.save_scores, scores=scores, thresholds=thresholds, lines=np.array(fingerprint),
                 measured=np.array(json.dumps(measured[0][1])))
        print(f"{args.save_scores}: scores of {len(texts):,} lines by {len(by_writer)} writers")
        return
    for path in args.scores:
        with np.load(path) as saved:
            if str(saved["lines"]) != fingerprint:
                raise SystemExit(f"{path}: scored on other lines than these writers'")
            models.append((str(path), saved["scores"], saved["thresholds"]))
            measured.append((str(path), json.loads(str(saved["measured"]))))
    print("\n".join(compare(models, np.array(writers), harmful)))
    print("each category's recall on its own label:")
    print("\n".join(f"{name}: {category_recall(scores, thresholds, labels)}" for name, scores, thresholds in models))
    changes = outside_changes(measured)
    if changes:
        print("outside data sets, macro-F1 as measured in training (change from the first):")
        print("\n".join(changes))


if __name__ == "__main__":
    main()
