"""The web page is served by the same app, with no key in its source."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import KEY


def test_the_page_and_its_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/app.js"' in page.text
    for path, kind in (("/static/app.js", "javascript"), ("/static/style.css", "text/css")):
        response = client.get(path)
        assert response.status_code == 200, path
        assert kind in response.headers["content-type"]
        assert KEY not in response.text


def test_the_key_lives_in_session_storage_only(client: TestClient) -> None:
    script = client.get("/static/app.js").text
    assert "sessionStorage" in script
    assert "localStorage" not in script
    assert "document.cookie" not in script


def test_an_unknown_static_file_is_404(client: TestClient) -> None:
    assert client.get("/static/nothing.js").status_code == 404


def test_the_docs_load_their_scripts_from_this_server(client: TestClient) -> None:
    for page, script in (
        ("/docs", "/static-docs/swagger-ui-bundle.js"),
        ("/redoc", "/static-docs/redoc.standalone.js"),
    ):
        html = client.get(page)
        assert html.status_code == 200
        assert script in html.text
        assert "cdn.jsdelivr.net" not in html.text
        assert client.get(script).status_code == 200
