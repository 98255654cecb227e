"""bench/compare_rounds.py: two trainings compared on the lines both saw."""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np

from guardian.analysis import corpus

SCRIPT = corpus.REPO / "bench" / "compare_rounds.py"


def _saved(lines: list[tuple[str, str, bool, bool, float]], threshold: float) -> dict[str, np.ndarray]:
    """An `--save-oof` file's arrays for one category: (file, text, harmful,
    hard negative, score) per line."""
    return {
        "probabilities": np.array([[score] for *_, score in lines]),
        "labels": np.array([[harmful] for _, _, harmful, _, _ in lines]),
        "known": np.ones((len(lines), 1), dtype=bool),
        "hard_negative": np.array([hard for _, _, _, hard, _ in lines]),
        "outside": np.zeros(len(lines), dtype=bool),
        "origin": np.array([origin for origin, *_ in lines], dtype=str),
        "text_crc32": np.array([zlib.crc32(text.encode("utf-8")) for _, text, *_ in lines], dtype=np.uint32),
        "categories": np.array(["insult"], dtype=str),
        "thresholds": np.array([threshold]),
    }


OLD = [("insult_a.tsv", f"harm {i}", True, False, 0.52 + i / 20) for i in range(10)] + \
      [("negatives_a.tsv", f"fine {i}", False, True, i / 10) for i in range(10)]


def test_same_budget_compares_ranking_when_new_negatives_raise_the_threshold(bench_script) -> None:
    compare = bench_script("compare_rounds").compare
    # harmful lines score 0.52, 0.57 .. 0.97; old hard negatives 0.0, 0.1 .. 0.9
    before = _saved(OLD, threshold=0.85)            # flags 1 of 10 old hard negatives (0.9)
    # The new round: the same scores on the old lines, but a harder harmless
    # line pushed the trained threshold up, and the lines come in another order.
    new_line = ("negatives_b.tsv", "quoted insult in the news", False, True, 0.99)
    after = _saved([new_line] + OLD[::-1], threshold=0.95)
    lines = compare(before, after)
    assert lines[0].startswith("lines in both: 20 of 20 and 21")
    insult = lines[3].split()
    assert insult[0] == "insult"
    own_before, own_after, same_before, same_after = map(float, insult[1:5])
    assert (own_before, own_after) == (0.3, 0.1)     # 0.87, 0.92, 0.97; then 0.97 alone
    # the lowest threshold that flags 10% of the old hard negatives lies just
    # above 0.8, for both: the ranking of the old lines did not change
    assert same_before == same_after == 0.4
    assert insult[5] == "10.00%"


def test_lines_whose_labels_changed_are_left_out(bench_script) -> None:
    compare = bench_script("compare_rounds").compare
    relabelled = [(o, t, (not h) if t == "harm 3" else h, hd, s) for o, t, h, hd, s in OLD]
    lines = compare(_saved(OLD, 0.85), _saved(relabelled, 0.85))
    assert lines[0].startswith("lines in both: 19 of 20 and 20")


def test_the_script_runs_on_saved_files(tmp_path: Path) -> None:
    for name in ("before", "after"):
        np.savez(tmp_path / f"{name}.npz", **_saved(OLD, 0.85))
    out = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "before.npz"), str(tmp_path / "after.npz")],
                         capture_output=True, text=True, check=True).stdout
    assert "insult" in out and "mean" in out
