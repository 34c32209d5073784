"""The corpus item: one labelled news item, as a line of JSONL.

The schema is documented for users in ``training_data/README.md``; this module
is its single source of truth in code (labels, rules, field types).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Final

__all__ = [
    "FIELDS",
    "LABELS",
    "LANGS",
    "RULES",
    "SPLITS",
    "CorpusItem",
    "ItemError",
    "parse_item",
]

#: The four labels of the codebook, in its order.
LABELS: Final = ("complementary", "parallel", "constituent", "none")
LANGS: Final = ("ar", "fa", "en")
SPLITS: Final = ("train", "test")

#: The codebook rule or settled boundary case that decided each label, and the
#: labels it may decide. ``R5`` (several activities: the headline's wins) and
#: ``B-named-parallel`` (labelled by what it reports) may decide any label.
RULES: Final[dict[str, frozenset[str]]] = {
    "R1-national": frozenset({"none"}),
    "R1-domestic": frozenset({"none"}),
    "R1-track-two": frozenset({"none"}),
    "R1-foreign-about": frozenset({"none"}),
    "R1-diaspora": frozenset({"none"}),
    "R1-other": frozenset({"none"}),
    "B-home-vote": frozenset({"none"}),
    "B-nongov-appeal": frozenset({"none"}),
    "R2": frozenset({"constituent"}),
    "B-home-vote-outward": frozenset({"constituent"}),
    "B-quasi-state-visit": frozenset({"constituent"}),
    "B-join-other-state": frozenset({"constituent"}),
    "R3": frozenset({"complementary"}),
    "B-state-delegation": frozenset({"complementary"}),
    "R4": frozenset({"parallel"}),
    "B-competence-dispute": frozenset({"parallel"}),
    "R5": frozenset(LABELS),
    "B-named-parallel": frozenset(LABELS),
}

FIELDS: Final = (
    "id",
    "lang",
    "text",
    "label",
    "entity",
    "country",
    "partner",
    "rule",
    "provenance",
    "split",
)


class ItemError(ValueError):
    """A corpus line that does not meet the schema; the message says how to fix it."""


@dataclass(frozen=True)
class CorpusItem:
    """One labelled news item of the corpus."""

    id: str
    lang: str
    text: str
    label: str
    entity: str
    country: str
    partner: str
    rule: str
    provenance: str
    split: str

    def to_json(self) -> dict[str, str]:
        """Return the item as the JSON object of its corpus line."""
        return asdict(self)


def _string(record: dict[str, Any], field: str, *, required: bool) -> str:
    value = record.get(field, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ItemError(f"field {field!r} must be a string, got {type(value).__name__}")
    if required and not value.strip():
        raise ItemError(f"field {field!r} is missing or empty")
    return value


def parse_item(record: Any) -> CorpusItem:
    """Validate one decoded JSON line against the schema.

    Parameters
    ----------
    record : Any
        The decoded JSON value of one corpus line.

    Returns
    -------
    CorpusItem

    Raises
    ------
    ItemError
        With a message that names the field, what was expected and what came.
    """
    if not isinstance(record, dict):
        raise ItemError(f"expected a JSON object, got {type(record).__name__}")
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise ItemError(f"unknown field(s) {unknown}; the fields are {list(FIELDS)}")
    values = {
        field: _string(
            record, field, required=field in {"id", "lang", "text", "label", "rule", "provenance"}
        )
        for field in FIELDS
    }
    if values["lang"] not in LANGS:
        raise ItemError(f"lang must be one of {list(LANGS)}, got {values['lang']!r}")
    if values["label"] not in LABELS:
        raise ItemError(f"label must be one of {list(LABELS)}, got {values['label']!r}")
    if values["rule"] not in RULES:
        raise ItemError(f"rule must be one of {sorted(RULES)}, got {values['rule']!r}")
    if values["label"] not in RULES[values["rule"]]:
        allowed = sorted(RULES[values["rule"]])
        raise ItemError(f"rule {values['rule']!r} decides {allowed}, not label {values['label']!r}")
    if values["split"] not in (*SPLITS, ""):
        raise ItemError(f"split must be one of {list(SPLITS)} or empty, got {values['split']!r}")
    if values["label"] != "none" and not values["entity"].strip():
        raise ItemError(f"label {values['label']!r} needs the sub-state actor in 'entity'")
    provenance = values["provenance"]
    if provenance != "authored" and not provenance.startswith(("http://", "https://")):
        raise ItemError(
            f"provenance must be 'authored' or the address of a reusable source, got {provenance!r}"
        )
    return CorpusItem(**values)
