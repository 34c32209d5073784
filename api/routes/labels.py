"""``GET /v1/labels``: the label store, page by page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.schemas import LabelOut, LabelsPage
from classifier.data.schema import LABELS
from classifier.labels.store import STATES

router = APIRouter(tags=["labels"])


@router.get("/labels", response_model=LabelsPage)
def labels(
    store: StoreDep,
    state: Annotated[str | None, Query(description=f"One of {', '.join(STATES)}.")] = None,
    label: Annotated[str | None, Query(description=f"One of {', '.join(LABELS)}.")] = None,
    since: Annotated[
        str | None, Query(description="ISO date or time; created at or after.")
    ] = None,
    until: Annotated[str | None, Query(description="ISO date or time; created before.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**53)] = 0,
) -> LabelsPage:
    """Export stored labels, oldest first, filtered by state, label and date."""
    rows = store.rows(
        state=state, label=label, since=since, until=until, limit=limit + 1, offset=offset
    )
    page = rows[:limit]
    return LabelsPage(
        items=[LabelOut.model_validate(row.to_json()) for row in page],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(rows) > limit else None,
    )
