"""Fast, stable feature hashing for a batch of texts.

Character n-grams are hashed for the whole batch at once with NumPy (no
Python loop per n-gram), which is what makes classification fast enough
for a million-message chat history.  Like scikit-learn's `char_wb`
analyzer, an n-gram may touch a space only at its ends, so n-grams stay
inside words (with the word's edges marked).  Hashes are our own and
stable across runs and machines (Python's `hash()` is salted per process).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from itertools import chain

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


def char_ngrams(texts: Sequence[str], n_min: int, n_max: int, bits: int,
                sublinear: bool = False) -> SparseRows:
    """L2-normalised counts (or 1 + log counts) of hashed character n-grams,
    texts x 2**bits."""
    if not texts:
        return SparseRows.from_triples(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32),
                                       (0, 1 << bits))
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
    return _matrix(all_rows, all_cols, len(texts), bits, sublinear)


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


def word_ngrams(texts: Sequence[str], n_min: int, n_max: int, bits: int,
                sublinear: bool = False) -> SparseRows:
    """L2-normalised counts (or 1 + log counts) of hashed word n-grams (each emoji or symbol is
    a token of its own).  Tokens are hashed one by one; n-grams are then
    combined for the whole batch at once."""
    token_lists = [_TOKEN.findall(text) for text in texts]
    lengths = np.array([len(tokens) for tokens in token_lists], dtype=np.int64)
    hashes = np.fromiter(map(_TOKEN_HASHES.__getitem__, chain.from_iterable(token_lists)), dtype=np.uint64,
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
        same_text = rows[:valid] == rows[n - 1:n - 1 + valid]
        idx = np.nonzero(same_text)[0]
        all_rows.append(rows[idx])
        all_cols.append(_finalise(combined[idx], 100 + n, bits))
    return _matrix(all_rows, all_cols, len(texts), bits, sublinear)


def _matrix(rows: list[np.ndarray], cols: list[np.ndarray], n_texts: int, bits: int,
            sublinear: bool = False) -> SparseRows:
    if rows:
        r = np.concatenate(rows)
        c = np.concatenate(cols)
    else:
        r = c = np.zeros(0, dtype=np.int32)
    m = SparseRows.from_counts(r, c, (n_texts, 1 << bits))
    if sublinear:
        # 1 + log(count): a word repeated for emphasis (كلب كلب كلب) counts
        # a little more than once, not three times.
        m = SparseRows(np.log(m.data) + np.float32(1.0), m.indices, m.indptr, m.shape)
    return m.normalise_rows()
