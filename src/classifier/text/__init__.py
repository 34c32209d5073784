"""Text pipeline: language identification, then one normalisation chain per language."""

from classifier.text.langid import LangCode, detect_language
from classifier.text.normalize import (
    LANGUAGES,
    normalize,
    normalize_ar,
    normalize_en,
    normalize_fa,
)

__all__ = [
    "LANGUAGES",
    "LangCode",
    "detect_language",
    "normalize",
    "normalize_ar",
    "normalize_en",
    "normalize_fa",
]
