"""``POST /v1/classify`` and ``POST /v1/classify/batch``: label items, with their evidence."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import BatcherDep, MetricsDep, PredictorDep, RecentDep, SettingsDep
from api.schemas import (
    BatchItem,
    BatchRequest,
    BatchResponse,
    ClassifyRequest,
    ClassifyResponse,
    ItemError,
)

router = APIRouter(tags=["classify"])


def _too_long(item: BatchItem, limit: int) -> str | None:
    length = len(item.text) + len(item.title or "")
    if length > limit:
        return f"text is {length} characters; the limit is {limit} (PARADIP_MAX_TEXT_CHARS)"
    return None


@router.post(
    "/classify",
    response_model=ClassifyResponse,
    responses={413: {"description": "The text is longer than the configured limit."}},
)
async def classify(
    body: ClassifyRequest,
    predictor: PredictorDep,
    batcher: BatcherDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    recent: RecentDep,
) -> ClassifyResponse:
    """Classify one item: label, confidence, the four scores, language, evidence, model version."""
    problem = _too_long(body, settings.max_text_chars)
    if problem:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, detail=problem)
    [prediction] = await batcher.predict(
        predictor, [body.text], [body.title], evidence=body.evidence
    )
    metrics.observe_predictions([prediction.label])
    recent.add(body.text, body.title, prediction)
    return ClassifyResponse.model_validate(prediction.to_json(with_evidence=body.evidence))


@router.post(
    "/classify/batch",
    response_model=BatchResponse,
    responses={413: {"description": "More items than the configured limit."}},
)
async def classify_batch(
    body: BatchRequest,
    predictor: PredictorDep,
    batcher: BatcherDep,
    settings: SettingsDep,
    metrics: MetricsDep,
) -> BatchResponse:
    """Classify several items; an item that cannot be classified gets an error, not the batch."""
    if len(body.items) > settings.max_batch_items:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"{len(body.items)} items; the limit is {settings.max_batch_items} "
            "(PARADIP_MAX_BATCH_ITEMS): split the batch",
        )
    problems = [_too_long(item, settings.max_text_chars) for item in body.items]
    good = [item for item, problem in zip(body.items, problems, strict=True) if problem is None]
    predictions = iter(
        await batcher.predict(
            predictor,
            [item.text for item in good],
            [item.title for item in good],
            evidence=body.evidence,
        )
    )
    results: list[ClassifyResponse | ItemError] = []
    labels = []
    for problem in problems:
        if problem is not None:
            results.append(ItemError(error=problem))
            continue
        prediction = next(predictions)
        labels.append(prediction.label)
        results.append(
            ClassifyResponse.model_validate(prediction.to_json(with_evidence=body.evidence))
        )
    metrics.observe_predictions(labels)
    return BatchResponse(model_version=predictor.version, results=results)
