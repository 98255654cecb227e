"""Measuring the classifier: per-category precision, recall and F1, binary
offensive macro-F1, false-positive rate on hard negatives, per dialect.

Used by `guardian eval`, by training (to write the model card) and by
`bench/quality.py`.  The `measure/` datasets are read here and only here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from guardian.analysis import corpus
from guardian.analysis.corpus import Example
from guardian.domain import CATEGORY_IDS


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int


def prf(predicted: np.ndarray, truth: np.ndarray) -> Scores:
    tp = int(np.sum(predicted & truth))
    fp = int(np.sum(predicted & ~truth))
    fn = int(np.sum(~predicted & truth))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, int(truth.sum()))


def macro_f1_binary(predicted: np.ndarray, truth: np.ndarray) -> float:
    return (prf(predicted, truth).f1 + prf(~predicted, ~truth).f1) / 2


def label_matrix(examples: Sequence[Example]) -> np.ndarray:
    return np.array([[label in ex.labels for label in CATEGORY_IDS] for ex in examples], dtype=bool)


def per_category(predicted: np.ndarray, truth: np.ndarray,
                 known: np.ndarray | None = None) -> dict[str, Scores]:
    result = {}
    for col, label in enumerate(CATEGORY_IDS):
        rows = known[:, col] if known is not None else slice(None)
        result[label] = prf(predicted[rows, col], truth[rows, col])
    return result


def known_matrix(examples: Sequence[Example]) -> np.ndarray:
    return np.array([[ex.is_known(label) for label in CATEGORY_IDS] for ex in examples], dtype=bool)


def hard_negative_fpr(predicted: np.ndarray, examples: Sequence[Example],
                      train_only: frozenset[str] = frozenset()) -> tuple[float, int]:
    """The share of the budget's hard negatives flagged with any label (all
    hard negatives unless `train_only` names files; see `corpus.in_budget`)."""
    return _share_flagged(predicted, [i for i, ex in enumerate(examples) if corpus.in_budget(ex, train_only)])


def later_negatives_fpr(predicted: np.ndarray, examples: Sequence[Example],
                        train_only: frozenset[str]) -> tuple[float, int]:
    """The same share for the hard negatives of the train-only files."""
    return _share_flagged(predicted, [i for i, ex in enumerate(examples)
                                      if corpus.is_hard_negative(ex) and not corpus.in_budget(ex, train_only)])


def _share_flagged(predicted: np.ndarray, rows: list[int]) -> tuple[float, int]:
    if not rows:
        return 0.0, 0
    return float(predicted[rows].any(axis=1).mean()), len(rows)


def format_table(scores: dict[str, Scores]) -> str:
    lines = [f"{'category':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"]
    for label, s in scores.items():
        lines.append(f"{label:<14} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.support:>8}")
    return "\n".join(lines)


# --- the measure/ sets (never trained on) --------------------------------------------

@dataclass(frozen=True)
class MeasureSet:
    name: str
    file: str
    offensive: Callable[[str], bool]
    threat: Callable[[str], bool] | None = None
    sexual: Callable[[str], bool] | None = None


def _field(labels: str, index: int) -> str:
    parts = labels.split("|")
    return parts[index] if index < len(parts) else ""


MEASURE_SETS = (
    MeasureSet("osact2020_dev", "train/osact2020_dev.tsv", lambda label: label.startswith("OFF")),
    MeasureSet("l_hsab", "measure/l_hsab.tsv", lambda label: label in ("abusive", "hate")),
    MeasureSet("omcd", "measure/omcd_test.tsv", lambda label: label == "1"),
    MeasureSet("egyptian_5way", "measure/egyptian_5way_test.tsv", lambda label: label != "Neutral"),
    MeasureSet("armi2021", "measure/armi2021.tsv", lambda label: _field(label, 0) == "misogyny",
               threat=lambda label: _field(label, 1) == "threat of violence",
               sexual=lambda label: _field(label, 1) == "sexual harassment"),
    MeasureSet("osact2022", "measure/osact2022.tsv", lambda label: _field(label, 0) == "OFF",
               threat=lambda label: "VIO" in label.split("|")),
    MeasureSet("sohateful", "measure/sohateful.tsv", lambda label: _field(label, 0) == "YES",
               threat=lambda label: _field(label, 5) == "YES"),
)


def read_measure(folder: Path, measure: MeasureSet) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(folder / measure.file, encoding="utf-8") as f:
        next(f, None)
        for line in f:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text:
                texts.append(text)
                labels.append(label)
    return texts, labels


@dataclass(frozen=True)
class MeasureResult:
    name: str
    size: int
    macro_f1: float
    threat_recall: float | None
    sexual_recall: float | None


def measure(folder: Path, predict: Callable[[list[str]], np.ndarray]) -> list[MeasureResult]:
    """Binary offensive macro-F1 (any label = offensive) on each set, and
    threat / sexual-harassment recall where a set labels them."""
    results = []
    for m in MEASURE_SETS:
        if not (folder / m.file).is_file():
            continue
        texts, labels = read_measure(folder, m)
        predicted = predict(texts)
        offensive = np.array([m.offensive(label) for label in labels])
        macro = macro_f1_binary(predicted.any(axis=1), offensive)
        threat = sexual = None
        if m.threat:
            truth = np.array([m.threat(label) for label in labels])
            threat = prf(predicted[:, CATEGORY_IDS.index("threat")], truth).recall
        if m.sexual:
            truth = np.array([m.sexual(label) for label in labels])
            sexual = prf(predicted[:, CATEGORY_IDS.index("sexual")], truth).recall
        results.append(MeasureResult(m.name, len(texts), macro, threat, sexual))
    return results


@dataclass(frozen=True)
class CheckResult:
    messages: int
    flagged: int
    per_label: dict[str, int]      # how many were flagged with each category

    @property
    def rate(self) -> float:
        return self.flagged / self.messages if self.messages else 0.0


def harmless_check(predict: Callable[[list[str]], np.ndarray], checks: Sequence[Example]) -> CheckResult:
    """How many of the harmless lines never trained on
    (`corpus.harmless_checks`) the classifier flags, and as what."""
    predicted = predict([ex.text for ex in checks])
    per_label = {label: int(n) for label, n in zip(CATEGORY_IDS, predicted.sum(axis=0)) if n}
    return CheckResult(len(checks), int(predicted.any(axis=1).sum()), per_label)


@dataclass(frozen=True)
class WriterResult:
    name: str
    harmful: int
    recall: float          # harmful lines flagged with any label
    false_alarms: float    # harmless lines flagged


def on_writers(predict: Callable[[list[str]], np.ndarray],
               writers: dict[str, Sequence[Example]]) -> tuple[list[WriterResult], dict[str, Scores]]:
    """For writers no training saw (`corpus.fresh_writers`), with one
    classification of their lines: per writer, then pooled (named "all"),
    how many harmful lines are flagged with any label (what matters most to
    a parent is that a harmful line is shown) and how many harmless ones;
    and, pooled, each category's scores on its own label."""
    names = list(writers)
    lines = [ex for name in names for ex in writers[name]]
    owner = np.repeat(np.arange(len(names)), [len(writers[name]) for name in names])
    predicted = predict([ex.text for ex in lines])
    flagged = predicted.any(axis=1)
    harmful = np.array([bool(ex.labels) for ex in lines], dtype=bool)

    def result(name: str, mask: np.ndarray) -> WriterResult:
        return WriterResult(name, int((mask & harmful).sum()), _share(flagged[mask & harmful]),
                            _share(flagged[mask & ~harmful]))
    results = [result(name, owner == i) for i, name in enumerate(names)] + [result("all", owner >= 0)]
    return results, per_category(predicted, label_matrix(lines), known_matrix(lines))


def _share(flags: np.ndarray) -> float:
    return float(flags.mean()) if len(flags) else float("nan")


def shared_folder() -> Path | None:
    return corpus.SHARED_DATA if corpus.SHARED_DATA.is_dir() else None
