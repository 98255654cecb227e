"""The naive-Bayes feature scaling used in training."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from guardian.analysis.training import nb_scale


def test_features_that_lean_to_one_side_are_scaled_up() -> None:
    # columns: only in positives, only in negatives, in both alike, in none
    x = sp.csr_matrix(np.array([
        [1, 0, 1, 0],
        [1, 0, 1, 0],
        [0, 1, 1, 0],
        [0, 1, 1, 0],
    ], dtype=np.float64))
    scale = nb_scale(x, np.array([1, 1, 0, 0]))
    assert scale[0] > scale[2] and scale[1] > scale[2]
    assert np.isclose(scale[0], scale[1])
    assert np.all(scale >= 0.5)
    assert np.isclose(scale.mean(), 1.0, atol=1e-6)


def test_counts_not_weights_decide_the_scale() -> None:
    # a feature's value (its tf weight) does not matter, only where it occurs
    x1 = sp.csr_matrix(np.array([[0.2, 1.0], [0.0, 1.0]]))
    x2 = sp.csr_matrix(np.array([[0.9, 1.0], [0.0, 1.0]]))
    y = np.array([1, 0])
    assert np.allclose(nb_scale(x1, y), nb_scale(x2, y))
