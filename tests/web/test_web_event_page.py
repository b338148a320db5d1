def _event_with_most_evidence(api_client):
    events = api_client.get("/api/events", params={"limit": 1000}).json()["events"]
    return max(events, key=lambda event: len(event["evidence"]))


def test_web_event_page_highlights_and_labels_evidence(page, live_server, api_client):
    event = _event_with_most_evidence(api_client)
    detail = api_client.get(f"/api/events/{event['id']}").json()
    page.goto(f"{live_server}/events/{event['id']}")
    page.wait_for_selector("body[data-loaded]")

    # The article's text is on the page unchanged: highlights wrap it, labels are CSS.
    article = detail["articles"][0]
    assert page.locator("#article-text").evaluate("node => node.textContent") == article["text"]
    marks = page.locator("#article-text mark.evidence")
    assert marks.count() > 0
    highlighted_fields = set(" ".join(marks.evaluate_all("nodes => nodes.map(n => n.dataset.fields)")).split())
    assert highlighted_fields == {span["field"] for span in detail["evidence"]}
    labels = page.locator("#article-text mark[data-label]").evaluate_all(
        "nodes => nodes.map(n => getComputedStyle(n, '::before').content)")
    assert labels and all(label.strip('"') for label in labels)
    for span in detail["evidence"]:
        covering = page.locator(f"#article-text mark[data-fields~='{span['field']}']").all_text_contents()
        assert span["text"] in "".join(covering) or any(part in span["text"] for part in covering)
    assert page.locator("#event-fields dt .field-key").count() > 0
    assert page.pw_errors == []


def test_web_event_page_unknown_event_says_so(page, live_server):
    page.goto(f"{live_server}/events/0000000000000000")
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('404')")
