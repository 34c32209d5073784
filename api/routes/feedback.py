"""``POST /v1/feedback``: a person's correct label, stored as ``corrected``."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import ApiKeyDep, SettingsDep, StoreDep
from api.schemas import FeedbackRequest, LabelOut
from classifier.labels.store import NewLabel
from classifier.text.langid import detect_language

router = APIRouter(tags=["labels"])


@router.post(
    "/feedback",
    response_model=LabelOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        401: {"description": "Missing or wrong API key."},
        404: {"description": "Unknown item id."},
        413: {"description": "The text is longer than the configured limit."},
    },
)
def feedback(
    body: FeedbackRequest, store: StoreDep, settings: SettingsDep, _key: ApiKeyDep
) -> LabelOut:
    """Store the correct label for a text (or a stored item id) in the label store."""
    text = body.text
    if text is None:
        known = store.rows(item_id=body.item_id)
        if not known:
            raise HTTPException(
                status.HTTP_404_NOT_FOUND,
                detail=f"no item {body.item_id!r} in the label store; send its 'text' instead",
            )
        text = known[-1].text
    if len(text) > settings.max_text_chars:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"text is {len(text)} characters; the limit is {settings.max_text_chars} "
            "(PARADIP_MAX_TEXT_CHARS)",
        )
    [row_id] = store.add(
        [
            NewLabel(
                text=text,
                label=body.label,
                who=body.who or "api",
                origin="api",
                state="corrected",
                item_id=body.item_id,
                lang=detect_language(text),
                note=body.note,
            )
        ]
    )
    row = store.get(row_id)
    assert row is not None
    return LabelOut.model_validate(row.to_json())
