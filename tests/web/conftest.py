"""Browser fixtures: the real app served by uvicorn on a free port, driven by Debian's
headless Chromium through Playwright (which never downloads a browser here)."""
import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
VENDOR = Path(__file__).resolve().parents[2] / "src" / "protestwatch" / "web" / "static" / "vendor"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SERVER_START_TIMEOUT_S = 20


def _missing_requirement():
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: apt-get install chromium chromium-driver"
    if not VENDOR.is_dir():
        return f"the front-end is not built ({VENDOR}): run `make web`"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[dev]'"
    return None


@pytest.fixture(scope="session", autouse=True)
def _require_browser():
    reason = _missing_requirement()
    if reason and os.environ.get("CI"):
        pytest.fail(f"web tests must run in CI: {reason}")
    if reason:
        pytest.skip(reason)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(served_db_url, _require_browser):
    """The base URL of the app over the sample store, served by uvicorn in a thread."""
    import uvicorn

    from protestwatch.api import create_app

    config = uvicorn.Config(create_app(served_db_url), host="127.0.0.1", port=_free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(_require_browser):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that fails the test on a JavaScript error or a dialog, and leaves a
    screenshot in test-artifacts/ named after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.pw_errors = []
    page.pw_dialogs = []
    page.on("pageerror", lambda error: page.pw_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.pw_errors.append(message.text))

    def record_dialog(dialog):
        page.pw_dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record_dialog)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
