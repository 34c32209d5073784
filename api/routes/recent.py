"""``GET /v1/recent``: the worker's recent predictions, for the review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import RecentDep
from api.schemas import RecentItemOut

router = APIRouter(tags=["labels"])


@router.get("/recent", response_model=list[RecentItemOut])
def recent(
    items: RecentDep,
    uncertain: Annotated[bool, Query(description="Only the items flagged uncertain.")] = True,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most items returned.")] = 100,
) -> list[RecentItemOut]:
    """Items this worker classified lately (``POST /v1/classify``), newest first.

    Kept in memory only (``PARADIP_RECENT_ITEMS``), per worker process: with
    several workers each answers with its own.
    """
    return [
        RecentItemOut.model_validate(item.to_json())
        for item in items.latest(limit, uncertain_only=uncertain)
    ]
