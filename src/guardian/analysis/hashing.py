"""Fast, stable feature hashing for a batch of texts.

Character n-grams are hashed with NumPy (no Python loop per n-gram), which
is what makes classification fast enough for a million-message chat
history.  Like scikit-learn's `char_wb` analyzer, an n-gram may touch a
space only at its ends, so n-grams stay inside words (with the word's
edges marked).  Hashes are our own and stable across runs and machines
(Python's `hash()` is salted per process).

Both kinds of n-gram are built from words (a text's pieces between
whitespace): a text's character n-grams are those of " word " for each of
its words, and its tokens are its words' tokens end to end.  Chat repeats
the same words, so each word's n-gram columns and token hashes are
computed once and kept (`_Vocabulary`); a batch then costs one dictionary
look-up per word and a few NumPy passes.  The matrices are the same, bit
for bit, as hashing every text whole (tests/analysis/test_classify_fast.py
keeps that code as the reference).
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Callable, Sequence
from functools import partial
from itertools import chain, repeat

import numpy as np

from guardian.analysis.sparse import SparseRows

_SEPARATOR = 0          # between texts; no n-gram may contain it
_SPACE = 32
_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _codepoints(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """All texts as one code-point array: " text " per text, separated by
    NUL; and the text index of every position."""
    cleaned = [" ".join(t.split()) for t in texts]
    joined = "\x00".join(f" {t} " for t in cleaned)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter(map(len, cleaned), dtype=np.int64, count=len(cleaned)) + 3
    lengths[-1:] -= 1  # no separator after the last text
    rows = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    return points, rows


def _finalise(h: np.ndarray, n: int, bits: int) -> np.ndarray:
    h = (h ^ np.uint64(n)) * _MIX
    h ^= h >> np.uint64(29)
    return (h & np.uint64((1 << bits) - 1)).astype(np.int32)


def _char_pairs(texts: Sequence[str], n_min: int, n_max: int, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """(text index, column) of every character n-gram occurrence, all texts
    hashed at once."""
    points, rows = _codepoints(texts)
    size = len(points)
    is_sep = points == _SEPARATOR
    is_space = points == _SPACE
    all_rows, all_cols = [], []
    h = np.zeros(size, dtype=np.uint64)
    # bad_inner[i]: some position strictly inside window [i, i+n) is a space
    # or separator; the window's ends may be spaces (word edges) but never
    # separators.
    inner_block = np.zeros(size, dtype=bool)
    for n in range(1, n_max + 1):
        valid_len = size - n + 1
        if valid_len <= 0:
            break
        h = h[:valid_len] * _PRIME + points[n - 1:n - 1 + valid_len]
        if n >= 3:
            inner_block = inner_block[:valid_len] | is_space[n - 2:n - 2 + valid_len] | is_sep[n - 2:n - 2 + valid_len]
        else:
            inner_block = inner_block[:valid_len]
        if n < n_min:
            continue
        ok = ~inner_block & ~is_sep[:valid_len] & ~is_sep[n - 1:n - 1 + valid_len]
        # An n-gram of spaces alone, or a lone edge space pair, carries nothing.
        ok &= ~(is_space[:valid_len] & is_space[n - 1:n - 1 + valid_len] & (n <= 2))
        idx = np.nonzero(ok)[0]
        all_rows.append(rows[idx])
        all_cols.append(_finalise(h[idx], n, bits))
    if not all_rows:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return np.concatenate(all_rows), np.concatenate(all_cols)


def cross_block(texts: Sequence[str], n_min: int, n_max: int, bits: int, sublinear: bool = False) -> SparseRows:
    """L2-normalised counts (or 1 + log counts) of hashed character n-grams
    of " text " that hold a space strictly inside: the n-grams across a
    word boundary, which the words' own n-grams (`ngram_blocks`) never
    have.  An n-gram may also start or end with a space.  Texts are whole
    here, not cached word by word: a pair of words recurs far less than a
    word does."""
    points, rows = _codepoints(texts)
    size = len(points)
    # spaces[i]: spaces among points[:i]; the same for separators
    spaces = np.concatenate(([0], np.cumsum(points == _SPACE)))
    separators = np.concatenate(([0], np.cumsum(points == _SEPARATOR)))
    all_rows, all_cols = [], []
    h = np.zeros(size, dtype=np.uint64)
    for n in range(1, n_max + 1):
        valid = size - n + 1
        if valid <= 0:
            break
        h = h[:valid] * _PRIME + points[n - 1:n - 1 + valid]
        if n < max(n_min, 3):     # a space strictly inside needs three characters
            continue
        # window [i, i + n): a space among points[i + 1:i + n - 1], no separator among points[i:i + n]
        inside = spaces[n - 1:n - 1 + valid] > spaces[1:1 + valid]
        one_text = separators[n:n + valid] == separators[:valid]
        idx = np.nonzero(inside & one_text)[0]
        all_rows.append(rows[idx])
        all_cols.append(_finalise(h[idx], 200 + n, bits))
    if not all_rows:
        return _matrix(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), len(texts), bits, sublinear)
    return _matrix(np.concatenate(all_rows), np.concatenate(all_cols), len(texts), bits, sublinear)


class _Runs:
    """Values computed once per word and kept in one growing array, word
    after word: word i's run is values[bounds[i]:bounds[i + 1]]."""

    def __init__(self, compute: Callable[[list[str]], tuple[np.ndarray, np.ndarray]], dtype: type) -> None:
        # compute(words) -> (word index of each value, values), grouped by word
        self.compute = compute
        self.values = np.zeros(1024, dtype=dtype)
        self.bounds = np.zeros(1024, dtype=np.int64)
        self.size = 0

    def add(self, first: int, new: list[str]) -> None:
        owners, values = self.compute(new)
        count = first + len(new)
        if count + 1 > len(self.bounds):
            self.bounds = np.resize(self.bounds, max(2 * len(self.bounds), count + 1))
        np.cumsum(np.bincount(owners, minlength=len(new)), out=self.bounds[first + 1:count + 1])
        self.bounds[first + 1:count + 1] += self.size
        end = self.size + len(values)
        if end > len(self.values):
            self.values = np.resize(self.values, max(2 * len(self.values), end))
        self.values[self.size:end] = values
        self.size = end

    def gather(self, ids: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The runs of words `ids` end to end, and the row of each value."""
        starts = self.bounds[ids]
        lengths = self.bounds[ids + 1] - starts
        total = int(lengths.sum())
        place = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        place += np.arange(total, dtype=np.int64)
        return self.values[place], np.repeat(rows, lengths)


class _Vocabulary:
    """Word (a text's piece between whitespace) -> what the features need
    of it, computed once: its tokens' hashes and, for one setting of the
    character n-grams, their columns as they occur in " word ", sorted."""

    limit = 100_000      # words (about 40 MB with the dictionary), then it starts again

    def __init__(self, char: tuple[int, int, int]) -> None:
        self.char = char
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.ids: dict[str, int] = {}
        self.tokens = _Runs(_token_hashes, np.uint64)
        self.grams = _Runs(partial(_word_grams, *self.char), np.int32)

    def lookup(self, words: list[str],
               rows: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """(token hashes, their rows) and (n-gram columns, their rows) of
        `words` end to end; `rows`: each word's row."""
        with self.lock:   # one batch at a time: adding moves the arrays
            ids = self._ids_of(words)
            return self.tokens.gather(ids, rows), self.grams.gather(ids, rows)

    def _ids_of(self, words: list[str]) -> np.ndarray:
        ids = self.ids
        got = np.fromiter(map(ids.get, words, repeat(-1, len(words))), dtype=np.int64, count=len(words))
        if len(got) and got.min() < 0:
            new = [w for w in dict.fromkeys(words) if w not in ids]
            if len(ids) + len(new) > self.limit:
                self.clear()
                ids = self.ids
                new = list(dict.fromkeys(words))
            first = len(ids)
            self.tokens.add(first, new)
            self.grams.add(first, new)
            ids.update(zip(new, range(first, first + len(new))))
            got = np.fromiter(map(ids.__getitem__, words), dtype=np.int64, count=len(words))
        return got


def _word_grams(n_min: int, n_max: int, bits: int, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = _char_pairs(words, n_min, n_max, bits)
    # grouped by word (and sorted within it)
    keys = np.sort((rows.astype(np.int64) << 32) | cols.astype(np.int64))
    return (keys >> 32).astype(np.int32), (keys & 0xFFFFFFFF).astype(np.int32)


_VOCABULARIES: dict[tuple[int, int, int], _Vocabulary] = {}


def _vocabulary(char: tuple[int, int, int]) -> _Vocabulary:
    vocabulary = _VOCABULARIES.get(char)
    if vocabulary is None:
        vocabulary = _VOCABULARIES[char] = _Vocabulary(char)
    return vocabulary


def _flatten(split: Sequence[list[str]]) -> tuple[list[str], np.ndarray]:
    """Every text's words in order, and the text index of each word."""
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    return list(chain.from_iterable(split)), np.repeat(np.arange(len(split), dtype=np.int32), lengths)


def _char_block(grams: tuple[np.ndarray, np.ndarray], n_texts: int, bits: int, sublinear: bool) -> SparseRows:
    """L2-normalised counts (or 1 + log counts) of hashed character n-grams,
    texts x 2**bits.  An n-gram never has a space inside, only at its ends,
    so a text's n-grams are those of " word " for each of its words."""
    cols, rows = grams
    return _matrix(rows, cols, n_texts, bits, sublinear)


def _stable_hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8"))


class _TokenHashes(dict[str, int]):
    """Token -> `_stable_hash(token)`, filled on first use: chat repeats the
    same words, and a dictionary lookup is much cheaper than encoding and
    hashing.  Emptied when it grows past `limit` entries."""

    limit = 100_000

    def __missing__(self, token: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        value = self[token] = _stable_hash(token)
        return value


_TOKEN_HASHES = _TokenHashes()


def _token_hashes(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    token_lists = [_TOKEN.findall(word) for word in words]
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    hashes = np.fromiter(map(_TOKEN_HASHES.__getitem__, chain.from_iterable(token_lists)), dtype=np.uint64,
                         count=int(lengths.sum()))
    return np.repeat(np.arange(len(words), dtype=np.int32), lengths), hashes


def _word_block(tokens: tuple[np.ndarray, np.ndarray], n_texts: int, n_min: int, n_max: int, bits: int,
                sublinear: bool) -> SparseRows:
    """L2-normalised counts (or 1 + log counts) of hashed word n-grams (each
    emoji or symbol is a token of its own; a token never holds whitespace,
    so a text's tokens are its words' tokens end to end), combined for the
    whole batch at once."""
    hashes, rows = tokens
    all_rows, all_cols = [], []
    combined = np.zeros(len(hashes), dtype=np.uint64)
    for n in range(1, n_max + 1):
        valid = len(hashes) - n + 1
        if valid <= 0:
            break
        combined = combined[:valid] * np.uint64(1000003) + hashes[n - 1:n - 1 + valid]
        if n < n_min:
            continue
        same_text = rows[:valid] == rows[n - 1:n - 1 + valid]
        idx = np.nonzero(same_text)[0]
        all_rows.append(rows[idx])
        all_cols.append(_finalise(combined[idx], 100 + n, bits))
    if all_rows:
        return _matrix(np.concatenate(all_rows), np.concatenate(all_cols), n_texts, bits, sublinear)
    return _matrix(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), n_texts, bits, sublinear)


def ngram_blocks(texts: Sequence[str], char: tuple[int, int, int], word: tuple[int, int, int],
                 sublinear: bool = False, split: Sequence[list[str]] | None = None) -> tuple[SparseRows, SparseRows]:
    """Hashed character n-grams (n_min, n_max, bits = `char`) and word
    n-grams (`word`) of the texts, with one look-up per word for both;
    `split`: ``text.split()`` of each text, if the caller has it."""
    words, rows = _flatten(split if split is not None else list(map(str.split, texts)))
    tokens, grams = _vocabulary(char).lookup(words, rows)
    return (_char_block(grams, len(texts), char[2], sublinear),
            _word_block(tokens, len(texts), *word, sublinear))


def _matrix(rows: np.ndarray, cols: np.ndarray, n_texts: int, bits: int, sublinear: bool = False) -> SparseRows:
    m = SparseRows.from_counts(rows, cols, (n_texts, 1 << bits))
    if sublinear:
        # 1 + log(count): a word repeated for emphasis (كلب كلب كلب) counts
        # a little more than once, not three times.
        m = SparseRows(np.log(m.data) + np.float32(1.0), m.indices, m.indptr, m.shape)
    return m.normalise_rows()
