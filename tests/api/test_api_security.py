import pytest


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/nope", "/openapi.json", "/static/app.css"])
def test_api_security_headers_forbid_inline_script(api_client, path):
    headers = api_client.get(path).headers
    policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_api_security_pages_have_no_inline_script_or_handlers(api_client):
    import re

    for path in ("/", "/events/0000000000000000"):
        html = api_client.get(path).text
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
        assert not re.search(r"\son[a-z]+\s*=", html)
        assert "style=" not in html
