"""bench/fresh_writers.py: models compared on writers none trained on."""

from __future__ import annotations

import csv
import subprocess
import sys

import numpy as np

from guardian.analysis import corpus, evaluation
from guardian.domain import CATEGORY_IDS

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


def test_a_writer_of_harmless_lines_only_has_no_recall(bench_script):
    fresh = bench_script("fresh_writers")
    harmful = np.array([True, False, False, False])
    writers = np.array(["a", "a", "calm", "calm"])
    scores = np.array([[0.9], [0.1], [0.7], [0.2]])
    lines = fresh.compare([("m", scores, np.array([0.5]))], writers, harmful)
    assert "a 1.000/0.000  calm -/0.500" in lines[2]


def write_writer(folder, name: str, files: dict[str, list[tuple[str, str]]]):
    (folder / name).mkdir(parents=True)
    for stem, rows in files.items():
        with open(folder / name / f"{stem}_{name}.tsv", "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(["text", "labels", "dialect", "note"])
            writer.writerows((text, labels, "egyptian", "") for text, labels in rows)
    return folder / name


def test_the_script_runs_on_a_writer_folder(tmp_path):
    folder = write_writer(tmp_path, "writer1", {"insult": [("يا حمار يا غبي", "insult")],
                                               "negatives": [("ابعتلي صورة الواجب", "")]})
    model = corpus.REPO / "assets" / "model"
    done = subprocess.run([sys.executable, str(SCRIPT), "--model", str(model), str(folder)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("2 lines by 1 writers (1 harmful)")
    assert f"{model}: own thresholds" in done.stdout
    assert "writer1 " in done.stdout


def test_fresh_writers_are_read_one_folder_each(tmp_path):
    write_writer(tmp_path, "b2", {"threat": [("بكسر راسك بكرة", "threat")], "negatives": [("بكرة امتحان", "")]})
    write_writer(tmp_path, "a1", {"negatives": [("صباح الخير", "")]})
    (tmp_path / "README.md").write_text("not a writer")
    (tmp_path / "empty").mkdir()
    writers = corpus.fresh_writers(tmp_path)
    assert list(writers) == ["a1", "b2"]
    assert [ex.text for ex in writers["b2"]] == ["بكرة امتحان", "بكسر راسك بكرة"]
    assert corpus.fresh_writers(tmp_path / "absent") == {}


def test_writers_are_counted_each_and_all_together():
    def line(text: str, labels: str = "") -> corpus.Example:
        return corpus.Example(text, frozenset(labels.split(",")) - {""}, "msa", "x.tsv")
    writers = {"a": [line("h1", "insult"), line("h2", "threat"), line("ok1")],
               "b": [line("h3", "rumor"), line("ok2"), line("ok3")]}
    # insult, threat; the other seven categories flag nothing
    flagged = {"h1": [True, False], "h2": [False, False], "ok1": [False, True],
               "h3": [False, True], "ok2": [False, False], "ok3": [False, False]}
    calls = []

    def predict(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.array([flagged[t] + [False] * (len(CATEGORY_IDS) - 2) for t in texts])

    results, scores = evaluation.on_writers(predict, writers)
    assert [(r.name, r.harmful, r.recall, r.false_alarms) for r in results] == [
        ("a", 2, 0.5, 1.0), ("b", 1, 1.0, 0.0), ("all", 3, 2 / 3, 1 / 3)]
    assert (scores["insult"].recall, scores["threat"].recall, scores["rumor"].recall) == (1.0, 0.0, 0.0)
    assert len(calls) == 1   # one classification for both


def test_each_category_is_counted_on_its_own_label(bench_script):
    fresh = bench_script("fresh_writers")
    labels = np.zeros((4, len(CATEGORY_IDS)), dtype=bool)
    labels[[0, 1], 0] = True                  # two insult lines
    labels[2, 1] = True                       # one threat line; line 3 is harmless
    scores = np.zeros((4, len(CATEGORY_IDS)))
    scores[0, 0] = scores[2, 0] = 0.9         # the threat line flagged as insult only
    assert fresh.category_recall(scores, np.full(len(CATEGORY_IDS), 0.5), labels) == "insult 0.500 threat 0.000"


def test_outside_sets_are_compared_with_the_first_model(bench_script):
    fresh = bench_script("fresh_writers")
    lines = fresh.outside_changes([("ref", {"osact": {"macro_f1": 0.76}}),
                                   ("new", {"osact": {"macro_f1": 0.745}, "extra": {"macro_f1": 0.5}}),
                                   ("untrained", {})])
    assert lines == ["ref: osact 0.7600 (+0.0000)", "new: extra 0.5000 osact 0.7450 (-0.0150)"]


def test_scores_saved_in_one_checkout_compare_in_another(tmp_path):
    folder = write_writer(tmp_path, "writer1", {"insult": [("يا حمار يا غبي", "insult")],
                                               "negatives": [("ابعتلي صورة الواجب", "")]})
    model, saved = corpus.REPO / "assets" / "model", tmp_path / "scores.npz"
    subprocess.run([sys.executable, str(SCRIPT), "--model", str(model), "--save-scores", str(saved), str(folder)],
                   capture_output=True, text=True, check=True)
    done = subprocess.run([sys.executable, str(SCRIPT), "--model", str(model), "--scores", str(saved), str(folder)],
                          capture_output=True, text=True, check=True)
    own = [line.split(": ", 1)[1] for line in done.stdout.splitlines() if ": own thresholds" in line]
    assert len(own) == 2 and own[0] == own[1]           # the same model, scored twice
    assert f"{saved}: insult " in done.stdout
    other = write_writer(tmp_path, "writer2", {"insult": [("يا تافه", "insult")],
                                              "negatives": [("صباح الخير", "")]})
    refused = subprocess.run([sys.executable, str(SCRIPT), "--model", str(model), "--scores", str(saved), str(other)],
                             capture_output=True, text=True)
    assert refused.returncode != 0 and "scored on other lines" in refused.stderr
