"""Language identification for Arabic, Persian and English news text.

The tool models three languages, so the detector is restricted to them and
answers ``"und"`` when a text has no letters at all. Script decides between
Latin (English) and Arabic script; between Arabic and Persian, which share a
script, the function words of each language decide when they are present --
they survive sloppy typing such as Persian written with Arabic ``ي``/``ك`` or
without the zero-width non-joiner, which is where statistical detectors err --
and lingua, restricted to the two, decides otherwise.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["SNIFF_CHARS", "LangCode", "detect_language"]

LangCode = Literal["ar", "fa", "en", "und"]

#: Only the opening of a long text is read: a news item's language is settled
#: in its first sentences, and detection cost must not grow with the article.
SNIFF_CHARS: Final = 2000

_LATIN_LETTER_RE: Final = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_LETTER_RE: Final = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)
_ARABIC_WORD_RE: Final = re.compile("[\u0600-\u06ff\u200c]+")
# Letters folded before looking words up, so that Persian typed with Arabic
# yeh/kaf, and Arabic typed with alef variants, still match the word lists.
_FOLD_TABLE: Final = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "\u200c": ""}
)
# Frequent words that only one of the two languages uses, in folded form.
# Words both languages use (وزیر، بین، بعد، علی، او، هم، به...) are left out.
_PERSIAN_WORDS: Final = frozenset(
    [
        "در",
        "از",
        "را",
        "با",
        "که",
        "این",
        "است",
        "می",
        "نمی",
        "برای",
        "تا",
        "یک",
        "بود",
        "شد",
        "شده",
        "کرد",
        "کرده",
        "میشود",
        "میکند",
        "گفت",
        "اند",
        "ها",
        "های",
        "اما",
        "نیز",
        "باید",
        "بر",
        "روی",
        "پس",
        "چرا",
        "کند",
        "شود",
        "دارد",
        "داشت",
        "کنند",
        "شوند",
        "خود",
        "شما",
        "وی",
        "اینکه",
        "همچنین",
        "هیچ",
        "انها",
        "نیست",
        "بودند",
        "خواهد",
        "نخواهد",
        "کشور",
        "استان",
        "استانداری",
        "استاندار",
        "شهرداری",
        "شهردار",
        "خارجه",
    ]
)
_ARABIC_WORDS: Final = frozenset(
    [
        "في",
        "الی",
        "عن",
        "التی",
        "الذی",
        "الذین",
        "لم",
        "لن",
        "کان",
        "کانت",
        "هذا",
        "هذه",
        "ذلک",
        "تلک",
        "مع",
        "وقال",
        "قال",
        "الیوم",
        "امس",
        "عبر",
        "منذ",
        "ثم",
        "لکن",
        "لیس",
        "هو",
        "هی",
        "محافظه",
        "الحکومه",
        "الخارجیه",
        "وزاره",
    ]
)
_ARABIC_CLITICS: Final = ("و", "ف", "ب", "ل")
_PERSIAN_ONLY_LETTERS_RE: Final = re.compile("[پچژگ]")
_ARABIC_ONLY_LETTERS_RE: Final = re.compile("[ةىؤإ]")


def _word_evidence(text: str) -> int:
    """Count Persian-only minus Arabic-only frequent words, the Arabic article included."""
    score = 0
    for raw in _ARABIC_WORD_RE.findall(text):
        word = raw.translate(_FOLD_TABLE)
        if word in _PERSIAN_WORDS:
            score += 1
        elif (
            word in _ARABIC_WORDS
            or (word[:1] in _ARABIC_CLITICS and word[1:] in _ARABIC_WORDS)
            or (len(word) > 4 and word.startswith(("ال", "وال", "بال")))
        ):
            score -= 1
    return score


def _letter_evidence(text: str) -> int:
    """Count letters only Persian uses minus letters only Arabic uses."""
    return len(_PERSIAN_ONLY_LETTERS_RE.findall(text)) - len(_ARABIC_ONLY_LETTERS_RE.findall(text))


_BUILD_LOCK: Final = threading.Lock()


@lru_cache(maxsize=1)
def _lingua_detector() -> LanguageDetector:
    """Build the lingua detector for Arabic and Persian once, models preloaded."""
    from lingua import Language, LanguageDetectorBuilder

    with _BUILD_LOCK:  # lru_cache does not stop threads from building it at once
        return (
            LanguageDetectorBuilder.from_languages(Language.ARABIC, Language.PERSIAN)
            .with_preloaded_language_models()
            .build()
        )


def _arabic_or_persian(text: str) -> LangCode:
    """Tell Arabic from Persian in Arabic-script text.

    Two or more function words of one language settle it. Otherwise three
    signals are added, each capped so that none decides alone on a long text:
    lingua's Persian confidence moved to a -2..2 scale, the word evidence, and
    the letters only one of the languages uses (Arabic quoting a Persian name
    carries a پ or a گ, hence the smaller weight).
    """
    words = _word_evidence(text)
    if abs(words) >= 2:
        return "fa" if words > 0 else "ar"
    from lingua import Language

    confidence = _lingua_detector().compute_language_confidence(text, Language.PERSIAN)
    letters = _letter_evidence(text)
    score = (confidence - 0.5) * 4 + words + max(-1.5, min(1.5, letters * 0.5))
    return "fa" if score > 0 else "ar"


def detect_language(text: str) -> LangCode:
    """Return the language of ``text``: ``"ar"``, ``"fa"``, ``"en"`` or ``"und"``.

    Parameters
    ----------
    text : str
        Raw text; only its first :data:`SNIFF_CHARS` characters are read.

    Returns
    -------
    str
        ``"und"`` when the text holds no Latin or Arabic-script letters
        (digits, punctuation, emoji, or only another script);
        ``"en"`` when Latin letters outnumber Arabic-script ones (any other
        Latin-script language is reported as ``"en"`` too: the tool models
        only these three); otherwise ``"ar"`` or ``"fa"``.
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_language expects text as str, got {type(text).__name__}")
    sample = text[:SNIFF_CHARS]
    arabic = len(_ARABIC_LETTER_RE.findall(sample))
    latin = len(_LATIN_LETTER_RE.findall(sample))
    if arabic == 0 and latin == 0:
        return "und"
    if latin >= arabic:
        return "en"
    return _arabic_or_persian(sample)
