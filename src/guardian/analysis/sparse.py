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

        Fastest with Fortran-ordered weights (each column contiguous): the
        gather of one column then touches a small array, not every row."""
        rows = self.row_ids()
        out = np.empty((self.n_rows, weights.shape[1]), dtype=np.float64)
        for k in range(weights.shape[1]):
            out[:, k] = np.bincount(rows, weights=self.data * weights[:, k].take(self.indices),
                                    minlength=self.n_rows)
        return out

    def to_scipy(self):  # type: ignore[no-untyped-def]
        """The same matrix as scipy.sparse.csr_matrix (training only)."""
        import scipy.sparse as sp
        return sp.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)


def check_csr(indices: np.ndarray, indptr: np.ndarray, n_values: int, shape: tuple[int, int]) -> None:
    """Raise ValueError unless the arrays describe a valid CSR matrix."""
    if indptr.shape != (shape[0] + 1,) or indptr[0] != 0 or indptr[-1] != n_values:
        raise ValueError("row pointers do not match the values")
    if np.any(np.diff(indptr) < 0):
        raise ValueError("row pointers go backwards")
    if len(indices) != n_values or (n_values and (indices.min() < 0 or indices.max() >= shape[1])):
        raise ValueError("column indices out of range")
