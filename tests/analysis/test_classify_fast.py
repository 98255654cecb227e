"""The word-cached feature hashing, the row-wise sort and the row-major
product give exactly what the code they replaced gave (kept here as the
reference): the same feature matrices bit for bit, the same margins, and
so the same labels and probabilities for every text.

Checked on our corpus, on the shared training data when it is present,
and on adversarial strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardian.analysis import corpus, hashing
from guardian.analysis.classify import Classifier
from guardian.analysis.cues import CUE_NAMES, find_cues
from guardian.analysis.errors import ModelError
from guardian.analysis.features import FeatureSettings, Featurizer
from guardian.analysis.model import Model, calibrate
from guardian.analysis.normalize import STEPS, normalize_text, normalized_words
from guardian.analysis.sparse import SparseRows, _sort_within_rows
from guardian.domain import CATEGORY_IDS

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "model"

ADVERSARIAL = [
    "", " ", "   ", "\t\n", "😂", "😂😂😂", "👨\u200d👩\u200d👧 🇸🇦 ❤️ 1\u20e3", "\u200b", "\u200b\u200c\u200d\u2060",
    "a", "ك", "kalb", "7mar ya kalb", "ya7mar", "sharmoota el kalb w ibn el kalb", "ana ma 3rft",
    "ك ل ب", "ش.ر.م.و.ط.ة", "k-a-l-b", "كلببببببب", "noooooo", "ههههههههه",
    "send me a pic ابعتيلي صورتك", "Привет كلب hello 你好", "ﻛﻠﺐ ﷲ ﷺ", "ＫＡＬＢ",
    "word  \t  spaced \n\n out   ", " leading", "trailing ", "a\x00b c\x00", "\x00",
    "كلب " * 400, "x" * 5000, "ي" * 3000 + " " + "a b c d e f g" * 50,
    "@user #هاشتاق_طويل_جدا http://t.co/x <LF> 123 ٥٥٥ ١٢٣",
    "ا" * 2 + " " + "ب", "؟؟؟!!!...,,,", "a" * 63 + " " + "b" * 64 + " " + "c" * 65,
]


def _corpus_texts() -> list[str]:
    return list(dict.fromkeys(ex.text for ex in corpus.our_corpus()))


def _shared_texts() -> list[str]:
    if not (corpus.SHARED_DATA / "train" / "osact2020_train.tsv").is_file():
        pytest.skip("../shared/data/train is not present")
    return list(dict.fromkeys(ex.text for ex in corpus.osact2020("train")))


# --- the replaced code, as it was ------------------------------------------------------

def _from_counts_reference(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> SparseRows:
    n_rows, n_cols = shape
    keys = rows.astype(np.int64) * n_cols + cols.astype(np.int64)
    unique, inverse = np.unique(keys, return_inverse=True)
    data = np.bincount(inverse, minlength=len(unique)).astype(np.float32)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(unique // n_cols, minlength=n_rows), out=indptr[1:])
    return SparseRows(data, unique % n_cols, indptr, shape)


def _matrix_reference(rows: list[np.ndarray], cols: list[np.ndarray], n_texts: int, bits: int,
                      sublinear: bool) -> SparseRows:
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
    m = _from_counts_reference(r, c, (n_texts, 1 << bits))
    if sublinear:
        m = SparseRows(np.log(m.data) + np.float32(1.0), m.indices, m.indptr, m.shape)
    return m.normalise_rows()


def _char_ngrams_reference(texts: Sequence[str], n_min: int, n_max: int, bits: int,
                           sublinear: bool) -> SparseRows:
    """The whole batch as one code-point array, every window hashed."""
    if not texts:
        return _matrix_reference([], [], 0, bits, sublinear)
    cleaned = [" ".join(t.split()) for t in texts]
    joined = "\x00".join(f" {t} " for t in cleaned)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter(map(len, cleaned), dtype=np.int64, count=len(cleaned)) + 3
    lengths[-1:] -= 1
    text_of = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    size = len(points)
    is_sep, is_space = points == 0, points == 32
    all_rows, all_cols = [], []
    h = np.zeros(size, dtype=np.uint64)
    inner_block = np.zeros(size, dtype=bool)
    for n in range(1, n_max + 1):
        valid = size - n + 1
        if valid <= 0:
            break
        h = h[:valid] * hashing._PRIME + points[n - 1:n - 1 + valid]
        inner_block = inner_block[:valid]
        if n >= 3:
            inner_block = inner_block | is_space[n - 2:n - 2 + valid] | is_sep[n - 2:n - 2 + valid]
        if n < n_min:
            continue
        ok = ~inner_block & ~is_sep[:valid] & ~is_sep[n - 1:n - 1 + valid]
        ok &= ~(is_space[:valid] & is_space[n - 1:n - 1 + valid] & (n <= 2))
        idx = np.nonzero(ok)[0]
        all_rows.append(text_of[idx])
        all_cols.append(hashing._finalise(h[idx], n, bits))
    return _matrix_reference(all_rows, all_cols, len(texts), bits, sublinear)


def _word_ngrams_reference(texts: Sequence[str], n_min: int, n_max: int, bits: int,
                           sublinear: bool) -> SparseRows:
    """Each text tokenised whole, every token hashed with crc32."""
    token_lists = [hashing._TOKEN.findall(text) for text in texts]
    lengths = np.array([len(tokens) for tokens in token_lists], dtype=np.int64)
    hashes = np.fromiter((hashing._stable_hash(t) for t in chain.from_iterable(token_lists)), dtype=np.uint64,
                         count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    all_rows, all_cols = [], []
    combined = np.zeros(len(hashes), dtype=np.uint64)
    for n in range(1, n_max + 1):
        valid = len(hashes) - n + 1
        if valid <= 0:
            break
        combined = combined[:valid] * np.uint64(1000003) + hashes[n - 1:n - 1 + valid]
        if n < n_min:
            continue
        idx = np.nonzero(rows[:valid] == rows[n - 1:n - 1 + valid])[0]
        all_rows.append(rows[idx])
        all_cols.append(hashing._finalise(combined[idx], 100 + n, bits))
    return _matrix_reference(all_rows, all_cols, len(texts), bits, sublinear)


_MASK64 = (1 << 64) - 1


def _cross_ngrams_reference(texts: Sequence[str], n_min: int, n_max: int, bits: int,
                            sublinear: bool) -> SparseRows:
    """Every window of " text " with a space strictly inside, hashed one by
    one with Python integers (the same arithmetic modulo 2**64)."""
    prime, mix = int(hashing._PRIME), int(hashing._MIX)
    rows, cols = [], []
    for row, text in enumerate(texts):
        padded = f" {' '.join(text.split())} "
        for n in range(max(n_min, 3), n_max + 1):
            for i in range(len(padded) - n + 1):
                window = padded[i:i + n]
                if " " not in window[1:-1]:
                    continue
                h = 0
                for char in window:
                    h = (h * prime + ord(char)) & _MASK64
                h = ((h ^ (200 + n)) * mix) & _MASK64
                h ^= h >> 29
                rows.append(row)
                cols.append(h & ((1 << bits) - 1))
    return _matrix_reference([np.array(rows, dtype=np.int32)], [np.array(cols, dtype=np.int32)], len(texts),
                             bits, sublinear)


def _transform_reference(settings: FeatureSettings, normalised: list[str]) -> SparseRows:
    st = settings
    chars = _char_ngrams_reference(normalised, st.char_min, st.char_max, st.char_bits, st.sublinear_tf)
    words = _word_ngrams_reference(normalised, st.word_min, st.word_max, st.word_bits, st.sublinear_tf)
    cues = Featurizer(st).cue_matrix([find_cues(text) for text in normalised])
    blocks = [chars, words, cues]
    if st.cross_bits:
        blocks.append(_cross_ngrams_reference(normalised, st.cross_min, st.cross_max, st.cross_bits,
                                              st.sublinear_tf))
    return SparseRows.hstack(blocks)


def _margins_reference(model: Model, features: SparseRows) -> np.ndarray:
    """Column-major dense weights, one gather and one bincount per label."""
    weights = np.zeros((model.coef.shape[1], model.coef.shape[0]), dtype=np.float32, order="F")
    for label in range(model.coef.shape[0]):
        start, end = model.coef.indptr[label], model.coef.indptr[label + 1]
        weights[model.coef.indices[start:end], label] = model.coef.data[start:end]
    return _product_reference(features, weights) + model.intercept


def _product_reference(features: SparseRows, weights: np.ndarray) -> np.ndarray:
    """features @ weights as first written: one gather and one bincount per label."""
    rows = features.row_ids()
    out = np.empty((features.n_rows, weights.shape[1]))
    for k in range(weights.shape[1]):
        out[:, k] = np.bincount(rows, weights=features.data * weights[:, k].take(features.indices),
                                minlength=features.n_rows)
    return out


def _same(a: SparseRows, b: SparseRows) -> None:
    assert a.shape == b.shape
    for x, y in ((a.data, b.data), (a.indices, b.indices), (a.indptr, b.indptr)):
        assert x.dtype == y.dtype and np.array_equal(x, y)


# --- normalisation -------------------------------------------------------------------------

def _steps_one_by_one(text: str) -> str:
    for step in STEPS:
        text = step.fast(text)
    return text


@pytest.mark.parametrize("source", ["adversarial", "corpus", "shared"])
def test_normalised_words_equal_the_steps_on_real_text(source: str) -> None:
    texts = {"adversarial": lambda: ADVERSARIAL, "corpus": _corpus_texts,
             "shared": lambda: _shared_texts()[:8000]}[source]()
    for text in texts:
        assert normalized_words(text) == _steps_one_by_one(text).split()
        assert normalize_text(text) == _steps_one_by_one(text)


# --- feature hashing ----------------------------------------------------------------------

_SETTINGS = [(2, 5, 19, 1, 2, 18, True), (2, 5, 19, 1, 2, 18, False),
             (1, 3, 10, 2, 3, 7, True), (3, 3, 12, 1, 1, 9, False)]


def _check_hashing(texts: list[str]) -> None:
    for c_min, c_max, c_bits, w_min, w_max, w_bits, sublinear in _SETTINGS:
        for start in range(0, len(texts), 2048):
            batch = texts[start:start + 2048]
            chars, words = hashing.ngram_blocks(batch, (c_min, c_max, c_bits), (w_min, w_max, w_bits), sublinear)
            _same(chars, _char_ngrams_reference(batch, c_min, c_max, c_bits, sublinear))
            _same(words, _word_ngrams_reference(batch, w_min, w_max, w_bits, sublinear))


def test_hashing_equals_the_reference_on_adversarial_strings() -> None:
    texts = ADVERSARIAL + [normalize_text(t) for t in ADVERSARIAL]
    _check_hashing(texts)
    for text in texts:   # one at a time, and batches of nothing
        _check_hashing([text])
    _check_hashing([])


def test_hashing_equals_the_reference_on_our_corpus() -> None:
    texts = _corpus_texts()
    _check_hashing([normalize_text(t) for t in texts])
    _check_hashing(texts[:3000])   # raw text too: transform may be given anything


def test_hashing_equals_the_reference_on_shared_training_data() -> None:
    texts = _shared_texts()
    _check_hashing([normalize_text(t) for t in texts[:6000]])


def test_word_cache_restarting_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashing._Vocabulary, "limit", 50)
    monkeypatch.setattr(hashing, "_VOCABULARIES", {})
    restarts = []
    clear = hashing._Vocabulary.clear
    monkeypatch.setattr(hashing._Vocabulary, "clear", lambda self: (restarts.append(1), clear(self))[1])
    texts = [normalize_text(t) for t in _corpus_texts()[:300]] + ADVERSARIAL
    for text in texts:
        _check_hashing([text])
    assert len(restarts) > 2 * len(_SETTINGS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(list("كلب ab\t\n\x00\u200b.😂") + ["  ", "ك ل", "\U0001F3FD", "kalb"]),
                        max_size=12).map("".join), max_size=6))
def test_hashing_equals_the_reference_on_any_strings(texts: list[str]) -> None:
    _check_hashing(texts)


@pytest.mark.parametrize("cross_bits", [0, 12, 19])
def test_transform_equals_the_reference(cross_bits: int) -> None:
    raw = _corpus_texts()[:2000] + ADVERSARIAL
    texts = [normalize_text(t) for t in raw]
    settings = FeatureSettings(sublinear_tf=True, cross_bits=cross_bits)
    expected = _transform_reference(settings, texts)
    _same(Featurizer(settings).transform(texts), expected)
    split = [normalized_words(t) for t in raw]
    assert [t.split() for t in texts] == split
    _same(Featurizer(settings).transform(texts, split=split), expected)


def test_cross_ngrams_are_only_those_across_a_word_boundary() -> None:
    block = hashing.cross_block(["كلب", "ya 7mar", "", "a b"], 4, 6, 12)
    counts = np.diff(block.indptr)
    assert counts[0] == 0 and counts[2] == 0      # one word, or none: nothing across a boundary
    assert counts[1] > 0                           # "a 7m", "ya 7m", "a 7ma", ...
    assert counts[3] == 3                          # " a b", "a b ", " a b " (3-grams are not kept)


# --- sparse rows -------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(6))
def test_grouped_counts_equal_the_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_rows = [1, 5, 300, 2048, 40, 3][seed]
    per_row = rng.choice([0, 1, 2, 15, 16, 17, 200, 1500, 5000], size=n_rows, p=[.2, .1, .1, .1, .1, .1, .2, .07, .03])
    rows = np.repeat(np.arange(n_rows, dtype=np.int32), per_row)
    width = [1 << 19, 8, 1 << 12, 1 << 19, 3, (1 << 31) - 1][seed]
    cols = rng.integers(0, width, len(rows)).astype(np.int32)
    got = SparseRows.from_counts(rows, cols, (n_rows, width))
    _same(got, _from_counts_reference(rows, cols, (n_rows, width)))


def test_sort_within_rows_sorts_each_row_alone() -> None:
    rng = np.random.default_rng(3)
    counts = rng.choice([0, 1, 2, 3, 16, 17, 33, 300, 2000], size=400)
    indptr = np.concatenate([[0], np.cumsum(counts)])
    values = rng.integers(0, 1 << 19, int(indptr[-1])).astype(np.int32)
    values[:50] = np.iinfo(np.int32).max - 1
    got = _sort_within_rows(values, indptr)
    expected = np.concatenate([np.sort(values[a:b]) for a, b in pairwise(indptr)])
    assert np.array_equal(got, expected)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_row_major_product_equals_a_bincount_per_label(dtype: type) -> None:
    rng = np.random.default_rng(11)
    counts = rng.choice([0, 1, 7, 8, 9, 130, 2500], size=200)
    rows = np.repeat(np.arange(200), counts)
    m = SparseRows.from_triples(rows, rng.integers(0, 5000, len(rows)), rng.random(len(rows)).astype(np.float32),
                                (200, 5000))
    weights = (rng.standard_normal((5000, 9)) * (rng.random((5000, 9)) < 0.3)).astype(dtype)
    expected = _product_reference(m, weights)
    for layout in (weights, np.asfortranarray(weights)):
        got = m.dot(layout)
        assert got.flags.c_contiguous
        if dtype is np.float32:   # the model's weights: the very same sums
            assert np.array_equal(got, expected)
        else:                     # float64 products: summed in another order
            assert np.allclose(got, expected, rtol=1e-12, atol=1e-12)
    empty = SparseRows.from_triples(np.zeros(0), np.zeros(0), np.zeros(0, np.float32), (3, 5000))
    assert np.array_equal(empty.dot(weights), np.zeros((3, 9)))


@pytest.mark.parametrize("slice_entries", [1, 7, 130, 2500, 1 << 20])
def test_product_is_the_same_however_the_rows_are_sliced(monkeypatch: pytest.MonkeyPatch,
                                                        slice_entries: int) -> None:
    """`dot` works a slice of rows at a time; a slice boundary (inside or
    beside empty rows, or a row longer than a slice) changes no bit."""
    from guardian.analysis import sparse
    rng = np.random.default_rng(3)
    counts = rng.choice([0, 0, 1, 9, 140, 3000], size=120)
    rows = np.repeat(np.arange(120), counts)
    m = SparseRows.from_triples(rows, rng.integers(0, 4000, len(rows)), rng.random(len(rows)).astype(np.float32),
                                (120, 4000))
    weights = rng.standard_normal((4000, 9)).astype(np.float32)
    expected = _product_reference(m, weights)
    monkeypatch.setattr(sparse, "_DOT_ENTRIES", slice_entries)
    assert np.array_equal(m.dot(weights), expected)


# --- the whole classifier -------------------------------------------------------------------

def _random_model(seed: int) -> Model:
    """Weights on the float16 grid (as saved), about a third of them set."""
    rng = np.random.default_rng(seed)
    settings = FeatureSettings(sublinear_tf=True, cross_bits=16)
    n_features = Featurizer(settings).n_features
    dense_rows = []
    for _ in CATEGORY_IDS:
        keep = rng.random(n_features) < 0.3
        dense_rows.append(np.where(keep, rng.standard_normal(n_features) * 0.8, 0).astype(np.float16))
    dense = np.vstack(dense_rows).astype(np.float32)
    rows, cols = np.nonzero(dense)
    coef = SparseRows.from_triples(rows, cols, dense[rows, cols], dense.shape)
    n = len(CATEGORY_IDS)
    return Model(meta={"name": "test", "cues": list(CUE_NAMES)}, settings=settings, coef=coef,
                 intercept=rng.uniform(-3, -1, n), platt_a=rng.uniform(0.7, 1.0, n),
                 platt_b=rng.uniform(-0.5, 0, n), thresholds=rng.uniform(0.3, 0.7, n))


def _models() -> list[Model]:
    models = [_random_model(1)]
    try:
        models.append(Model.load(SHIPPED))
    except ModelError:
        pass  # being retrained for a new list of cues: the random model still checks the arithmetic
    return models


def _check_classifier(texts: list[str]) -> None:
    for model in _models():
        classifier = Classifier(model)
        predictions = classifier.classify(texts, with_spans=False)
        assert [p.text for p in predictions] == texts
        for start in range(0, len(texts), 2048):
            batch = texts[start:start + 2048]
            normalised = [normalize_text(t) for t in batch]
            features = _transform_reference(model.settings, normalised)
            _same(classifier.featurizer.transform(normalised), features)
            margins = _margins_reference(model, features)
            assert np.allclose(model.margins(features), margins, rtol=0, atol=1e-9)
            expected = calibrate(margins, model.platt_a, model.platt_b)
            flags = expected >= classifier.thresholds
            for prediction, probs, flagged in zip(predictions[start:start + 2048], expected, flags):
                assert prediction.labels == tuple(c for c, f in zip(CATEGORY_IDS, flagged) if f)
                assert np.allclose(list(prediction.scores.values()), probs, rtol=0, atol=1e-6)


def test_classify_equals_the_reference_on_adversarial_strings() -> None:
    _check_classifier(ADVERSARIAL + ADVERSARIAL[::-1])


@pytest.mark.parametrize("shard", range(4))
def test_classify_equals_the_reference_on_our_corpus(shard: int) -> None:
    # In four shards: the plain-Python reference of the n-grams across word
    # boundaries takes minutes on the whole corpus.
    _check_classifier(_corpus_texts()[shard::4])


def test_classify_equals_the_reference_on_shared_training_data() -> None:
    _check_classifier(_shared_texts()[:8000])
