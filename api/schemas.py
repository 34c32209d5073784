"""Request and response bodies of the API, with the examples the docs show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Label = Literal["complementary", "parallel", "constituent", "none"]


class ClassifyRequest(BaseModel):
    """One news item: a body, and optionally its headline."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Kurdistan Region signs vocational training memorandum with Bavaria",
                    "text": "The KRG signed a memorandum of understanding with the German state "
                    "of Bavaria to develop vocational education in Erbil.",
                }
            ]
        },
    )

    text: str = Field(description="The item's text (lead or full article).")
    title: str | None = Field(None, description="The headline, classified with the text.")


class EvidenceSpan(BaseModel):
    """A span of the original text (character offsets into title + newline + text)."""

    text: str
    start: int
    end: int
    label: Label
    weight: float


class ClassifyResponse(BaseModel):
    """What paradip says of one item."""

    label: Label
    confidence: float = Field(ge=0, le=1)
    scores: dict[Label, float]
    lang: str
    uncertain: bool
    evidence: list[EvidenceSpan]
    model_version: str
    note: str | None = None


class HealthResponse(BaseModel):
    """Liveness, and which model answers."""

    status: Literal["ok"]
    model_version: str


class BatchRequest(BaseModel):
    """Several items at once (up to PARADIP_MAX_BATCH_ITEMS)."""

    model_config = ConfigDict(extra="forbid")

    items: list[ClassifyRequest] = Field(
        description="The items, each a text and an optional title."
    )


class ItemError(BaseModel):
    """Why one item of a batch could not be classified."""

    error: str


class BatchResponse(BaseModel):
    """One entry per item, in order: a result or an error."""

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


class LabelOut(BaseModel):
    """A stored label."""

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

    items: list[LabelOut]
    limit: int
    offset: int
    next_offset: int | None


class ModelSummary(BaseModel):
    """A model version and its test metrics."""

    version: str
    active: bool
    created: str | None
    metrics: dict[str, object]


class ActiveModel(BaseModel):
    """The version now active."""

    active: str


class ReadyResponse(BaseModel):
    """The model is loaded and answers."""

    status: Literal["ready"]
    model_version: str
