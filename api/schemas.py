"""Request and response bodies of the API, with the examples the docs show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
