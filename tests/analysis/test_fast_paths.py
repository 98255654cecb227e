"""The fast paths of classification give exactly what the plain versions give.

The shipped model is trained and scored with the same feature code, so a
speed-up must not change a single bit: these tests compare each fast path
with the straightforward computation it replaces.
"""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guardian.analysis import arabizi, hashing, lexicon
from guardian.analysis import cues as cues_mod
from guardian.analysis import normalize as nz
from guardian.analysis.arabizi import STRONG, WEAK
from guardian.analysis.sparse import SparseRows

_ALPHABET = st.sampled_from(
    list("كلبحمارشطةىأإآؤئـًٌَُ ٠١٢٣٤٥kalbKALB0123456789'.,-_*•|#+= \t\n!?؟،")
    + ["\u200d", "\u200b", "\u200f", "😂", "\U0001F3FD", "\U0001F1F8", "\ufe0f", "\u20e3", "ﻛ", "ﷺ", "ѕ", "ی", "İ"]
)
_WORDS = st.sampled_from(
    [w.replace("_", " ") for name in ("REQUEST_VERBS", "IMAGE_WORDS", "HARM_VERBS", "SECRECY", "NOBODY", "GIFTS")
     for w in getattr(lexicon, name)[:12]]
    + list(STRONG)[:40] + list(WEAK)[:20]
    + ["و", "ال", "ya", "el", "ك ل ب", "ش.ر.م", "هههه", "noooo", "  ", "\t", "👍🏽", "🇸🇦", "❤️", "1\u20e3", "ﻛﻠﺐ",
       "👨\u200d👩\u200d👧"]
)
texts = st.lists(st.one_of(st.text(alphabet=_ALPHABET, max_size=6), _WORDS), max_size=14).map(" ".join)
mixed = st.one_of(texts, st.text(max_size=30))


# --- normalisation ----------------------------------------------------------------------

def _steps_one_by_one(text: str) -> str:
    """The reference: every normalisation step's plain function in turn."""
    for step in nz.STEPS:
        text = step.fast(text)
    return text


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_piecewise_normalisation_equals_the_steps(text: str) -> None:
    expected = _steps_one_by_one(text)
    assert nz.normalize_text(text) == expected
    assert nz.normalize_text(text) == expected  # again, from the piece cache


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_normalised_words_are_the_normalised_text_split(text: str) -> None:
    assert nz.normalized_words(text) == _steps_one_by_one(text).split()


def test_piece_cache_is_bounded_and_restarts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nz._PieceForms, "limit", 3)
    monkeypatch.setattr(nz, "_PIECES", nz._PieceForms())
    words = ["كلب", "حمار", "ya", "7mar", "😂", "ك ل ب", "x" * 100, "هههههه"]
    for _ in range(3):
        for k in range(len(words)):
            text = " ".join(words[k:] + words[:k])
            assert nz.normalize_text(text) == _steps_one_by_one(text)
    assert len(nz._PIECES) <= 3
    assert "x" * 100 not in nz._PIECES  # long pieces are not kept


@settings(max_examples=300, deadline=None)
@given(mixed)
def test_arabizi_precheck_is_decided_word_by_word(text: str) -> None:
    text = text.lower()
    assert arabizi.may_change(text) == any(arabizi.may_change(part) for part in text.split(" "))
    if not arabizi.may_change(text):
        assert list(arabizi.plan(text)) == []


def test_nfkc_shortcut_equals_camel_tools() -> None:
    for text in ("ﻛﻠﺐ", "ﷲ ﷺ", "\ufdfd", "\ufdfc ﻻ", "ＫＡＬＢ", "ﬁ", "كلب"):
        assert nz._nfkc(text) == nz.normalize_unicode(text)


# --- cues ---------------------------------------------------------------------------------

def _lexicon_hits_reference(text: str) -> cues_mod.Found:
    index, heads = cues_mod._index(), cues_mod._phrase_heads()
    words = [(m.start(), m.end(), m.group().lower()) for m in cues_mod._WORD.finditer(text)]
    found: cues_mod.Found = {}
    for i, (start, end, word) in enumerate(words):
        for name in index.get(word, ()):
            found.setdefault(name, []).append((start, end))
        if word in heads:
            phrase = word
            for j in range(i + 1, min(i + cues_mod._MAX_PHRASE, len(words))):
                phrase = f"{phrase} {words[j][2]}"
                for name in index.get(phrase, ()):
                    found.setdefault(name, []).append((start, words[j][1]))
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_lexicon_fast_path_equals_the_word_loop(text: str) -> None:
    for candidate in (text, nz.normalize_text(text), text.upper()):
        assert cues_mod.lexicon_hits(candidate) == _lexicon_hits_reference(candidate)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(cues_mod._LISTS),
                       st.lists(st.tuples(st.integers(0, 5), st.integers(5, 9)), min_size=1, max_size=3)))
def test_rules_skipped_only_when_they_find_nothing(found: cues_mod.Found) -> None:
    text = "اقتلك والله"
    for rule in cues_mod.RULES.values():
        if found.keys().isdisjoint(rule.lists):
            assert not rule.find(text, found)


def _find_cues_reference(text: str) -> list[cues_mod.CueHit]:
    found = cues_mod.lexicon_hits(text)
    hits = []
    for name, rule in cues_mod.RULES.items():
        spans = rule.find(text, found) if found else None
        if spans:
            hits.append(cues_mod.CueHit(name, tuple(sorted(set(spans)))))
    return hits


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_find_cues_asks_the_rules_that_matter(text: str) -> None:
    candidate = nz.normalize_text(text)
    assert cues_mod.find_cues(candidate) == _find_cues_reference(candidate)


def test_find_cues_equals_asking_every_rule_on_the_corpus() -> None:
    from guardian.analysis import corpus
    for ex in corpus.our_corpus()[::3]:
        text = nz.normalize_text(ex.text)
        assert cues_mod.find_cues(text) == _find_cues_reference(text), ex.text
        assert cues_mod.lexicon_hits(text) == _lexicon_hits_reference(text), ex.text


def test_every_rule_names_its_lists() -> None:
    assert all(rule.lists and rule.lists <= set(cues_mod._LISTS) for rule in cues_mod.RULES.values())


# --- hashing and sparse rows ------------------------------------------------------------

def test_token_hash_cache_equals_crc32(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashing._TokenHashes, "limit", 2)
    cache = hashing._TokenHashes()
    for token in ["كلب", "a", "😂", "كلب", "", "ya", "a"]:
        assert cache[token] == zlib.crc32(token.encode("utf-8")) == hashing._stable_hash(token)
        assert len(cache) <= 2


def _from_triples_reference(rows, cols, values, shape):  # type: ignore[no-untyped-def]
    n_rows, n_cols = shape
    keys = rows.astype(np.int64) * n_cols + cols.astype(np.int64)
    unique, inverse = np.unique(keys, return_inverse=True)
    data = np.bincount(inverse, weights=values, minlength=len(unique)).astype(np.float32)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(unique // n_cols, minlength=n_rows), out=indptr[1:])
    return SparseRows(data, unique % n_cols, indptr, shape)


def _same(a: SparseRows, b: SparseRows) -> None:
    assert a.shape == b.shape
    for x, y in ((a.data, b.data), (a.indices, b.indices), (a.indptr, b.indptr)):
        assert x.dtype == y.dtype and np.array_equal(x, y)


@pytest.mark.parametrize("n_rows, n_cols, n", [(0, 8, 0), (3, 1, 10), (50, 1 << 19, 5000), (7, 1 << 40, 300),
                                              (5000, 1 << 19, 20000)])
def test_from_counts_equals_summing_ones(n_rows: int, n_cols: int, n: int) -> None:
    rng = np.random.default_rng(n)
    rows = rng.integers(0, max(n_rows, 1), n).astype(np.int32)
    cols = rng.integers(0, min(n_cols, 40), n) * (n_cols // 40 or 1)
    cols = cols.astype(np.int64 if n_cols > 1 << 31 else np.int32)
    got = SparseRows.from_counts(rows, cols, (n_rows, n_cols))
    _same(got, _from_triples_reference(rows, cols, np.ones(n, dtype=np.float32), (n_rows, n_cols)))


def _hstack_reference(blocks: list[SparseRows]) -> SparseRows:
    n_rows = blocks[0].n_rows
    offset, rows, cols, values = 0, [], [], []
    for block in blocks:
        rows.append(block.row_ids())
        cols.append(block.indices + offset)
        values.append(block.data)
        offset += block.shape[1]
    all_rows = np.concatenate(rows)
    order = np.argsort(all_rows, kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(all_rows, minlength=n_rows), out=indptr[1:])
    return SparseRows(np.concatenate(values)[order], np.concatenate(cols)[order], indptr, (n_rows, offset))


@pytest.mark.parametrize("n_rows", [0, 1, 9, 300])
def test_hstack_equals_a_stable_sort_by_row(n_rows: int) -> None:
    rng = np.random.default_rng(n_rows)
    blocks = []
    for width, n in ((1000, 4 * n_rows), (50, n_rows), (17, 0), (3, n_rows // 2)):
        rows = rng.integers(0, max(n_rows, 1), n)
        blocks.append(_from_triples_reference(rows, rng.integers(0, width, n), rng.random(n), (n_rows, width)))
    _same(SparseRows.hstack(blocks), _hstack_reference(blocks))
    with pytest.raises(ValueError):
        SparseRows.hstack([blocks[0], _from_triples_reference(np.zeros(0), np.zeros(0), np.zeros(0), (n_rows + 1, 4))])


def test_dot_is_the_same_for_either_weight_layout() -> None:
    rng = np.random.default_rng(5)
    n = 4000
    m = _from_triples_reference(rng.integers(0, 60, n), rng.integers(0, 500, n),
                                rng.random(n).astype(np.float32), (60, 500))
    weights = (rng.standard_normal((500, 9)) * (rng.random((500, 9)) < 0.3)).astype(np.float32)
    expected = np.empty((60, 9))
    for k in range(9):  # the product as first written: a row-major gather per label
        expected[:, k] = np.bincount(m.row_ids(), weights=m.data * weights[m.indices, k], minlength=60)
    assert np.array_equal(m.dot(weights), expected)
    assert np.array_equal(m.dot(np.asfortranarray(weights)), expected)
