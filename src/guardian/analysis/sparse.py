"""Sparse feature rows as plain NumPy arrays (the CSR layout).

Classification needs only three operations on sparse rows: build them from
(row, column, value) triples, put blocks side by side, and multiply by the
model's weights.  Doing those with NumPy keeps SciPy out of the installed
app (about 75 MB); training converts to SciPy with `to_scipy()` for
scikit-learn, which runs from a source checkout only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SparseRows:
    data: np.ndarray        # float32, one value per stored entry
    indices: np.ndarray     # int64 column of each entry, sorted within a row
    indptr: np.ndarray      # int64, row i is entries indptr[i]:indptr[i+1]
    shape: tuple[int, int]

    @property
    def n_rows(self) -> int:
        return self.shape[0]

    def row_ids(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_rows, dtype=np.int64), np.diff(self.indptr))

    @classmethod
    def from_triples(cls, rows: np.ndarray, cols: np.ndarray, values: np.ndarray,
                     shape: tuple[int, int]) -> SparseRows:
        """Entries with the same row and column are summed."""
        n_rows, n_cols = shape
        keys = rows.astype(np.int64) * n_cols + cols.astype(np.int64)
        unique, inverse = np.unique(keys, return_inverse=True)
        data = np.bincount(inverse, weights=values, minlength=len(unique)).astype(np.float32)
        out_rows = unique // n_cols
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(out_rows, minlength=n_rows), out=indptr[1:])
        return cls(data, unique % n_cols, indptr, shape)

    @classmethod
    def from_counts(cls, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> SparseRows:
        """How often each (row, column) pair occurs: the same matrix as
        `from_triples` with all values 1, but one sort of combined keys
        instead of a sort with its inverse and a weighted bincount."""
        n_rows, n_cols = shape
        if len(rows) > 1 and n_cols < 2 ** 31 and bool(np.all(rows[1:] >= rows[:-1])):
            return cls._from_grouped_counts(rows, cols, shape)
        # int32 keys sort about twice as fast; they fit for a batch of
        # a few thousand texts.
        key_type = np.int32 if n_rows * n_cols < 2 ** 31 else np.int64
        keys = rows.astype(key_type) * key_type(n_cols)
        keys += cols.astype(key_type, copy=False)
        # the keys come in runs (each n-gram length in row order), which the
        # stable sort (timsort) merges faster than quicksort sorts them
        keys.sort(kind="stable")
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        unique = keys[starts].astype(np.int64)
        data = np.diff(starts, append=len(keys)).astype(np.float32)
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(unique // n_cols, minlength=n_rows), out=indptr[1:])
        return cls(data, unique % n_cols, indptr, shape)

    @classmethod
    def _from_grouped_counts(cls, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> SparseRows:
        """`from_counts` for pairs already in row order: only each row's
        columns need sorting, and many short sorts side by side are far
        cheaper than one long one."""
        n_rows = shape[0]
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        cols = _sort_within_rows(cols.astype(np.int32), indptr)
        first = np.empty(len(cols), dtype=bool)
        first[:1] = True
        np.not_equal(cols[1:], cols[:-1], out=first[1:])
        first[indptr[:-1][indptr[1:] > indptr[:-1]]] = True   # so does each row's first entry
        starts = np.flatnonzero(first)
        data = np.diff(starts, append=len(cols)).astype(np.float32)
        out_indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows[starts], minlength=n_rows), out=out_indptr[1:])
        return cls(data, cols[starts].astype(np.int64), out_indptr, shape)

    @classmethod
    def hstack(cls, blocks: Sequence[SparseRows]) -> SparseRows:
        """Blocks with the same rows, side by side."""
        n_rows = blocks[0].n_rows
        counts = []
        for block in blocks:
            if block.n_rows != n_rows:
                raise ValueError("blocks differ in their number of rows")
            counts.append(np.diff(block.indptr))
        # Row i of the result is row i of each block in turn (the column
        # ranges do not overlap and each block is sorted within its rows),
        # so every entry's place is known: scatter instead of sorting.
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.sum(counts, axis=0, dtype=np.int64), out=indptr[1:])
        n_values = int(indptr[-1])
        data = np.empty(n_values, dtype=np.result_type(*(b.data for b in blocks)))
        indices = np.empty(n_values, dtype=np.result_type(*(b.indices for b in blocks)))
        start = indptr[:-1].copy()
        offset = 0
        for block, count in zip(blocks, counts):
            if len(block.data):
                place = np.repeat(start - block.indptr[:-1], count)
                place += np.arange(len(block.data), dtype=np.int64)
                data[place] = block.data
                indices[place] = block.indices + offset
            start += count
            offset += block.shape[1]
        return cls(data, indices, indptr, (n_rows, offset))

    def normalise_rows(self) -> SparseRows:
        """Each row scaled to unit length (empty rows stay empty)."""
        norms = np.sqrt(np.bincount(self.row_ids(), weights=self.data.astype(np.float64) ** 2,
                                    minlength=self.n_rows))
        norms[norms == 0] = 1.0
        scale = np.repeat(norms, np.diff(self.indptr)).astype(np.float32)
        return SparseRows(self.data / scale, self.indices, self.indptr, self.shape)

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """self @ weights for dense weights of shape (columns, k).

        Fastest with row-major weights (a feature's k weights side by
        side): one gather of whole rows instead of one per label, the
        products in the type `data * weights[indices, k]` gives them, then
        float64 sums over each row's entries, as a bincount per label gave
        them (the order of the float64 additions may differ: for float32
        weights, as the model's, the tests find the very same bits).

        A few thousand rows at a time: the products of a whole batch of
        tweets are tens of megabytes, which the allocator maps afresh for
        every batch; slices of `_DOT_ENTRIES` stay in the cache."""
        k = weights.shape[1]
        out = np.zeros((self.n_rows, k), dtype=np.float64)
        indptr = self.indptr
        total = int(indptr[-1])
        if not total:
            return out
        cuts = np.searchsorted(indptr, np.arange(_DOT_ENTRIES, total, _DOT_ENTRIES), side="right") - 1
        bounds = np.unique(np.concatenate(([0], cuts, [self.n_rows])))
        for first, last in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            lo, hi = indptr[first], indptr[last]
            if hi == lo:
                continue
            products = weights.take(self.indices[lo:hi], axis=0)
            products *= self.data[lo:hi, None]
            starts = indptr[first:last] - lo
            filled = np.flatnonzero(indptr[first + 1:last + 1] > indptr[first:last])
            out[first + filled] = np.add.reduceat(products, starts[filled], axis=0, dtype=np.float64)
        return out

    def to_scipy(self):  # type: ignore[no-untyped-def]
        """The same matrix as scipy.sparse.csr_matrix (training only)."""
        import scipy.sparse as sp
        return sp.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)


_DOT_ENTRIES = 32768     # stored entries per slice in `SparseRows.dot`


def _sort_within_rows(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """`values` with each row's entries (indptr[i]:indptr[i + 1]) sorted.

    Rows of similar length are copied into one 2-D array, padded with the
    largest value, and sorted along its rows; the same values would come
    out of sorting the rows one by one."""
    out = values.copy()
    counts = np.diff(indptr)
    longer = np.flatnonzero(counts > 1)
    if not len(longer):
        return out
    # rows of 2**(k-1) < count <= 2**k entries share a width of 2**k (at least 16)
    exponents = np.maximum(np.frexp((counts[longer] - 1).astype(np.float64))[1], 4)
    pad_value = np.iinfo(values.dtype).max
    for exponent in np.unique(exponents):
        chosen = longer[exponents == exponent]
        width = 1 << int(exponent)
        lengths = counts[chosen]
        total = int(lengths.sum())
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        source = np.repeat(indptr[chosen], lengths) + within
        padded = np.full((len(chosen), width), pad_value, dtype=values.dtype)
        padded.ravel()[np.repeat(np.arange(len(chosen), dtype=np.int64) * width, lengths) + within] = values[source]
        padded.sort(axis=1)
        out[source] = padded[np.arange(width) < lengths[:, None]]
    return out


def check_csr(indices: np.ndarray, indptr: np.ndarray, n_values: int, shape: tuple[int, int]) -> None:
    """Raise ValueError unless the arrays describe a valid CSR matrix."""
    if indptr.shape != (shape[0] + 1,) or indptr[0] != 0 or indptr[-1] != n_values:
        raise ValueError("row pointers do not match the values")
    if np.any(np.diff(indptr) < 0):
        raise ValueError("row pointers go backwards")
    if len(indices) != n_values or (n_values and (indices.min() < 0 or indices.max() >= shape[1])):
        raise ValueError("column indices out of range")
