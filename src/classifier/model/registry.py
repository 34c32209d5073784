"""The model registry: one folder per version, a card, and an ACTIVE pointer.

Layout of ``models/``::

    ACTIVE              the active version's name, one line
    HISTORY             versions activated before, one per line (for rollback)
    v001/model.skops    the fitted pipeline (skops: safe to load)
    v001/card.json      version, date, data hash, counts, params, versions, metrics
    v001/card.md        the same for people

A model file is loaded with an explicit list of trusted types, never pickle,
so a tampered file cannot run code. The pointer is replaced atomically, so a
crash leaves the old or the new version active, never a broken pointer.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sklearn.pipeline import Pipeline

__all__ = [
    "TRUSTED_TYPES",
    "ModelLoadError",
    "RegisteredModel",
    "Registry",
]

MODEL_FILE: Final = "model.skops"
CARD_JSON: Final = "card.json"
CARD_MD: Final = "card.md"
ACTIVE: Final = "ACTIVE"
HISTORY: Final = "HISTORY"
_VERSION_RE: Final = re.compile(r"^v(\d{3,})$")

#: Every type a paradip model file may hold beyond skops' defaults. Anything
#: else in a file makes loading fail before any object is built.
TRUSTED_TYPES: Final = [
    "classifier.model.preprocess.TextPreprocessor",
    "classifier.model.cues.CueVectorizer",
    "classifier.model.vectorizers.CompactTfidfVectorizer",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.isotonic.IsotonicRegression",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._label.LabelEncoder",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.frozen._frozen.FrozenEstimator",
    "builtins.slice",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "numpy.ndarray",
    "scipy.sparse._csr.csr_matrix",
    "scipy.sparse._csr.csr_array",
    "collections.defaultdict",
    "builtins.int",
    "builtins.float",
    "builtins.str",
    "builtins.tuple",
    "builtins.list",
    "builtins.dict",
    "builtins.set",
    "builtins.type",
    "builtins.bool",
]


class ModelLoadError(RuntimeError):
    """A model that cannot be used: missing, corrupt, untrusted or from other libraries."""


@dataclass(frozen=True)
class RegisteredModel:
    """A loaded model and its card."""

    version: str
    pipeline: Pipeline
    card: dict[str, Any]

    @property
    def threshold(self) -> float:
        """Top probability below which a prediction is flagged ``uncertain``."""
        return float(self.card["uncertainty_threshold"])


def _write_atomic(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    Path(temporary).chmod(0o644)
    Path(temporary).replace(path)


def library_versions() -> dict[str, str]:
    """The versions that decide whether a model file can be read back."""
    import numpy
    import scipy
    import sklearn
    import skops

    import classifier

    return {
        "paradip": classifier.__version__,
        "scikit-learn": sklearn.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "skops": skops.__version__,
    }


class Registry:
    """The versions under one models folder, and which one is active.

    Parameters
    ----------
    root : Path
        The models folder (``PARADIP_MODEL_DIR``, default ``./models``).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def versions(self) -> list[str]:
        """All registered versions, oldest first."""
        if not self.root.is_dir():
            return []
        found = [
            p.name
            for p in self.root.iterdir()
            if p.is_dir() and _VERSION_RE.match(p.name) and (p / CARD_JSON).is_file()
        ]
        return sorted(found, key=lambda name: int(name[1:]))

    def next_version(self) -> str:
        """The name the next registered model gets."""
        numbers = [int(name[1:]) for name in self.versions()]
        return f"v{(max(numbers) + 1 if numbers else 1):03d}"

    def active_version(self) -> str | None:
        """The active version, or None when nothing is active yet."""
        pointer = self.root / ACTIVE
        if not pointer.is_file():
            return None
        version = pointer.read_text(encoding="utf-8").strip()
        return version or None

    def card(self, version: str) -> dict[str, Any]:
        """The card of ``version``.

        Raises
        ------
        ModelLoadError
            When the version does not exist.
        """
        path = self.root / version / CARD_JSON
        if not path.is_file():
            known = ", ".join(self.versions()) or "none"
            raise ModelLoadError(f"no model version {version!r} in {self.root} (known: {known})")
        card: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return card

    def register(self, pipeline: Pipeline, card: dict[str, Any], card_md: str) -> str:
        """Save a fitted pipeline and its card as a new version; return its name.

        The folder is written under a temporary name and renamed at the end,
        so a crash never leaves a half-written version behind.
        """
        import skops.io as sio

        self.root.mkdir(parents=True, exist_ok=True)
        version = self.next_version()
        card = {**card, "version": version}
        staging = Path(tempfile.mkdtemp(dir=self.root, prefix=f".{version}."))
        sio.dump(pipeline, staging / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
        (staging / CARD_JSON).write_text(
            json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (staging / CARD_MD).write_text(card_md.replace("{version}", version), encoding="utf-8")
        staging.chmod(0o755)
        staging.rename(self.root / version)
        return version

    def summaries(self) -> list[dict[str, Any]]:
        """``{version, active, created, metrics}`` for every version, oldest first."""
        active = self.active_version()
        result = []
        for version in self.versions():
            card = self.card(version)
            metrics = card.get("metrics") or {}
            result.append(
                {
                    "version": version,
                    "active": version == active,
                    "created": card.get("created"),
                    "metrics": {
                        "macro_f1": metrics.get("macro_f1"),
                        "accuracy": metrics.get("accuracy"),
                        "ece": metrics.get("ece"),
                        "per_language": {
                            lang: m.get("macro_f1")
                            for lang, m in (metrics.get("per_language") or {}).items()
                        },
                    },
                }
            )
        return result

    def update_card(self, version: str, extra: dict[str, Any]) -> dict[str, Any]:
        """Add fields to a version's card (atomically) and return the new card."""
        card = {**self.card(version), **extra}
        _write_atomic(
            self.root / version / CARD_JSON, json.dumps(card, ensure_ascii=False, indent=2) + "\n"
        )
        return card

    def activate(self, version: str) -> None:
        """Make ``version`` the active one, atomically; remember the previous one."""
        self.card(version)
        previous = self.active_version()
        if previous == version:
            return
        if previous:
            history = [*self._history(), previous]
            _write_atomic(self.root / HISTORY, "\n".join(history) + "\n")
        _write_atomic(self.root / ACTIVE, version + "\n")

    def _history(self) -> list[str]:
        path = self.root / HISTORY
        if not path.is_file():
            return []
        return [
            line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]

    def rollback(self) -> str:
        """Return to the version active before the current one; return its name.

        Raises
        ------
        ModelLoadError
            When there is no earlier active version.
        """
        history = self._history()
        if not history:
            raise ModelLoadError("no earlier active version to roll back to")
        previous = history.pop()
        self.card(previous)
        _write_atomic(self.root / ACTIVE, previous + "\n")
        _write_atomic(self.root / HISTORY, "".join(f"{v}\n" for v in history))
        return previous

    def load(self, version: str | None = None) -> RegisteredModel:
        """Load ``version`` (default: the active one) with the trusted-type list.

        Raises
        ------
        ModelLoadError
            With what is wrong and how to fix it: no model, a missing or
            corrupt file, untrusted types, or library versions that differ
            from the ones the model was made with.
        """
        version = version or self.active_version()
        if version is None:
            raise ModelLoadError(
                f"no active model in {self.root}: run 'paradip train' (or 'make run', which "
                "trains one when none is shipped), or set PARADIP_MODEL_DIR to a models folder"
            )
        card = self.card(version)
        path = self.root / version / MODEL_FILE
        if not path.is_file():
            raise ModelLoadError(f"model file {path} is missing; retrain with 'paradip train'")
        return load_model_bytes(path.read_bytes(), card, source=str(path))

    def model_bytes(self, version: str | None = None) -> tuple[bytes, dict[str, Any]]:
        """The raw model file and card of ``version`` (default: active), to ship to workers.

        A Dask cluster's workers need not share this disk: they get the bytes
        and load them with :func:`load_model_bytes`, with the same checks.
        """
        version = version or self.active_version()
        if version is None:
            raise ModelLoadError(f"no active model in {self.root}: run 'paradip train'")
        card = self.card(version)
        path = self.root / version / MODEL_FILE
        if not path.is_file():
            raise ModelLoadError(f"model file {path} is missing; retrain with 'paradip train'")
        return path.read_bytes(), card


def load_model_bytes(data: bytes, card: dict[str, Any], source: str = "model") -> RegisteredModel:
    """Load a model file's bytes with the trusted-type list, checking its card first.

    Raises
    ------
    ModelLoadError
        As :meth:`Registry.load`.
    """
    import skops.io as sio

    version = str(card.get("version"))
    made_with = card.get("library_versions", {}).get("scikit-learn")
    installed = library_versions()["scikit-learn"]
    if made_with != installed:
        raise ModelLoadError(
            f"model {version} was made with scikit-learn {made_with}, but {installed} is "
            "installed; install the version the card names, or retrain with 'paradip train'"
        )
    try:
        untrusted = [t for t in sio.get_untrusted_types(data=data) if t not in TRUSTED_TYPES]
    except Exception as exc:  # skops raises zip, JSON and key errors on corrupt files
        raise ModelLoadError(
            f"model file {source} is corrupt or not a skops file ({type(exc).__name__}: {exc}); "
            "restore it from git or retrain with 'paradip train'"
        ) from exc
    if untrusted:
        raise ModelLoadError(
            f"model file {source} holds types paradip does not trust: {untrusted}; "
            "it was not made by this version of paradip, so it is not loaded"
        )
    try:
        pipeline = sio.loads(data, trusted=TRUSTED_TYPES)
    except Exception as exc:
        raise ModelLoadError(
            f"model file {source} could not be loaded ({type(exc).__name__}: {exc}); "
            "restore it from git or retrain with 'paradip train'"
        ) from exc
    return RegisteredModel(version=version, pipeline=pipeline, card=card)
