"""``POST /v1/classify``: label one news item, with its evidence."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import PredictorDep, SettingsDep
from api.schemas import ClassifyRequest, ClassifyResponse

router = APIRouter(tags=["classify"])


@router.post(
    "/classify",
    response_model=ClassifyResponse,
    responses={413: {"description": "The text is longer than the configured limit."}},
)
def classify(
    body: ClassifyRequest, predictor: PredictorDep, settings: SettingsDep
) -> ClassifyResponse:
    """Classify one item: label, confidence, the four scores, language, evidence, model version."""
    length = len(body.text) + len(body.title or "")
    if length > settings.max_text_chars:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"text is {length} characters; the limit is {settings.max_text_chars} "
            "(PARADIP_MAX_TEXT_CHARS)",
        )
    prediction = predictor.predict([body.text], [body.title])[0]
    return ClassifyResponse.model_validate(prediction.to_json())
