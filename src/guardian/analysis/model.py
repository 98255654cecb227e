"""The shipped model: arrays in a `.npz` file plus metadata in `.json`.

No pickle or joblib anywhere: `np.load(..., allow_pickle=False)` reads only
plain numeric arrays, and the metadata is checked before use (name,
version, labels, feature settings, array shapes), so a file made for
another feature version or a tampered file is refused with a clear error.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from guardian.analysis.cues import CUE_NAMES
from guardian.analysis.errors import ModelError
from guardian.analysis.features import FeatureSettings, Featurizer
from guardian.analysis.sparse import SparseRows, check_csr
from guardian.domain import CATEGORY_IDS

MODEL_NAME = "guardian-harm"
MODEL_STEM = "guardian-model"
_REQUIRED_META = ("name", "version", "labels", "features", "training_data_sha256")
_ARRAYS = ("coef_data", "coef_mask", "intercept", "platt_a", "platt_b", "thresholds")


@dataclass
class Model:
    meta: dict[str, object]
    settings: FeatureSettings
    coef: SparseRows                    # labels x features
    intercept: np.ndarray               # labels
    platt_a: np.ndarray                 # calibrated p = sigmoid(a * margin + b)
    platt_b: np.ndarray
    thresholds: np.ndarray              # per label, on the calibrated probability
    labels: tuple[str, ...] = CATEGORY_IDS
    _weights: np.ndarray | None = field(default=None, repr=False)

    @property
    def version(self) -> str:
        return str(self.meta["version"])

    @property
    def train_only_negatives(self) -> frozenset[str]:
        """The negatives files it trained on without them setting its
        thresholds (see `corpus.in_budget`)."""
        return frozenset(self.meta.get("train_only_negatives", []))

    def margins(self, features: SparseRows) -> np.ndarray:
        # Dense weights (features x labels, about 38 MB) make the product a
        # gather and a sum per row; row-major, so a feature's weights for
        # all labels are side by side and one gather of whole rows fetches
        # them (a cache line each, not one per label).
        if self._weights is None:
            weights = np.zeros((self.coef.shape[1], self.coef.shape[0]), dtype=np.float32)
            for label in range(self.coef.shape[0]):
                start, end = self.coef.indptr[label], self.coef.indptr[label + 1]
                weights[self.coef.indices[start:end], label] = self.coef.data[start:end]
            self._weights = weights
        return features.dot(self._weights) + self.intercept

    def probabilities(self, features: SparseRows) -> np.ndarray:
        return calibrate(self.margins(features), self.platt_a, self.platt_b)

    # --- files -----------------------------------------------------------------

    def save(self, folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        npz = folder / f"{MODEL_STEM}.npz"
        data, mask = _as_mask(self.coef)
        np.savez_compressed(
            npz, coef_data=data.astype(np.float16), coef_mask=mask, intercept=self.intercept.astype(np.float64),
            platt_a=self.platt_a.astype(np.float64), platt_b=self.platt_b.astype(np.float64),
            thresholds=self.thresholds.astype(np.float64))
        meta = dict(self.meta)
        meta["labels"] = list(self.labels)
        meta["features"] = self.settings.as_json()
        meta["arrays_sha256"] = _sha256(npz)
        path = folder / f"{MODEL_STEM}.json"
        path.write_text(json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
        return npz, path

    @classmethod
    def load(cls, folder: Path) -> Model:
        meta_path, npz_path = folder / f"{MODEL_STEM}.json", folder / f"{MODEL_STEM}.npz"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{meta_path}: cannot read the model metadata ({exc})") from None
        missing = [k for k in _REQUIRED_META if k not in meta]
        if missing or meta.get("name") != MODEL_NAME:
            raise ModelError(f"{meta_path}: not a Guardian model (missing {', '.join(missing) or 'name'})")
        if tuple(meta["labels"]) != CATEGORY_IDS:
            raise ModelError(f"{meta_path}: the model's categories differ from this Guardian's")
        if "cues" in meta and tuple(meta["cues"]) != CUE_NAMES:
            # The cue columns sit at fixed positions: weights learnt for
            # another list of cues would be read against the wrong ones.
            raise ModelError(f"{meta_path}: the model was trained for other structural cues "
                             "than this Guardian finds; retrain it with `guardian train`")
        try:
            settings = FeatureSettings.from_json(meta["features"])
        except (TypeError, ValueError) as exc:
            raise ModelError(f"{meta_path}: {exc}") from None
        if meta.get("arrays_sha256") and _sha256(npz_path) != meta["arrays_sha256"]:
            raise ModelError(f"{npz_path}: the weights do not match their metadata (damaged file?)")
        try:
            with np.load(npz_path, allow_pickle=False) as arrays:
                data = {name: arrays[name] for name in _ARRAYS}
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{npz_path}: cannot read the model weights ({exc})") from None
        n_labels, n_features = len(CATEGORY_IDS), Featurizer(settings).n_features
        try:
            coef = _from_mask(data["coef_data"], data["coef_mask"], (n_labels, n_features))
        except ValueError as exc:
            raise ModelError(f"{npz_path}: the weights are malformed ({exc})") from None
        for name in ("intercept", "platt_a", "platt_b", "thresholds"):
            if data[name].shape != (n_labels,):
                raise ModelError(f"{npz_path}: {name} has shape {data[name].shape}, expected ({n_labels},)")
        return cls(meta=meta, settings=settings, coef=coef, intercept=data["intercept"],
                   platt_a=data["platt_a"], platt_b=data["platt_b"], thresholds=data["thresholds"])


def _as_mask(coef: SparseRows) -> tuple[np.ndarray, np.ndarray]:
    """The weights as their values in row-major order and a bit per
    (label, feature) saying which are stored.  Nearly every feature has a
    weight for every label, so the bits (1 per entry, compressing well)
    take a fraction of the room of column numbers (32 bits each, which do
    not): 0.7 MB against 6 MB for a model with 4.3 million weights."""
    n_labels, n_features = coef.shape
    positions = coef.row_ids() * n_features + coef.indices
    order = np.argsort(positions, kind="stable")
    bits = np.zeros(n_labels * n_features, dtype=bool)
    bits[positions] = True
    return coef.data[order], np.packbits(bits)


def _from_mask(values: np.ndarray, mask: np.ndarray, shape: tuple[int, int]) -> SparseRows:
    n_labels, n_features = shape
    if mask.dtype != np.uint8 or mask.ndim != 1 or len(mask) != -(-n_labels * n_features // 8):
        raise ValueError(f"the mask holds {mask.size} bytes for {n_labels} x {n_features} weights")
    positions = np.flatnonzero(np.unpackbits(mask, count=n_labels * n_features))
    if len(positions) != len(values) or values.ndim != 1:
        raise ValueError(f"the mask marks {len(positions)} weights, the file holds {values.size}")
    indptr = np.searchsorted(positions, np.arange(n_labels + 1, dtype=np.int64) * n_features)
    indices = positions % n_features
    check_csr(indices, indptr, len(values), shape)
    return SparseRows(values.astype(np.float32), indices, indptr, shape)


def calibrate(margins: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = np.clip(margins * a + b, -40, 40)
    return 1.0 / (1.0 + np.exp(-z))


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ModelError(f"{path}: cannot read the model weights ({exc.strerror or exc})") from None
