"""From normalised text to the feature vectors the model reads.

Character n-grams inside word boundaries catch spelling variants, glued
particles and obfuscations; character n-grams across a word boundary
catch short phrases however they are spelled ("شكلك زي", "ya 7mar");
word n-grams catch phrases word for word; all are hashed,
so the shipped model stores weights but no vocabulary (no training text
can be read back out of it).  The structural cues are appended as a few
extra binary features.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from guardian.analysis.cues import CUE_NAMES, CueHit, find_cues
from guardian.analysis.hashing import cross_block, ngram_blocks
from guardian.analysis.sparse import SparseRows

FEATURE_VERSION = 3   # 2: word n-grams hashed batch-wise; 3: n-grams across word boundaries


@dataclass(frozen=True)
class FeatureSettings:
    version: int = FEATURE_VERSION
    char_min: int = 2
    char_max: int = 5
    char_bits: int = 19
    word_min: int = 1
    word_max: int = 2
    word_bits: int = 18
    cue_weight: float = 1.0
    # Character n-grams of the whole text that hold a space inside, across
    # a word boundary ("شكلك زي", "ya 7mar", "ما حدا"): the words' own
    # n-grams stop at their edges.  0 bits: no such block.
    cross_min: int = 4
    cross_max: int = 6
    cross_bits: int = 0
    # 1 + log(count) instead of raw counts; False for models saved before
    # the setting existed (their JSON lacks it).
    sublinear_tf: bool = False

    def as_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> FeatureSettings:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        settings = cls(**known)  # type: ignore[arg-type]
        if settings.version != FEATURE_VERSION:
            raise ValueError(f"model made for feature version {settings.version}, "
                             f"this Guardian computes version {FEATURE_VERSION}")
        return settings


class Featurizer:
    def __init__(self, settings: FeatureSettings = FeatureSettings()) -> None:
        self.settings = settings

    @property
    def n_features(self) -> int:
        st = self.settings
        cross = 2 ** st.cross_bits if st.cross_bits else 0
        return 2 ** st.char_bits + 2 ** st.word_bits + len(CUE_NAMES) + cross

    @property
    def cue_offset(self) -> int:
        return 2 ** self.settings.char_bits + 2 ** self.settings.word_bits

    def transform(self, normalised: list[str], cues: list[list[CueHit]] | None = None,
                  split: list[list[str]] | None = None) -> SparseRows:
        """Feature rows for normalised texts; pass the texts' cues, and
        their words (``text.split()``), when the caller has them already."""
        st = self.settings
        chars, words = ngram_blocks(normalised, (st.char_min, st.char_max, st.char_bits),
                                    (st.word_min, st.word_max, st.word_bits), st.sublinear_tf, split)
        found = cues if cues is not None else [find_cues(text) for text in normalised]
        blocks = [chars, words, self.cue_matrix(found)]
        if st.cross_bits:
            # after the cues, so the cue columns sit where they always did
            blocks.append(cross_block(normalised, st.cross_min, st.cross_max, st.cross_bits, st.sublinear_tf))
        return SparseRows.hstack(blocks)

    def cue_matrix(self, found: list[list[CueHit]]) -> SparseRows:
        rows, cols = [], []
        position = {name: i for i, name in enumerate(CUE_NAMES)}
        for row, hits in enumerate(found):
            for hit in hits:
                rows.append(row)
                cols.append(position[hit.name])
        data = np.full(len(rows), self.settings.cue_weight, dtype=np.float32)
        return SparseRows.from_triples(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), data,
                                       (len(found), len(CUE_NAMES)))
