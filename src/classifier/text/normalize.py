"""Normalisation of Arabic, Persian and English news text.

Each step is a pure ``str -> str`` function whose pattern is compiled once at
module level, named ``verb_thing_script`` as in camel-tools. The steps are
composed into three fixed, named chains -- :func:`normalize_ar`,
:func:`normalize_fa` and :func:`normalize_en` -- and :func:`normalize` picks
the chain for a language code. A chain must only run after language
identification: camel-tools' ``arclean`` map destroys Persian letters and
hazm's normaliser rewrites Arabic yeh, so neither may see the other language.

Canonical form
--------------
The model learns across Arabic and Persian and across sloppy typing, so a word
shared by both must come out identical whichever letters it was typed with
(``كردستان`` / ``کردستان``, ``أربيل`` / ``اربیل``). Every chain therefore ends
with the same canonical letters:

* yeh: ``ي`` (U+064A), ``ى`` (U+0649) and ``ی`` (U+06CC) -> ``ی`` (U+06CC);
* kaf: ``ك`` (U+0643) and ``ک`` (U+06A9) -> ``ک`` (U+06A9);
* heh: ``ة`` (teh marbuta), ``ۀ``, ``ە``, ``ھ``, ``ہ`` -> ``ه`` (U+0647);
* alef: ``أ``, ``إ``, ``آ``, ``ٱ`` -> ``ا``; hamza on a seat loses the hamza
  (``ؤ`` -> ``و``, ``ئ`` -> ``ی``), as combining marks are dropped;
* zero-width non-joiner: removed, so ``همه‌پرسی``, ``همه پرسی`` (joined by
  hazm's spacing rules first) and ``همهپرسی`` all become ``همهپرسی``;
* digits: ASCII, whatever the digit system of the source;
* Latin letters: case-folded, accents dropped (``Québec`` -> ``quebec``);
* punctuation: ASCII quotes, comma, semicolon, question mark and hyphen;
* whitespace: one space; control, format and bidi characters removed.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Final

import regex

if TYPE_CHECKING:
    # Both are imported on first use: hazm costs about 2.5 s (import and
    # normaliser), camel-tools about 1 s (its charsets scan all of Unicode), and
    # an English item needs neither.
    from camel_tools.utils.charmap import CharMapper
    from hazm import Normalizer

__all__ = [
    "LANGUAGES",
    "normalize",
    "normalize_ar",
    "normalize_en",
    "normalize_fa",
]

#: Language codes that have a chain of their own; anything else goes through
#: the script-neutral steps only.
LANGUAGES: Final = ("ar", "fa", "en")


# Control (Cc) and format (Cf) characters, which include the bidi marks, the
# zero-width joiner and non-joiner, the BOM and the soft hyphen. Tab, newline
# and carriage return are whitespace and handled by the whitespace step.
_CONTROL_FORMAT_RE: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_WHITESPACE_RE: Final = re.compile(r"\s+")
_ARABIC_SCRIPT: Final = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_SCRIPT_BOUNDARY_RE: Final = re.compile(
    rf"(?<=[{_ARABIC_SCRIPT}])(?=[^\W\d_{_ARABIC_SCRIPT}])"
    rf"|(?<=[^\W\d_{_ARABIC_SCRIPT}])(?=[{_ARABIC_SCRIPT}])"
)
_ARABIC_LETTER_RE: Final = re.compile(f"[{_ARABIC_SCRIPT}]")
_OTHER_LETTER_RE: Final = re.compile(rf"[^\W\d_{_ARABIC_SCRIPT}]")
_DIGIT_RE: Final = re.compile(r"\d")
_MARK_RE: Final = regex.compile(r"\p{M}")
_CAMEL_UNICODE_FIX_RE: Final = re.compile("[\ufdfc\ufdfd]")
_LETTER_DIGIT_RE: Final = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
# Punctuation (P*) and symbols (S*, emoji included), except the apostrophe and
# hyphen inside words and the decimal point or thousands comma between digits.
# The ``regex`` module (a camel-tools dependency) gives the Unicode classes.
_PUNCTUATION_RE: Final = regex.compile(r"(?<!\d)[.,]|[.,](?!\d)|[^\P{P}'’‘\-‐‑.,]|[^\P{S}`´]")
_DIGITS_TABLE: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PUNCTUATION_TABLE: Final = str.maketrans(
    {
        "،": ",",
        "؍": ",",
        "٬": ",",
        "٫": ".",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‹": "'",
        "›": "'",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "ـ": "",
    }
)
_SHARED_LETTERS_TABLE: Final = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ې": "ی",
        "ێ": "ی",
        "ك": "ک",
        "ڪ": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ھ": "ه",
        "ہ": "ه",
        "ۂ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ی",
    }
)

# Persian compounds that news writes with a ZWNJ, a space or nothing, and that
# hazm's word list does not join. Only whole, unambiguous pairs are listed: a
# bare suffix rule would glue ``یک نامه`` ("a letter") into one word.
_COMPOUNDS_FA: Final = (
    ("سرمایه", "گذار(?:ی|ان|یها|یهای)?"),
    ("بین", "الملل(?:ی)?"),
    ("جدایی", "طلب(?:ی|ان|انه)?"),
    ("تجزیه", "طلب(?:ی|ان|انه)?"),
    ("استقلال", "طلب(?:ی|ان|انه)?"),
    ("همه", "پرسی"),
    ("تفاهم", "نامه"),
    ("موافقت", "نامه"),
    ("توافق", "نامه"),
    ("خواهر", "خوانده(?:گی)?"),
    ("نخست", "وزیر"),
    ("هم", "اندیشی"),
    ("گفت", "وگو"),
)
_COMPOUNDS_FA_RE: Final = re.compile(
    "|".join(rf"(?<!\S)({first})[ \u200c]+({rest})(?!\S)" for first, rest in _COMPOUNDS_FA)
)


def normalize_compatibility(text: str) -> str:
    """Unicode NFKC: presentation forms, ligatures and full-width forms to plain letters.

    The basmala ligature (U+FDFD) has no decomposition in Unicode; it is
    spelled out as camel-tools and hazm both do.
    """
    if "\ufdfd" in text:
        text = text.replace("\ufdfd", "بسم الله الرحمن الرحيم")
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def remove_control_chars(text: str) -> str:
    """Drop control, format and bidi characters, ZWNJ included.

    Copy-pasted news carries RTL/LTR marks, BOMs and zero-width characters
    that split words invisibly; the ZWNJ goes too, which is the canonical form
    documented in the module docstring.
    """
    return _CONTROL_FORMAT_RE.sub("", text)


def normalize_digits(text: str) -> str:
    """Map Arabic-Indic and Persian digits to ASCII ones.

    The same year or figure then yields the same feature in all three
    languages.
    """
    return text.translate(_DIGITS_TABLE)


def normalize_punctuation(text: str) -> str:
    """Map Arabic-script punctuation, typographic quotes and dashes to ASCII.

    Tatweel goes here too: it is a justification stroke, not a letter.
    """
    return text.translate(_PUNCTUATION_TABLE)


def normalize_shared_letters_arfa(text: str) -> str:
    """Write the letters Arabic and Persian share in one canonical form.

    This is what lets ``كردستان`` and ``کردستان`` meet; see the module
    docstring for the table.
    """
    return text.translate(_SHARED_LETTERS_TABLE)


def join_compounds_fa(text: str) -> str:
    """Join the Persian compounds hazm leaves apart (``سرمایه گذاری``).

    Whichever way the source wrote the compound -- ZWNJ, space or nothing --
    the result is the joined, canonical form.
    """
    return _COMPOUNDS_FA_RE.sub(_join_match, text)


def _join_match(match: re.Match[str]) -> str:
    return "".join(group for group in match.groups() if group)


def normalize_kurdish_ae_ar(text: str) -> str:
    """Map Kurdish ae (U+06D5) to heh before ``arclean``, which deletes it.

    Iraqi outlets quote Kurdish names (``کوردستانە``); losing a letter would
    split the name into a form no other text has.
    """
    return text.replace("ە", "ه")


def remove_marks(text: str) -> str:
    """Drop every combining mark after compatibility decomposition.

    Removes Latin accents (``Québec`` -> ``quebec``), leftover Arabic
    diacritics, hamza and madda written as marks, and lone combining marks,
    then recomposes what is left.
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", _MARK_RE.sub("", decomposed))


def fold_case(text: str) -> str:
    """Case-fold after compatibility normalisation, the way Unicode advises."""
    return normalize_compatibility(text).casefold()


def separate_scripts(text: str) -> str:
    """Put a space where Arabic-script letters touch letters of another script.

    ``KRGوبغداد`` becomes ``KRG وبغداد``. hazm's tokenizer splits such words
    and then joins affixes across the new space, so doing it before hazm, in
    every chain, is what keeps the Persian chain idempotent and the chains
    in step.
    """
    if not (_ARABIC_LETTER_RE.search(text) and _OTHER_LETTER_RE.search(text)):
        return text
    return _SCRIPT_BOUNDARY_RE.sub(" ", text)


def separate_digits_letters(text: str) -> str:
    """Put a space between a letter and a digit that touch (``COP29`` -> ``cop 29``).

    hazm's spacing does this to Persian text, so every chain does it: the
    same token then reads the same in all three languages.
    """
    if not _DIGIT_RE.search(text):
        return text
    return _LETTER_DIGIT_RE.sub(" ", text)


def separate_punctuation(text: str) -> str:
    """Put spaces around punctuation and symbols (``"0»"`` -> ``0 "``).

    hazm re-spaces Persian punctuation by its own rules, differently for
    Persian and ASCII marks; one fixed rule applied last in every chain makes
    the spacing independent of the source and of hazm, and keeps the chains
    in step. Apostrophes and hyphens inside words stay attached, and so do
    decimal points and thousands commas between digits.
    """
    return str(_PUNCTUATION_RE.sub(r" \g<0> ", text))


def collapse_whitespace(text: str) -> str:
    """Turn every run of whitespace, newlines included, into one space."""
    return _WHITESPACE_RE.sub(" ", text).strip()


def _clean_input(text: str) -> str:
    """Script-neutral opening steps shared by all chains.

    Punctuation keeps its own letters here (hazm must see Persian marks), but
    every step that inserts spaces runs already, and newlines become spaces
    (hazm works line by line), so that a language's chain sees the same word
    boundaries on raw text as on its own output: that is what makes the
    chains idempotent. :func:`_finish` repeats them, because
    the steps in between delete characters and so create new neighbours.
    """
    text = normalize_compatibility(text)
    text = remove_control_chars(text)
    text = normalize_digits(text)
    return collapse_whitespace(_separate_tokens(text))


def _separate_tokens(text: str) -> str:
    text = separate_scripts(text)
    text = separate_digits_letters(text)
    return separate_punctuation(text)


def _canonical_letters(text: str) -> str:
    """Shared letters, case and marks in their canonical form.

    ``normalize_shared_letters_arfa`` runs twice because decomposing ``ئ``
    leaves an Arabic yeh behind.
    """
    text = normalize_shared_letters_arfa(text)
    text = fold_case(text)
    text = remove_marks(text)
    return normalize_shared_letters_arfa(text)


def _finish(text: str) -> str:
    """Script-neutral closing steps shared by all chains.

    Punctuation is mapped to ASCII here, and spacing around letters, digits
    and punctuation is made uniform, so that the three chains agree.
    """
    text = _canonical_letters(text)
    text = normalize_punctuation(text)
    text = _separate_tokens(text)
    return collapse_whitespace(text)


class CompiledCharMap:
    """A camel-tools ``CharMapper`` compiled to a deletion regex and ``str.translate``.

    ``CharMapper`` maps a string one character at a time in Python, which was
    half the cost of the Arabic chain. The compiled form gives the same
    output (the tests compare the two on arbitrary text): characters the map
    does not list get its default (``arclean`` deletes them), listed ones are
    translated.

    Parameters
    ----------
    mapper : CharMapper
        The camel-tools mapper to compile; its default must be ``""`` or
        ``None``.
    """

    def __init__(self, mapper: CharMapper) -> None:
        charmap: dict[str, str | None] = mapper._charmap
        default: str | None = mapper._default
        if default not in ("", None):
            raise ValueError(f"only a deleting or identity default compiles, got {default!r}")
        self.table = {ord(ch): value for ch, value in charmap.items() if value is not None}
        self.delete = re.compile(f"[^{_char_class(charmap)}]") if default == "" else None

    def __call__(self, text: str) -> str:
        """Map ``text`` as the camel-tools mapper would."""
        if self.delete is not None:
            text = self.delete.sub("", text)
        return text.translate(self.table)


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class body covering ``chars``, as escaped ranges."""
    codes = sorted(ord(ch) for ch in chars)
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(previous))
        parts.append(first if start == previous else f"{first}-{last}")
        start = previous = code
    return "".join(parts)


@lru_cache(maxsize=1)
def _arclean() -> CompiledCharMap:
    """camel-tools' built-in ``arclean`` map, compiled once on first use."""
    from camel_tools.utils.charmap import CharMapper

    return CompiledCharMap(CharMapper.builtin_mapper("arclean"))


def normalize_ar(text: str) -> str:
    """Normalise Arabic news text with camel-tools' utilities.

    Chain: Unicode (camel-tools' NFKC), controls and bidi marks, digits,
    punctuation and tatweel, Kurdish ae, alef forms, alef maksura, teh
    marbuta, diacritics, the ``arclean`` map, then the shared canonical
    letters, case and spaces.
    """
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    # camel-tools' normalize_unicode is NFKC plus two ligature fixes done by a
    # slow per-character map; it runs only when one of the two is present.
    if _CAMEL_UNICODE_FIX_RE.search(text):
        text = normalize_unicode(text)
    text = normalize_punctuation(_clean_input(text))
    text = normalize_kurdish_ae_ar(text)
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    text = dediac_ar(text)
    text = _arclean()(text)
    return _finish(text)


_BUILD_LOCK: Final = threading.Lock()


@lru_cache(maxsize=1)
def _hazm_normalizer() -> Normalizer:
    """Build hazm's normaliser once, on first use, with every flag explicit.

    ``correct_spacing`` is what turns ``می خواهم`` and ``کشور ها`` into the
    ZWNJ forms (which the canonical form then joins). ``seperate_mi`` must be
    on although it only splits ``میخواهم`` (already canonical here): in hazm
    0.10 ``correct_spacing`` reads the verb list that only ``seperate_mi``
    loads, and fails without it. ``persian_numbers`` and ``persian_style`` are
    off because digits and quotes have ASCII canonical forms here.
    ``decrease_repeated_chars`` is off so that Persian keeps the same letters
    as Arabic and English, which do not shorten repeats.
    """
    with _BUILD_LOCK:  # lru_cache does not stop threads from building it at once
        return _build_hazm_normalizer()


def _build_hazm_normalizer() -> Normalizer:
    from hazm import Normalizer

    return Normalizer(
        correct_spacing=True,
        remove_diacritics=True,
        remove_specials_chars=True,
        decrease_repeated_chars=False,
        persian_style=False,
        persian_numbers=False,
        unicodes_replacement=True,
        seperate_mi=True,
    )


def normalize_fa(text: str) -> str:
    """Normalise Persian news text with hazm's Normalizer.

    The canonical letters are written before hazm as well as after it: hazm
    joins affixes by looking words up, and it must look up the same letters
    in raw text as in the chain's own output, or the chain would not be
    idempotent.

    Chain: Unicode (NFKC), controls, bidi marks and ZWNJ, digits, canonical
    letters, hazm (letters outside the shared table, tatweel, ZWNJ spacing
    of می/نمی, ها and other affixes, compounds from its word list, spacing
    around Persian punctuation, which it must see before punctuation is
    mapped to ASCII), the compounds hazm leaves apart, removal of the ZWNJs
    hazm put in, then the shared letters, punctuation, case and spaces.
    """
    hazm = _hazm_normalizer()
    text = _canonical_letters(_clean_input(text))
    text = collapse_whitespace(_separate_tokens(text))
    # hazm drops its "special characters" (Arabic full stop, Quranic signs)
    # only after spacing; dropping them first lets its word joins see the
    # same neighbours on raw text as on the chain's output.
    text = hazm.remove_specials_chars(text)
    text = hazm.normalize(text)
    text = join_compounds_fa(text)
    text = remove_control_chars(text)
    return _finish(text)


def normalize_en(text: str) -> str:
    """Normalise English news text.

    Chain: Unicode (NFKC), controls and bidi marks, digits, then quotes and
    dashes, case folding, accents and spaces. The shared Arabic/Persian letters
    are canonicalised too, so an Arabic name quoted in an English item meets
    the same name in Arabic and Persian items.
    """
    return _finish(_clean_input(text))


def normalize_und(text: str) -> str:
    """Normalise text whose language is unknown with script-neutral steps only."""
    return _finish(_clean_input(text))


_CHAINS: Final = {"ar": normalize_ar, "fa": normalize_fa, "en": normalize_en}


def normalize(text: str, lang: str) -> str:
    """Normalise ``text`` with the chain of language ``lang``.

    Parameters
    ----------
    text : str
        Raw text as it arrived.
    lang : str
        ``"ar"``, ``"fa"`` or ``"en"``; any other code (``"und"``, a language
        the tool does not model) gets the script-neutral steps only, which are
        safe for every script.

    Returns
    -------
    str
        The canonical form described in the module docstring.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize expects text as str, got {type(text).__name__}")
    return _CHAINS.get(lang, normalize_und)(text)
