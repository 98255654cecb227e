"""`guardian train`: rebuild the shipped model and its card, reproducibly."""

from __future__ import annotations

import tempfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import numpy as np

from guardian.analysis import corpus, evaluation, model_card
from guardian.analysis.classify import Classifier
from guardian.analysis.model import Model
from guardian.analysis.training import TrainingResult, train
from guardian.domain import CATEGORY_IDS

DEFAULT_OUT = corpus.REPO / "assets" / "model"
CARD_NAME = "MODEL_CARD.md"


def train_and_save(out: Path | None = None, use_shared: bool = True,
                   log: Callable[[str], None] = print, oof_out: Path | None = None, jobs: int = 1) -> Path:
    """Train, measure and write the model and its card to `out`; with
    `oof_out`, also the held-out scores (`save_oof`).  `jobs` fits at once
    (the same model whatever the number)."""
    out = out or DEFAULT_OUT
    ours = corpus.our_corpus()
    if not ours:
        raise SystemExit(f"{corpus.CORPUS_DIR}: no training corpus found")
    outside = corpus.shared_training_data() if use_shared else []
    examples = ours + outside
    sources = dict(Counter(ex.origin for ex in examples))
    log(f"training on {len(examples)} examples ({len(ours)} ours, {len(outside)} licensed outside data)")
    result = train(examples, progress=log, jobs=jobs)
    result.model.meta["sources"] = sources
    measured: list[evaluation.MeasureResult] = []
    shared = evaluation.shared_folder()
    classifier = Classifier(_as_stored(result.model))
    if shared is not None and use_shared:
        log("measuring on data the model never trained on")
        measured = evaluation.measure(shared, classifier.flags)
        result.model.meta["measured"] = {r.name: {"macro_f1": round(r.macro_f1, 4),
                                                  "threat_recall": r.threat_recall,
                                                  "sexual_recall": r.sexual_recall} for r in measured}
    checks = corpus.harmless_checks()
    if checks:
        check = evaluation.harmless_check(classifier.flags, checks)
        result.model.meta["harmless_checks"] = asdict(check)
        log(f"harmless chat never trained on: {check.flagged} of {check.messages} flagged")
    oof_ours = result.oof_probabilities[:len(ours)]
    flags = oof_ours >= result.model.thresholds
    scores = evaluation.per_category(flags, evaluation.label_matrix(ours), evaluation.known_matrix(ours))
    train_only = result.model.train_only_negatives
    fpr, _ = evaluation.hard_negative_fpr(flags, ours, train_only)
    result.model.meta["heldout"] = {label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                                            "f1": round(s.f1, 4)} for label, s in scores.items()}
    result.model.meta["hard_negative_fpr"] = round(fpr, 4)
    if train_only:
        later, _ = evaluation.later_negatives_fpr(flags, ours, train_only)
        result.model.meta["later_negatives_fpr"] = round(later, 4)
    npz, meta = result.model.save(out)
    model_card.write(out / CARD_NAME, result.model, ours, np.nan_to_num(oof_ours), sources, measured)
    log(evaluation.format_table(scores))
    log(f"false-positive rate on hard negatives: {fpr:.3f}"
        + (f" (later rounds', which train only: {later:.3f})" if train_only else ""))
    for r in measured:
        log(f"{r.name}: macro-F1 {r.macro_f1:.3f}"
            + (f", threat recall {r.threat_recall:.3f}" if r.threat_recall is not None else "")
            + (f", sexual recall {r.sexual_recall:.3f}" if r.sexual_recall is not None else ""))
    log(f"wrote {npz} ({npz.stat().st_size / 1e6:.1f} MB), {meta} and {out / CARD_NAME}")
    if oof_out is not None:
        save_oof(oof_out, result)
        log(f"wrote held-out scores to {oof_out}")
    return out


def _as_stored(model: Model) -> Model:
    """The model as the app will read it back: the file stores the weights
    as float16, and the unrounded ones in memory can flag a tweet the app
    would not, so the figures are measured on this.  Saved to a folder of
    its own, so that a failed measurement leaves `out` as it was."""
    with tempfile.TemporaryDirectory() as folder:
        model.save(Path(folder))
        return Model.load(Path(folder))


def save_oof(path: Path, result: TrainingResult) -> None:
    """The out-of-fold probabilities with what is needed to choose
    thresholds again without refitting (`bench/threshold_rules.py`): each
    example's labels, which labels it was checked for, its fold, whether it
    is a hard negative (and one that spends the budget) or outside data,
    its corpus file, and a CRC-32 of its text (`bench/compare_rounds.py`
    matches lines across two trainings by file and text).  Plain arrays
    (no objects), so `numpy.load` reads it without pickle."""
    examples = result.examples
    np.savez_compressed(
        path,
        probabilities=result.oof_probabilities,
        labels=evaluation.label_matrix(examples),
        known=evaluation.known_matrix(examples),
        folds=result.folds,
        hard_negative=np.array([corpus.is_hard_negative(ex) for ex in examples]),
        budget=np.array([corpus.in_budget(ex, result.model.train_only_negatives) for ex in examples]),
        outside=np.array([ex.outside for ex in examples]),
        origin=np.array([ex.origin for ex in examples], dtype=str),
        text_crc32=np.array([zlib.crc32(ex.text.encode("utf-8")) for ex in examples], dtype=np.uint32),
        categories=np.array(CATEGORY_IDS, dtype=str),
        thresholds=result.model.thresholds,
    )
