"""bench/fresh_writers.py: models compared on writers none trained on."""

from __future__ import annotations

import csv
import subprocess
import sys

import numpy as np

from guardian.analysis import corpus

SCRIPT = corpus.REPO / "bench" / "fresh_writers.py"


def test_recall_at_own_thresholds_and_at_the_reference_false_alarms(bench_script):
    fresh = bench_script("fresh_writers")
    harmful = np.array([True, True, True, True, False, False, False, False])
    writers = np.array(["a", "a", "b", "b", "a", "a", "b", "b"])
    # One category at threshold 0.5.  The reference flags harmful lines 1 and 3
    # and one harmless line in four; the other model flags no harmless line
    # at its own threshold, but ranks all harmful lines above all harmless ones.
    reference = np.array([[0.9], [0.2], [0.7], [0.1], [0.6], [0.1], [0.2], [0.3]])
    ranker = np.array([[0.45], [0.44], [0.43], [0.42], [0.30], [0.20], [0.10], [0.05]])
    lines = fresh.compare([("ref", reference, np.array([0.5])), ("new", ranker, np.array([0.5]))],
                          writers, harmful)
    assert "ref: own thresholds 0.500/0.250; at the same false alarms (0.250) 0.500" in lines[1]
    assert "a 0.500/0.500  b 0.500/0.000" in lines[2]
    assert "new: own thresholds 0.000/0.000; at the same false alarms (0.250) 1.000" in lines[3]


def test_the_script_runs_on_a_writer_folder(tmp_path):
    folder = tmp_path / "writer1"
    folder.mkdir()
    for name, rows in (("insult_writer1.tsv", [("يا حمار يا غبي", "insult")]),
                       ("negatives_writer1.tsv", [("ابعتلي صورة الواجب", "")])):
        with open(folder / name, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(["text", "labels", "dialect", "note"])
            writer.writerows((text, labels, "egyptian", "") for text, labels in rows)
    model = corpus.REPO / "assets" / "model"
    done = subprocess.run([sys.executable, str(SCRIPT), "--model", str(model), str(folder)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("2 lines by 1 writers (1 harmful)")
    assert f"{model}: own thresholds" in done.stdout
    assert "writer1 " in done.stdout
