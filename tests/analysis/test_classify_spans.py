"""Evidence spans of the shipped classifier: on the words that matter, and
bounded in memory however long the message."""

from __future__ import annotations

from pathlib import Path

import pytest

from guardian.analysis.classify import Classifier

MODEL = Path(__file__).resolve().parents[2] / "assets" / "model"
THREAT = "والله لأذبحك بكرة بعد المدرسة وأكسر راسك قدام الكل"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load(MODEL)


def _span_words(text: str, prediction) -> set[str]:
    return {text[s.start:s.end] for s in prediction.spans}


def test_spans_point_into_the_original_text(classifier: Classifier) -> None:
    [prediction] = classifier.classify([THREAT])
    assert "threat" in prediction.labels
    assert _span_words(THREAT, prediction) & {"لأذبحك", "وأكسر", "راسك"}


def test_a_very_long_message_gets_spans_window_by_window(classifier: Classifier) -> None:
    # A pasted wall of text: 3,000 words (one copy per word would be 65 MB).
    text = " ".join([THREAT] * 300)
    [prediction] = classifier.classify([text])
    assert "threat" in prediction.labels
    last = text.rindex(THREAT)
    assert any(s.start >= last for s in prediction.spans), "words in the last window are marked too"
    assert all(0 <= s.start < s.end <= len(text) for s in prediction.spans)


def test_repeated_messages_are_classified_once_with_the_same_result(classifier: Classifier) -> None:
    texts = ["ok", THREAT, "هههههه", "ok", THREAT] * 600          # crosses batch boundaries
    predictions = classifier.classify(texts)
    assert [p.text for p in predictions] == texts
    alone = {t: classifier.classify([t])[0] for t in set(texts)}
    assert all(p == alone[p.text] for p in predictions)
