import re

import pytest

TOTAL_RE = re.compile(r"^(\d+) events?\.")


def _open_map(page, live_server):
    page.goto(live_server + "/")
    page.wait_for_selector("body[data-loaded]")
    return page


def _shown_total(page):
    return int(TOTAL_RE.match(page.locator("#summary").inner_text()).group(1))


def _wait_for_total_change(page, before):
    page.wait_for_function(
        "before => { const m = document.querySelector('#summary').textContent.match(/^(\\d+) event/);"
        " return m && Number(m[1]) !== before; }", arg=before)


def test_web_map_shows_markers_timeline_and_table(page, live_server, api_client):
    _open_map(page, live_server)
    total = api_client.get("/api/events").json()["total"]
    assert _shown_total(page) == total
    assert page.locator("#events-table tbody tr").count() == total
    markers = page.locator(".leaflet-marker-icon").count()
    assert 0 < markers <= total
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the country shapes
    assert page.locator("#timeline .bars rect").count() == len(api_client.get("/api/stats").json()["by_day"])
    assert page.pw_errors == []


def test_web_map_brushing_the_timeline_filters_map_and_table(page, live_server):
    _open_map(page, live_server)
    before = _shown_total(page)
    box = page.locator("#timeline .brush .overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=8)
    page.mouse.up()
    _wait_for_total_change(page, before)
    since, until = page.input_value("#filter-since"), page.input_value("#filter-until")
    assert since and until and since <= until
    after = _shown_total(page)
    assert 0 < after < before
    assert page.locator(".leaflet-marker-icon").count() <= after
    starts = page.locator("#events-table tbody tr td:first-child").all_inner_texts()
    assert len(starts) == after
    for text in starts:
        first_day, _, last_day = text.partition(" – ")
        assert first_day <= until and (last_day or first_day) >= since
    assert page.locator("#timeline .brush .selection").is_visible()


@pytest.mark.parametrize("country, name", [("KE", "Kenya")])
def test_web_map_country_filter(page, live_server, country, name):
    _open_map(page, live_server)
    before = _shown_total(page)
    page.select_option("#filter-country", country)
    _wait_for_total_change(page, before)
    countries = page.locator("#events-table tbody td:nth-child(3)").all_inner_texts()
    assert countries and set(countries) == {name}


def test_web_map_opens_an_event_page(page, live_server):
    _open_map(page, live_server)
    page.locator("#events-table tbody a").first.click()
    page.wait_for_url(re.compile(r"/events/[0-9a-f]+$"))
    page.wait_for_selector("body[data-loaded]")
    assert page.locator("#event-heading").inner_text()
