"""Request and response bodies of the API, with the examples the docs show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

Label = Literal["complementary", "parallel", "constituent", "none"]


_ITEM_EXAMPLE: JsonDict = {
    "title": "Kurdistan Region signs vocational training memorandum with Bavaria",
    "text": "The KRG signed a memorandum of understanding with the German state "
    "of Bavaria to develop vocational education in Erbil.",
}

_RESULT_EXAMPLE: JsonDict = {
    "label": "parallel",
    "confidence": 0.9412,
    "scores": {"complementary": 0.031, "parallel": 0.9412, "constituent": 0.0098, "none": 0.018},
    "lang": "en",
    "uncertain": False,
    "evidence": [
        {
            "text": "signed a memorandum of understanding with the German state",
            "start": 78,
            "end": 137,
            "label": "parallel",
            "weight": 0.4127,
        }
    ],
    "model_version": "v001",
}


class BatchItem(BaseModel):
    """One news item: a body, and optionally its headline."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_ITEM_EXAMPLE]})

    text: str = Field(description="The item's text (lead or full article).")
    title: str | None = Field(None, description="The headline, classified with the text.")


class ClassifyRequest(BatchItem):
    """One news item, and whether to trace its label back to words of the text."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [_ITEM_EXAMPLE, {**_ITEM_EXAMPLE, "evidence": False}]},
    )

    evidence: bool = Field(
        True,
        description="Return the spans that drove the label. They cost about as much time "
        "as the label itself; switch them off when only labels are wanted.",
    )


class EvidenceSpan(BaseModel):
    """A span of the original text (character offsets into title + newline + text)."""

    model_config = ConfigDict(json_schema_extra={"examples": _RESULT_EXAMPLE["evidence"]})

    text: str
    start: int
    end: int
    label: Label
    weight: float


class ClassifyResponse(BaseModel):
    """What paradip says of one item."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RESULT_EXAMPLE]})

    label: Label
    confidence: float = Field(ge=0, le=1, description="The probability of the label.")
    scores: dict[Label, float] = Field(description="The probability of each of the four labels.")
    lang: str = Field(description="ar, fa, en, or und when no letters of the three scripts.")
    uncertain: bool = Field(description="The confidence is below the model's threshold.")
    evidence: list[EvidenceSpan] | None = Field(
        None, description="The spans that drove the label; null when the request asked for none."
    )
    model_version: str = Field(description="The model version that made this prediction.")
    note: str | None = None


class HealthResponse(BaseModel):
    """Liveness, and which model answers."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ok", "model_version": "v001"}]}
    )

    status: Literal["ok"]
    model_version: str


class BatchRequest(BaseModel):
    """Several items at once (up to PARADIP_MAX_BATCH_ITEMS)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        _ITEM_EXAMPLE,
                        {"text": "زار محافظ البصرة الكويت لبحث المنافذ الحدودية"},
                    ],
                    "evidence": False,
                }
            ]
        },
    )

    items: list[BatchItem] = Field(description="The items, each a text and an optional title.")
    evidence: bool = Field(
        True, description="Return each item's evidence spans (about half the time of a batch)."
    )


class ItemError(BaseModel):
    """Why one item of a batch could not be classified."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"error": "text is 120000 characters; the limit is 100000 (PARADIP_MAX_TEXT_CHARS)"}
            ]
        }
    )

    error: str


class BatchResponse(BaseModel):
    """One entry per item, in order: a result or an error."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "model_version": "v001",
                    "results": [
                        {**_RESULT_EXAMPLE, "evidence": None},
                        {
                            "error": "text is 120000 characters; the limit is 100000 "
                            "(PARADIP_MAX_TEXT_CHARS)"
                        },
                    ],
                }
            ]
        }
    )

    model_version: str
    results: list[ClassifyResponse | ItemError]


class FeedbackRequest(BaseModel):
    """A correct label for a text, or for an item id already in the label store."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
                {"required": ["item_id"], "properties": {"item_id": {"type": "string"}}},
            ],
            "examples": [
                {
                    "text": "Quebec opens its own trade office in Tokyo",
                    "label": "parallel",
                    "note": "own office, no mandate from Ottawa",
                }
            ],
        },
    )

    text: str | None = Field(None, min_length=1, description="The text the label is for.")
    item_id: str | None = Field(
        None, min_length=1, description="Or the id of an item already in the label store."
    )
    label: Label = Field(description="complementary, parallel, constituent or none.")
    note: str | None = Field(None, max_length=2000)
    who: str | None = Field(None, max_length=200, description="Who gives the label (default: api).")

    @model_validator(mode="after")
    def _text_or_item(self) -> FeedbackRequest:
        if self.text is None and self.item_id is None:
            raise ValueError("give 'text' or 'item_id'")
        if self.text is not None and not self.text.strip():
            raise ValueError("'text' is blank")
        return self


_LABEL_EXAMPLE: JsonDict = {
    "id": 42,
    "item_id": None,
    "text": "Quebec opens its own trade office in Tokyo",
    "label": "parallel",
    "lang": "en",
    "entity": None,
    "who": "api",
    "created_at": "2026-11-22T09:14:03+00:00",
    "origin": "api",
    "state": "corrected",
    "note": "own office, no mandate from Ottawa",
}

_SUMMARY_EXAMPLE: JsonDict = {
    "version": "v001",
    "active": True,
    "created": "2026-11-21T18:02:11+00:00",
    "metrics": {"macro_f1": 0.922, "accuracy": 0.923, "ece": 0.036},
}


class LabelOut(BaseModel):
    """A stored label."""

    model_config = ConfigDict(json_schema_extra={"examples": [_LABEL_EXAMPLE]})

    id: int
    item_id: str | None
    text: str
    label: str
    lang: str | None
    entity: str | None
    who: str
    created_at: str
    origin: str
    state: str
    note: str | None


class LabelsPage(BaseModel):
    """One page of stored labels."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [_LABEL_EXAMPLE], "limit": 100, "offset": 0, "next_offset": None}
            ]
        }
    )

    items: list[LabelOut]
    limit: int
    offset: int
    next_offset: int | None


class ModelSummary(BaseModel):
    """A model version and its test metrics."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SUMMARY_EXAMPLE]})

    version: str
    active: bool
    created: str | None
    metrics: dict[str, object]


class ActiveModel(BaseModel):
    """The version now active."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"active": "v002"}]})

    active: str


class ReadyResponse(BaseModel):
    """The model is loaded and answers."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ready", "model_version": "v001"}]}
    )

    status: Literal["ready"]
    model_version: str


class RecentItemOut(BaseModel):
    """A recent prediction, in the shape of a ``paradip suggest`` row."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "recent-5b1e0c9a7d21",
                    "title": None,
                    "text": "Quebec opens a trade office in Tokyo",
                    "lang": "en",
                    "suggested": "parallel",
                    "confidence": 0.61,
                    "uncertain": True,
                    "scores": {
                        "complementary": 0.3,
                        "parallel": 0.61,
                        "constituent": 0.04,
                        "none": 0.05,
                    },
                    "model_version": "v001",
                    "at": "2026-11-22T09:14:03+00:00",
                }
            ]
        }
    )

    id: str
    title: str | None
    text: str
    lang: str
    suggested: Label
    confidence: float
    uncertain: bool
    scores: dict[Label, float]
    model_version: str
    at: str
