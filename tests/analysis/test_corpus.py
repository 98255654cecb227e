"""Our own labelled corpus: size, coverage, validity, and no near-duplicate
shared between a training fold and a test fold."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.analysis import corpus, evaluation
from guardian.analysis.training import NEAR_DUPLICATE, _trigrams, assign_folds, near_duplicate_pairs
from guardian.domain import CATEGORY_IDS

DIALECTS = {"msa", "gulf", "egyptian", "levantine", "iraqi", "maghrebi", "arabizi", "mixed"}


@pytest.fixture(scope="module")
def examples() -> list[corpus.Example]:
    return corpus.our_corpus()


def test_every_category_has_400_distinct_messages(examples: list[corpus.Example]) -> None:
    counts = Counter(label for ex in examples for label in ex.labels)
    for label in CATEGORY_IDS:
        assert counts[label] >= 400, label
    texts = [ex.text for ex in examples]
    assert len(set(texts)) == len(texts), "exact duplicates in the corpus"


def test_at_least_3000_hard_negatives(examples: list[corpus.Example]) -> None:
    assert sum(1 for ex in examples if not ex.labels) >= 3000


def test_every_category_covers_every_dialect(examples: list[corpus.Example]) -> None:
    for label in CATEGORY_IDS:
        dialects = Counter(ex.dialect for ex in examples if label in ex.labels)
        for dialect in DIALECTS:
            assert dialects[dialect] >= 20, (label, dialect)


def test_rows_are_single_line_chat_messages(examples: list[corpus.Example]) -> None:
    for ex in examples:
        assert "\n" not in ex.text and "\t" not in ex.text
        assert 1 <= len(ex.text) <= 600


@pytest.fixture(scope="module")
def checks() -> list[corpus.Example]:
    return corpus.harmless_checks()


@pytest.fixture(scope="module")
def fresh() -> list[corpus.Example]:
    return [ex for lines in corpus.fresh_writers().values() for ex in lines]


@pytest.fixture(scope="module")
def near_pairs(examples: list[corpus.Example], checks: list[corpus.Example],
               fresh: list[corpus.Example]) -> list[tuple[int, int, float]]:
    """Near-duplicate pairs among the corpus followed by the check lines and
    the fresh writers' lines (one pass: it is the slowest step of this
    module)."""
    return near_duplicate_pairs([ex.text for ex in examples + checks + fresh])


def test_near_duplicates_never_cross_folds(examples: list[corpus.Example],
                                           near_pairs: list[tuple[int, int, float]]) -> None:
    texts = [ex.text for ex in examples]
    pairs = [pair for pair in near_pairs if pair[1] < len(texts)]
    folds = assign_folds(texts, pairs=pairs)
    crossing = [(texts[i], texts[j]) for i, j, _ in pairs if folds[i] != folds[j]]
    assert crossing == []


def test_check_lines_are_not_in_the_training_corpus(examples: list[corpus.Example], checks: list[corpus.Example],
                                                    near_pairs: list[tuple[int, int, float]]) -> None:
    # A check line the model trained on (or on a near-copy of it) would
    # flatter the false-alarm figure it exists to give.
    assert checks, "training/checks holds harmless chat kept out of training"
    n = len(examples)
    leaked = [(examples[i].text, checks[j - n].text) for i, j, _ in near_pairs if i < n <= j < n + len(checks)]
    assert leaked == []


def test_fresh_writers_are_not_in_the_training_corpus(examples: list[corpus.Example], checks: list[corpus.Example],
                                                      fresh: list[corpus.Example],
                                                      near_pairs: list[tuple[int, int, float]]) -> None:
    # training/fresh measures the model on wording it never met: a fresh line
    # (or a near-copy) in the corpus, or a fresh writer's files there, would
    # make that figure a held-out fold again.
    assert fresh, "training/fresh holds writers no training saw"
    n = len(examples) + len(checks)
    leaked = [(examples[i].text, fresh[j - n].text) for i, j, _ in near_pairs if i < len(examples) and j >= n]
    assert leaked == []
    def writers(lines: list[corpus.Example]) -> set[str]:
        return {origin.removesuffix(".tsv").rpartition("_")[2] for origin in {ex.origin for ex in lines}}
    assert not writers(examples) & writers(fresh)


def test_fresh_writers_files_hold_their_category(fresh: list[corpus.Example]) -> None:
    for ex in fresh:
        category = corpus.file_category(ex.origin.removesuffix(".tsv"))
        assert (category is None and not ex.labels) or category in ex.labels, (ex.origin, ex.text)
    assert any(ex.labels for ex in fresh) and any(not ex.labels for ex in fresh)


def test_one_message_in_several_dialects_stays_in_one_fold(examples: list[corpus.Example]) -> None:
    sets = corpus.translation_sets(examples)
    assert sets, "the corpus has messages written out in several dialects"
    folds = assign_folds([ex.text for ex in examples], groups=sets)
    assert all(len({folds[i] for i in group}) == 1 for group in sets)


def test_dialect_tags_are_known(examples: list[corpus.Example]) -> None:
    assert {ex.dialect for ex in examples} <= DIALECTS


def test_arabic_word_list_is_built_from_this_corpus(examples: list[corpus.Example]) -> None:
    # It steers how Arabizi is read (normalisation, hence the model): rebuild
    # it with `python -m guardian.analysis.arabic_words` after adding files.
    from guardian.analysis import arabic_words
    assert arabic_words._counts() == arabic_words.listed_counts(ex.text for ex in examples)


def test_shipped_model_was_trained_on_this_corpus(examples: list[corpus.Example]) -> None:
    # Corpus files, labels and the word list above change what the model
    # should be: retrain (`guardian train`) and commit the model with them.
    from guardian.analysis.model import Model
    from guardian.analysis.train_command import DEFAULT_OUT
    outside = corpus.shared_training_data()
    if not outside:
        pytest.skip("../shared/data/train is absent: the model was trained with it")
    assert Model.load(DEFAULT_OUT).meta["training_data_sha256"] == corpus.fingerprint(examples + outside)


def test_near_duplicate_detection_finds_a_planted_copy() -> None:
    texts = ["والله لو ما بعتيلي الصور رح انشرها بكل القروبات", "مرحبا كيفك اليوم؟",
             "والله لو ما بعتيلي الصور رح انشرها بكل القروبات!!", "بكرة عندنا امتحان رياضيات"]
    assert [(i, j) for i, j, _ in near_duplicate_pairs(texts)] == [(0, 2)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ابتث كلم", min_size=0, max_size=14), min_size=2, max_size=40))
def test_near_duplicate_pairs_are_every_pair_over_the_threshold(texts: list[str]) -> None:
    texts += [t + "ب" for t in texts[:5]]                # near-copies
    grams = [_trigrams(t) for t in texts]
    every = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
             if len(grams[i] & grams[j]) / len(grams[i] | grams[j]) > NEAR_DUPLICATE]
    assert [(i, j) for i, j, _ in near_duplicate_pairs(texts)] == every


def test_related_labels_are_unknown_not_negative(examples: list[corpus.Example]) -> None:
    sexual = next(ex for ex in examples if ex.origin == "sexual.tsv" and ex.labels == {"sexual"})
    assert not sexual.is_known("grooming") and sexual.is_known("self_harm")
    negative = next(ex for ex in examples if ex.origin.startswith("negatives_") and not ex.labels)
    assert all(negative.is_known(label) for label in CATEGORY_IDS)
    # a line of a category's file found to show no harm at all (a warning
    # about someone else) is a negative for what its writer checked
    cleared = next(ex for ex in examples if ex.origin == "impersonation.tsv" and not ex.labels)
    assert cleared.is_known("impersonation") and cleared.is_known("self_harm")


def test_a_labelled_check_line_is_refused(tmp_path) -> None:
    (tmp_path / "harmless_x.tsv").write_text("text\tlabels\tdialect\tnote\nتمام 😉\t\tgulf\tok\n"
                                             "ابعتي صورك\tsexual\tegyptian\trequest\n", encoding="utf-8")
    with pytest.raises(ValueError, match="harmless_x.tsv.*sexual"):
        corpus.harmless_checks(tmp_path)


def test_a_category_may_span_several_files() -> None:
    assert corpus.file_category("threat") == "threat"
    assert corpus.file_category("threat_wishes") == "threat"
    assert corpus.file_category("self_harm") == "self_harm"
    assert corpus.file_category("negatives_everyday") is None
    assert corpus.file_category("threatening") is None


def test_train_only_negatives_are_negatives_files_of_the_corpus() -> None:
    listed = corpus.train_only_negatives()
    present = {path.name for path in corpus.CORPUS_DIR.glob("negatives_*.tsv")}
    assert listed <= present, sorted(listed - present)


def test_the_train_only_list_reads_file_names_and_skips_comments(tmp_path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("# later rounds\nnegatives_a.tsv\n\n  negatives_b.tsv  # round X\n", encoding="utf-8")
    assert corpus.train_only_negatives(path) == {"negatives_a.tsv", "negatives_b.tsv"}
    assert corpus.train_only_negatives(tmp_path / "absent.txt") == frozenset()


def test_false_alarms_are_counted_on_the_budget_and_on_later_rounds_apart() -> None:
    def line(text: str, origin: str, labels: frozenset[str] = frozenset()) -> corpus.Example:
        return corpus.Example(text, labels, "gulf", origin)
    lines = [line("a", "negatives_old.tsv"), line("b", "negatives_new.tsv"), line("c", "negatives_new.tsv"),
             line("d", "negatives_old.tsv", frozenset({"insult"}))]
    flagged = np.array([[True], [True], [False], [True]])
    assert evaluation.hard_negative_fpr(flagged, lines) == (2 / 3, 3)
    later = frozenset({"negatives_new.tsv"})
    assert evaluation.hard_negative_fpr(flagged, lines, later) == (1.0, 1)
    assert evaluation.later_negatives_fpr(flagged, lines, later) == (0.5, 2)
