"""Article text is untrusted: markup in an article is shown as text on every page."""
import json
from pathlib import Path

import pytest

HOSTILE = json.loads((Path(__file__).parents[1] / "data" / "hostile-article.jsonl").read_text())
PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


def _hostile_event(api_client):
    events = api_client.get("/api/events", params={"limit": 1000}).json()["events"]
    return next(event for event in events if event["article_id"] == HOSTILE["id"])


def _assert_shown_as_text(page):
    assert page.pw_dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script:not([src])").count() == 0
    body = page.locator("body").inner_text()
    for payload in PAYLOADS:
        assert payload in body


@pytest.mark.issue(6)
def test_web_xss_map_page_table_and_popup(page, live_server, api_client):
    event = _hostile_event(api_client)
    page.goto(live_server + "/")
    page.wait_for_selector("body[data-loaded]")
    row = page.locator(f"#events-table tbody tr[data-event-id='{event['id']}']")
    assert row.inner_text().count("alert(1)") == 2
    page.fill("#filter-q", "higher wages")
    page.press("#filter-q", "Enter")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr').length === 1")
    page.locator(f".event-dot[data-event-id='{event['id']}']").click()
    popup = page.locator(".leaflet-popup-content .popup-title")
    assert popup.inner_text() == HOSTILE["title"]
    _assert_shown_as_text(page)


@pytest.mark.issue(6)
def test_web_xss_event_page(page, live_server, api_client):
    event = _hostile_event(api_client)
    page.goto(f"{live_server}/events/{event['id']}")
    page.wait_for_selector("body[data-loaded]")
    assert page.locator("#article-title").inner_text() == HOSTILE["title"]
    assert page.locator("#article-text").evaluate("node => node.textContent") == HOSTILE["text"]
    # A javascript: URL is not made a link.
    assert page.locator("#article-meta a").count() == 0
    assert HOSTILE["source"] in page.locator("#article-meta").inner_text()
    _assert_shown_as_text(page)
