"""Choosing thresholds on held-out scores: the precision floor per
category and the shared cap on flagged hard negatives, met by one level
for every category (`one_level`, what training uses) or category by
category (`cap_hard_negative_rate`)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.analysis.thresholds import cap_hard_negative_rate, choose_threshold, choose_thresholds, one_level


def _data(seed: int, n: int = 600, labels: int = 4) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    y = (rng.random((n, labels)) < 0.15).astype(np.int8)
    hard = (y.sum(axis=1) == 0) & (rng.random(n) < 0.6)
    # positives score high, hard negatives often high too, the rest low
    p = np.where(y == 1, rng.beta(5, 2, (n, labels)), rng.beta(1, 6, (n, labels)))
    p[hard] = rng.beta(2, 3, (int(hard.sum()), labels))
    known = np.ones_like(y, dtype=bool)
    floors = np.array([choose_threshold(p[:, c], y[:, c]) for c in range(labels)])
    return p, y, known, hard, floors


def _rate(p: np.ndarray, hard: np.ndarray, th: np.ndarray) -> float:
    return float((p[hard] >= th).any(axis=1).mean())


def _recall(p: np.ndarray, y: np.ndarray, th: np.ndarray) -> float:
    return float(np.mean([(p[y[:, c] == 1, c] >= th[c]).mean() for c in range(y.shape[1])]))


def _truth(n: int, positives: list[slice], hard: slice) -> tuple[np.ndarray, np.ndarray]:
    """Labels (one column per slice of positive rows) and the hard-negative mask."""
    y = np.zeros((n, len(positives)), dtype=np.int8)
    for label, rows in enumerate(positives):
        y[rows, label] = 1
    mask = np.zeros(n, dtype=bool)
    mask[hard] = True
    return y, mask


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.0, 0.01, 0.02, 0.05, 0.2]))
def test_cap_and_floors_hold(seed: int, cap: float) -> None:
    p, y, known, hard, floors = _data(seed)
    th = cap_hard_negative_rate(p, y, known, hard, floors, cap=cap)
    assert np.all(th >= np.minimum(floors, 0.999))
    assert _rate(p, hard, th) <= cap + 1e-12


def test_floors_kept_when_the_cap_does_not_bind() -> None:
    p, y, known, hard, floors = _data(3)
    assert _rate(p, hard, floors) < 1.0
    th = cap_hard_negative_rate(p, y, known, hard, floors, cap=1.0)
    assert np.array_equal(th, np.minimum(floors, 0.999))


def test_budget_goes_where_it_buys_recall() -> None:
    """Label 0 gains nothing from its hard negatives (its positives sit
    above them); label 1's positives sit among its hard negatives.  The
    budget (10 negatives) must go to label 1."""
    hard_scores = np.linspace(0.50, 0.60, 50)
    p = np.zeros((150, 2))
    p[:50, 0] = hard_scores                            # hard negatives, label 0
    p[:50, 1] = hard_scores[::-1]                      # the same, label 1
    p[50:100, 0] = 0.95                                # label 0 positives: above them
    p[100:150, 1] = np.linspace(0.40, 0.70, 50)        # label 1 positives: among them
    y, hard = _truth(150, [slice(50, 100), slice(100, 150)], slice(0, 50))
    th = cap_hard_negative_rate(p, y, np.ones_like(y, dtype=bool), hard, np.array([0.1, 0.1]), cap=0.2)
    assert _rate(p, hard, th) <= 0.2
    assert (p[50:100, 0] >= th[0]).all()
    # Ten hard negatives buy label 1 its positives above its 11th highest
    # hard negative (0.5796): the 20 from 0.5837 up.
    assert int((p[100:150, 1] >= th[1]).sum()) == 20


def test_more_recall_than_raising_each_threshold_alone() -> None:
    """Sanity check against a plain baseline: one shared quantile shift."""
    p, y, known, hard, floors = _data(11, n=2000)
    th = cap_hard_negative_rate(p, y, known, hard, floors, cap=0.02)
    shift = 0.0
    while _rate(p, hard, np.minimum(floors + shift, 0.999)) > 0.02:
        shift += 0.001
    assert _recall(p, y, th) >= _recall(p, y, np.minimum(floors + shift, 0.999))


def test_label_weights_steer_the_budget() -> None:
    """Two labels alike, each with its own hard negatives: a recall gain
    is worth the same on either, so the budget goes to whichever label the
    weights favour."""
    hard_scores = np.linspace(0.50, 0.60, 50)
    positives = np.linspace(0.40, 0.70, 50)
    p = np.zeros((200, 2))
    p[:50, 0] = hard_scores
    p[50:100, 1] = hard_scores
    p[100:150, 0] = positives
    p[150:200, 1] = positives
    y, hard = _truth(200, [slice(100, 150), slice(150, 200)], slice(0, 100))
    known = np.ones_like(y, dtype=bool)
    floors = np.array([0.1, 0.1])

    def recalls(weights: list[float] | None) -> tuple[int, int]:
        th = cap_hard_negative_rate(p, y, known, hard, floors, cap=0.1, label_weights=weights)
        assert _rate(p, hard, th) <= 0.1
        return int((p[100:150, 0] >= th[0]).sum()), int((p[150:200, 1] >= th[1]).sum())

    first, second = recalls([1.0, 2.0])
    assert second > first
    assert recalls([2.0, 1.0]) == (second, first)
    assert sum(recalls(None)) == first + second


def test_budget_goes_first_where_recall_is_lowest() -> None:
    """Two labels whose hard negatives buy the same recall per negative:
    label 0 already finds 40 of its 50 positives, label 1 only 10 (30 sit
    below every threshold it may take).  A point of recall counts more
    where recall is low, so label 1 gets the budget."""
    hard_scores = np.linspace(0.50, 0.60, 20)
    among = np.linspace(0.495, 0.595, 10)              # one positive per two negatives
    p = np.zeros((140, 2))
    p[:20, 0] = hard_scores
    p[20:40, 1] = hard_scores
    p[40:80, 0] = 0.95                                 # label 0: 40 found already
    p[80:90, 0] = among                                # ... and 10 among its negatives
    p[90:100, 1] = 0.95                                # label 1: 10 found already
    p[100:110, 1] = among                              # ... 10 among its negatives
    p[110:140, 1] = 0.05                               # ... and 30 below its floor
    y, hard = _truth(140, [slice(40, 90), slice(90, 140)], slice(0, 40))
    th = cap_hard_negative_rate(p, y, np.ones_like(y, dtype=bool), hard, np.array([0.1, 0.1]), cap=0.25)
    assert _rate(p, hard, th) <= 0.25
    found = int((p[80:90, 0] >= th[0]).sum()), int((p[100:110, 1] >= th[1]).sum())
    assert found[1] > found[0]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.0, 0.01, 0.02, 0.05, 0.2]))
def test_one_level_is_the_lowest_that_keeps_the_cap(seed: int, cap: float) -> None:
    p, y, known, hard, floors = _data(seed)
    th = one_level(p, y, known, hard, floors, cap=cap)
    assert np.all(th >= np.minimum(floors, 0.999))
    assert _rate(p, hard, th) <= cap + 1e-12
    above = th > floors
    # one level: every category above its floor sits at the same threshold
    assert len(set(th[above].tolist())) <= 1
    if above.any():
        level = float(th[above][0])
        # a hair lower and the cap breaks: no lower level keeps it
        lower = np.maximum(floors, np.nextafter(level, 0))
        assert _rate(p, hard, lower) > cap


def test_one_level_keeps_a_higher_floor() -> None:
    """Label 1's precision floor (0.9) sits above the level the hard
    negatives allow, so it keeps its floor; label 0 takes the level."""
    p = np.zeros((100, 2))
    p[:50, 0] = np.linspace(0.30, 0.79, 50)            # hard negatives
    p[:50, 1] = 0.2
    y, hard = _truth(100, [slice(50, 75), slice(75, 100)], slice(0, 50))
    p[50:75, 0] = 0.85
    p[75:100, 1] = 0.95
    th = one_level(p, y, np.ones_like(y, dtype=bool), hard, np.array([0.1, 0.9]), cap=0.1)
    assert th[1] == 0.9
    assert 0.74 < th[0] < 0.75                          # just above the 6th highest negative
    assert _rate(p, hard, th) == 0.1


def test_choose_thresholds_takes_the_rule() -> None:
    p, y, known, hard, _ = _data(7)
    domain = np.ones(len(p), dtype=bool)
    by_level = choose_thresholds(p, y, known, domain, hard)
    by_category = choose_thresholds(p, y, known, domain, hard, rule=cap_hard_negative_rate)
    assert np.array_equal(by_level, one_level(p, y, known, hard, choose_thresholds(p, y, known, domain, ~domain)))
    assert not np.array_equal(by_level, by_category)
