"""The classifier's quality figures, against the issue's targets.

    python bench/quality.py            # the shipped model on data it never trained on
    python bench/quality.py --folds    # also recompute the held-out-fold figures (trains 45 models)
    python bench/quality.py --cross-writer   # train without the later writers' files, test on them

Prints binary offensive macro-F1 (any label = offensive) on the OSACT 2020
dev set and each `measure/` set, threat and sexual-harassment recall where
a set labels them, and our corpus's per-category precision/recall and the
false-positive rate on hard negatives (from held-out folds).  Needs
`../shared/data` for the outside sets.

Held-out folds still share their writers with the training folds.  The
`--cross-writer` figures are the harder, more honest test: the corpus files
named `<category>_<topic>.tsv` and `negatives_vocative.tsv` were written
later, by other writers, so a model trained without them and tested on
them shows how it meets messages phrased in ways it has never seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGETS = {"osact2020_dev": 0.90, "measure": 0.75, "threat_recall": 0.70, "sexual_recall": 0.70,
           "recall_at_p90": 0.90, "hard_negative_fpr": 0.02}


def _mark(ok: bool) -> str:
    return "meets target" if ok else "misses target"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", action="store_true", help="recompute held-out-fold figures")
    parser.add_argument("--cross-writer", action="store_true",
                        help="train without the later writers' files and test on them")
    args = parser.parse_args()
    if args.cross_writer:
        cross_writer()
        return
    from guardian.analysis import evaluation
    from guardian.analysis.classify import Classifier
    from guardian.analysis.model import MODEL_STEM

    folder = ROOT / "assets" / "model"
    classifier = Classifier.load(folder)
    print(f"model {classifier.model.version}")
    shared = evaluation.shared_folder()
    if shared is None:
        print("../shared/data is absent: outside figures skipped")
    else:
        results = evaluation.measure(shared, lambda texts: classifier.scores(texts) >= classifier.thresholds)
        print(f"\n{'data set':<16} {'size':>6} {'macro-F1':>9} {'threat R':>9} {'sexual R':>9}")
        for r in results:
            target = TARGETS["osact2020_dev"] if r.name == "osact2020_dev" else TARGETS["measure"]
            threat = f"{r.threat_recall:.3f}" if r.threat_recall is not None else "–"
            sexual = f"{r.sexual_recall:.3f}" if r.sexual_recall is not None else "–"
            print(f"{r.name:<16} {r.size:>6} {r.macro_f1:>9.3f} {threat:>9} {sexual:>9}   "
                  f"macro-F1 {_mark(r.macro_f1 >= target)} ({target})")
    if args.folds:
        from guardian.analysis import corpus
        from guardian.analysis.training import train
        ours = corpus.our_corpus()
        result = train(ours + corpus.shared_training_data(), progress=lambda m: None)
        oof = result.oof_probabilities[:len(ours)]
        flags = oof >= result.model.thresholds
        scores = evaluation.per_category(flags, evaluation.label_matrix(ours), evaluation.known_matrix(ours))
        fpr, _ = evaluation.hard_negative_fpr(flags, ours)
        heldout = {k: {"precision": s.precision, "recall": s.recall} for k, s in scores.items()}
    else:
        meta = json.loads((folder / f"{MODEL_STEM}.json").read_text(encoding="utf-8"))
        heldout, fpr = meta.get("heldout", {}), meta.get("hard_negative_fpr", float("nan"))
    print(f"\nour corpus, held-out folds (thresholds at precision {0.9}):")
    for label, s in heldout.items():
        print(f"  {label:<14} precision {s['precision']:.3f}  recall {s['recall']:.3f}   "
              f"recall {_mark(s['recall'] >= TARGETS['recall_at_p90'])}")
    print(f"  false-positive rate on hard negatives: {fpr:.3f}   "
          f"{_mark(fpr <= TARGETS['hard_negative_fpr'])} (<= {TARGETS['hard_negative_fpr']})")
    print("\nspeed: python bench/classify_bench.py --baseline-python <python with arabic-toxic>")


def _later_writer(origin: str) -> bool:
    from guardian.analysis import corpus
    stem = origin.removesuffix(".tsv")
    category = corpus.file_category(stem)
    return (category is not None and stem != category) or stem == "negatives_vocative"


def cross_writer() -> None:
    from guardian.analysis import corpus, evaluation
    from guardian.analysis.classify import Classifier
    from guardian.analysis.training import train
    ours = corpus.our_corpus()
    later = [ex for ex in ours if _later_writer(ex.origin)]
    earlier = [ex for ex in ours if not _later_writer(ex.origin)]
    print(f"training on {len(earlier)} lines of the first writers (+ licensed tweets when present), "
          f"testing on {len(later)} lines of later writers")
    result = train(earlier + corpus.shared_training_data())
    classifier = Classifier(result.model)
    flags = classifier.scores([ex.text for ex in later]) >= classifier.thresholds
    truth, known = evaluation.label_matrix(later), evaluation.known_matrix(later)
    for label, s in evaluation.per_category(flags, truth, known).items():
        if s.support:
            print(f"  {label:<14} precision {s.precision:.3f}  recall {s.recall:.3f}  ({s.support} messages)")
    fpr, count = evaluation.hard_negative_fpr(flags, later)
    print(f"  false-positive rate on the later writers' hard negatives: {fpr:.3f} ({count} messages)")


if __name__ == "__main__":
    main()
