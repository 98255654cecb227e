"""Classify single messages: labels, calibrated scores, a first severity,
and the words that made us think so (spans into the original text).

Pure computation: no Qt, no disk after loading, no network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path

import numpy as np

from guardian.analysis.cues import CueHit, find_cues
from guardian.analysis.features import Featurizer
from guardian.analysis.model import Model
from guardian.analysis.normalize import Normalized, normalize, normalized_words
from guardian.analysis.rules import (
    BASE_SEVERITY,
    CUE_LABELS,
    SPECIFIC_THREAT_CUES,
    STRONG_INSULT,
)
from guardian.collector import collector_paused
from guardian.domain import CATEGORY_IDS, Severity, Span

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_BATCH = 2048
_REMEMBERED = 50_000        # distinct short messages kept across batches of one call
_REMEMBERED_LENGTH = 80
OCCLUSION_WINDOW = 256      # words; longer messages are occluded window by window


@dataclass(frozen=True)
class Prediction:
    text: str
    labels: tuple[str, ...]
    scores: dict[str, float]
    severity: Severity
    spans: tuple[Span, ...]
    cues: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"text": self.text, "labels": list(self.labels),
                "scores": {k: round(v, 4) for k, v in self.scores.items()},
                "severity": self.severity.id,
                "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans]}


def message_severity(labels: Sequence[str], scores: dict[str, float], cues: Sequence[str]) -> Severity:
    if not labels:
        return Severity.NONE
    severity = max(BASE_SEVERITY[label] for label in labels)
    if "threat" in labels and SPECIFIC_THREAT_CUES & set(cues):
        severity = Severity.CRITICAL
    if labels == ("insult",) and scores.get("insult", 0.0) >= STRONG_INSULT:
        severity = Severity.MEDIUM
    return severity


class Classifier:
    def __init__(self, model: Model, sensitivity: dict[str, float] | None = None) -> None:
        self.model = model
        self.featurizer = Featurizer(model.settings)
        # A per-category shift of the threshold chosen on held-out data:
        # +0.1 flags more, -0.1 flags less (the parent's settings).
        shift = np.array([(sensitivity or {}).get(label, 0.0) for label in CATEGORY_IDS])
        self.thresholds = np.clip(model.thresholds - shift, 0.02, 0.99)

    @classmethod
    def load(cls, folder: Path, sensitivity: dict[str, float] | None = None) -> Classifier:
        return cls(Model.load(folder), sensitivity)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, texts x categories."""
        out = [self._batch(list(texts[start:start + _BATCH]))[0] for start in range(0, len(texts), _BATCH)]
        return np.vstack(out) if out else np.zeros((0, len(CATEGORY_IDS)))

    def flags(self, texts: Sequence[str]) -> np.ndarray:
        """Whether each text reaches each category's threshold, texts x
        categories: what `classify` labels, without spans or severity."""
        return self.scores(texts) >= self.thresholds

    def _batch(self, texts: list[str]) -> tuple[np.ndarray, list[list[CueHit]]]:
        with collector_paused():
            words = [normalized_words(t) for t in texts]
            normalised = list(map(" ".join, words))   # normalize_text(t) for each
            cues = [find_cues(n) for n in normalised]
        return self.model.probabilities(self.featurizer.transform(normalised, cues, words)), cues

    def classify(self, texts: Sequence[str], with_spans: bool = True,
                 progress: Callable[[int], None] | None = None,
                 should_stop: Callable[[], bool] = lambda: False) -> list[Prediction]:
        results: list[Prediction] = []
        # Chats repeat short messages ("ok", "😂", "وينك"): each distinct one
        # is classified once per call (predictions are immutable, so shared).
        seen: dict[str, Prediction] = {}
        for start in range(0, len(texts), _BATCH):
            if should_stop():
                break
            batch = list(texts[start:start + _BATCH])
            fresh = [t for t in dict.fromkeys(batch) if t not in seen]
            if fresh:
                probs, cues = self._batch(fresh)
                # Python floats and bools for the whole batch at once: the
                # same values as float(p) and p >= t one at a time.
                flags = (probs >= self.thresholds).tolist()
                with collector_paused():
                    predicted = {text: self._predict(text, row, flagged, hits, with_spans)
                                 for text, row, flagged, hits in zip(fresh, probs.tolist(), flags, cues)}
            else:
                predicted = {}
            results.extend(predicted.get(t) or seen[t] for t in batch)
            for text, prediction in predicted.items():
                if len(text) <= _REMEMBERED_LENGTH and len(seen) < _REMEMBERED:
                    seen[text] = prediction
            if progress:
                progress(len(results))
        return results

    def _predict(self, text: str, row: list[float], flagged: list[bool], cues: list[CueHit],
                 with_spans: bool) -> Prediction:
        """`row`: the text's probabilities; `flagged`: whether each is at or
        above its category's threshold."""
        scores = dict(zip(CATEGORY_IDS, row))
        cue_names = tuple([hit.name for hit in cues]) if cues else ()
        if True not in flagged:
            return Prediction(text, (), scores, Severity.NONE, (), cue_names)
        labels = tuple(compress(CATEGORY_IDS, flagged))
        # normalize(text).text equals normalize_text(text), so the cue spans
        # found on the fast path are offsets into norm.text too.
        spans = self._evidence(normalize(text), labels, cues) if with_spans else ()
        return Prediction(text, labels, scores, message_severity(labels, scores, cue_names), spans, cue_names)

    def _occlusion_drops(self, text: str, words: list[tuple[int, int]]) -> np.ndarray:
        """How much each word's removal lowers each label's margin, words x
        labels.  A long message is cut into windows of OCCLUSION_WINDOW words,
        each occluded within itself: one copy of the whole text per word
        would need memory quadratic in its length (a 200,000-character
        message is tens of gigabytes), and n-grams only see nearby words."""
        parts = []
        for window in _windows(words, OCCLUSION_WINDOW):
            start, end = window[0][0], window[-1][1]
            piece = text[start:end]
            variants = [piece] + [piece[:s - start] + " " * (e - s) + piece[e - start:] for s, e in window]
            margins = self.model.margins(self.featurizer.transform(variants))
            parts.append(margins[0] - margins[1:])
        return np.vstack(parts)

    def _evidence(self, norm: Normalized, labels: tuple[str, ...], cues: list[CueHit]) -> tuple[Span, ...]:
        """The words whose removal lowers a label's margin the most (occlusion),
        plus the words of the cues that speak for that label."""
        text = norm.text
        words = [m.span() for m in _WORD.finditer(text) if m.group().strip()]
        if not words:
            return ()
        all_drops = self._occlusion_drops(text, words)
        found: set[tuple[int, int, str]] = set()
        for label in labels:
            col = CATEGORY_IDS.index(label)
            drops = all_drops[:, col]
            top = float(drops.max())
            if top > 0:
                for (s, e), drop in zip(words, drops):
                    if drop >= 0.35 * top:
                        found.add((s, e, label))
            for hit in cues:
                if CUE_LABELS.get(hit.name) == label:
                    for s, e in hit.spans:
                        found.add((s, e, label))
        spans = set()
        for s, e, label in found:
            start, end = norm.to_original(s, e)
            if end > start:
                spans.add(Span(start, end, label))
        return tuple(sorted(_merge(spans), key=lambda sp: (sp.start, sp.end, sp.label)))


def _windows(words: list[tuple[int, int]], size: int) -> list[list[tuple[int, int]]]:
    return [words[i:i + size] for i in range(0, len(words), size)]


def _merge(spans: set[Span]) -> list[Span]:
    """Join overlapping or touching spans of the same label."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda sp: (sp.label, sp.start, sp.end)):
        last = merged[-1] if merged else None
        if last and last.label == span.label and span.start <= last.end:
            merged[-1] = Span(last.start, max(last.end, span.end), span.label)
        else:
            merged.append(span)
    return merged
