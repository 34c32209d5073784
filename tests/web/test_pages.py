"""End to end in headless Chromium: classify, correct, review with the keyboard, models."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, Request, expect

from classifier.labels.store import LabelStore
from tests.web.conftest import KEY, LiveServer

ITEMS = {
    "ar": (
        "أربيل تفتتح ممثلية في برلين",
        "افتتحت حكومة إقليم كوردستان ممثلية لها في برلين لتعزيز علاقاتها مع ألمانيا "
        "دون التنسيق مع وزارة الخارجية الاتحادية في بغداد.",
        "rtl",
    ),
    "fa": (
        "سفر استاندار خراسان رضوی به هرات",
        "استاندار خراسان رضوی با هماهنگی وزارت امور خارجه برای گفتگو درباره بازارچه های "
        "مرزی به هرات سفر کرد.",
        "rtl",
    ),
    "en": (
        "Quebec opens its own office in Tokyo",
        "The Quebec government opened a trade and cultural office in Tokyo, "
        "its premier said, without Ottawa's involvement.",
        "ltr",
    ),
}


def _set_key(page: Page) -> None:
    page.fill("#api-key", KEY)
    page.click("#key-form button[type=submit]")
    expect(page.locator("#key-state")).to_have_text("key set for this tab")


@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
def test_classify_shows_label_bars_direction_and_highlights(
    page: Page, live: LiveServer, artifacts: Path, lang: str
) -> None:
    title, text, direction = ITEMS[lang]
    expected = httpx.post(
        f"{live.url}/v1/classify", json={"title": title, "text": text}, timeout=60
    ).json()
    page.goto("/")
    page.fill("#title", title)
    page.fill("#text", text)
    page.click("#classify-form button[type=submit]")
    expect(page.locator("#result")).to_be_visible()

    expect(page.locator("#result-label")).to_have_text(expected["label"])
    expect(page.locator("#result-lang")).to_have_text(lang)
    expect(page.locator("#result-version")).to_have_text(expected["model_version"])
    expect(page.locator("#result-uncertain")).to_be_visible(visible=expected["uncertain"])
    for label, score in expected["scores"].items():
        value = page.locator(f".bar-value[data-label={label}]")
        expect(value).to_have_text(f"{score * 100:.1f}%")
    highlighted = page.locator("#highlighted")
    expect(highlighted).to_have_attribute("dir", direction)
    assert highlighted.inner_text() == f"{title}\n{text}"
    marks = highlighted.locator("mark")
    spans = sorted(expected["evidence"], key=lambda span: span["start"])
    assert spans, "the model gave no evidence for this item"
    assert marks.all_inner_texts() == [span["text"] for span in spans]
    for mark, span in zip(marks.all(), spans, strict=True):
        assert mark.get_attribute("data-label") == span["label"]
        assert f"ev-{span['label']}" in (mark.get_attribute("class") or "")
    page.screenshot(path=str(artifacts / f"classify-{lang}.png"), full_page=True)


def test_a_correction_reaches_the_label_store(
    page: Page, live: LiveServer, artifacts: Path
) -> None:
    title, text, _ = ITEMS["en"]
    page.goto("/")
    page.fill("#title", title)
    page.fill("#text", text)
    page.click("#classify-form button[type=submit]")
    expect(page.locator("#result")).to_be_visible()

    page.click("button.pick[data-label=constituent]")
    expect(page.locator("#feedback-state")).to_contain_text("Enter the API key")

    _set_key(page)
    assert page.evaluate("sessionStorage.getItem('paradip.apiKey')") == KEY
    assert KEY not in page.content()
    page.click("button.pick[data-label=constituent]")
    expect(page.locator("#feedback-state")).to_contain_text('Stored: "constituent"')
    page.screenshot(path=str(artifacts / "correct.png"), full_page=True)

    stored = LabelStore(live.settings.data_dir).rows(state="corrected", label="constituent")
    assert any(row.text == f"{title}\n{text}" and row.origin == "api" for row in stored)


def test_a_review_queue_goes_by_the_keyboard(
    page: Page, live: LiveServer, artifacts: Path, tmp_path: Path
) -> None:
    rows = [
        {"id": f"queue-{lang}", "title": title, "text": text, "lang": lang, "suggested": "none"}
        for lang, (title, text, _) in ITEMS.items()
    ]
    suggestions = tmp_path / "suggestions.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    suggestions.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")

    page.goto("/#review")
    _set_key(page)
    page.set_input_files("#queue-file", str(suggestions))
    expect(page.locator("#queue-state")).to_contain_text("3 item(s) from suggestions.jsonl")
    expect(page.locator("#queue-state")).to_contain_text("line 2: not JSON")
    expect(page.locator("#queue-count")).to_have_text("1 of 3 · 0 labelled · 0 skipped")
    expect(page.locator("#queue-text")).to_have_attribute("dir", "rtl")
    page.screenshot(path=str(artifacts / "review.png"), full_page=True)

    page.keyboard.press("2")
    expect(page.locator("#queue-count")).to_have_text("2 of 3 · 1 labelled · 0 skipped")
    page.keyboard.press("s")
    expect(page.locator("#queue-count")).to_have_text("3 of 3 · 1 labelled · 1 skipped")
    expect(page.locator("#queue-text")).to_have_attribute("dir", "ltr")
    page.keyboard.press("4")
    expect(page.locator("#queue-done")).to_have_text("Queue done: 2 labelled, 1 skipped.")

    store = LabelStore(live.settings.data_dir)
    assert [row.label for row in store.rows(item_id="queue-ar")] == ["parallel"]
    assert store.rows(item_id="queue-fa") == []
    assert [row.label for row in store.rows(item_id="queue-en")] == ["none"]


def test_a_csv_queue_and_the_recent_uncertain_items_load(
    page: Page, live: LiveServer, tmp_path: Path
) -> None:
    csv = tmp_path / "suggestions.csv"
    csv.write_text(
        "id,title,text,lang,suggested,margin,scores,label\n"
        'c1,,"Basra governor visits Kuwait, ""border"" talks",en,complementary,0.1,,\n',
        encoding="utf-8",
    )
    page.goto("/#review")
    page.set_input_files("#queue-file", str(csv))
    expect(page.locator("#queue-text")).to_have_text('Basra governor visits Kuwait, "border" talks')

    recent = httpx.get(f"{live.url}/v1/recent", params={"uncertain": True}, timeout=30).json()
    page.click("#queue-recent")
    expect(page.locator("#queue-state")).to_contain_text(
        f"{len(recent)} item(s) from the service's uncertain recent items"
    )


def test_models_page_lists_versions_and_swaps_them(
    page: Page, live: LiveServer, artifacts: Path
) -> None:
    page.goto("/#models")
    rows = page.locator("#models-table tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("tr[data-version=v001]")).to_have_class("active")
    page.screenshot(path=str(artifacts / "models.png"), full_page=True)

    page.click("tr[data-version=v002] button.activate")
    expect(page.locator("#models-state")).to_contain_text("Enter the API key")
    _set_key(page)
    page.click("tr[data-version=v002] button.activate")
    expect(page.locator("#models-state")).to_have_text("Active model: v002.")
    expect(page.locator("tr[data-version=v002]")).to_have_class("active")
    assert httpx.get(f"{live.url}/v1/health", timeout=30).json()["model_version"] == "v002"

    page.click("#rollback")
    expect(page.locator("#models-state")).to_have_text("Active model: v001.")
    expect(page.locator("tr[data-version=v001]")).to_have_class("active")


def test_the_api_docs_render_without_a_cdn(page: Page, artifacts: Path) -> None:
    # Scripts, styles and data must come from this server. ReDoc's footer
    # links an image (its maker's logo) from cdn.redoc.ly; an image that
    # does not load changes nothing, so images are not counted.
    outside: list[str] = []

    def record(request: Request) -> None:
        local = request.url.startswith(("http://127.0.0.1", "data:", "blob:http://127.0.0.1"))
        if not local and request.resource_type != "image":
            outside.append(f"{request.resource_type} {request.url}")

    page.on("request", record)
    page.goto("/docs")
    expect(page.locator(".opblock-summary-path", has_text="/v1/classify/batch")).to_be_visible()
    expect(page.locator(".opblock-summary-path", has_text="/v1/feedback")).to_be_visible()
    page.screenshot(path=str(artifacts / "docs.png"))
    page.goto("/redoc")
    expect(page.get_by_text("/v1/classify/batch").first).to_be_attached()
    assert outside == []
