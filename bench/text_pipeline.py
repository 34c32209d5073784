"""Benchmark: docs/s of language identification and normalisation per language.

Not a test: it prints figures. Run with ``make bench``. Items are generated
(~300 words each) from word pools of each language, mixing the sloppy forms
real news has (Arabic yeh/kaf in Persian, tatweel, Eastern digits, Latin
acronyms), with a fixed seed so that runs compare.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from classifier.text.langid import detect_language
from classifier.text.normalize import normalize

N_ITEMS = 1000
WORDS_PER_ITEM = 300
POOLS = {
    "ar": [
        "وقعت",
        "حكومة",
        "إقليم",
        "كوردستان",
        "مذكرة",
        "تفاهم",
        "مع",
        "ولاية",
        "بافاريا",
        "الألمانية",
        "لتطوير",
        "التعليم",
        "المهني",
        "في",
        "أربيل",
        "وقال",
        "المتحدث",
        "باسم",
        "الحكومة",
        "إن",
        "الخطوة",
        "تأتي",
        "ضمن",
        "سياسة",
        "الانفتاح",
        "الاقتصادي",
        "محافظ",
        "البصرة",
        "يزور",
        "الكويت",
        "لبحث",
        "ملف",
        "المنافذ",
        "الحدودية",
        "بالتنسيق",
        "مع",
        "وزارة",
        "الخارجية",
        "العراقية",
        "عام",
        "٢٠٢٤",
        "الـعراق",
        "KRG",
        "الاستثمار",
        "الأجنبي",
        "الشركات",
        "التركية",
    ],
    "fa": [
        "استاندار",
        "خراسان",
        "رضوی",
        "با",
        "هماهنگی",
        "وزارت",
        "امور",
        "خارجه",
        "در",
        "نشست",
        "مشترک",
        "مرزی",
        "با",
        "مقام\u200cهای",
        "ولایت",
        "هرات",
        "شرکت",
        "کرد",
        "و",
        "گفت",
        "این",
        "همکاری",
        "ها",
        "به",
        "توسعه",
        "تجارت",
        "مرزی",
        "کمک",
        "میکند",
        "اين",
        "استان",
        "مي",
        "خواهد",
        "بازارچه",
        "هاي",
        "مرزي",
        "را",
        "فعال",
        "كند",
        "سال",
        "۱۴۰۳",
        "سرمایه",
        "گذاری",
        "خارجی",
        "همه",
        "پرسی",
        "شهرداری",
        "تهران",
        "خواهرخواندگی",
        "با",
        "شهر",
        "استانبول",
    ],
    "en": [
        "The",
        "Catalan",
        "government's",
        "delegate",
        "in",
        "Brussels",
        "urged",
        "EU",
        "members",
        "to",
        "recognise",
        "the",
        "result",
        "of",
        "the",
        "referendum",
        "while",
        "Quebec",
        "opened",
        "a",
        "new",
        "trade",
        "office",
        "in",
        "Tokyo",
        "and",
        "Bavaria's",
        "premier",
        "joined",
        "the",
        "chancellor's",
        "delegation",
        "to",
        "India",
        "signing",
        "supplier",
        "agreements",
        "under",
        "the",
        "federal",
        "programme",
        "in",
        "2024",
        "KRG",
        "Erbil",
        "Mashhad",
        "governor",
    ],
}


def make_items(lang: str, rng: random.Random) -> list[str]:
    """Build N_ITEMS texts of WORDS_PER_ITEM words drawn from the pool."""
    pool = POOLS[lang]
    return [" ".join(rng.choices(pool, k=WORDS_PER_ITEM)) for _ in range(N_ITEMS)]


def rate(func: Callable[[str], object], items: list[str]) -> float:
    """Return docs/s of ``func`` over ``items`` after one warm-up call."""
    func(items[0])
    start = time.perf_counter()
    for item in items:
        func(item)
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    """Print docs/s per language for detection and normalisation."""
    rng = random.Random(20261122)
    print(f"{N_ITEMS} generated items of {WORDS_PER_ITEM} words per language, one core")
    print(f"{'lang':<6}{'langid docs/s':>16}{'normalise docs/s':>20}")
    for lang in POOLS:
        items = make_items(lang, rng)
        detected = rate(detect_language, items)
        normalised = rate(lambda text, lang=lang: normalize(text, lang), items)
        print(f"{lang:<6}{detected:>16,.0f}{normalised:>20,.0f}")


if __name__ == "__main__":
    main()
