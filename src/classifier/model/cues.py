"""The codebook's cue phrases in three languages, as features and as a baseline.

The codebook names cue words for each label (``بالتنسيق مع وزارة الخارجية``,
``با هماهنگی وزارت امور خارجه``, "in coordination with the foreign ministry",
"recognition", "self-determination"...). They enter the model as one binary
feature per phrase, so that a cue seen in one language supports the label in
the others and shows up by name in the evidence; the keyword-rule baseline
reads the same lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from classifier.text.normalize import normalize

__all__ = ["CUES", "CueVectorizer", "cue_groups"]

#: Cue phrases by group and language, written as news writes them; they are
#: normalised with the language's chain before use.
CUES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "coordination": {
        "ar": (
            "بالتنسيق مع وزارة الخارجية",
            "بالتنسيق مع الحكومة الاتحادية",
            "ضمن الوفد الرسمي",
            "بموافقة الحكومة الاتحادية",
            "بتكليف من",
            "برفقة السفير",
            "بحضور السفير",
            "السياسة الخارجية",
            "ضمن وفد",
            "بالتنسيق مع",
            "الوفد الحكومي",
            "بتفويض من",
        ),
        "fa": (
            "با هماهنگی وزارت امور خارجه",
            "با هماهنگی",
            "در چارچوب سیاست خارجی",
            "با مجوز دولت مرکزی",
            "با حضور سفیر",
            "سیاست خارجی کشور",
            "هیئت رسمی",
            "هیئت جمهوری اسلامی",
            "به نمایندگی از",
            "با موافقت",
        ),
        "en": (
            "in coordination with the foreign ministry",
            "in coordination with",
            "as part of the national delegation",
            "national delegation",
            "accompanied by the ambassador",
            "with the approval of",
            "on behalf of the",
            "mandate",
            "federal programme",
            "federal program",
            "the country's delegation",
        ),
    },
    "statehood": {
        "ar": (
            "الاعتراف الدولي",
            "استفتاء الاستقلال",
            "الاستقلال",
            "الانفصال",
            "حق تقرير المصير",
            "تقرير المصير",
            "السيادة",
            "دولة مستقلة",
            "الاعتراف بها",
            "الاعتراف باستقلال",
        ),
        "fa": (
            "به رسمیت شناختن",
            "همه‌پرسی استقلال",
            "استقلال",
            "جدایی‌طلبی",
            "جدایی",
            "حق تعیین سرنوشت",
            "تعیین سرنوشت",
            "حاکمیت",
            "کشور مستقل",
        ),
        "en": (
            "recognition",
            "recognise",
            "recognize",
            "independence referendum",
            "independence",
            "self-determination",
            "sovereign",
            "sovereignty",
            "secession",
            "statehood",
            "breakaway",
        ),
    },
    "own_track": {
        "ar": (
            "مذكرة تفاهم",
            "مكتب تمثيل",
            "باسم الإقليم",
            "دون التنسيق",
            "دون علم",
            "غير دستوري",
            "غير قانوني",
            "توأمة",
        ),
        "fa": ("تفاهم‌نامه", "دفتر نمایندگی", "بدون هماهنگی", "خواهرخواندگی", "غیرقانونی"),
        "en": (
            "memorandum of understanding",
            "trade office",
            "its own",
            "without consulting",
            "illegal",
            "unconstitutional",
            "sister city",
            "sister-city",
        ),
    },
    "national_actor": {
        "ar": ("وزير الخارجية", "رئيس الوزراء", "رئيس الجمهورية", "السفارة", "وزارة الخارجية"),
        "fa": ("وزیر امور خارجه", "رئیس جمهور", "سفارت", "وزارت امور خارجه"),
        "en": ("foreign minister", "prime minister", "president", "embassy", "foreign ministry"),
    },
    "substate_actor": {
        "ar": ("الإقليم", "المحافظة", "محافظ", "حكومة الإقليم", "البلدية", "رئيس بلدية"),
        "fa": ("استاندار", "استانداری", "شهردار", "شهرداری", "اقلیم"),
        "en": (
            "governor",
            "mayor",
            "province",
            "regional government",
            "state government",
            "premier",
        ),
    },
}


def cue_groups() -> dict[str, frozenset[str]]:
    """Return each group's cue phrases in canonical (normalised) form, all languages merged."""
    return {
        group: frozenset(
            normalize(phrase, lang) for lang, phrases in by_lang.items() for phrase in phrases
        )
        for group, by_lang in CUES.items()
    }


class CueVectorizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """One binary feature per cue phrase found in a normalised text.

    Parameters
    ----------
    prefix : str
        Prefix of the feature names, so that they never clash with the word
        n-grams of the same pipeline.
    """

    def __init__(self, prefix: str = "cue:") -> None:
        self.prefix = prefix

    def fit(self, X: Iterable[str], y: Any = None) -> CueVectorizer:  # noqa: N803
        """Build the phrase list (the codebook's, normalised) and its lookup."""
        phrases = sorted({p for group in cue_groups().values() for p in group if p})
        self.phrases_ = phrases
        self.max_words_ = max(len(p.split()) for p in phrases)
        return self

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:  # noqa: N803
        """Return a sparse binary matrix, one column per phrase."""
        index = {phrase: column for column, phrase in enumerate(self.phrases_)}
        rows: list[int] = []
        cols: list[int] = []
        n_rows = 0
        for row, text in enumerate(X):
            n_rows += 1
            words = text.split()
            found = set()
            for size in range(1, self.max_words_ + 1):
                for start in range(len(words) - size + 1):
                    column = index.get(" ".join(words[start : start + size]))
                    if column is not None:
                        found.add(column)
            rows.extend([row] * len(found))
            cols.extend(sorted(found))
        data = np.ones(len(rows), dtype=np.float64)
        return sp.csr_matrix((data, (rows, cols)), shape=(n_rows, len(self.phrases_)))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return the cue phrases, prefixed."""
        return np.asarray([f"{self.prefix}{phrase}" for phrase in self.phrases_], dtype=object)
