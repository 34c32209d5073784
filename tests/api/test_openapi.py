"""The OpenAPI schema: every operation documents an example body in and out."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    if "examples" in schema:
        return schema
    if schema.get("type") == "array":
        return _resolve(schema["items"], spec)
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return _resolve(option, spec)
    return schema


def _has_example(content: dict[str, Any], spec: dict[str, Any]) -> bool:
    for media in content.values():
        if "example" in media or "examples" in media:
            return True
        if "examples" in _resolve(media.get("schema", {}), spec):
            return True
    return False


def test_every_operation_shows_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    missing = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            body = operation.get("requestBody")
            if body is not None and not _has_example(body["content"], spec):
                missing.append(f"{method.upper()} {path} request")
            success = next(code for code in operation["responses"] if code.startswith("2"))
            content = operation["responses"][success].get("content")
            if content is not None and not _has_example(content, spec):
                missing.append(f"{method.upper()} {path} response {success}")
    assert missing == []


def test_every_path_is_under_v1(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert paths and all(path.startswith("/v1/") for path in paths)
