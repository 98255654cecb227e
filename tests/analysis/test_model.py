"""The model file format: arrays plus checked metadata, never pickle."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

import guardian
from guardian.analysis import corpus, model_card, training
from guardian.analysis.classify import Classifier
from guardian.analysis.evaluation import MeasureResult
from guardian.analysis.model import MODEL_STEM, Model, ModelError
from guardian.analysis.training import TrainingResult, model_version, train
from guardian.domain import CATEGORY_IDS


@pytest.fixture(scope="module")
def small_training(tmp_path_factory: pytest.TempPathFactory) -> tuple[TrainingResult, Path]:
    """A model trained in seconds on a slice of our corpus, and its folder."""
    examples = corpus.our_corpus()
    picked: list[corpus.Example] = []
    for label in CATEGORY_IDS:
        picked += [ex for ex in examples if ex.labels == {label}][:25]
    picked += [ex for ex in examples if not ex.labels][:80]
    result = train(picked)
    folder = tmp_path_factory.mktemp("model")
    result.model.save(folder)
    return result, folder


@pytest.fixture(scope="module")
def small_model(small_training: tuple[TrainingResult, Path]) -> Path:
    return small_training[1]


def test_the_model_card_sets_the_model_against_its_targets(
        small_training: tuple[TrainingResult, Path]) -> None:
    result, folder = small_training
    measured = [MeasureResult("osact2020_dev", 998, 0.91, None, None),
                MeasureResult("armi2021", 7866, 0.70, 0.75, 0.30),
                MeasureResult("osact2022", 10120, 0.80, 0.60, None)]
    text = model_card.write(folder / "MODEL_CARD.md", result.model, result.examples,
                            result.oof_probabilities, {"ours.tsv": len(result.examples)}, measured)
    targets = text.split("## Against the targets", 1)[1].split("\n## ", 1)[0]
    assert "| OSACT 2020 dev, binary offensive macro-F1 | >= 0.90 | 0.910 | met |" in targets
    assert "armi2021 0.700, osact2022 0.800 | 1 of 2 met |" in targets
    assert "armi2021 0.750, osact2022 0.600 | not met |" in targets
    assert "| sexual-harassment recall, armi2021 | >= 0.70 | 0.300 | not met |" in targets
    size = (folder / f"{MODEL_STEM}.npz").stat().st_size / 1e6
    assert f"| model file | < 20 MB | {size:.1f} MB | met |" in targets
    assert all(label in targets for label in CATEGORY_IDS)


def test_train_only_negatives_train_but_do_not_spend_the_budget(
        small_training: tuple[TrainingResult, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    examples = small_training[0].examples
    later = next(ex.origin for ex in examples if corpus.is_hard_negative(ex))
    budgets = []
    choose = training.choose_thresholds

    def spy(probabilities, y, known, domain, hard, **kwargs):
        budgets.append(hard.copy())
        return choose(probabilities, y, known, domain, hard, **kwargs)

    monkeypatch.setattr(training, "choose_thresholds", spy)
    result = train(examples, train_only=frozenset({later}))
    hard = np.array([corpus.is_hard_negative(ex) for ex in examples])
    origins = np.array([ex.origin for ex in examples])
    assert budgets[0].tolist() == (hard & (origins != later)).tolist()
    assert result.model.meta["train_only_negatives"] == [later]
    text = model_card.write(small_training[1] / "LATER_CARD.md", result.model, examples,
                            result.oof_probabilities, {"ours.tsv": len(examples)}, [])
    assert "later rounds' look-alikes, which train only" in text
    assert "`training/corpus/TRAIN_ONLY_NEGATIVES.txt`" in text


def test_outside_tweets_and_hard_negatives_carry_their_weights_into_the_fit(
        small_training: tuple[TrainingResult, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    examples = small_training[0].examples
    tweets = [corpus.Example("تعيش يا معتز يا ابن النيل", frozenset(), "tweet", "osact.tsv",
                             corpus.ONLY_INSULT_KNOWN, outside=True),
              corpus.Example("انت واحد حقير", frozenset({"insult"}), "tweet", "osact.tsv",
                             corpus.ONLY_INSULT_KNOWN, outside=True)]
    seen = []
    fit_all = training._fit_all

    def spy(tasks, x, y, weights, jobs):
        seen.append(weights.copy())
        return fit_all(tasks, x, y, weights, jobs)

    monkeypatch.setattr(training, "_fit_all", spy)
    result = train(examples + tweets)
    expected = [training.HARD_NEGATIVE_WEIGHT if corpus.is_hard_negative(ex) else 1.0 for ex in examples]
    assert seen[0].tolist() == expected + [training.OUTSIDE_WEIGHT] * 2
    assert training.OUTSIDE_WEIGHT != 1.0 and result.model.meta["outside_weight"] == training.OUTSIDE_WEIGHT
    text = model_card.write(small_training[1] / "WEIGHTS_CARD.md", result.model, result.examples,
                            result.oof_probabilities, {"ours.tsv": len(examples)}, [])
    assert f"each licensed outside tweet\n{training.OUTSIDE_WEIGHT:g} times" in text


def test_the_card_reads_the_same_from_a_saved_model(small_training: tuple[TrainingResult, Path],
                                                   tmp_path: Path) -> None:
    # The training writes the card from the model in memory; a card written
    # again from the saved files (whose JSON sorts its keys) must not differ,
    # or retraining could not be checked byte for byte.
    result = small_training[0]
    model = copy.copy(result.model)
    model.meta = {**model.meta, "harmless_checks": {"messages": 300, "flagged": 6,
                                                    "per_label": {"threat": 2, "insult": 4}}}
    model.save(tmp_path)
    args = (result.examples, result.oof_probabilities, {"ours.tsv": len(result.examples)}, [])
    fresh = model_card.write(tmp_path / "FRESH_CARD.md", model, *args)
    saved = model_card.write(tmp_path / "SAVED_CARD.md", Model.load(tmp_path), *args)
    assert "then one level\nfor all nine" in fresh
    assert "as insult 4, threat 2." in fresh
    assert saved == fresh


def test_the_training_measures_the_model_as_it_ships(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guardian.analysis import evaluation, train_command
    examples = corpus.our_corpus()
    picked: list[corpus.Example] = []
    for label in CATEGORY_IDS:
        picked += [ex for ex in examples if ex.labels == {label}][:20]
    picked += [ex for ex in examples if not ex.labels][:60]
    monkeypatch.setattr(corpus, "our_corpus", lambda: picked)
    monkeypatch.setattr(corpus, "harmless_checks", lambda: picked[-5:])
    measured = []
    check = evaluation.harmless_check

    def spy(predict, checks):
        measured.append(predict.__self__.model.coef.data.copy())
        return check(predict, checks)

    monkeypatch.setattr(evaluation, "harmless_check", spy)
    out = train_command.train_and_save(tmp_path / "model", use_shared=False, log=lambda m: None)
    shipped = Model.load(out).coef.data
    assert np.array_equal(measured[0], shipped)   # float16 as stored, not the fit's own floats


def test_round_trip_gives_the_same_predictions(small_model: Path) -> None:
    model = Model.load(small_model)
    texts = ["ابعتيلي صورتك بدون لبس", "مرحبا كيفك", "حقتلك بكرة"]
    first = Classifier(model).scores(texts)
    again = Classifier(Model.load(small_model)).scores(texts)
    assert first.shape == (3, len(CATEGORY_IDS))
    assert np.allclose(first, again)
    assert ((0 <= first) & (first <= 1)).all()


def test_npz_holds_no_pickled_objects(small_model: Path) -> None:
    with np.load(small_model / f"{MODEL_STEM}.npz", allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_training_is_reproducible(small_training: tuple[TrainingResult, Path], tmp_path: Path) -> None:
    result, small_model = small_training
    meta = json.loads((small_model / f"{MODEL_STEM}.json").read_text(encoding="utf-8"))
    assert meta["name"] == "guardian-harm" and meta["labels"] == list(CATEGORY_IDS)
    assert "trained" not in meta  # no timestamps: same data, same bytes
    # one threshold level for all categories, except where a precision floor is higher
    assert meta["threshold_rule"] == "one level for all categories, none below its precision floor"
    # the data's fingerprint and the recipe's: findings record the version
    version = guardian.__version__ + "+" + meta["training_data_sha256"][:8] + "."
    assert meta["version"].startswith(version) and len(meta["version"]) == len(version) + 6
    again = train(result.examples, jobs=2).model   # fits in two worker processes: the same bytes
    again.save(tmp_path)
    for name in (f"{MODEL_STEM}.npz", f"{MODEL_STEM}.json"):
        assert (tmp_path / name).read_bytes() == (small_model / name).read_bytes(), name


def test_model_version_names_how_the_model_was_made() -> None:
    """The same data made another way (other features, another threshold
    rule) gets another version, which findings and reports record."""
    settings = training.TRAIN_SETTINGS
    recipe = {"threshold_rule": "one level", "regularisation_C": 32.0}
    version = model_version("9d4cce3c1240", recipe, settings)
    assert version == model_version("9d4cce3c1240", dict(reversed(recipe.items())), settings)
    assert version.startswith(f"{guardian.__version__}+9d4cce3c.")
    assert model_version("9d4cce3c1240", {**recipe, "threshold_rule": "per category"}, settings) != version
    wider = dataclasses.replace(settings, char_bits=settings.char_bits + 1)
    assert model_version("9d4cce3c1240", recipe, wider) != version
    assert model_version("43774a27aaaa", recipe, settings).split(".")[-1] == version.split(".")[-1]


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


def test_refuses_other_feature_version(small_model: Path, tmp_path: Path) -> None:
    folder = _copy(small_model, tmp_path / "m")
    meta_path = folder / f"{MODEL_STEM}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["features"]["version"] = 999
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="feature version"):
        Model.load(folder)


def test_refuses_a_model_trained_for_other_cues(small_model: Path, tmp_path: Path) -> None:
    folder = _copy(small_model, tmp_path / "m")
    meta_path = folder / f"{MODEL_STEM}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["cues"] and Model.load(small_model)
    meta["cues"] = meta["cues"][:-1]
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="structural cues"):
        Model.load(folder)


def test_refuses_damaged_weights(small_model: Path, tmp_path: Path) -> None:
    folder = _copy(small_model, tmp_path / "m")
    npz = folder / f"{MODEL_STEM}.npz"
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="do not match"):
        Model.load(folder)


def test_weights_are_stored_as_values_and_a_bit_mask(small_model: Path) -> None:
    model = Model.load(small_model)
    with np.load(small_model / f"{MODEL_STEM}.npz", allow_pickle=False) as arrays:
        mask, values = arrays["coef_mask"], arrays["coef_data"]
    n_labels, n_features = model.coef.shape
    bits = np.unpackbits(mask, count=n_labels * n_features).reshape(n_labels, n_features)
    dense = np.zeros((n_labels, n_features), dtype=np.float32)
    for label in range(n_labels):
        start, end = model.coef.indptr[label], model.coef.indptr[label + 1]
        dense[label, model.coef.indices[start:end]] = model.coef.data[start:end]
        assert np.array_equal(np.flatnonzero(bits[label]), model.coef.indices[start:end])
    assert np.array_equal(dense[bits.astype(bool)], values.astype(np.float32))


@pytest.mark.parametrize("damage", ["short mask", "extra value"])
def test_refuses_a_mask_that_does_not_fit_the_weights(small_model: Path, tmp_path: Path, damage: str) -> None:
    folder = _copy(small_model, tmp_path / "m")
    npz = folder / f"{MODEL_STEM}.npz"
    with np.load(npz, allow_pickle=False) as arrays:
        data = {name: arrays[name] for name in arrays.files}
    if damage == "short mask":
        data["coef_mask"] = data["coef_mask"][:-1]
    else:
        data["coef_data"] = np.append(data["coef_data"], np.float16(1))
    np.savez_compressed(npz, **data)
    meta_path = folder / f"{MODEL_STEM}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["arrays_sha256"] = hashlib.sha256(npz.read_bytes()).hexdigest()   # damaged before it was signed
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="malformed"):
        Model.load(folder)


def test_refuses_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        Model.load(tmp_path)


def test_held_out_scores_are_saved_without_pickle(small_training: tuple[TrainingResult, Path],
                                                  tmp_path: Path) -> None:
    from guardian.analysis.thresholds import choose_thresholds
    from guardian.analysis.train_command import save_oof
    result, _ = small_training
    path = tmp_path / "oof.npz"
    save_oof(path, result)
    with np.load(path, allow_pickle=False) as saved:
        n = len(result.examples)
        assert saved["probabilities"].shape == saved["labels"].shape == (n, len(CATEGORY_IDS))
        assert np.array_equal(saved["probabilities"], result.oof_probabilities, equal_nan=True)
        assert np.array_equal(saved["folds"], result.folds)
        assert list(saved["categories"]) == list(CATEGORY_IDS)
        assert list(saved["origin"]) == [ex.origin for ex in result.examples]
        assert list(saved["text_crc32"]) == [zlib.crc32(ex.text.encode("utf-8")) for ex in result.examples]
        assert list(saved["hard_negative"]) == [corpus.is_hard_negative(ex) for ex in result.examples]
        assert saved["hard_negative"].sum() > 0
        assert np.array_equal(saved["thresholds"], result.model.thresholds)
        # what a study of threshold rules starts from: the same thresholds again
        assert list(saved["budget"]) == [corpus.in_budget(ex, result.model.train_only_negatives)
                                         for ex in result.examples]
        again = choose_thresholds(saved["probabilities"], saved["labels"], saved["known"], ~saved["outside"],
                                  saved["budget"])
        assert np.array_equal(again, result.model.thresholds)
    study = subprocess.run([sys.executable, str(corpus.REPO / "bench" / "threshold_rules.py"), str(path),
                            "--weights", "grooming=2"], capture_output=True, text=True, check=True).stdout
    rows = study.splitlines()
    assert [rows[i].split("  ")[0] for i in (1, 4, 7, 10)] == [
        "one level", "per category, danger 1.5", "per category, all alike", "grooming=2"]
    assert rows[3].split()[1:] == [f"{t:.3f}" for t in result.model.thresholds]


def test_the_card_sums_our_files_by_category_and_names_each_outside_file() -> None:
    sources = {"insult.tsv": 5, "insult_gulf.tsv": 3, "self_harm_notes.tsv": 2, "negatives.tsv": 10,
               "negatives_round9.tsv": 4, "osact2020_train.tsv": 100}
    ours = set(sources) - {"osact2020_train.tsv"}
    table = model_card._sources_table(sources, ours, frozenset({"negatives_round9.tsv"}))
    assert table.splitlines() == [
        "| source | files | messages |",
        "|---|---|---|",
        "| our corpus: `insult` files | 2 | 8 |",
        "| our corpus: `self_harm` files | 1 | 2 |",
        "| our corpus: harmless look-alikes | 1 | 10 |",
        "| our corpus: later rounds' harmless look-alikes (train only) | 1 | 4 |",
        "| osact2020_train.tsv (licensed outside data, credited below) | 1 | 100 |",
    ]
